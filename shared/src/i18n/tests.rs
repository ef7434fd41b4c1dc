//! The language files are complete and agree with English; the Fluent subset reads and
//! writes as Fluent does; language choice, plural forms and numbers.

use super::*;

fn catalogue(lang: Lang, src: &str) -> Catalogue {
    Catalogue::parse(lang, src).unwrap()
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let (_, english) = SOURCES[0];
    let english = Message::read_all(english).expect("shared/lang/en reads");
    assert!(english.len() > 50, "only {} messages", english.len());
    for (lang, source) in SOURCES {
        let messages = Message::read_all(source)
            .unwrap_or_else(|e| panic!("{}.ftl does not read: {e}", lang.code()));
        let mut problems = Vec::new();
        for en in &english {
            match messages.iter().find(|m| m.key == en.key) {
                None => problems.push(format!("`{}` is missing", en.key)),
                Some(m) if m.is_empty() => problems.push(format!("`{}` is empty", m.key)),
                Some(m) if m.variables() != en.variables() => problems.push(format!(
                    "`{}` names {:?}, English names {:?}",
                    m.key,
                    m.variables(),
                    en.variables()
                )),
                Some(_) => {}
            }
        }
        for m in &messages {
            if !english.iter().any(|en| en.key == m.key) {
                problems.push(format!(
                    "`{}` (line {}) is not in shared/lang/en",
                    m.key, m.line
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "shared/lang/{}: {problems:#?}",
            lang.code()
        );
    }
}

#[test]
fn the_constants_name_the_english_keys() {
    assert_eq!(msg::LANGUAGE, Msg(key_hash("language")));
    assert_eq!(msg::NAV_ORGANISATIONS, Msg(key_hash("nav-organisations")));
    let english = catalogue(Lang::En, SOURCES[0].1);
    assert_eq!(english.text(msg::NAV_ORGANISATIONS), "Organisations");
    let french = catalogue(Lang::Fr, SOURCES[1].1);
    assert_eq!(french.text(msg::NAV_TRAINING), "Outils de formation");
}

#[test]
fn values_and_plural_forms_are_written_in_the_language() {
    let en = catalogue(Lang::En, SOURCES[0].1);
    let fr = catalogue(Lang::Fr, SOURCES[1].1);
    let waiting = |c: &Catalogue, n: i64| c.format(msg::SYNC_WAITING, &[("count", n.into())]);
    assert_eq!(waiting(&en, 1), "1 change waiting");
    assert_eq!(waiting(&en, 0), "0 changes waiting");
    assert_eq!(waiting(&en, 12500), "12,500 changes waiting");
    // French puts 0 and 1 in the singular, and groups with a narrow no-break space.
    assert_eq!(waiting(&fr, 0), "0 modification en attente");
    assert_eq!(waiting(&fr, 2), "2 modifications en attente");
    assert_eq!(
        waiting(&fr, 12500),
        "12\u{202f}500 modifications en attente"
    );
    let follow = |c: &Catalogue, p: i64, o: i64| {
        c.format(
            msg::OWN_FOLLOW_UP,
            &[("pending", p.into()), ("overdue", o.into())],
        )
    };
    // An exact number is chosen before a plural form, and choices nest.
    assert_eq!(follow(&en, 0, 0), "No action item to do.");
    assert_eq!(follow(&en, 1, 1), "1 action item to do, and it is overdue.");
    assert_eq!(
        follow(&en, 3, 2),
        "3 action items to do, 2 of them overdue."
    );
    assert_eq!(follow(&fr, 0, 0), "Aucune action à mener.");
    assert_eq!(follow(&fr, 4, 1), "4 actions à mener, dont 1 en retard.");
}

#[test]
fn the_subset_reads_as_fluent_does() {
    let src = "# a comment\n\
               plain = Hello\n\
               braces = A { \"{\" } sign and { $who }\n\
               lines =\n    First line\n    second line\n\n\
               choice = You have { $n ->\n    [0] nothing\n    [one] one thing\n   *[other] { $n } things\n} here.\n\
               by-value = { $kind ->\n    [paper] On paper\n   *[other] Online\n}\n";
    let messages = Message::read_all(src).unwrap();
    let keys: Vec<&str> = messages.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["plain", "braces", "lines", "choice", "by-value"]);
    let c = catalogue(Lang::En, src);
    let m = |k: &str| Msg(key_hash(k));
    assert_eq!(c.text(m("plain")), "Hello");
    assert_eq!(
        c.format(m("braces"), &[("who", "Ana".into())]),
        "A { sign and Ana"
    );
    assert_eq!(c.text(m("lines")), "First line\nsecond line");
    let choice = |n: i64| c.format(m("choice"), &[("n", n.into())]);
    assert_eq!(choice(0), "You have nothing here.");
    assert_eq!(choice(1), "You have one thing here.");
    assert_eq!(choice(7), "You have 7 things here.");
    assert_eq!(
        c.format(m("by-value"), &[("kind", "paper".into())]),
        "On paper"
    );
    assert_eq!(c.format(m("by-value"), &[("kind", "web".into())]), "Online");
    // A value not given shows where it belongs; a message not in the file is empty.
    assert_eq!(c.text(m("braces")), "A { sign and {$who}");
    assert_eq!(c.text(m("absent")), "");
}

#[test]
fn a_broken_file_names_the_line_and_the_problem() {
    let error = |src: &str| Message::read_all(src).unwrap_err().to_string();
    assert_eq!(
        error("ok = fine\nno equals sign\n"),
        "line 2: expected `key = text`"
    );
    assert_eq!(
        error("ok = fine\nok = again\n"),
        "line 2: `ok` is written twice"
    );
    assert_eq!(
        error("a = x\nb = { $n ->\n    [one] one\n    [other] many\n}\n"),
        "line 5: the choice on `$n` has no default (`*[other]`)"
    );
    assert_eq!(
        error("a = x\nb = an { unclosed\n"),
        "line 2: expected `$name` or a \"string\" inside `{ }`"
    );
    assert_eq!(
        error("a = stray } brace\n"),
        "line 1: a `}` without its `{` (write `{ \"}\" }` for the sign)"
    );
    assert_eq!(
        error("  indented = nothing\n"),
        "line 1: an indented line belongs to no message"
    );
    assert_eq!(
        error("9lives = x\n"),
        "line 1: `9lives` is not a message key (letters, digits, `-`)"
    );
}

#[test]
fn a_person_gets_the_first_of_their_languages_that_the_interface_speaks() {
    assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
    assert_eq!(Lang::from_tag("NL"), Some(Lang::Nl));
    assert_eq!(Lang::from_tag("pap-CW"), None);
    assert_eq!(Lang::first_of(["pap-CW", "nl-NL", "en"]), Lang::Nl);
    assert_eq!(Lang::first_of(["ht"]), Lang::En);
    assert_eq!(
        Lang::from_accept_language("fr-CA,fr;q=0.9,en;q=0.8"),
        Lang::Fr
    );
    assert_eq!(Lang::from_accept_language("en;q=0.5, es"), Lang::Es);
    assert_eq!(Lang::from_accept_language("de, nl;q=0.3"), Lang::Nl);
    assert_eq!(Lang::from_accept_language("fr;q=0, ht"), Lang::En);
    assert_eq!(Lang::from_accept_language("es;q=1.0, fr;q=1"), Lang::Es);
    assert_eq!(Lang::from_accept_language("*"), Lang::En);
    assert_eq!(Lang::from_accept_language(""), Lang::En);
}

#[test]
fn a_command_speaks_the_language_its_environment_names() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "fr_FR.UTF-8")])),
        Lang::Fr
    );
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "nl_NL@euro")])),
        Lang::Nl
    );
    // LC_ALL, then LC_MESSAGES, then LANG; an empty one is not set.
    let all = env(&[
        ("LC_ALL", "es_DO.UTF-8"),
        ("LC_MESSAGES", "fr_HT"),
        ("LANG", "nl_SR"),
    ]);
    assert_eq!(Lang::from_environment(all), Lang::Es);
    let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_HT"), ("LANG", "nl_SR")]);
    assert_eq!(Lang::from_environment(messages), Lang::Fr);
    // LANGUAGE's list comes first, its first language of ours, but not in the C locale.
    let list = env(&[("LANGUAGE", "pap:nl:fr"), ("LANG", "es_ES.UTF-8")]);
    assert_eq!(Lang::from_environment(list), Lang::Nl);
    let c = env(&[("LANGUAGE", "fr"), ("LC_ALL", "C")]);
    assert_eq!(Lang::from_environment(c), Lang::En);
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "C.UTF-8")])),
        Lang::En
    );
    let c_utf8 = env(&[("LANGUAGE", "es"), ("LANG", "C.UTF-8")]);
    assert_eq!(Lang::from_environment(c_utf8), Lang::En);
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "de_DE.UTF-8")])),
        Lang::En
    );
}

