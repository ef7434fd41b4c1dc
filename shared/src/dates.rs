//! Dates as records hold them: a day (`YYYY-MM-DD`), a due date to the precision it was
//! agreed (a day, a month, a quarter, or not yet), and how people read them. Today's date
//! comes from the device; nothing here reads a clock.

/// A calendar date written `YYYY-MM-DD` (years 1900 to 2200), as (year, month, day).
pub fn parse_date(v: &str) -> Option<(u16, u8, u8)> {
    let parts: Vec<&str> = v.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    let y = parts[0].parse::<u16>().ok()?;
    let m = parts[1].parse::<u8>().ok()?;
    let d = parts[2].parse::<u8>().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
        .then_some((y, m, d))
}

/// The number of days in a month (`m` from 1 to 12) of the Gregorian calendar.
pub fn days_in_month(y: u16, m: u8) -> u8 {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        2 if leap => 29,
        2 => 28,
        _ => 30,
    }
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day as `YYYY-MM-DD` read into its parts; today's date comes from the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub fn parse(text: &str) -> Option<Day> {
        parse_date(text.trim()).map(|(year, month, day)| Day { year, month, day })
    }

    /// "15 October 2012".
    pub fn label(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

/// When an action is due, to the precision it was agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Not decided yet (written as the empty text).
    ToBeDecided,
    /// `2013-01-15`
    Day(Day),
    /// `2013-01`
    Month { year: u16, month: u8 },
    /// `2013-Q1`
    Quarter { year: u16, quarter: u8 },
}

impl Due {
    /// Reads a due date as stored: empty, `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn`.
    pub fn parse(text: &str) -> Option<Due> {
        let text = text.trim();
        if text.is_empty() {
            return Some(Due::ToBeDecided);
        }
        if let Some(day) = Day::parse(text) {
            return Some(Due::Day(day));
        }
        let (y, rest) = text.split_once('-')?;
        if y.len() != 4 {
            return None;
        }
        let year: u16 = y.parse().ok().filter(|y| (1900..=2200).contains(y))?;
        if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
            let quarter: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            return (q.len() == 1).then_some(Due::Quarter { year, quarter });
        }
        let month: u8 = rest.parse().ok().filter(|m| (1..=12).contains(m))?;
        (rest.len() == 2).then_some(Due::Month { year, month })
    }

    /// The last day the action can be done on time; none while the date is to be decided.
    pub fn last_day(self) -> Option<Day> {
        let (year, month) = match self {
            Due::ToBeDecided => return None,
            Due::Day(d) => return Some(d),
            Due::Month { year, month } => (year, month),
            Due::Quarter { year, quarter } => (year, quarter * 3),
        };
        Some(Day {
            year,
            month,
            day: days_in_month(year, month),
        })
    }

    /// "15 January 2013", "January 2013", "1st quarter 2013", "To be decided".
    pub fn label(self) -> String {
        match self {
            Due::ToBeDecided => "To be decided".to_owned(),
            Due::Day(d) => d.label(),
            Due::Month { year, month } => format!("{} {year}", MONTHS[usize::from(month - 1)]),
            Due::Quarter { year, quarter } => {
                let nth = ["1st", "2nd", "3rd", "4th"][usize::from(quarter - 1)];
                format!("{nth} quarter {year}")
            }
        }
    }
}

/// First and last day as people write them: "15–17 October 2012", "15 October 2012",
/// "30 September – 2 October 2012" (for meetings and missions alike).
pub fn dates_label(starts: &str, ends: &str) -> String {
    let Some(s) = Day::parse(starts) else {
        return starts.to_owned();
    };
    match Day::parse(ends).filter(|e| *e > s) {
        None => s.label(),
        Some(e) if (e.year, e.month) == (s.year, s.month) => format!("{}–{}", s.day, e.label()),
        Some(e) if e.year == s.year => format!(
            "{} {} – {}",
            s.day,
            MONTHS[usize::from(s.month - 1)],
            e.label()
        ),
        Some(e) => format!("{} – {}", s.label(), e.label()),
    }
}

/// Dates in the words of a language (`shared/lang/*/interface.ftl`, "Dates"): the same
/// forms as the English labels above, with each language's month names and order.
pub mod words {
    use super::{Day, Due};
    use crate::i18n::{msg, Arg, Catalogue};

