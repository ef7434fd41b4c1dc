//! The import plan against a small catalogue: files as spreadsheets and the CSV export
//! write them, what each row does, and the reasons rows are refused.

use serde_json::json;

use super::*;
use crate::access::Role;
use crate::export;
use crate::i18n::{Readings, Words};

const CARTAC: Uuid = Uuid::from_u128(0xc);
const JAMAICA: Uuid = Uuid::from_u128(0x1a);

fn coordinator() -> Actor {
    Actor {
        user: Uuid::from_u128(1),
        role: Role::Coordinator,
        organisation: None,
    }
}

fn record(kind: RecordKind, id: Uuid, fields: Value) -> RecordState {
    let Value::Object(set) = fields else {
        unreachable!()
    };
    let m = RecordState::new(kind, id).edit(1, 1, set).unwrap();
    RecordState::check_mutation(None, Uuid::from_u128(99), &m, None).unwrap()
}

fn organisations() -> Vec<RecordState> {
    vec![
        record(
            RecordKind::Organisation,
            CARTAC,
            json!({"name": "Caribbean Regional Technical Assistance Centre", "acronym": "CARTAC",
                   "category": "ta_provider", "country": "BB"}),
        ),
        record(
            RecordKind::Organisation,
            JAMAICA,
            json!({"name": "Jamaica Customs Agency", "category": "customs_administration",
                   "country": "JM"}),
        ),
    ]
}

/// The organisations as the list's export writes them (no parent or successor).
fn org_rows<'a>(typed: &'a [Organisation], records: &[RecordState]) -> Vec<export::OrgRow<'a>> {
    typed
        .iter()
        .zip(records)
        .map(|(o, r)| export::OrgRow {
            id: r.id,
            organisation: o,
            parent: String::new(),
            successor: String::new(),
        })
        .collect()
}

/// The records after writing a plan's rows into `records`, as the device would.
fn applied(kind: RecordKind, mut records: Vec<RecordState>, plan: &Plan) -> Vec<RecordState> {
    for p in plan.creates.iter().chain(&plan.updates) {
        let i = records.iter().position(|r| r.id == p.id);
        let base = i.map_or_else(|| RecordState::new(kind, p.id), |i| records[i].clone());
        let m = base.edit(2, 2, p.set.clone()).unwrap();
        let next = RecordState::check_mutation(Some(&base), Uuid::from_u128(98), &m, None).unwrap();
        match i {
            Some(i) => records[i] = next,
            None => records.push(next),
        }
    }
    records
}

fn plan_of(
    kind: RecordKind,
    text: &str,
    records: &[RecordState],
    actor: &Actor,
) -> Result<Plan, ImportError> {
    let table = csv::read(text)?;
    let names = Names::of_records(organisations().iter().chain(records));
    let mut n = 0x1000;
    plan(kind, &table, records, names, Readings::all(), actor, || {
        n += 1;
        Uuid::from_u128(n)
    })
}

#[test]
fn a_spreadsheet_of_training_tools_adds_them_and_a_second_import_changes_nothing() {
    let text = "Title;Provider;Languages;Topics;Format;Last checked\r\n\
        Risk management e-learning;CARTAC;English; French;Risk management;Workshop;2 October 2012\r\n";
    // "English; French" is two cells here (semicolon-separated): the second is beyond the
    // header. Quoted, it is one list cell.
    let plan = plan_of(RecordKind::TrainingTool, text, &[], &coordinator()).unwrap();
    assert_eq!(plan.refused.len(), 1, "{plan:?}");
    let text = "Title;Provider;Languages;Topics;Format;Last checked\r\n\
        Risk management e-learning;CARTAC;\"English; French\";Risk management;Workshop;2 October 2012\r\n";
    let plan = plan_of(RecordKind::TrainingTool, text, &[], &coordinator()).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.creates.len(), 1);
    let set = &plan.creates[0].set;
    assert_eq!(set["provider"], json!(CARTAC.to_string()));
    assert_eq!(set["languages"], json!(["en", "fr"]));
    assert_eq!(set["format"], json!("workshop"));
    assert_eq!(set["last_verified"], json!("2012-10-02"));
    let records = applied(RecordKind::TrainingTool, Vec::new(), &plan);
    let again = plan_of(RecordKind::TrainingTool, text, &records, &coordinator()).unwrap();
    assert_eq!(
        (again.creates.len(), again.updates.len(), again.unchanged),
        (0, 0, 1)
    );
}