#[test]
fn plural_forms_and_numbers_follow_each_language() {
    assert_eq!(Lang::En.plural(1), "one");
    assert_eq!(Lang::En.plural(0), "other");
    assert_eq!(Lang::Fr.plural(0), "one");
    assert_eq!(Lang::Fr.plural(2), "other");
    assert_eq!(Lang::Fr.plural(2_000_000), "many");
    assert_eq!(Lang::Es.plural(1_000_000), "many");
    assert_eq!(Lang::Nl.plural(1), "one");
    assert_eq!(Lang::En.number(1234567), "1,234,567");
    assert_eq!(Lang::En.number(-1200), "-1,200");
    assert_eq!(Lang::En.number(999), "999");
    assert_eq!(Lang::Fr.number(1234), "1\u{202f}234");
    assert_eq!(Lang::Es.number(1234), "1234");
    assert_eq!(Lang::Es.number(12345), "12.345");
    assert_eq!(Lang::Nl.number(1234), "1.234");
    assert_eq!(Lang::En.tenths(0.06), "0.1");
    assert_eq!(Lang::Fr.tenths(2.25), "2,3");
    assert_eq!(Lang::Nl.tenths(1234.5), "1.234,5");
    assert_eq!(Lang::En.tenths(-3.04), "-3.0");
    assert_eq!(Lang::Es.tenths(-0.01), "0,0");
}

