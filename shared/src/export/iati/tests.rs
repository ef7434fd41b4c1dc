//! The IATI file read back as the 2.03 activity schema reads it: well-formed, each
//! activity's elements in the schema's order, the required elements and attributes there,
//! shares summing to 100, and text escaped.

use super::*;
use crate::catalogue::OrgCategory;

/// The 2.03 schema's sequence for `iati-activity`, as far as this export writes it.
const SEQUENCE: &[&str] = &[
    "iati-identifier",
    "reporting-org",
    "title",
    "description",
    "participating-org",
    "activity-status",
    "activity-date",
    "recipient-country",
    "sector",
    "budget",
];

/// Required attributes per element (2.03 schema).
const REQUIRED: &[(&str, &[&str])] = &[
    ("iati-activities", &["version"]),
    ("reporting-org", &["ref", "type"]),
    ("participating-org", &["role"]),
    ("activity-status", &["code"]),
    ("activity-date", &["type", "iso-date"]),
    ("recipient-country", &["code"]),
    ("sector", &["code"]),
    ("period-start", &["iso-date"]),
    ("period-end", &["iso-date"]),
    ("value", &["value-date"]),
];

/// An element as read: its name, attributes, and the children's names.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

/// A small reader for what this export writes (no comments, CDATA or DTD): fails on
/// anything not well-formed.
fn parse(xml: &str) -> Element {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("an XML declaration");
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(well_escaped(text), "text not escaped: {text}");
        stack.last_mut().unwrap().text.push_str(&unescape(text));
        let close = rest[open..].find('>').expect("a tag closes") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let done = stack.pop().unwrap();
            assert_eq!(done.name, name, "tags nest");
            stack.last_mut().unwrap().children.push(done);
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut element = Element {
            name: name.to_owned(),
            ..Element::default()
        };
        while let Some(eq) = attrs.find("=\"") {
            let key = attrs[..eq].trim().to_owned();
            let end = attrs[eq + 2..].find('"').expect("attribute closes") + eq + 2;
            let value = &attrs[eq + 2..end];
            assert!(well_escaped(value), "attribute value not escaped: {value}");
            element.attributes.push((key, unescape(value)));
            attrs = &attrs[end + 1..];
        }
        assert!(
            attrs.trim().is_empty(),
            "attributes are name=\"value\": {tag}"
        );
        if empty {
            stack.last_mut().unwrap().children.push(element);
        } else {
            stack.push(element);
        }
    }
    assert!(rest.trim().is_empty());
    assert_eq!(stack.len(), 1, "every element closes");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

/// No markup characters, and each `&` starts an entity.
fn well_escaped(text: &str) -> bool {
    !text.contains(['<', '>', '"'])
        && text.match_indices('&').all(|(i, _)| {
            ["amp;", "lt;", "gt;", "quot;", "apos;"]
                .iter()
                .any(|e| text[i + 1..].starts_with(e))
        })
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn narrative(&self) -> &str {
        &self.all("narrative")[0].text
    }

    /// Required attributes here and below.
    fn check_required(&self) {
        for (element, attrs) in REQUIRED {
            if self.name == *element {
                for a in *attrs {
                    assert!(self.attr(a).is_some(), "<{}> needs {a}", self.name);
                }
            }
        }
        for c in &self.children {
            c.check_required();
        }
    }
}