#[test]
fn the_organisation_export_comes_back_unchanged_and_an_edited_cell_is_a_change() {
    let records = organisations();
    let typed: Vec<Organisation> = records.iter().map(|r| r.typed().unwrap()).collect();
    let rows = org_rows(&typed, &records);
    let text = export::organisations(&rows, Words::ENGLISH);
    let plan = plan_of(RecordKind::Organisation, &text, &records, &coordinator()).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(
        (plan.creates.len(), plan.updates.len(), plan.unchanged),
        (0, 0, 2)
    );
    assert!(plan.ignored.is_empty(), "{:?}", plan.ignored);

    let edited = text.replace("Jamaica Customs Agency", "Jamaica Customs Agency (JCA)");
    let plan = plan_of(RecordKind::Organisation, &edited, &records, &coordinator()).unwrap();
    assert_eq!(plan.updates.len(), 1, "{plan:?}");
    assert_eq!(plan.updates[0].id, JAMAICA);
    assert_eq!(
        plan.updates[0].changes,
        [Change {
            field: "Name",
            before: "Jamaica Customs Agency".into(),
            after: "Jamaica Customs Agency (JCA)".into()
        }]
    );
}

#[test]
fn the_contact_export_comes_back_to_the_same_contacts() {
    let c = record(
        RecordKind::Contact,
        Uuid::from_u128(0xc0),
        json!({"organisation": JAMAICA.to_string(), "role_title": "Training focal point",
               "name": "A. Brown", "email": "a.brown@jca.gov.jm", "language": "en",
               "duties": "E-learning national coordinator"}),
    );
    let contact: crate::Contact = c.typed().unwrap();
    let text = export::contacts(
        &[export::ContactRow {
            id: c.id,
            contact: &contact,
            organisation: "Jamaica Customs Agency".into(),
        }],
        Words::ENGLISH,
    );
    assert!(
        text.starts_with("\u{feff}Organisation,Role title,Name,E-mail,Phone,Language,Focal-point duties,Source of these facts,Id\r\n"),
        "{text}"
    );
    assert!(text.contains(",English,"), "{text}");
    let records = vec![c];
    let plan = plan_of(RecordKind::Contact, &text, &records, &coordinator()).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(
        (plan.creates.len(), plan.updates.len(), plan.unchanged),
        (0, 0, 1)
    );
    let edited = text.replace("A. Brown", "Ann Brown");
    let plan = plan_of(RecordKind::Contact, &edited, &records, &coordinator()).unwrap();
    assert_eq!(plan.updates.len(), 1, "{plan:?}");
    assert_eq!(plan.updates[0].changes[0].after, "Ann Brown");
}

#[test]
fn rows_without_an_id_match_by_name_and_country_and_may_name_each_other() {
    let records = organisations();
    let text = "Name,Country,Part of,Acronym\n\
        Jamaica Customs Agency ,jamaica,,JCA\n\
        Revenue Unit,Jamaica,Tax Office,\n\
        Tax Office,Jamaica,,TAJ\n";
    let plan = plan_of(RecordKind::Organisation, text, &records, &coordinator()).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.updates[0].id, JAMAICA);
    assert_eq!(
        plan.updates[0].set.keys().collect::<Vec<_>>(),
        ["acronym"],
        "{:?}",
        plan.updates[0]
    );
    assert_eq!(plan.creates.len(), 2);
    let tax_office = plan.creates[1].id;
    assert_eq!(plan.creates[0].set["parent"], json!(tax_office.to_string()));
}

#[test]
fn refused_rows_name_their_line_column_and_reason_and_nothing_else_is_refused() {
    let records = organisations();
    let text = "Name,Category,Country,Website,Id\n\
        ,Customs administration,Jamaica,,\n\
        Belize Customs,Bank,Belize,,\n\
        Guyana Revenue Authority,Customs administration,Guyana,not a web address,\n\
        Barbados Customs,Customs administration,Barbados,,not-an-id\n\
        Trinidad Customs,Customs administration,Trinidad and Tobago,,\n\
        trinidad customs,Customs administration,Trinidad and Tobago,,\n";
    let plan = plan_of(RecordKind::Organisation, text, &records, &coordinator()).unwrap();
    let reasons: Vec<(usize, &str, String)> = plan
        .refused
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(move |p| (r.line, p.column.as_str(), p.what.to_string()))
        })
        .collect();
    assert_eq!(reasons.len(), 5, "{reasons:#?}");
    assert_eq!(reasons[0].0, 2);
    assert_eq!(reasons[0].1, "Name");
    assert_eq!((reasons[1].0, reasons[1].1), (3, "Category"));
    assert!(reasons[1]
        .2
        .contains("“Bank” is not a known value for “Category”"));
    assert_eq!((reasons[2].0, reasons[2].1), (4, "Website"));
    assert_eq!((reasons[3].0, reasons[3].1), (5, "Id"));
    assert_eq!(reasons[4].0, 7);
    assert!(reasons[4].2.contains("Line 6 is the same record"));
    assert_eq!(plan.creates.len(), 1);
    assert_eq!(plan.creates[0].title, "Trinidad Customs");
}

