//! The merge's tests: per-field merge cases, contexts checked and fitted, and properties
//! over random histories (any order, any duplication, the same state).

use super::*;
use proptest::prelude::*;
use serde_json::json;

fn dev(i: u8) -> DeviceId {
    Uuid::from_bytes([i; 16])
}

fn set(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn org_id() -> Uuid {
    Uuid::from_bytes([9; 16])
}

mod forms;

#[test]
fn different_fields_both_survive() {
    let mut base = RecordState::new(RecordKind::Organisation, org_id());
    let create = base
        .edit(
            1,
            10,
            set(&[("name", json!("CARTAC")), ("acronym", json!("C"))]),
        )
        .unwrap();
    base.apply(dev(1), &create, None);
    let a = base
        .edit(2, 20, set(&[("name", json!("CARTAC (IMF)"))]))
        .unwrap();
    let b = base
        .edit(1, 30, set(&[("acronym", json!("CARTAC"))]))
        .unwrap();
    let mut s = base.clone();
    s.apply(dev(1), &a, None);
    s.apply(dev(2), &b, None);
    assert_eq!(s.values()["name"], json!("CARTAC (IMF)"));
    assert_eq!(s.values()["acronym"], json!("CARTAC"));
    assert_eq!(s.conflicts().count(), 0);
}

#[test]
fn unsent_edits_moved_to_a_new_device_still_pass_and_apply_in_order() {
    // Device 1 (someone else's account now) wrote the name as its 3rd mutation.
    let mut server = RecordState::new(RecordKind::Organisation, org_id());
    let create = server
        .edit(3, 10, set(&[("name", json!("A")), ("acronym", json!("A"))]))
        .unwrap();
    let _ = server.apply_checked(dev(1), &create, None).unwrap();
    // On the same browser, another person edits the name twice, as 5 and 6 of device 1.
    let mut local = server.clone();
    let mut first = local.resolve(5, 20, "name", json!("B"));
    local.apply(dev(1), &first, None);
    let mut second = local.resolve(6, 30, "name", json!("C"));
    assert_eq!(second.ctx["name"].0[&dev(1)], 5);
    // Refused as device 1's: the person's edits go on as 1 and 2 of device 2.
    let renumbered = BTreeMap::from([(5, 1), (6, 2)]);
    for (m, n) in [(&mut first, 1), (&mut second, 2)] {
        m.n = n;
        m.move_device(dev(1), dev(2), &renumbered, 5);
    }
    assert_eq!(first.ctx["name"].0, BTreeMap::from([(dev(1), 3)]));
    assert_eq!(second.ctx["name"].0, BTreeMap::from([(dev(2), 1)]));
    let _ = server.apply_checked(dev(2), &first, None).unwrap();
    let _ = server.apply_checked(dev(2), &second, None).unwrap();
    assert_eq!(server.values()["name"], json!("C"));
    assert_eq!(server.conflicts().count(), 0);
}

#[test]
fn same_field_keeps_a_conflict_until_resolved() {
    let mut base = RecordState::new(RecordKind::Organisation, org_id());
    base.apply(
        dev(1),
        &base.edit(1, 10, set(&[("name", json!("A"))])).unwrap(),
        None,
    );
    let a = base
        .edit(2, 20, set(&[("name", json!("From one"))]))
        .unwrap();
    let b = base
        .edit(1, 30, set(&[("name", json!("From two"))]))
        .unwrap();
    let mut s = base.clone();
    s.apply(dev(1), &a, None);
    s.apply(dev(2), &b, None);
    assert_eq!(s.values()["name"], json!("From two"), "later clock wins");
    let conflicts: Vec<_> = s.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].1.writes.len(), 2);
    // Keeping the loser is an ordinary edit made having seen both.
    let keep = s.resolve(3, 40, "name", json!("From one"));
    s.apply(dev(1), &keep, None);
    assert_eq!(s.values()["name"], json!("From one"));
    assert_eq!(s.conflicts().count(), 0);
    // Keeping the shown value also resolves, though the value does not change.
    let mut t = base.clone();
    t.apply(dev(1), &a, None);
    t.apply(dev(2), &b, None);
    assert!(t.edit(3, 40, set(&[("name", json!("From two"))])).is_none());
    t.apply(dev(1), &t.resolve(3, 40, "name", json!("From two")), None);
    assert_eq!(t.values()["name"], json!("From two"));
    assert_eq!(t.conflicts().count(), 0);
}

