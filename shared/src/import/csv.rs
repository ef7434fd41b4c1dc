//! Reading a CSV file as spreadsheets write it: UTF-8 with or without a byte-order mark
//! (or Windows-1252, what a spreadsheet saves as plain "CSV" on many office computers, or
//! UTF-16 with its mark), comma, semicolon or tab separated (the one the header line uses
//! most), RFC 4180 quotes with `""` inside them and line breaks inside quoted cells, CRLF,
//! LF or CR line ends. Empty lines are skipped; each row keeps the line it starts on, so a
//! problem can be named by line.

use std::borrow::Cow;
#[cfg(not(target_arch = "wasm32"))]
use std::fmt;

/// A file's header and rows, each row with the line (from 1) it starts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why a whole file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// Nothing but empty lines.
    Empty,
    /// NUL bytes: a spreadsheet's own format or another binary file, not CSV text.
    NotText,
    /// A quoted cell that never closes, and the line it opens on.
    UnclosedQuote { line: usize },
    /// More rows than one import takes.
    TooManyRows { limit: usize },
}

impl CsvError {
    /// Why the file cannot be read, for the person (`i18n::Problem`).
    pub fn problem(&self) -> crate::i18n::Problem {
        use crate::i18n::{problem::key, Problem};
        match self {
            CsvError::Empty => Problem::new(key::CSV_EMPTY),
            CsvError::NotText => Problem::new(key::CSV_NOT_TEXT),
            CsvError::UnclosedQuote { line } => {
                Problem::new(key::CSV_UNCLOSED_QUOTE).with("line", *line)
            }
            CsvError::TooManyRows { limit } => {
                Problem::new(key::CSV_TOO_MANY_ROWS).with("limit", *limit)
            }
        }
    }
}

/// In English (the server's logs, tests).
#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem().fmt(f)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl std::error::Error for CsvError {}

/// The most rows one file may bring in.
pub const MAX_ROWS: usize = 50_000;

/// A file's bytes as text: UTF-8 (its mark dropped), UTF-16 after its mark, otherwise
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest);
    }
    for (mark, little) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        if let Some(rest) = bytes.strip_prefix(&mark) {
            let units = rest.chunks_exact(2).map(|p| {
                if little {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            });
            return Cow::Owned(
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            );
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// One Windows-1252 byte as a character.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The separator the header line uses most outside quotes: `,`, `;` or a tab.
fn separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [',', ';', '\t'][best]
}

/// Reads CSV text (already decoded; a leading byte-order mark is dropped).
pub fn read(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(CsvError::NotText);
    }
    let sep = separator(text);
    let mut rows: Vec<Row> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut quoted_since: Option<usize> = None;
    let mut chars = text.chars().peekable();
    let mut end_row = |cells: &mut Vec<String>, cell: &mut String, row_line: usize| {
        cells.push(std::mem::take(cell));
        let row = std::mem::take(cells);
        if row.iter().any(|c| !c.trim().is_empty()) {
            rows.push(Row {
                line: row_line,
                cells: row,
            });
        }
        rows.len()
    };
    while let Some(c) = chars.next() {
        if quoted_since.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted_since = None,
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    cell.push('\n');
                }
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted_since = Some(line);
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                if end_row(&mut cells, &mut cell, row_line) > MAX_ROWS + 1 {
                    return Err(CsvError::TooManyRows { limit: MAX_ROWS });
                }
                row_line = line;
            }
            c if c == sep => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    if let Some(line) = quoted_since {
        return Err(CsvError::UnclosedQuote { line });
    }
    if !cell.is_empty() || !cells.is_empty() {
        end_row(&mut cells, &mut cell, row_line);
    }
    if rows.len() > MAX_ROWS + 1 {
        return Err(CsvError::TooManyRows { limit: MAX_ROWS });
    }
    let mut rows = rows.into_iter();
    let header = rows.next().ok_or(CsvError::Empty)?.cells;
    Ok(Table {
        header: header.into_iter().map(|h| h.trim().to_owned()).collect(),
        rows: rows.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn reads_what_spreadsheets_write() {
        // A BOM, semicolons, quotes and a line break inside a cell, Windows line ends, an
        // empty trailing column, an empty line.
        let text = "\u{feff}Name;Acronym;\r\n\"Customs; Excise\";CED;\r\n\r\n\"Said \"\"hi\"\"\nthen left\";;\r\n";
        let t = read(text).unwrap();
        assert_eq!(t.header, ["Name", "Acronym", ""]);
        assert_eq!(
            cells(&t),
            [
                vec!["Customs; Excise", "CED", ""],
                vec!["Said \"hi\"\nthen left", "", ""]
            ]
        );
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn commas_tabs_and_a_last_line_without_its_end() {
        let t = read("a,b\n1,\"2,5\"").unwrap();
        assert_eq!(cells(&t), [vec!["1", "2,5"]]);
        let t = read("a\tb\rx\ty\r").unwrap();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(cells(&t), [vec!["x", "y"]]);
    }

    #[test]
    fn broken_files_are_named() {
        assert_eq!(read(""), Err(CsvError::Empty));
        assert_eq!(read("\r\n\r\n"), Err(CsvError::Empty));
        assert_eq!(
            read("a,b\n1,2\n\"3,4\n"),
            Err(CsvError::UnclosedQuote { line: 3 })
        );
        assert_eq!(read("PK\u{3}\u{4}\0\0"), Err(CsvError::NotText));
        let many = format!("a\n{}", "x\n".repeat(MAX_ROWS + 1));
        assert_eq!(read(&many), Err(CsvError::TooManyRows { limit: MAX_ROWS }));
        assert!(read(&format!("a\n{}", "x\n".repeat(MAX_ROWS))).is_ok());
    }

    #[test]
    fn decodes_utf8_windows_1252_and_utf16() {
        assert_eq!(decode("Curaçao".as_bytes()), "Curaçao");
        assert_eq!(decode(b"\xEF\xBB\xBFCura\xC3\xA7ao"), "Curaçao");
        assert_eq!(decode(b"Cura\xE7ao \x80 \x93ok\x94"), "Curaçao € “ok”");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Curaçao".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "Curaçao");
    }
}
