//! One activity as read from the file, turned into a project row for the plan: which
//! organisations fill which role, the dates by kind, the recipient countries and sectors
//! kept, the budgets summed in one currency; and what is not kept, in the notes.

use crate::i18n::{problem::key, Problem};
use std::collections::BTreeSet;

use super::{Activity, Narratives, State, REGIONS};
use crate::catalogue::RecordKind;
use crate::import::csv::Row;
use crate::reference::{country_name, topic_of_dac};

impl State<'_> {
    /// The activity as a row, or counted as skipped.
    pub(super) fn finish(&mut self, a: Activity) {
        let filter = self.filter;
        let touches = match &filter.country {
            Some(c) => a.countries.iter().any(|x| x == c),
            None => {
                a.countries.iter().any(|c| country_name(c).is_some())
                    || a.regions.iter().any(|r| REGIONS.contains(&r.as_str()))
            }
        };
        if !touches {
            self.rows.skipped += 1;
            return;
        }
        let pick = |list: &Narratives| -> String {
            list.iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(&filter.language))
                .or_else(|| list.first())
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        let named = a.orgs.iter().map(|(_, r, n)| (r, n));
        for (reference, narratives) in named.chain([(&a.reporter.0, &a.reporter.1)]) {
            let name = pick(narratives).replace(';', ",");
            if !reference.is_empty()
                && !name.is_empty()
                && !self.names.knows(RecordKind::Organisation, reference)
            {
                self.rows
                    .identifiers
                    .entry(name)
                    .or_insert_with(|| reference.clone());
            }
        }
        let notes = &mut self.rows.notes;
        // An organisation by its IATI identifier where an organisation on the device has
        // it, else by its name (a list cell is split at semicolons).
        let names = self.names;
        let org_cell = |reference: &str, narratives: &Narratives| -> String {
            let name = pick(narratives).replace(';', ",");
            if !reference.is_empty()
                && (names.knows(RecordKind::Organisation, reference) || name.is_empty())
            {
                reference.to_owned()
            } else {
                name
            }
        };
        let title = pick(&a.titles);
        let called = if title.is_empty() {
            format!("The activity on line {}", a.line)
        } else {
            format!("“{title}”")
        };
        let org_names = |roles: &[&str]| -> Vec<String> {
            let mut names: Vec<String> = Vec::new();
            for (role, reference, narratives) in &a.orgs {
                if roles.contains(&role.as_str()) {
                    let name = org_cell(reference, narratives);
                    if !name.is_empty() && !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            names
        };
        let mut accountable = org_names(&["2"]);
        if accountable.is_empty() {
            accountable = org_names(&["3"]);
        }
        if accountable.is_empty() {
            accountable = vec![org_cell(&a.reporter.0, &a.reporter.1)];
        }
        if accountable.len() > 1 {
            notes.push(
                Problem::new(key::IATI_NOTE_ACCOUNTABLE)
                    .with("activity", called.as_str())
                    .with("kept", accountable[0].as_str())
                    .with("others", accountable[1..].join(", ")),
            );
        }
        let date = |kinds: [&str; 2]| -> String {
            kinds
                .iter()
                .find_map(|k| a.dates.iter().find(|(t, _)| t == k))
                .map(|(_, d)| d.chars().take(10).collect())
                .unwrap_or_default()
        };
        let (kept, dropped): (Vec<&String>, Vec<&String>) =
            a.countries.iter().partition(|c| country_name(c).is_some());
        if !dropped.is_empty() {
            let dropped: Vec<&str> = dropped.iter().map(|c| c.as_str()).collect();
            notes.push(
                Problem::new(key::IATI_NOTE_COUNTRIES)
                    .with("activity", called.as_str())
                    .with("codes", dropped.join(", ")),
            );
        }
        // DAC 5-digit sectors become topics where one covers them, and are kept as the
        // project's other sectors where none does; other vocabularies are not kept.
        let mut topics: BTreeSet<&str> = BTreeSet::new();
        let mut others: BTreeSet<&str> = BTreeSet::new();
        let mut unread: Vec<String> = Vec::new();
        for (vocabulary, code) in &a.sectors {
            let dac = vocabulary == "1" && code.len() == 5;
            match code.parse().ok().filter(|_| dac).map(topic_of_dac) {
                Some(Some(t)) => {
                    topics.insert(t);
                }
                Some(None) => {
                    others.insert(code);
                }
                None => unread.push(format!("{code} (vocabulary {vocabulary})")),
            }
        }
        if !unread.is_empty() {
            notes.push(
                Problem::new(key::IATI_NOTE_SECTORS)
                    .with("activity", called.as_str())
                    .with("codes", unread.join(", ")),
            );
        }
        let (budget, currency) = budget(&a, &called, notes);
        let cells = [
            a.identifier.clone(),
            title,
            pick(&a.descriptions),
            status(&a.status).to_owned(),
            date(["2", "1"]),
            date(["4", "3"]),
            accountable.first().cloned().unwrap_or_default(),
            org_names(&["1"]).join("; "),
            org_names(&["4"]).join("; "),
            kept.iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            topics.into_iter().collect::<Vec<_>>().join("; "),
            others.into_iter().collect::<Vec<_>>().join("; "),
            budget,
            currency,
        ];
        self.rows.table.rows.push(Row {
            line: a.line,
            cells: cells.into(),
        });
    }
}

/// The project status code of an IATI ActivityStatus code ("" for none or unknown).
fn status(code: &str) -> &'static str {
    match code {
        "1" => "pipeline",
        "2" => "implementation",
        "3" => "finalisation",
        "4" => "closed",
        "5" => "cancelled",
        "6" => "suspended",
        _ => "",
    }
}

/// The activity's budget in whole units of one currency: the revised budgets if any, else
/// the original ones, summed in the first one's currency.
fn budget(a: &Activity, called: &str, notes: &mut Vec<Problem>) -> (String, String) {
    let revised = a.budgets.iter().any(|b| b.0 == "2");
    let chosen: Vec<(&str, f64)> = a
        .budgets
        .iter()
        .filter(|b| !revised || b.0 == "2")
        .filter_map(|(_, currency, value)| {
            let currency = if currency.is_empty() {
                a.currency.as_str()
            } else {
                currency.as_str()
            };
            value.parse::<f64>().ok().map(|v| (currency, v))
        })
        .collect();
    let Some(&(currency, _)) = chosen.first() else {
        return (String::new(), String::new());
    };
    let (same, other): (Vec<_>, Vec<_>) = chosen.iter().partition(|(c, _)| *c == currency);
    if !other.is_empty() {
        notes.push(
            Problem::new(key::IATI_NOTE_CURRENCIES)
                .with("activity", called)
                .with("currency", currency),
        );
    }
    let total: f64 = same.iter().map(|(_, v)| v).sum();
    if total < 0.0 {
        return (String::new(), String::new());
    }
    (format!("{}", total.round() as u64), currency.to_uppercase())
}