#[test]
fn delete_is_a_field() {
    let mut s = RecordState::new(RecordKind::Contact, org_id());
    s.apply(
        dev(1),
        &s.edit(1, 1, set(&[("role_title", json!("Comptroller"))]))
            .unwrap(),
        None,
    );
    assert!(!s.is_deleted());
    s.apply(
        dev(1),
        &s.edit(2, 2, set(&[("deleted", json!(true))])).unwrap(),
        None,
    );
    assert!(s.is_deleted());
}

#[test]
fn check_mutation_names_problems() {
    let m = Mutation {
        n: 1,
        kind: RecordKind::Organisation,
        id: org_id(),
        at: 0,
        set: set(&[("name", json!(""))]),
        ctx: BTreeMap::new(),
    };
    let e = RecordState::check_mutation(None, dev(1), &m, None).unwrap_err();
    assert!(e.for_field("name").is_some());
    let ok = Mutation {
        set: set(&[("name", json!("IDB"))]),
        ..m.clone()
    };
    let state = RecordState::check_mutation(None, dev(1), &ok, None).unwrap();
    let wrong_kind = Mutation {
        kind: RecordKind::Contact,
        ..ok
    };
    assert!(RecordState::check_mutation(Some(&state), dev(1), &wrong_kind, None).is_err());
}

#[test]
fn apply_checked_leaves_a_refused_state_as_it_was_and_undoes() {
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    let create = s
        .edit(
            1,
            10,
            set(&[("name", json!("IDB")), ("acronym", json!("I"))]),
        )
        .unwrap();
    assert!(s.apply_checked(dev(1), &create, None).unwrap().changed);
    let kept = s.clone();
    // An empty name is invalid: refused, and nothing changed.
    let bad = s.edit(2, 20, set(&[("name", json!(""))])).unwrap();
    let e = s.apply_checked(dev(1), &bad, None).unwrap_err();
    assert!(e.for_field("name").is_some());
    assert_eq!(s, kept);
    assert_eq!(
        RecordState::check_mutation(Some(&kept), dev(1), &bad, None).unwrap_err(),
        e
    );
    // Accepted, then undone (as when the author may not make it).
    let good = s
        .edit(
            3,
            30,
            set(&[
                ("name", json!("IDB Invest")),
                ("website", json!("https://idbinvest.org")),
            ]),
        )
        .unwrap();
    let applied = s.apply_checked(dev(1), &good, None).unwrap();
    assert_eq!(
        Some(&s),
        RecordState::check_mutation(Some(&kept), dev(1), &good, None)
            .as_ref()
            .ok()
    );
    applied.undo(&mut s, &good);
    assert_eq!(s, kept);
    // A mutation seen before changes nothing.
    assert!(!s.apply_checked(dev(1), &create, None).unwrap().changed);
    assert_eq!(s, kept);
}

#[test]
fn the_server_named_copy_of_a_write_wins_on_every_replica() {
    let id = org_id();
    let mut device = RecordState::new(RecordKind::Organisation, id);
    let m = device
        .edit(1, 10, set(&[("name", json!("Montserrat Customs"))]))
        .unwrap();
    device.apply(dev(1), &m, None);
    let mut server = RecordState::new(RecordKind::Organisation, id);
    server.apply(dev(1), &m, Some("Ana"));
    let mut other = server.clone();
    other.join(&device);
    device.join(&server);
    for replica in [&device, &other] {
        assert_eq!(replica.fields["name"].writes[0].by.as_deref(), Some("Ana"));
        assert_eq!(replica.fields, server.fields);
    }
}

/// A random causal history: devices edit their local replica and now and then sync
/// through a server. Returns each device's mutations in its own order.
fn history(ops: &[(u8, u8, u8, bool)], devices: u8) -> Vec<Vec<(DeviceId, Mutation)>> {
    let id = org_id();
    let mut server = RecordState::new(RecordKind::Organisation, id);
    let mut locals: Vec<RecordState> = (0..devices).map(|_| server.clone()).collect();
    let mut logs: Vec<Vec<(DeviceId, Mutation)>> = vec![Vec::new(); devices as usize];
    let mut pushed = vec![0usize; devices as usize];
    let fields = ["name", "acronym", "website"];
    for (i, &(d, field, value, sync)) in ops.iter().enumerate() {
        let d = (d % devices) as usize;
        if sync {
            for (dv, m) in &logs[d][pushed[d]..] {
                server.apply(*dv, m, None);
            }
            pushed[d] = logs[d].len();
            locals[d].join(&server);
        } else {
            let n = logs[d].len() as u64 + 1;
            let changes = set(&[(fields[field as usize % 3], json!(format!("v{value}")))]);
            // Force a write even when the value is unchanged, to exercise duplicates.
            let mut m = locals[d]
                .edit(n, (value % 4) as i64, changes.clone())
                .unwrap_or(Mutation {
                    n,
                    kind: RecordKind::Organisation,
                    id,
                    at: (value % 4) as i64,
                    set: changes,
                    ctx: BTreeMap::new(),
                });
            m.at += i as i64 % 3;
            locals[d].apply(dev(d as u8), &m, None);
            logs[d].push((dev(d as u8), m));
        }
    }
    logs
}

