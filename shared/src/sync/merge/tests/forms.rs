//! Edits from a form kept open while other people's edits arrive (`RecordState::edit_since`),
//! forms saved after a release adds a field, and the same value saved in two places.

use super::*;

#[test]
fn a_form_kept_open_writes_only_what_its_person_changed_and_meets_concurrent_edits_as_conflicts() {
    let mut device = RecordState::new(RecordKind::Organisation, org_id());
    let create = device
        .edit(
            1,
            10,
            set(&[
                ("name", json!("CARTAC")),
                ("acronym", json!("C")),
                ("website", json!("")),
            ]),
        )
        .unwrap();
    let _ = device.apply_checked(dev(1), &create, None).unwrap();
    // The form opens on this state.
    let opened = device.values();
    // Meanwhile someone else's edits of the name and the acronym arrive.
    let theirs = device
        .edit(
            4,
            20,
            set(&[
                ("name", json!("CARTAC (IMF)")),
                ("acronym", json!("CARTAC")),
            ]),
        )
        .unwrap();
    let _ = device.apply_checked(dev(2), &theirs, None).unwrap();
    // The person saves the form: they changed the acronym and the website, not the name.
    let mut form = opened.clone();
    form.insert("acronym".into(), json!("CRTAC"));
    form.insert("website".into(), json!("https://www.cartac.org"));
    let mine = device.edit_since(2, 30, form, &opened).unwrap();
    assert_eq!(
        mine.set.keys().collect::<Vec<_>>(),
        vec!["acronym", "website"],
        "the name the form still shows is not written back"
    );
    let mut server = device.clone();
    let _ = server.apply_checked(dev(1), &mine, None).unwrap();
    let values = server.values();
    assert_eq!(values["name"], json!("CARTAC (IMF)"));
    assert_eq!(values["website"], json!("https://www.cartac.org"));
    // Both acronyms stay, for someone to choose: neither edit saw the other.
    let conflicts: Vec<&str> = server.conflicts().map(|(k, _)| k).collect();
    assert_eq!(conflicts, vec!["acronym"]);
    // A form opened after their edit supersedes it, as an ordinary edit does.
    let opened = device.values();
    let mut form = opened.clone();
    form.insert("acronym".into(), json!("CRTAC"));
    let later = device.edit_since(2, 40, form, &opened).unwrap();
    let mut server = device.clone();
    let _ = server.apply_checked(dev(1), &later, None).unwrap();
    assert_eq!(server.conflicts().count(), 0);
    assert_eq!(server.values()["acronym"], json!("CRTAC"));
    // A new record's form writes every field it gives.
    let new = RecordState::new(RecordKind::Organisation, org_id());
    let blank = set(&[("name", json!("")), ("acronym", json!(""))]);
    let mut form = blank.clone();
    form.insert("name".into(), json!("CCLEC"));
    let created = new.edit_since(1, 50, form, &blank).unwrap();
    assert_eq!(created.set.len(), 2);
}

#[test]
fn an_edit_arriving_late_from_offline_is_not_superseded_by_a_form_that_never_showed_it() {
    let mut device = RecordState::new(RecordKind::Organisation, org_id());
    let create = device
        .edit(1, 10, set(&[("name", json!("CARTAC"))]))
        .unwrap();
    let _ = device.apply_checked(dev(1), &create, None).unwrap();
    let opened = device.values();
    // An office that was offline renamed it earlier (its clock says 5), without having
    // seen the name at all; its edit arrives now. The name shown is still "CARTAC".
    let offline = RecordState::new(RecordKind::Organisation, org_id())
        .edit(1, 5, set(&[("name", json!("CARTAC (IMF)"))]))
        .unwrap();
    let _ = device.apply_checked(dev(2), &offline, None).unwrap();
    assert_eq!(device.values()["name"], json!("CARTAC"));
    // The form, opened before it arrived, renames it too.
    let mut form = opened.clone();
    form.insert(
        "name".into(),
        json!("Caribbean Regional Technical Assistance Centre"),
    );
    let mine = device.edit_since(2, 30, form, &opened).unwrap();
    let mut server = device.clone();
    let _ = server.apply_checked(dev(1), &mine, None).unwrap();
    let writes: Vec<&Value> = server.fields["name"]
        .writes
        .iter()
        .map(|w| &w.value)
        .collect();
    assert_eq!(
        writes.len(),
        2,
        "the office's name waits beside the form's: {writes:?}"
    );
    assert!(writes.contains(&&json!("CARTAC (IMF)")));
}

