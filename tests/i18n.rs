//! A translator's view: a partial locale builds, falls back with `lang="en"`,
//! is reported, and shows up in every switcher; `i18n status` is exact.

mod common;

use common::*;

#[test]
fn partial_locale_builds_and_falls_back() {
    let site = fixture("mini");
    let run = build(site.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let out = stdout(&run);
    let fallback_lines: Vec<&str> = out.lines().filter(|l| l.contains("fell back")).collect();
    assert_eq!(fallback_lines.len(), 1, "one line, not a flood:\n{out}");
    assert!(fallback_lines[0].contains("de: "), "{out}");

    let page = read(&site.path().join("public/de/ftp/125/index.html"));
    assert!(page.contains("<html lang=\"de\">"));
    assert!(page.contains("Datenverbindung offen"), "translated name");
    assert!(
        page.contains(">Beschreibung <a class=\"anchor\""),
        "translated heading"
    );
    assert!(
        page.contains("<span lang=\"en\">When you see this code</span>"),
        "UI fallback is marked"
    );
    assert!(
        page.contains("<div lang=\"en\"><p>The server reuses"),
        "content fallback is marked"
    );
}

#[test]
fn every_page_offers_every_locale() {
    let site = fixture("mini");
    assert!(build(site.path()).status.success());
    let pages = html_files(&site.path().join("public"));
    assert!(pages.len() >= 3 * (1 + 1 + 1 + 4 + 6));
    for file in pages {
        let html = read(&file);
        for (lang, label) in [("en", "English"), ("ko", "한국어"), ("de", "Deutsch")] {
            assert!(
                html.contains(&format!("hreflang=\"{lang}\" lang=\"{lang}\""))
                    && html.contains(&format!(">{label}</a>")),
                "{} lacks {lang}",
                file.display()
            );
            assert!(
                html.contains(&format!("<link rel=\"alternate\" hreflang=\"{lang}\"")),
                "{}",
                file.display()
            );
        }
    }
    let de = read(&site.path().join("public/de/ftp/125-vs-426/index.html"));
    assert!(
        de.contains("<a href=\"/ko/ftp/125-vs-426/\" hreflang=\"ko\""),
        "switcher keeps the page"
    );
}

#[test]
fn status_reports_missing_obsolete_and_broken_exactly() {
    let site = fixture("mini");
    let root = site.path();
    let mut ftl = read(&root.join("i18n/de/ftp.ftl"));
    ftl.push_str("ftp-999-name = Gibt es nicht\n");
    std::fs::write(root.join("i18n/de/ftp.ftl"), ftl).unwrap();
    let mut ui = read(&root.join("i18n/de/site.ftl"));
    ui.push_str("code-title = { $protocol } { $nummer }\nbroken = { oops\n");
    std::fs::write(root.join("i18n/de/site.ftl"), ui).unwrap();

    let run = codecompare(&[
        "i18n",
        "status",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(!run.status.success(), "broken messages fail the command");
    let report: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    let de = report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "de")
        .unwrap();
    let file = |name: &str| {
        de["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };

    let ftp = file("ftp.ftl");
    assert_eq!(ftp["obsolete"][0]["id"], "ftp-999-name");
    assert_eq!(ftp["obsolete"][0]["line"], 3);
    let missing: Vec<&str> = ftp["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"ftp-125-description")
            && missing.contains(&"ftp-pair-125-vs-426-notes")
            && missing.contains(&"ftp-class-4-name")
    );
    assert!(!missing.contains(&"ftp-125-name"));

    let site_ftl = file("site.ftl");
    let broken = site_ftl["broken"].as_array().unwrap();
    assert_eq!(broken.len(), 2, "{broken:#?}");
    assert_eq!(broken[0]["id"], "code-title");
    assert_eq!(broken[0]["line"], 6);
    assert!(broken[0]["message"].as_str().unwrap().contains("$nummer"));
    assert_eq!(broken[1]["line"], 7);
    assert!(
        broken[1]["message"]
            .as_str()
            .unwrap()
            .contains("syntax error")
    );
    assert!(
        site_ftl["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "heading-seen-when")
    );

    let text = codecompare(&["i18n", "status", "--root", root.to_str().unwrap()]);
    let text = stdout(&text);
    assert!(
        text.contains("obsolete i18n/de/ftp.ftl:3:1: ftp-999-name"),
        "{text}"
    );
    assert!(
        text.contains("broken   i18n/de/site.ftl:6:1: code-title"),
        "{text}"
    );
}

#[test]
fn korean_particles_follow_the_number() {
    // The rule lives in i18n/ko/site.ftl; the build only offers NUMBER_END.
    let site = fixture("mini");
    assert!(build(site.path()).status.success());
    let html = read(&site.path().join("public/ko/ftp/125-vs-426/index.html"));
    assert!(html.contains("125(") && html.contains(")는 1xx"), "125는");
    assert!(html.contains(")은 4xx"), "426은");
    let html = read(&site.path().join("public/ko/ftp/150-vs-226/index.html"));
    assert!(
        html.contains("150과 226 모두") || html.contains(")은 1xx"),
        "150은/과"
    );
}

fn status_json(root: &std::path::Path) -> (bool, serde_json::Value) {
    let run = codecompare(&[
        "i18n",
        "status",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report = serde_json::from_str(&stdout(&run)).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", stdout(&run), stderr(&run));
    });
    (run.status.success(), report)
}

fn locale<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == name)
        .unwrap()
}

/// The review of one message in a status report.
fn message<'a>(report: &'a serde_json::Value, loc: &str, id: &str) -> &'a serde_json::Value {
    locale(report, loc)["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["messages"].as_array().unwrap())
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {loc}"))
}

fn accept(root: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["i18n", "accept", "--root", root.to_str().unwrap()];
    all.extend(args);
    codecompare(&all)
}

#[test]
fn outdated_cycle_edit_english_then_accept() {
    let site = fixture("mini");
    let root = site.path();
    let run = accept(root, &["de"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(root.join("i18n/de/_sources.toml").is_file());
    let (_, report) = status_json(root);
    assert_eq!(locale(&report, "de")["outdated"], 0);
    assert_eq!(
        message(&report, "de", "ftp-125-summary")["state"],
        "current"
    );

    // The English summary of 125 is rewritten.
    let yaml = root.join("content/ftp/125.yaml");
    let old = "The data connection is already open; the transfer is starting.";
    let new = "A data connection is open already and the transfer begins on it.";
    std::fs::write(&yaml, read(&yaml).replace(old, new)).unwrap();

    let (ok, report) = status_json(root);
    assert!(ok, "outdated is not an error");
    assert_eq!(locale(&report, "de")["outdated"], 1);
    let m = message(&report, "de", "ftp-125-summary");
    assert_eq!(m["state"], "outdated");
    assert_eq!(m["was"], old);
    assert_eq!(m["english"], new);
    assert_eq!(m["source"]["file"], "content/ftp/125.yaml");
    assert_eq!(m["source"]["field"], "summary");
    assert_eq!(m["line"], 2);
    let text = stdout(&codecompare(&[
        "i18n",
        "status",
        "--root",
        root.to_str().unwrap(),
    ]));
    assert!(
        text.contains("outdated i18n/de/ftp.ftl:2:1: ftp-125-summary")
            && text.contains(&format!("was: {old}"))
            && text.contains(&format!("now: {new}")),
        "{text}"
    );

    // The page keeps the translation, flags it and links the English page;
    // the build counts it.
    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stdout(&run).contains(&format!(
            "de {}% translated, 1 outdated",
            locale(&report, "de")["percent"]
        )),
        "{}",
        stdout(&run)
    );
    let page = read(&root.join("public/de/ftp/125/index.html"));
    assert!(page.contains("Die Datenverbindung ist schon offen"));
    assert!(
        page.contains("class=\"notice outdated-notice\"")
            && page.contains("<a href=\"/ftp/125/\">"),
        "outdated notice linking the English page"
    );
    let untouched = read(&root.join("public/de/ftp/426/index.html"));
    assert!(!untouched.contains("outdated-notice"));

    // Reviewed: accepted again, current again.
    let run = accept(root, &["de", "ftp-125-summary"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).contains("ftp-125-summary (was outdated)"));
    let (_, report) = status_json(root);
    assert_eq!(locale(&report, "de")["outdated"], 0);
    assert_eq!(
        message(&report, "de", "ftp-125-summary")["state"],
        "current"
    );
    assert!(build(root).status.success());
    let page = read(&root.join("public/de/ftp/125/index.html"));
    assert!(!page.contains("outdated-notice"));
}

#[test]
fn accept_refuses_what_it_cannot_record() {
    let site = fixture("mini");
    let root = site.path();
    let run = accept(root, &["de", "ftp-125-descripton", "ftp-426-name"]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(err.contains("did you mean `ftp-125-description`?"), "{err}");
    assert!(
        err.contains("`ftp-426-name` is not translated in de yet"),
        "{err}"
    );
    assert!(
        !root.join("i18n/de/_sources.toml").exists(),
        "nothing written"
    );
    let run = accept(root, &["en"]);
    assert!(stderr(&run).contains("source locale"), "{}", stderr(&run));
}

#[test]
fn an_english_copy_counts_as_untranslated_and_shows_as_english() {
    let site = fixture("mini");
    let root = site.path();
    let ui = root.join("i18n/de/site.ftl");
    std::fs::write(
        &ui,
        read(&ui) + "heading-seen-when = When you see this code\nheading-notes = Notes\n",
    )
    .unwrap();
    let (_, before) = status_json(root);
    let de = locale(&before, "de");
    assert_eq!(de["untranslated"], 2);
    assert_eq!(
        message(&before, "de", "heading-notes")["state"],
        "untranslated"
    );
    let translated = de["translated"].as_u64().unwrap();
    assert_eq!(translated, 6, "4 UI strings and 2 content messages");
    assert_eq!(
        de["percent"].as_u64().unwrap(),
        translated * 100 / de["expected"].as_u64().unwrap()
    );

    assert!(build(root).status.success());
    let page = read(&root.join("public/de/ftp/125/index.html"));
    assert!(
        page.contains("<span lang=\"en\">When you see this code</span>"),
        "a copy of the English is English"
    );

    // A translator can confirm that the English is right as it is.
    let run = accept(root, &["de", "heading-notes"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(read(&root.join("i18n/de/_sources.toml")).contains("same = true"));
    let (_, after) = status_json(root);
    assert_eq!(message(&after, "de", "heading-notes")["state"], "current");
    assert_eq!(
        message(&after, "de", "heading-seen-when")["state"],
        "untranslated"
    );
}

#[test]
fn fallen_back_pattern_marks_only_its_english_parts() {
    let site = fixture("mini");
    let root = site.path();
    let ui = root.join("i18n/ko/site.ftl");
    let without: String = read(&ui)
        .lines()
        .filter(|l| !l.starts_with("compare-intro ="))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&ui, without).unwrap();
    assert!(build(root).status.success());
    let html = read(&root.join("public/ko/ftp/125-vs-426/index.html"));
    let lead = html
        .split("<p class=\"lead\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        lead.starts_with(
            "125 데이터 연결이 이미 열려 있음<span lang=\"en\"> belongs to class 1xx (</span>"
        ),
        "the Korean name stays Korean, the English words are marked: {lead}"
    );
    for span in lead.split("<span lang=\"en\">").skip(1) {
        let english = span.split("</span>").next().unwrap();
        assert!(
            !english.chars().any(|c| ('가'..='힣').contains(&c)),
            "Korean inside lang=en: {english}"
        );
    }
}

#[test]
fn fewer_variables_pass_an_unknown_one_fails_check_and_status() {
    let site = fixture("mini");
    let root = site.path();
    let ui = root.join("i18n/de/site.ftl");
    let original = read(&ui);
    std::fs::write(&ui, format!("{original}code-title = Code {{ $code }}\n")).unwrap();
    let (ok, report) = status_json(root);
    assert!(ok, "fewer variables are fine");
    assert_eq!(message(&report, "de", "code-title")["state"], "current");
    let check = codecompare(&["check", "--root", root.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));

    std::fs::write(
        &ui,
        format!("{original}code-title = Code {{ $code }}\ncode-meta = {{ $code }}: {{ $zusammenfassung }}\n"),
    )
    .unwrap();
    let (ok, report) = status_json(root);
    assert!(!ok, "status refuses");
    let m = message(&report, "de", "code-meta");
    assert_eq!(m["state"], "broken");
    assert!(m["problem"].as_str().unwrap().contains("$zusammenfassung"));
    let check = codecompare(&["check", "--root", root.to_str().unwrap()]);
    assert!(!check.status.success(), "check refuses too");
    let err = stderr(&check);
    assert!(
        err.contains("i18n/de/site.ftl:7:1") && err.contains("code-meta: uses $zusammenfassung"),
        "{err}"
    );
    assert!(!build(root).status.success(), "and so does build");
}

#[test]
fn partial_threshold_adds_a_notice_or_skips_the_locale() {
    let site = fixture("mini");
    let root = site.path();
    let config = root.join("site.toml");
    let base = read(&config);
    let (_, report) = status_json(root);
    let percent = locale(&report, "de")["percent"].as_u64().unwrap();
    assert!(percent < 80);
    std::fs::write(&config, format!("{base}\n[i18n]\npartial_threshold = 80\n")).unwrap();
    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).contains("(partly translated: pages carry a notice)"));
    let page = read(&root.join("public/de/ftp/125/index.html"));
    assert!(
        page.contains("class=\"notice partial-notice\"")
            && page.contains(&format!("This translation is {percent}% complete")),
        "German has no partial-notice yet: the English one, marked"
    );
    let ko = read(&root.join("public/ko/ftp/125/index.html"));
    assert!(
        !ko.contains("partial-notice"),
        "Korean is above the threshold"
    );

    std::fs::write(
        &config,
        format!("{base}\n[i18n]\npartial_threshold = 80\npartial = \"skip\"\n"),
    )
    .unwrap();
    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).contains(&format!(
        "de {percent}% translated, 0 outdated (partly translated: not built)"
    )));
    assert!(!root.join("public/de").exists());
    let en = read(&root.join("public/ftp/125/index.html"));
    assert!(
        !en.contains("hreflang=\"de\""),
        "no links to a skipped locale"
    );
}