fn interleave(
    logs: &[Vec<(DeviceId, Mutation)>],
    picks: &[u8],
    dups: &[u8],
) -> Vec<(DeviceId, Mutation)> {
    let mut next = vec![0usize; logs.len()];
    let mut out: Vec<(DeviceId, Mutation)> = Vec::new();
    let mut p = picks.iter().cycle();
    let total: usize = logs.iter().map(Vec::len).sum();
    while out.len() < total {
        let live: Vec<usize> = (0..logs.len())
            .filter(|&d| next[d] < logs[d].len())
            .collect();
        if live.is_empty() {
            break;
        }
        let d = live[*p.next().unwrap() as usize % live.len()];
        out.push(logs[d][next[d]].clone());
        next[d] += 1;
    }
    // Duplicates: replay some earlier mutation again later.
    let mut with_dups = Vec::new();
    for (i, m) in out.iter().enumerate() {
        with_dups.push(m.clone());
        if let Some(&k) = dups.get(i) {
            if k % 3 == 0 {
                with_dups.push(out[(k as usize) % (i + 1)].clone());
            }
        }
    }
    with_dups
}

fn replay(order: &[(DeviceId, Mutation)]) -> RecordState {
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    for (d, m) in order {
        s.apply(*d, m, None);
    }
    s
}

/// A context for `field`: what an honest author would send, one naming more devices
/// than the field ever saw, or one claiming writes nobody made.
#[derive(Debug, Clone)]
enum Claim {
    Honest,
    Oversized(u16),
    Poisoned(u8, u64),
}

fn arb_claim() -> impl Strategy<Value = Claim> {
    prop_oneof![
        3 => Just(Claim::Honest),
        1 => (1u16..300).prop_map(Claim::Oversized),
        2 => (0u8..6, prop_oneof![Just(u64::MAX), 0u64..40]).prop_map(|(d, n)| Claim::Poisoned(d, n)),
    ]
}

#[test]
fn a_poisoned_context_is_refused_and_an_honest_one_passes() {
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    let create = s.edit(1, 1, set(&[("name", json!("CARTAC"))])).unwrap();
    let _ = s.apply_checked(dev(1), &create, None).unwrap();
    // Another device's honest edit, then its own next edit naming its earlier one.
    let mut edit = s
        .edit(1, 2, set(&[("name", json!("CARTAC (IMF)"))]))
        .unwrap();
    let _ = s.apply_checked(dev(2), &edit, None).unwrap();
    edit.n = 2;
    edit.ctx.get_mut("name").unwrap().0.insert(dev(2), 1);
    let _ = s.apply_checked(dev(2), &edit, None).unwrap();
    // The server's own device at u64::MAX would swallow its next writes: refused.
    let mut poisoned = s.edit(3, 3, set(&[("name", json!("x"))])).unwrap();
    poisoned
        .ctx
        .get_mut("name")
        .unwrap()
        .0
        .insert(dev(9), u64::MAX);
    let before = s.clone();
    let e = s.apply_checked(dev(1), &poisoned, None).unwrap_err();
    assert!(
        e.for_field("name")
            .unwrap()
            .to_string()
            .contains("never received"),
        "{e}"
    );
    assert_eq!(s, before);
    // 50,000 made-up devices: refused before it is read.
    let mut huge = s.edit(3, 3, set(&[("name", json!("x"))])).unwrap();
    for i in 0..50_000u32 {
        huge.ctx
            .get_mut("name")
            .unwrap()
            .0
            .insert(Uuid::from_u128(i as u128 + 1000), 1);
    }
    assert!(s.apply_checked(dev(1), &huge, None).is_err());
    // Its own future number is not "earlier".
    let mut ahead = s.edit(3, 3, set(&[("name", json!("x"))])).unwrap();
    ahead.ctx.get_mut("name").unwrap().0.insert(dev(1), 3);
    assert!(s.apply_checked(dev(1), &ahead, None).is_err());
}