#[test]
fn what_a_device_loads_writes_every_message_as_the_file_does() {
    for (lang, source) in SOURCES {
        let file = catalogue(lang, source);
        let loaded = Catalogue::from_json(lang, &compile(lang, source).unwrap()).unwrap();
        for message in Message::read_all(source).unwrap() {
            let id = Msg(key_hash(&message.key));
            if message.key.starts_with(SERVER_ONLY) {
                // The server's command line words these; no device shows them.
                assert!(!loaded.has(id), "{} is in a device's file", message.key);
                assert!(file.has(id), "{}", message.key);
                continue;
            }
            let names = message.variables();
            assert_eq!(loaded.plain(id), file.plain(id), "{}", message.key);
            for n in [0, 1, 2, 3] {
                let args: Vec<(&str, Arg)> =
                    names.iter().map(|v| (v.as_str(), Arg::Number(n))).collect();
                assert_eq!(
                    loaded.format(id, &args),
                    file.format(id, &args),
                    "{}",
                    message.key
                );
            }
        }
    }
    assert!(Catalogue::from_json(Lang::En, "{\"not\":\"a list\"}").is_none());
    assert!(Catalogue::from_json(Lang::En, "[[1, [[\"n\", 5, \"one\", \"x\"]]]]").is_none());
    let en = catalogue(Lang::En, SOURCES[0].1);
    assert_eq!(en.plain(msg::REQUIRED_MARK), Some(" (required)"));
}

