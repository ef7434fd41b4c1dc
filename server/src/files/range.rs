//! The one byte range a download may ask for (`Range: bytes=a-b`, `bytes=a-`, `bytes=-n`),
//! so that a device cut off halfway asks for the rest. Several ranges at once are answered
//! with the whole file, as RFC 9110 allows.

/// What a `Range` header asks of a file of `size` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The whole file (no range, or one this server does not serve in parts).
    Whole,
    /// Bytes `start..=end`.
    Part { start: u64, end: u64 },
    /// A range that starts past the end: `416`.
    Unsatisfiable,
}

/// Reads `header` (the `Range` header's value, if any) against a file of `size` bytes.
pub fn asked(header: Option<&str>, size: u64) -> Asked {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Asked::Whole;
    };
    if spec.contains(',') {
        return Asked::Whole;
    }
    let Some((first, last)) = spec.split_once('-') else {
        return Asked::Whole;
    };
    let number = |s: &str| -> Option<u64> {
        let s = s.trim();
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match (first.trim().is_empty(), number(first), number(last)) {
        // `bytes=-n`: the last n bytes.
        (true, _, Some(n)) if n > 0 && size > 0 => Asked::Part {
            start: size.saturating_sub(n),
            end: size - 1,
        },
        (true, _, Some(_)) => Asked::Unsatisfiable,
        (false, Some(start), _) if start >= size => Asked::Unsatisfiable,
        (false, Some(start), None) if last.trim().is_empty() => Asked::Part {
            start,
            end: size - 1,
        },
        (false, Some(start), Some(end)) if end >= start => Asked::Part {
            start,
            end: end.min(size - 1),
        },
        // Not a range this grammar allows: ignored, as RFC 9110 says.
        _ => Asked::Whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_range_is_read_and_anything_else_means_the_whole_file() {
        let part = |start, end| Asked::Part { start, end };
        assert_eq!(asked(None, 10), Asked::Whole);
        assert_eq!(asked(Some("bytes=2-5"), 10), part(2, 5));
        assert_eq!(asked(Some("bytes=2-"), 10), part(2, 9));
        assert_eq!(asked(Some("bytes=2-100"), 10), part(2, 9));
        assert_eq!(asked(Some("bytes=-3"), 10), part(7, 9));
        assert_eq!(asked(Some("bytes=-30"), 10), part(0, 9));
        assert_eq!(asked(Some("bytes=10-"), 10), Asked::Unsatisfiable);
        assert_eq!(asked(Some("bytes=12-15"), 10), Asked::Unsatisfiable);
        assert_eq!(asked(Some("bytes=-0"), 10), Asked::Unsatisfiable);
        for ignored in [
            "bytes=5-2",
            "bytes=0-1,4-5",
            "items=0-1",
            "bytes=a-b",
            "bytes=+1-2",
            "bytes=-",
            "bytes=1",
        ] {
            assert_eq!(asked(Some(ignored), 10), Asked::Whole, "{ignored}");
        }
    }
}
