//! Documents: agendas, minutes, presentations, reports and photos of a meeting, mission or
//! project. A document is a link to where its publisher keeps it, or a file attached to it
//! (`files::Attached`), whose bytes sync apart from the record, or both.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalogue::check_languages;
use crate::files::Attached;
use crate::i18n::problem::key;
use crate::validation::{max_len, optional_date, optional_url, required_text, ValidationErrors};

labelled_enum!(DocumentKind {
    Agenda => ("agenda", "Agenda"),
    Minutes => ("minutes", "Minutes or report of a meeting"),
    Presentation => ("presentation", "Presentation"),
    MissionReport => ("mission_report", "Mission report"),
    Photo => ("photo", "Photo"),
    Other => ("other", "Other document"),
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub title: String,
    pub kind: DocumentKind,
    /// Where it is published: required unless the file is attached.
    pub url: String,
    /// The file itself, kept by the server and on devices that ask for it.
    pub file: Option<Attached>,
    /// The organisation that published it (required; it owns the record).
    pub publisher: Option<Uuid>,
    /// What it belongs to: a meeting, a mission or a project (any of them, or none).
    pub meeting: Option<Uuid>,
    pub mission: Option<Uuid>,
    pub project: Option<Uuid>,
    pub language: Option<String>,
    /// `YYYY-MM-DD`, when known.
    pub published: String,
    pub description: String,
}

impl Document {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "title", &self.title, 300);
        match &self.file {
            Some(file) => file.check(&mut e, "file"),
            None if self.url.trim().is_empty() => e.add("url", key::DOCUMENT_URL),
            None => {}
        }
        optional_url(&mut e, "url", &self.url);
        if self.publisher.is_none() {
            e.add("publisher", key::DOCUMENT_PUBLISHER);
        }
        if let Some(l) = &self.language {
            check_languages(&mut e, "language", std::slice::from_ref(l));
        }
        optional_date(&mut e, "published", &self.published);
        max_len(&mut e, "description", &self.description, 2000);
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_needs_a_title_an_address_and_a_publisher() {
        let d = Document {
            title: "Agenda".into(),
            kind: DocumentKind::Agenda,
            url: "https://www.cartac.org/agenda.pdf".into(),
            publisher: Some(Uuid::from_bytes([1; 16])),
            language: Some("en".into()),
            ..Default::default()
        };
        assert!(d.validate().is_ok());
        let e = Document {
            title: " ".into(),
            url: String::new(),
            publisher: None,
            language: Some("xx".into()),
            published: "October 2012".into(),
            ..d.clone()
        }
        .validate()
        .unwrap_err();
        for field in ["title", "url", "publisher", "language", "published"] {
            assert!(e.for_field(field).is_some(), "{field}: {e}");
        }
        let e = Document {
            url: "javascript:alert(1)".into(),
            ..d
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("url").is_some());
    }

    #[test]
    fn an_attached_file_stands_for_the_address_and_is_checked() {
        let file = Attached {
            sha256: crate::files::sha256_hex(b"%PDF-1.4"),
            name: "minutes.pdf".into(),
            size: 8,
            media_type: "application/pdf".into(),
        };
        let d = Document {
            title: "Minutes".into(),
            publisher: Some(Uuid::from_bytes([1; 16])),
            file: Some(file.clone()),
            ..Default::default()
        };
        assert!(d.validate().is_ok());
        let crafted = Document {
            file: Some(Attached {
                name: "../../etc/passwd".into(),
                ..file
            }),
            url: "javascript:alert(1)".into(),
            ..d
        };
        let e = crafted.validate().unwrap_err();
        assert!(
            e.for_field("file").is_some() && e.for_field("url").is_some(),
            "{e}"
        );
    }
}
