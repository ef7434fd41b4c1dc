//! Reference lists: countries and territories, interface/content languages, and topics with
//! their default OECD DAC sector codes. Lists of codes, not behaviour: membership of CARTAC or
//! CCLEC is data on organisations, not code here.

/// ISO 3166-1 alpha-2 codes of the countries and territories the catalogue deals with, with
/// English names. Ordered by name for pick lists.
pub static COUNTRIES: &[(&str, &str)] = &[
    ("AI", "Anguilla"),
    ("AG", "Antigua and Barbuda"),
    ("AW", "Aruba"),
    ("BS", "Bahamas"),
    ("BB", "Barbados"),
    ("BE", "Belgium"),
    ("BZ", "Belize"),
    ("BM", "Bermuda"),
    ("VG", "British Virgin Islands"),
    ("CA", "Canada"),
    ("KY", "Cayman Islands"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CW", "Curaçao"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("FR", "France"),
    ("GD", "Grenada"),
    ("GT", "Guatemala"),
    ("GY", "Guyana"),
    ("HT", "Haiti"),
    ("HN", "Honduras"),
    ("JM", "Jamaica"),
    ("MX", "Mexico"),
    ("MS", "Montserrat"),
    ("NL", "Netherlands"),
    ("NI", "Nicaragua"),
    ("PA", "Panama"),
    ("KN", "Saint Kitts and Nevis"),
    ("LC", "Saint Lucia"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("SX", "Sint Maarten"),
    ("ES", "Spain"),
    ("SR", "Suriname"),
    ("TT", "Trinidad and Tobago"),
    ("TC", "Turks and Caicos Islands"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
    ("VE", "Venezuela"),
];

/// The 20 CARTAC members of 2012.
pub const CARTAC_MEMBERS_2012: &[&str] = &[
    "AI", "AG", "BS", "BB", "BZ", "BM", "VG", "KY", "DM", "GD", "GY", "HT", "JM", "MS", "KN", "LC",
    "VC", "SR", "TT", "TC",
];

/// Content languages (ISO 639-1, plus `ht` for Haitian Creole).
pub static LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("nl", "Dutch"),
    ("pt", "Portuguese"),
    ("ht", "Haitian Creole"),
];

/// Topics with their default OECD DAC sector code.
pub static TOPICS: &[(&str, &str, u32)] = &[
    ("risk_management", "Risk management", 33120),
    ("strategic_planning", "Strategic planning", 33120),
    ("integrity", "Integrity and transparency", 15113),
    ("valuation", "Valuation, classification and origin", 33120),
    ("post_clearance_audit", "Post-clearance audit", 33120),
    ("enforcement", "Enforcement and intelligence", 15130),
    ("small_vessels", "Small-vessel clearance", 33120),
    ("leadership", "Leadership and management", 33181),
    ("it_automation", "IT and automation", 33120),
    ("legislation", "Legislation", 33120),
    ("revenue", "Revenue administration", 15155),
    ("trade_facilitation", "Trade facilitation", 33120),
];

pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// A topic's default OECD DAC sector code.
pub fn topic_dac(code: &str) -> Option<u32> {
    TOPICS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, d)| *d)
}

pub fn topic_label(code: &str) -> Option<&'static str> {
    TOPICS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, n, _)| *n)
}

/// The topic an OECD DAC 5-digit purpose code is read as, for the codes customs and trade
/// work is reported under (an IATI file's sectors); other codes have none.
pub fn topic_of_dac(code: u32) -> Option<&'static str> {
    Some(match code {
        15111 | 15114 | 15155 => "revenue",
        15113 => "integrity",
        15130 => "enforcement",
        33110 | 33120 => "trade_facilitation",
        33181 => "leadership",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cartac_members_are_known_countries() {
        assert_eq!(CARTAC_MEMBERS_2012.len(), 20);
        for code in CARTAC_MEMBERS_2012 {
            assert!(
                country_name(code).is_some(),
                "{code} missing from COUNTRIES"
            );
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = COUNTRIES.iter().map(|(c, _)| c).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
    }
}