/// Checks an activity against the schema's sequence and required elements.
fn check_activity(a: &Element) {
    let order: Vec<usize> = a
        .children
        .iter()
        .map(|c| {
            SEQUENCE
                .iter()
                .position(|s| *s == c.name)
                .unwrap_or_else(|| panic!("<{}> is not expected in an activity", c.name))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "elements out of the schema's order: {:?}",
        a.children.iter().map(|c| &c.name).collect::<Vec<_>>()
    );
    // The sequence's first seven elements are required (minOccurs 1); the rest are not.
    for required in &SEQUENCE[..7] {
        assert!(
            !a.all(required).is_empty(),
            "an activity needs <{required}>"
        );
    }
    for with_text in ["reporting-org", "title", "description"] {
        assert!(
            !a.all(with_text)[0].narrative().is_empty(),
            "<{with_text}> has a narrative"
        );
    }
    for group in ["recipient-country", "sector"] {
        let total: f64 = a
            .all(group)
            .iter()
            .map(|c| c.attr("percentage").unwrap().parse::<f64>().unwrap())
            .sum();
        if !a.all(group).is_empty() {
            assert!(
                (total - 100.0).abs() < 1e-9,
                "{group} shares sum to {total}"
            );
        }
    }
}

fn reporter() -> Reporter {
    Reporter {
        reference: "XM-DAC-41114".into(),
        kind: "40".into(),
        name: "Caribbean Regional Technical Assistance Centre (CARTAC)".into(),
    }
}

#[test]
fn projects_are_written_as_schema_ordered_activities() {
    let gac = Uuid::from_u128(1);
    let cartac = Uuid::from_u128(2);
    let customs = Uuid::from_u128(3);
    let org = |name: &str, category| Organisation {
        name: name.into(),
        category,
        ..Default::default()
    };
    let (g, c, m) = (
        Organisation {
            iati_identifier: "XM-DAC-301-1".into(),
            ..org("Global Affairs Canada", OrgCategory::Donor)
        },
        org("CARTAC", OrgCategory::TaProvider),
        org(
            "Montserrat Customs & Revenue <Service>",
            OrgCategory::CustomsAdministration,
        ),
    );
    let orgs = HashMap::from([(gac, &g), (cartac, &c), (customs, &m)]);
    let risk = Project {
        title: "Risk management \"phase 2\"".into(),
        identifier: "CA-3-D000123".into(),
        status: ProjectStatus::Implementation,
        starts: "2013-04-01".into(),
        ends: "2016-03-31".into(),
        accountable: Some(cartac),
        funders: vec![gac],
        implementers: vec![customs],
        countries: vec!["BB".into(), "LC".into(), "MS".into()],
        topics: vec![
            "risk_management".into(),
            "valuation".into(),
            "integrity".into(),
        ],
        budget: Some(1_250_000),
        currency: "CAD".into(),
        description: "Profiles & selectivity.".into(),
        ..Default::default()
    };
    let pipeline = Project {
        title: "Post-clearance audit".into(),
        status: ProjectStatus::Pipeline,
        starts: "2014-01-01".into(),
        accountable: Some(cartac),
        funders: vec![gac],
        budget: Some(300_000),
        currency: "USD".into(),
        ..Default::default()
    };
    let undated = Project {
        title: "Someday".into(),
        accountable: Some(cartac),
        funders: vec![gac],
        ..Default::default()
    };
    let id = Uuid::from_u128(0xabc);
    let file = activities(
        &[
            (Uuid::from_u128(9), &risk),
            (id, &pipeline),
            (Uuid::from_u128(8), &undated),
        ],
        &orgs,
        &reporter(),
        "2026-12-06T17:00:00Z",
    );
    assert_eq!(file.activities, 2);
    assert_eq!(
        file.notes,
        [
            "“Post-clearance audit”: its budget is not written, for want of an end date (an IATI budget covers a period).",
            "“Someday” is left out: IATI needs a start date."
        ]
    );
    let root = parse(&file.xml);
    assert_eq!(root.name, "iati-activities");
    assert_eq!(root.attr("version"), Some("2.03"));
    root.check_required();
    let acts = root.all("iati-activity");
    assert_eq!(acts.len(), 2);
    for a in &acts {
        check_activity(a);
    }
    let a = acts[0];
    assert_eq!(a.all("iati-identifier")[0].text, "CA-3-D000123");
    assert_eq!(a.all("title")[0].narrative(), "Risk management \"phase 2\"");
    assert_eq!(
        a.all("description")[0].narrative(),
        "Profiles & selectivity."
    );
    let roles: Vec<(&str, &str, Option<&str>)> = a
        .all("participating-org")
        .iter()
        .map(|p| (p.attr("role").unwrap(), p.narrative(), p.attr("type")))
        .collect();
    assert_eq!(
        roles,
        [
            ("1", "Global Affairs Canada", None),
            ("2", "CARTAC", None),
            ("4", "Montserrat Customs & Revenue <Service>", Some("10"))
        ]
    );
    let refs: Vec<Option<&str>> = a
        .all("participating-org")
        .iter()
        .map(|p| p.attr("ref"))
        .collect();
    assert_eq!(
        refs,
        [Some("XM-DAC-301-1"), None, None],
        "an identifier where known"
    );
    assert_eq!(a.all("activity-status")[0].attr("code"), Some("2"));
    let dates: Vec<(&str, &str)> = a
        .all("activity-date")
        .iter()
        .map(|d| (d.attr("type").unwrap(), d.attr("iso-date").unwrap()))
        .collect();
    assert_eq!(dates, [("2", "2013-04-01"), ("3", "2016-03-31")]);
    let sectors: Vec<&str> = a
        .all("sector")
        .iter()
        .map(|s| s.attr("code").unwrap())
        .collect();
    assert_eq!(sectors, ["15113", "33120"], "one sector per DAC code");
    let budget = a.all("budget")[0];
    let value = budget.all("value")[0];
    assert_eq!(
        (value.attr("currency"), value.text.as_str()),
        (Some("CAD"), "1250000")
    );

    let b = acts[1];
    assert_eq!(
        b.all("iati-identifier")[0].text,
        format!("XM-DAC-41114-{id}")
    );
    assert_eq!(
        b.all("description")[0].narrative(),
        "Post-clearance audit",
        "the title stands in"
    );
    assert_eq!(
        b.all("activity-date")[0].attr("type"),
        Some("1"),
        "planned start"
    );
    assert!(b.all("budget").is_empty());
}

#[test]
fn shares_sum_to_a_hundred() {
    assert_eq!(shares(3), ["33.34", "33.33", "33.33"]);
    assert_eq!(shares(1), ["100.00"]);
    assert_eq!(
        shares(7)
            .iter()
            .map(|s| s.parse::<f64>().unwrap())
            .sum::<f64>(),
        100.0
    );
}

#[test]
fn a_reporter_needs_an_identifier_a_type_and_a_name() {
    assert_eq!(reporter().check(), Ok(()));
    let with = |reference: &str| Reporter {
        reference: reference.into(),
        ..reporter()
    };
    assert!(with("")
        .check()
        .unwrap_err()
        .to_string()
        .contains("IATI identifier"));
    assert!(with("XM DAC")
        .check()
        .unwrap_err()
        .to_string()
        .contains("no spaces"));
    assert!(with("CARTAC")
        .check()
        .unwrap_err()
        .to_string()
        .contains("joined by hyphens"));
    let untyped = Reporter {
        kind: "99".into(),
        ..reporter()
    };
    assert!(untyped.check().is_err());
}

#[test]
fn control_characters_are_left_out_and_markup_escaped() {
    assert_eq!(
        escaped("a\u{1}b <c> & \"d\" 'e'\n"),
        "ab &lt;c&gt; &amp; &quot;d&quot; &apos;e&apos;\n"
    );
}
