//! Projects as IATI activity XML, version 2.03: the file donors publish to the IATI
//! Registry and that d-portal and project maps read, with the reporting organisation the
//! person names.
//!
//! Each project is one `iati-activity`, its elements in the order the 2.03 schema's
//! sequence requires: identifier (the project's IATI identifier, or the reporting
//! organisation's identifier and the project's id), reporting organisation, title,
//! description (the title again when there is none: the schema requires one),
//! participating organisations (funders as role 1, the accountable organisation as 2,
//! implementers as 4), status, dates (start and end, planned or actual by the status),
//! recipient countries and DAC 5-digit sectors (shares split evenly, summing to 100) and
//! the budget over the project's dates. What the schema cannot carry is said in `notes`: a
//! project without a start date (an activity needs a date) is left out, and a budget
//! without an end date or a currency is not written.

use std::collections::HashMap;
use std::fmt::Write;

use uuid::Uuid;

use crate::catalogue::{OrgCategory, Organisation};
use crate::dates::Day;
use crate::i18n::problem::key;
use crate::i18n::Problem;
use crate::projects::{Project, ProjectStatus};
use crate::reference::topic_dac;
use crate::validation::iati_org_identifier_problem;

/// The IATI version written.
pub const VERSION: &str = "2.03";

/// IATI OrganisationType codes a reporting organisation can be, with their names.
pub const ORGANISATION_TYPES: &[(&str, &str)] = &[
    ("10", "Government"),
    ("15", "Other public sector"),
    ("21", "International NGO"),
    ("23", "Regional NGO"),
    ("40", "Multilateral"),
    ("60", "Foundation"),
    ("70", "Private sector"),
    ("80", "Academic, training and research"),
    ("90", "Other"),
];

/// The IATI organisation type of a category, where the category says it (a donor or a
/// technical assistance provider can be a government or a multilateral).
pub fn organisation_type(category: OrgCategory) -> Option<&'static str> {
    match category {
        OrgCategory::CustomsAdministration => Some("10"),
        OrgCategory::RegionalBody | OrgCategory::InternationalOrganisation => Some("40"),
        OrgCategory::Academic => Some("80"),
        OrgCategory::Donor | OrgCategory::TaProvider => None,
    }
}

/// The organisation that publishes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    /// Its IATI organisation identifier, e.g. `XM-DAC-41114`.
    pub reference: String,
    /// An `ORGANISATION_TYPES` code.
    pub kind: String,
    pub name: String,
}

impl Reporter {
    /// What is wrong with the reporter as given.
    pub fn check(&self) -> Result<(), Problem> {
        let r = self.reference.trim();
        if r.is_empty() {
            return Err(Problem::new(key::REPORTER_MISSING));
        }
        if let Some(problem) = iati_org_identifier_problem(r) {
            return Err(problem);
        }
        if !ORGANISATION_TYPES.iter().any(|(c, _)| *c == self.kind) {
            return Err(Problem::new(key::REPORTER_KIND));
        }
        if self.name.trim().is_empty() {
            return Err(Problem::new(key::REPORTER_NAME));
        }
        Ok(())
    }
}

/// A written file and what it could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IatiFile {
    pub xml: String,
    /// How many projects are in it.
    pub activities: usize,
    /// Projects left out and values not written, one sentence each.
    pub notes: Vec<String>,
}

/// The IATI ActivityStatus code of a status.
pub fn activity_status(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Pipeline => "1",
        ProjectStatus::Implementation => "2",
        ProjectStatus::Finalisation => "3",
        ProjectStatus::Closed => "4",
        ProjectStatus::Cancelled => "5",
        ProjectStatus::Suspended => "6",
    }
}

/// Text as XML character data or an attribute value: markup escaped, and the control
/// characters XML 1.0 does not allow left out.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Shares of 100 for `n` parts, with two decimals, summing to exactly 100.
fn shares(n: usize) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let each = 10_000 / n as u64;
    let mut parts = vec![each; n];
    parts[0] += 10_000 - each * n as u64;
    parts
        .into_iter()
        .map(|p| format!("{}.{:02}", p / 100, p % 100))
        .collect()
}

/// The projects (with their ids) as an `iati-activities` document made at `generated`
/// (`YYYY-MM-DDThh:mm:ssZ`), naming organisations from `orgs`.
pub fn activities(
    projects: &[(Uuid, &Project)],
    orgs: &HashMap<Uuid, &Organisation>,
    reporter: &Reporter,
    generated: &str,
) -> IatiFile {
    let mut xml = String::new();
    let mut notes = Vec::new();
    let mut written = 0;
    let _ = writeln!(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        xml,
        "<iati-activities version=\"{VERSION}\" generated-datetime=\"{}\">",
        escaped(generated)
    );
    for &(id, p) in projects {
        let Some(starts) = Day::parse(&p.starts) else {
            notes.push(format!(
                "“{}” is left out: IATI needs a start date.",
                p.title
            ));
            continue;
        };
        written += 1;
        activity(&mut xml, &mut notes, id, p, starts, orgs, reporter);
    }
    xml.push_str("</iati-activities>\n");
    IatiFile {
        xml,
        activities: written,
        notes,
    }
}