#[test]
fn a_removal_or_restore_changes_nothing_else_and_restores_are_validated() {
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    let create = s.edit(1, 1, set(&[("name", json!("CARTAC"))])).unwrap();
    let _ = s.apply_checked(dev(1), &create, None).unwrap();
    let both = s
        .edit(2, 2, set(&[("deleted", json!(true)), ("name", json!(""))]))
        .unwrap();
    let e = s.apply_checked(dev(1), &both, None).unwrap_err();
    assert!(e.for_field("deleted").is_some(), "{e}");
    let remove = s.edit(2, 2, set(&[("deleted", json!(true))])).unwrap();
    let _ = s.apply_checked(dev(1), &remove, None).unwrap();
    assert!(s.is_deleted());
    // An edit of a removed record is checked like any other.
    let blank = s.edit(3, 3, set(&[("name", json!(""))])).unwrap();
    assert!(s.apply_checked(dev(1), &blank, None).is_err());
    let restore = s.edit(3, 3, set(&[("deleted", json!(false))])).unwrap();
    let _ = s.apply_checked(dev(1), &restore, None).unwrap();
    assert!(!s.is_deleted());
}

#[test]
fn fields_of_a_newer_release_are_kept_and_do_not_block_an_edit() {
    // As a newer server sends it: a field this release does not know.
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    let create = s
        .edit(
            1,
            1,
            set(&[("name", json!("CARTAC")), ("regional_hub", json!({"x": 1}))]),
        )
        .unwrap();
    s.apply(dev(9), &create, Some("Newer"));
    let kept = s.fields["regional_hub"].clone();
    // It still shows as the record this release knows.
    let typed: crate::catalogue::Organisation = s.typed().unwrap();
    assert_eq!(typed.name, "CARTAC");
    // An edit of a known field passes the checks and leaves the unknown one as it was.
    let edit = s.edit(1, 2, set(&[("acronym", json!("C"))])).unwrap();
    let next = RecordState::check_mutation(Some(&s), dev(1), &edit, None).unwrap();
    assert_eq!(next.fields["regional_hub"], kept);
    assert_eq!(next.values()["acronym"], json!("C"));
    // A mutation of this release may still not write it.
    let write = s.edit(2, 3, set(&[("regional_hub", json!(2))])).unwrap();
    assert!(RecordState::check_mutation(Some(&s), dev(1), &write, None).is_err());
}

#[test]
fn a_device_keeps_one_write_per_field_however_often_it_writes() {
    let mut s = RecordState::new(RecordKind::Organisation, org_id());
    for n in 1..=500 {
        // No context at all, as a crafted client might send.
        let m = Mutation {
            n,
            kind: RecordKind::Organisation,
            id: org_id(),
            at: n as i64,
            set: set(&[("name", json!(format!("v{n}")))]),
            ctx: BTreeMap::new(),
        };
        s.apply(dev(1), &m, None);
    }
    assert_eq!(s.fields["name"].writes.len(), 1);
    assert_eq!(s.values()["name"], json!("v500"));
}