#[test]
fn export_writes_every_content_message_as_fluent() {
    let site = repo_site();
    let root = site.path();
    let out = tempfile::tempdir().unwrap();
    let run = codecompare(&[
        "i18n",
        "export",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let content = codecompare::content::load(root).unwrap();
    for (file, messages) in codecompare::i18n::ids::all_messages(&content) {
        let text = read(&out.path().join("en").join(&file));
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
        let mut found = std::collections::BTreeMap::new();
        for entry in &resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let comment = m.comment.as_ref().expect("every message has a comment");
                assert!(comment.content[0].starts_with("content/"), "{comment:?}");
                found.insert(m.id.name.to_string(), ());
            }
        }
        let parsed = codecompare::i18n::ftl::parse(&text);
        for m in &messages {
            assert!(found.contains_key(&m.id), "{file}: {} missing", m.id);
            assert_eq!(
                parsed.messages[&m.id].text,
                codecompare::i18n::fingerprint::normalize(&m.source),
                "{file}: {} does not round-trip",
                m.id
            );
        }
        assert_eq!(found.len(), messages.len(), "{file}: extra messages");
    }
    let ui = read(&out.path().join("en/site.ftl"));
    assert!(
        ui.contains("\nsite-title = Reply Codes\n"),
        "the site title, for tools"
    );
}