#[test]
fn a_row_whose_id_is_a_record_of_another_kind_is_refused_in_the_plan() {
    // An organisation's id pasted into a training tools sheet: the server would refuse the
    // write after the person confirmed; the plan says so first.
    let text = format!(
        "Title,Provider,Languages,Id\n\
         Risk management e-learning,CARTAC,English,{CARTAC}\n"
    );
    let plan = plan_of(RecordKind::TrainingTool, &text, &[], &coordinator()).unwrap();
    assert!(
        plan.creates.is_empty() && plan.updates.is_empty(),
        "{plan:?}"
    );
    let problem = &plan.refused[0].problems[0];
    assert_eq!(problem.column, "Id");
    assert!(
        problem
            .what
            .to_string()
            .contains("another kind here (Organisation)"),
        "{}",
        problem.what
    );
}

#[test]
fn a_row_naming_a_removed_record_by_id_restores_it_and_one_matching_it_by_name_adds_one() {
    let id = Uuid::from_u128(0x70);
    let live = record(
        RecordKind::Organisation,
        id,
        json!({"name": "Montserrat Customs", "country": "MS"}),
    );
    let m = live
        .edit(2, 2, json!({"deleted": true}).as_object().unwrap().clone())
        .unwrap();
    let removed = RecordState::check_mutation(Some(&live), Uuid::from_u128(99), &m, None).unwrap();
    let records = vec![removed];
    let by_id = format!("Name,Country,Id\nMontserrat Customs,Montserrat,{id}\n");
    let plan = plan_of(RecordKind::Organisation, &by_id, &records, &coordinator()).unwrap();
    assert_eq!((plan.creates.len(), plan.updates.len()), (0, 1), "{plan:?}");
    let change = &plan.updates[0].changes[0];
    assert_eq!(
        (change.field, change.before.as_str(), change.after.as_str()),
        ("Record", "deleted", "restored")
    );
    let restored = applied(RecordKind::Organisation, records.clone(), &plan);
    assert!(!restored[0].is_deleted());

    let by_name = "Name,Country\nMontserrat Customs,Montserrat\n";
    let plan = plan_of(RecordKind::Organisation, by_name, &records, &coordinator()).unwrap();
    assert_eq!((plan.creates.len(), plan.updates.len()), (1, 0), "{plan:?}");
    assert_ne!(plan.creates[0].id, id);
}

#[test]
fn an_office_editor_may_import_only_their_own_organisations_records() {
    let editor = Actor {
        user: Uuid::from_u128(2),
        role: Role::OfficeEditor,
        organisation: Some(JAMAICA),
    };
    let text = "Organisation,Role title,Name\n\
        Jamaica Customs Agency,Training focal point,A. Brown\n\
        CARTAC,Customs adviser,B. Green\n";
    let plan = plan_of(RecordKind::Contact, text, &[], &editor).unwrap();
    assert_eq!(plan.creates.len(), 1, "{plan:?}");
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].line, 3);
    let viewer = Actor {
        role: Role::Viewer,
        ..editor
    };
    let plan = plan_of(RecordKind::Contact, text, &[], &viewer).unwrap();
    assert_eq!(plan.refused.len(), 2);
    assert!(plan.refused[0].problems[0]
        .what
        .to_string()
        .contains("viewer"));
}