#[test]
fn a_language_file_cut_in_two_parts_reads_whole_again() {
    for (lang, source) in SOURCES {
        let whole = catalogue(lang, source);
        let (first, rest) = compile_parts(lang, source, |key, _| key.starts_with("nav-")).unwrap();
        // The first part alone has its own messages and none of the others.
        let alone = Catalogue::from_json(lang, &first).unwrap();
        assert_eq!(
            alone.plain(msg::NAV_ORGANISATIONS),
            whole.plain(msg::NAV_ORGANISATIONS)
        );
        assert_eq!(alone.plain(msg::REQUIRED_MARK), None);
        let later = Catalogue::from_json(lang, &rest).unwrap();
        assert_eq!(later.plain(msg::NAV_ORGANISATIONS), None);
        // Joined and sorted by hash, as boot.js does, they are the whole file.
        let mut both: Vec<serde_json::Value> = serde_json::from_str(&first).unwrap();
        both.extend(serde_json::from_str::<Vec<serde_json::Value>>(&rest).unwrap());
        both.sort_by_key(|m| m[0].as_u64());
        let joined = Catalogue::from_json(lang, &serde_json::to_string(&both).unwrap()).unwrap();
        for message in Message::read_all(source).unwrap() {
            let id = Msg(key_hash(&message.key));
            if message.key.starts_with(SERVER_ONLY) {
                assert!(!joined.has(id), "{} is in a device's file", message.key);
                continue;
            }
            assert!(joined.has(id), "{} lost in the parts", message.key);
            assert_eq!(joined.plain(id), whole.plain(id), "{}", message.key);
        }
    }
}

#[test]
fn the_english_words_are_the_labels_the_code_gives() {
    use crate::access::Role;
    use crate::catalogue::{AccessRule, Audience, OrgCategory, OrgStatus, ToolFormat};
    use crate::documents::DocumentKind;
    use crate::meetings::{ActionStatus, MeetingKind};
    use crate::missions::{MissionPhase, ReportAccess};
    use crate::projects::ProjectStatus;
    use crate::reference::{COUNTRIES, LANGUAGES, TOPICS};
    use crate::RecordKind;

    let en = catalogue(Lang::En, SOURCES[0].1);
    let mut problems = Vec::new();
    let mut expect = |key: String, label: &str| {
        if en.word(&key) != Some(label) {
            problems.push(format!(
                "{key} = {label}  (shared/lang/en has {:?})",
                en.word(&key)
            ));
        }
    };
    for kind in RecordKind::ALL {
        for field in kind.fields() {
            expect(field_key(*kind, field.name), field.label);
        }
    }
    fn values<T: Labelled>(expect: &mut dyn FnMut(String, &str)) {
        for v in T::all() {
            expect(v.key(), v.label());
        }
    }
    values::<RecordKind>(&mut expect);
    values::<OrgCategory>(&mut expect);
    values::<OrgStatus>(&mut expect);
    values::<ToolFormat>(&mut expect);
    values::<Audience>(&mut expect);
    values::<AccessRule>(&mut expect);
    values::<Role>(&mut expect);
    values::<DocumentKind>(&mut expect);
    values::<MeetingKind>(&mut expect);
    values::<ActionStatus>(&mut expect);
    values::<MissionPhase>(&mut expect);
    values::<ReportAccess>(&mut expect);
    values::<ProjectStatus>(&mut expect);
    for (code, name) in COUNTRIES {
        expect(reference_key("country", code), name);
    }
    for (code, name) in LANGUAGES {
        expect(reference_key("language", code), name);
    }
    for (code, name, _) in TOPICS {
        expect(reference_key("topic", code), name);
    }
    assert!(
        problems.is_empty(),
        "write these in shared/lang/en/: {problems:#?}"
    );
    let fr = catalogue(Lang::Fr, SOURCES[1].1);
    assert_eq!(
        fr.word(&OrgCategory::CustomsAdministration.key()),
        Some("Administration des douanes")
    );
    assert_eq!(fr.word(&reference_key("country", "HT")), Some("Haïti"));
}