fn narrative(xml: &mut String, element: &str, attributes: &str, text: &str) {
    let _ = writeln!(
        xml,
        "  <{element}{attributes}><narrative>{}</narrative></{element}>",
        escaped(text)
    );
}

fn activity(
    xml: &mut String,
    notes: &mut Vec<String>,
    id: Uuid,
    p: &Project,
    starts: Day,
    orgs: &HashMap<Uuid, &Organisation>,
    reporter: &Reporter,
) {
    let reference = reporter.reference.trim();
    let identifier = if p.identifier.trim().is_empty() {
        format!("{reference}-{id}")
    } else {
        p.identifier.trim().to_owned()
    };
    xml.push_str(" <iati-activity xml:lang=\"en\">\n");
    let _ = writeln!(
        xml,
        "  <iati-identifier>{}</iati-identifier>",
        escaped(&identifier)
    );
    narrative(
        xml,
        "reporting-org",
        &format!(
            " ref=\"{}\" type=\"{}\"",
            escaped(reference),
            escaped(&reporter.kind)
        ),
        &reporter.name,
    );
    narrative(xml, "title", "", &p.title);
    let description = if p.description.trim().is_empty() {
        &p.title
    } else {
        &p.description
    };
    narrative(xml, "description", " type=\"1\"", description);
    let roles = p
        .funders
        .iter()
        .map(|o| ("1", *o))
        .chain(p.accountable.map(|o| ("2", o)))
        .chain(p.implementers.iter().map(|o| ("4", *o)));
    for (role, org) in roles {
        let (name, kind, reference) = match orgs.get(&org) {
            Some(o) => (
                o.display_name(),
                organisation_type(o.category),
                o.iati_identifier.trim(),
            ),
            None => (format!("Organisation {org}"), None, ""),
        };
        let kind = kind.map(|k| format!(" type=\"{k}\"")).unwrap_or_default();
        // IATI's schema puts `ref` before `role`.
        let reference = if reference.is_empty() {
            String::new()
        } else {
            format!(" ref=\"{}\"", escaped(reference))
        };
        narrative(
            xml,
            "participating-org",
            &format!("{reference} role=\"{role}\"{kind}"),
            &name,
        );
    }
    let _ = writeln!(
        xml,
        "  <activity-status code=\"{}\"/>",
        activity_status(p.status)
    );
    // Planned dates until the project is under way, then the actual start; the actual
    // end once it is over.
    let begun = matches!(
        p.status,
        ProjectStatus::Implementation
            | ProjectStatus::Finalisation
            | ProjectStatus::Closed
            | ProjectStatus::Suspended
    );
    let over = matches!(
        p.status,
        ProjectStatus::Closed | ProjectStatus::Finalisation
    );
    let ends = Day::parse(&p.ends);
    let _ = writeln!(
        xml,
        "  <activity-date type=\"{}\" iso-date=\"{}\"/>",
        if begun { 2 } else { 1 },
        p.starts.trim()
    );
    if ends.is_some() {
        let _ = writeln!(
            xml,
            "  <activity-date type=\"{}\" iso-date=\"{}\"/>",
            if over { 4 } else { 3 },
            p.ends.trim()
        );
    }
    for (code, share) in p.countries.iter().zip(shares(p.countries.len())) {
        let _ = writeln!(
            xml,
            "  <recipient-country code=\"{}\" percentage=\"{share}\"/>",
            escaped(code)
        );
    }
    let mut sectors: Vec<u32> = p
        .topics
        .iter()
        .filter_map(|t| topic_dac(t))
        .chain(p.sectors.iter().filter_map(|c| c.parse().ok()))
        .collect();
    sectors.sort_unstable();
    sectors.dedup();
    for (code, share) in sectors.iter().zip(shares(sectors.len())) {
        let _ = writeln!(
            xml,
            "  <sector vocabulary=\"1\" code=\"{code}\" percentage=\"{share}\"/>"
        );
    }
    if let Some(budget) = p.budget {
        let currency = p.currency.trim();
        match ends.filter(|e| *e >= starts) {
            Some(_) if !currency.is_empty() => {
                let _ = writeln!(
                    xml,
                    "  <budget type=\"1\" status=\"1\"><period-start iso-date=\"{}\"/><period-end iso-date=\"{}\"/><value currency=\"{}\" value-date=\"{}\">{budget}</value></budget>",
                    p.starts.trim(),
                    p.ends.trim(),
                    escaped(currency),
                    p.starts.trim()
                );
            }
            Some(_) => notes.push(format!(
                "“{}”: its budget is not written, for want of a currency.",
                p.title
            )),
            None => notes.push(format!(
                "“{}”: its budget is not written, for want of an end date (an IATI budget covers a period).",
                p.title
            )),
        }
    }
    xml.push_str(" </iati-activity>\n");
}

#[cfg(test)]
mod tests;