    /// Numbers that name a day, month or year are written as they are, not grouped.
    fn day_month(c: &Catalogue, d: Day) -> String {
        c.format(
            msg::DATE_DAY_MONTH,
            &[
                ("day", Arg::Text(&d.day.to_string())),
                ("month", Arg::Text(&d.month.to_string())),
            ],
        )
    }

    /// "15 October 2012", "15 octobre 2012", "15 de octubre de 2012".
    pub fn day(c: &Catalogue, d: Day) -> String {
        c.format(
            msg::DATE_DAY,
            &[
                ("daymonth", Arg::Text(&day_month(c, d))),
                ("year", Arg::Text(&d.year.to_string())),
            ],
        )
    }

    /// "2nd quarter 2013", "avril 2013", "To be decided".
    pub fn due(c: &Catalogue, due: Due) -> String {
        match due {
            Due::ToBeDecided => c.text(msg::DATE_TO_BE_DECIDED),
            Due::Day(d) => day(c, d),
            Due::Month { year, month } => c.format(
                msg::DATE_MONTH,
                &[
                    ("month", Arg::Text(&month.to_string())),
                    ("year", Arg::Text(&year.to_string())),
                ],
            ),
            Due::Quarter { year, quarter } => c.format(
                msg::DATE_QUARTER,
                &[
                    ("quarter", Arg::Text(&quarter.to_string())),
                    ("year", Arg::Text(&year.to_string())),
                ],
            ),
        }
    }

    /// First and last day: "15–17 October 2012", "30 septembre – 2 octobre 2012".
    pub fn dates(c: &Catalogue, starts: &str, ends: &str) -> String {
        let Some(s) = Day::parse(starts) else {
            return starts.to_owned();
        };
        let range = |id, first: String, e: Day| {
            c.format(
                id,
                &[
                    ("first", Arg::Text(&first)),
                    ("last", Arg::Text(&day(c, e))),
                ],
            )
        };
        match Day::parse(ends).filter(|e| *e > s) {
            None => day(c, s),
            Some(e) if (e.year, e.month) == (s.year, s.month) => {
                range(msg::DATES_IN_MONTH, s.day.to_string(), e)
            }
            Some(e) if e.year == s.year => range(msg::DATES_IN_YEAR, day_month(c, s), e),
            Some(e) => range(msg::DATES_APART, day(c, s), e),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::super::{dates_label, Due};
        use super::*;
        use crate::i18n::{problem::catalogue, Lang};

        #[test]
        fn english_words_are_the_english_labels() {
            let en = catalogue(Lang::En);
            for (s, e) in [
                ("2012-10-15", "2012-10-17"),
                ("2012-10-15", ""),
                ("2012-09-30", "2012-10-02"),
                ("2012-12-30", "2013-01-02"),
                ("2012-10-15", "2012-10-15"),
                ("not a date", ""),
            ] {
                assert_eq!(dates(en, s, e), dates_label(s, e), "{s} {e}");
            }
            for d in [
                "",
                "2013-04-30",
                "2013-04",
                "2013-Q1",
                "2013-Q2",
                "2013-Q3",
                "2013-Q4",
            ] {
                let d = Due::parse(d).unwrap();
                assert_eq!(due(en, d), d.label());
            }
        }

        #[test]
        fn each_language_writes_dates_its_way() {
            let say = |lang, s, e| dates(catalogue(lang), s, e);
            assert_eq!(
                say(Lang::Fr, "2012-10-15", "2012-10-17"),
                "15–17 octobre 2012"
            );
            assert_eq!(say(Lang::Fr, "2013-03-01", ""), "1er mars 2013");
            assert_eq!(
                say(Lang::Es, "2012-09-30", "2012-10-02"),
                "30 de septiembre – 2 de octubre de 2012"
            );
            assert_eq!(
                say(Lang::Nl, "2012-12-30", "2013-01-02"),
                "30 december 2012 – 2 januari 2013"
            );
            let q2 = Due::parse("2013-Q2").unwrap();
            assert_eq!(due(catalogue(Lang::Fr), q2), "2e trimestre 2013");
            assert_eq!(due(catalogue(Lang::Es), q2), "2.º trimestre de 2013");
            assert_eq!(
                due(catalogue(Lang::Nl), Due::parse("2013-04").unwrap()),
                "april 2013"
            );
        }
    }
}