proptest! {
    /// Whatever contexts authors send, a field's `seen` never covers a mutation number
    /// a device has not sent yet: every device's next write always applies.
    #[test]
    fn contexts_never_make_an_unseen_write_count_as_seen(
        steps in prop::collection::vec((0u8..4, 0u8..2, 0u8..5, arb_claim()), 1..60),
    ) {
        let fields = ["name", "acronym"];
        let mut server = RecordState::new(RecordKind::Organisation, org_id());
        let create = server.edit(1, 0, set(&[("name", json!("base")), ("acronym", json!("B"))])).unwrap();
        let _ = server.apply_checked(dev(0), &create, None).unwrap();
        // The highest mutation number processed from each device, refused or not.
        let mut counter = [1u64, 0, 0, 0, 0, 0];
        for (i, (d, f, v, claim)) in steps.into_iter().enumerate() {
            let n = counter[d as usize] + 1;
            let field = fields[f as usize];
            let mut m = server
                .edit(n, i as i64, set(&[(field, json!(format!("v{v}")))]))
                .unwrap_or_else(|| server.resolve(n, i as i64, field, json!(format!("v{v}"))));
            let ctx = m.ctx.entry(field.to_owned()).or_default();
            match claim {
                Claim::Honest => {}
                Claim::Oversized(k) => {
                    for j in 0..k {
                        ctx.0.insert(Uuid::from_u128(j as u128 + 100), 1);
                    }
                }
                Claim::Poisoned(pd, pn) => {
                    ctx.0.insert(dev(pd), pn);
                }
            }
            let before = server.clone();
            if server.apply_checked(dev(d), &m, None).is_err() {
                prop_assert_eq!(&server, &before);
            }
            counter[d as usize] = n;
            for (name, state) in &server.fields {
                for (device, &seen) in &state.seen.0 {
                    let sent = (0..6u8).find(|&k| dev(k) == *device).map_or(0, |k| counter[k as usize]);
                    prop_assert!(seen <= sent, "{} saw {:?}:{} beyond {}", name, device, seen, sent);
                }
            }
        }
        // And so each device's next honest write is applied, never swallowed.
        for d in 0..4u8 {
            let n = counter[d as usize] + 1;
            let m = server.resolve(n, 1_000, "name", json!(format!("last {d}")));
            let mut next = server.clone();
            let _ = next.apply_checked(dev(d), &m, None).unwrap();
            prop_assert_eq!(next.values()["name"].clone(), json!(format!("last {d}")));
        }
    }

    #[test]
    fn a_fitted_context_passes_and_a_passing_one_is_left_alone(
        steps in prop::collection::vec((0u8..4, 0u8..2, arb_claim()), 1..40),
    ) {
        let fields = ["name", "acronym"];
        let mut server = RecordState::new(RecordKind::Organisation, org_id());
        let create = server.edit(1, 0, set(&[("name", json!("base")), ("acronym", json!("B"))])).unwrap();
        let _ = server.apply_checked(dev(0), &create, None).unwrap();
        let mut counter = [1u64, 0, 0, 0];
        for (i, (d, f, claim)) in steps.into_iter().enumerate() {
            let n = counter[d as usize] + 1;
            let field = fields[f as usize];
            let mut m = server.resolve(n, i as i64, field, json!(format!("v{i}")));
            let ctx = m.ctx.entry(field.to_owned()).or_default();
            match claim {
                Claim::Honest => {}
                Claim::Oversized(k) => {
                    for j in 0..k {
                        ctx.0.insert(Uuid::from_u128(j as u128 + 100), 1);
                    }
                }
                Claim::Poisoned(pd, pn) => {
                    ctx.0.insert(dev(pd), pn);
                }
            }
            let passed = server.check_contexts(dev(d), &m).is_ok();
            let mut fitted = m.clone();
            let changed = server.fit_contexts(dev(d), &mut fitted);
            prop_assert!(server.check_contexts(dev(d), &fitted).is_ok());
            if passed {
                prop_assert!(!changed);
                prop_assert_eq!(&fitted.ctx, &m.ctx);
            }
            let _ = server.apply_checked(dev(d), &fitted, None).unwrap();
            counter[d as usize] = n;
        }
    }

    #[test]
    fn any_order_any_duplication_same_state(
        ops in prop::collection::vec((0u8..4, 0u8..3, 0u8..6, prop::bool::weighted(0.3)), 1..40),
        picks_a in prop::collection::vec(any::<u8>(), 1..20),
        picks_b in prop::collection::vec(any::<u8>(), 1..20),
        dups in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let logs = history(&ops, 4);
        let a = replay(&interleave(&logs, &picks_a, &[]));
        let b = replay(&interleave(&logs, &picks_b, &dups));
        prop_assert_eq!(&a, &b);
    }

    #[test]
    fn join_is_commutative_associative_idempotent(
        ops in prop::collection::vec((0u8..3, 0u8..3, 0u8..6, prop::bool::weighted(0.3)), 1..30),
        cut_a in any::<u8>(), cut_b in any::<u8>(), cut_c in any::<u8>(),
    ) {
        let logs = history(&ops, 3);
        // Three replicas that have each seen a prefix of every device's log.
        let replica = |cut: u8| {
            let mut s = RecordState::new(RecordKind::Organisation, org_id());
            for (i, log) in logs.iter().enumerate() {
                let upto = (cut as usize + i) % (log.len() + 1);
                for (d, m) in &log[..upto] { s.apply(*d, m, None); }
            }
            s
        };
        let (a, b, c) = (replica(cut_a), replica(cut_b), replica(cut_c));
        let mut ab = a.clone(); ab.join(&b);
        let mut ba = b.clone(); ba.join(&a);
        prop_assert_eq!(&ab, &ba);
        let mut ab_c = ab.clone(); ab_c.join(&c);
        let mut bc = b.clone(); bc.join(&c);
        let mut a_bc = a.clone(); a_bc.join(&bc);
        prop_assert_eq!(&ab_c, &a_bc);
        let mut aa = a.clone(); aa.join(&a);
        prop_assert_eq!(&aa, &a);
        // Joining every replica that saw everything equals replaying everything.
        let full = replay(&interleave(&logs, &[0], &[]));
        let mut j = a.clone(); j.join(&full);
        prop_assert_eq!(&j, &full);
    }
}