#[test]
fn the_same_value_written_in_two_places_is_not_a_conflict() {
    let mut base = RecordState::new(RecordKind::Organisation, org_id());
    let create = base
        .edit(1, 10, set(&[("name", json!("Bermuda Customs"))]))
        .unwrap();
    base.apply(dev(1), &create, None);
    let a = base
        .edit(2, 20, set(&[("name", json!("HM Customs Bermuda"))]))
        .unwrap();
    let b = base
        .edit(1, 30, set(&[("name", json!("HM Customs Bermuda"))]))
        .unwrap();
    let mut s = base.clone();
    s.apply(dev(1), &a, None);
    s.apply(dev(2), &b, None);
    assert_eq!(s.fields["name"].writes.len(), 2, "both writes stand");
    assert_eq!(s.conflicts().count(), 0, "with nothing to choose between");
    let c = base
        .edit(3, 40, set(&[("name", json!("Bermuda Customs Department"))]))
        .unwrap();
    s.apply(dev(3), &c, None);
    assert_eq!(s.conflicts().count(), 1, "a third, different value is one");
}

#[test]
fn a_field_an_existing_record_never_set_is_not_written_at_its_default() {
    // As a form saved after a release added `iati_identifier`: its default is not a change.
    let mut base = RecordState::new(RecordKind::Organisation, org_id());
    let create = base.edit(1, 10, set(&[("name", json!("CARTAC"))])).unwrap();
    base.apply(dev(1), &create, None);
    let form = set(&[("name", json!("CARTAC")), ("iati_identifier", json!(""))]);
    assert!(base.edit(2, 20, form.clone()).is_none());
    assert!(base.edit_since(2, 20, form, &base.values()).is_none());
    let given = set(&[("iati_identifier", json!("XM-DAC-41114"))]);
    assert_eq!(base.edit(2, 20, given).unwrap().set.len(), 1);
    // A new record is written as given, defaults and all.
    let new = RecordState::new(RecordKind::Organisation, org_id());
    let m = new
        .edit(1, 10, set(&[("name", json!("X")), ("acronym", json!(""))]))
        .unwrap();
    assert_eq!(m.set.len(), 2);
}

#[test]
fn a_save_in_another_tab_of_the_same_device_is_named_before_a_form_takes_it_back() {
    // Two tabs of one browser are one device: its writes replace each other whatever the
    // context says, so a form must be told before it supersedes what the other tab saved.
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    let create = s
        .edit(
            1,
            10,
            set(&[("name", json!("CARTAC")), ("acronym", json!("C"))]),
        )
        .unwrap();
    s.apply(dev(1), &create, None);
    let opened = s.values();
    let nothing = Map::new();
    let mut form = opened.clone();
    form.insert("acronym".into(), json!("CRTAC"));
    assert!(
        s.written_here_meanwhile(dev(1), &form, &opened, &nothing)
            .is_empty(),
        "the device's own write the form showed is no news"
    );
    // The other tab saves the acronym and the name.
    let tab = s
        .edit(
            2,
            20,
            set(&[("acronym", json!("CAR")), ("name", json!("CARTAC (IMF)"))]),
        )
        .unwrap();
    s.apply(dev(1), &tab, None);
    assert_eq!(
        s.written_here_meanwhile(dev(1), &form, &opened, &nothing),
        vec![("acronym".to_owned(), json!("CAR"))],
        "only the field the form changed: the name it does not write"
    );
    // Another device's write is not this question (it becomes a conflict instead).
    assert!(s
        .written_here_meanwhile(dev(2), &form, &opened, &nothing)
        .is_empty());
    // Once the person has been told, or the other tab wrote what the form holds, no more.
    let told = set(&[("acronym", json!("CAR"))]);
    assert!(s
        .written_here_meanwhile(dev(1), &form, &opened, &told)
        .is_empty());
    let same = set(&[("acronym", json!("CAR")), ("name", json!("CARTAC"))]);
    assert!(s
        .written_here_meanwhile(dev(1), &same, &opened, &nothing)
        .is_empty());
}