#[test]
fn a_file_of_the_wrong_kind_or_broken_is_refused_whole() {
    let err = plan_of(
        RecordKind::Project,
        "Name,Acronym\nX,Y\n",
        &[],
        &coordinator(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NoColumns { .. }));
    assert!(err.to_string().contains("Title, Identifier"), "{err}");
    let err = plan_of(
        RecordKind::Project,
        "Title,title\nX,Y\n",
        &[],
        &coordinator(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "The columns “Title” and “title” are the same field: keep one of them."
    );
    let err = plan_of(RecordKind::Meeting, "Title\nX\n", &[], &coordinator()).unwrap_err();
    assert_eq!(err, ImportError::NotImportable(RecordKind::Meeting));
    let err = plan_of(RecordKind::Project, "Title\n\"X\n", &[], &coordinator()).unwrap_err();
    assert_eq!(err, ImportError::Csv(CsvError::UnclosedQuote { line: 2 }));
}

/// What a person who works in French, Spanish or Dutch downloads comes back as the same
/// records: headers, categories, countries and due dates in their language.
#[test]
fn an_export_in_any_language_comes_back_unchanged() {
    let records = organisations();
    let typed: Vec<Organisation> = records.iter().map(|r| r.typed().unwrap()).collect();
    let rows = org_rows(&typed, &records);
    let dues = ["2013-Q2", "2013-04", "2013-04-15", ""];
    let actions: Vec<RecordState> = dues
        .iter()
        .enumerate()
        .map(|(i, due)| {
            record(
                RecordKind::ActionItem,
                Uuid::from_u128(0xa0 + i as u128),
                json!({"text": format!("Action {i}"), "owner": JAMAICA.to_string(),
                       "due": due, "status": "in_progress"}),
            )
        })
        .collect();
    let typed_actions: Vec<crate::meetings::ActionItem> =
        actions.iter().map(|r| r.typed().unwrap()).collect();
    for lang in crate::i18n::Lang::ALL {
        let words = Words::of(crate::i18n::problem::catalogue(lang));
        let text = export::organisations(&rows, words);
        let plan = plan_of(RecordKind::Organisation, &text, &records, &coordinator()).unwrap();
        assert!(plan.refused.is_empty(), "{lang:?}: {:?}", plan.refused);
        assert!(plan.ignored.is_empty(), "{lang:?}: {:?}", plan.ignored);
        assert_eq!(
            (plan.creates.len(), plan.updates.len(), plan.unchanged),
            (0, 0, 2),
            "{lang:?}: {text}"
        );

        let action_rows: Vec<export::ActionRow> = typed_actions
            .iter()
            .zip(&actions)
            .map(|(a, r)| export::ActionRow {
                id: r.id,
                action: a,
                from: String::new(),
                owner: "Jamaica Customs Agency".into(),
                co_owners: vec![],
            })
            .collect();
        let today = crate::dates::Day::parse("2014-01-01").unwrap();
        let text = export::action_items(&action_rows, today, words);
        let plan = plan_of(RecordKind::ActionItem, &text, &actions, &coordinator()).unwrap();
        assert!(
            plan.refused.is_empty(),
            "{lang:?}: {:?} in {text}",
            plan.refused
        );
        assert_eq!(
            (plan.creates.len(), plan.updates.len(), plan.unchanged),
            (0, 0, 4),
            "{lang:?}: {text} {plan:?}"
        );
    }
    let dutch = Words::of(crate::i18n::problem::catalogue(crate::i18n::Lang::Nl));
    let text = export::organisations(&rows, dutch);
    assert!(text.starts_with("\u{feff}Naam,"), "{text}");
    assert!(text.contains("Douanedienst"), "{text}");
}

#[test]
fn action_items_read_due_dates_as_the_export_writes_them() {
    let text = "Action,Owner,Due,Status,Overdue,From\n\
        Share the risk profiles,Jamaica Customs Agency,2nd quarter 2013,In progress,yes,Meeting\n";
    let plan = plan_of(RecordKind::ActionItem, text, &[], &coordinator()).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.ignored, ["Overdue", "From"]);
    let set = &plan.creates[0].set;
    assert_eq!(set["due"], json!("2013-Q2"));
    assert_eq!(set["status"], json!("in_progress"));
    assert_eq!(set["owner"], json!(JAMAICA.to_string()));
}

#[test]
fn every_kind_an_imported_record_links_to_is_named_for_the_plan() {
    use crate::fields::FieldType;
    for kind in IMPORTABLE {
        for field in kind.fields() {
            if let FieldType::Link(to) | FieldType::Links(to) = field.ty {
                assert!(
                    LINKED_KINDS.contains(&to),
                    "{kind:?}.{} links to {to:?}, which LINKED_KINDS leaves out",
                    field.name
                );
            }
        }
    }
}

#[test]
fn organisations_a_file_names_but_the_device_lacks_are_listed_once() {
    let text = "Title,Provider,Languages\n\
        Drill,Port Authority of Jamaica,English\n\
        Clinic,port authority of jamaica ,English\n\
        Primer,CARTAC,English\n";
    let plan = plan_of(RecordKind::TrainingTool, text, &[], &coordinator()).unwrap();
    assert_eq!(plan.refused.len(), 2);
    assert_eq!(plan.missing, ["Port Authority of Jamaica"]);
    let text = "Title,Accountable,Funded by\nRisk,CARTAC,\"World Bank; CARTAC; IDB\"\n";
    let plan = plan_of(RecordKind::Project, text, &[], &coordinator()).unwrap();
    assert_eq!(plan.missing, ["World Bank", "IDB"]);
}
