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
