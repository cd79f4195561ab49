//! Hostile text in the fields that may hold any characters (names, summaries,
//! titles, translations) comes out escaped on every page kind.

mod common;

use std::path::Path;

use common::*;

const SCRIPT: &str = "<script>alert(1)</script>";
const ATTRIBUTE: &str = "\"><img src=x onerror=alert(2)>";

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn hostile_plain_text_is_escaped_on_every_page_kind() {
    let site = fixture("mini");
    let root = site.path();
    let hostile = format!("Open {SCRIPT} {ATTRIBUTE}");
    edit(
        root,
        "content/ftp/125.yaml",
        "name: Data Connection Open",
        &format!("name: '{hostile}'"),
    );
    edit(
        root,
        "content/ftp/125.yaml",
        "summary: The data connection",
        &format!("summary: '{hostile} The data connection"),
    );
    edit(
        root,
        "content/ftp/125.yaml",
        "transfer is starting.",
        "transfer is starting.'",
    );
    edit(
        root,
        "content/ftp/125.yaml",
        "title: \"RFC 959 §4.2\"",
        &format!("title: '{hostile}'"),
    );
    edit(
        root,
        "content/ftp/_protocol.yaml",
        "title: File Transfer Protocol",
        &format!("title: '{hostile}'"),
    );
    edit(
        root,
        "content/ftp/_protocol.yaml",
        "name: Positive Preliminary",
        &format!("name: '{hostile}'"),
    );
    std::fs::write(
        root.join("content/ftp/pairs/125-vs-426.yaml"),
        format!("notes: |\n  Code span `{SCRIPT}` and `{ATTRIBUTE}`.\n"),
    )
    .unwrap();
    let ftl = root.join("i18n/de/ftp.ftl");
    let mut text = read(&ftl);
    text.push_str(&format!("\nftp-426-name = Zu {SCRIPT} {ATTRIBUTE}\n"));
    std::fs::write(&ftl, text.replace("ftp-426-name =", "ftp-426-unused =")).unwrap();

    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    let pages = html_files(&root.join("public"));
    let kinds = [
        "/index.html",
        "/ftp/index.html",
        "/ftp/125/index.html",
        "/ftp/125-vs-426/index.html",
        "/404.html",
        "/de/ftp/426/index.html",
        "/de/ftp/125-vs-426/index.html",
    ];
    for kind in kinds {
        assert!(
            pages.iter().any(|p| p.to_string_lossy().ends_with(kind)),
            "no page {kind}"
        );
    }
    let mut seen_escaped = 0;
    for page in &pages {
        let html = read(page);
        assert!(!html.contains("<script>alert"), "{}", page.display());
        assert!(!html.contains("<img src=x"), "{}", page.display());
        assert!(!html.contains("\"><img"), "{}", page.display());
        if html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") {
            seen_escaped += 1;
        }
    }
    assert!(
        seen_escaped >= kinds.len(),
        "the hostile text must appear, escaped ({seen_escaped} pages)"
    );
    for data in ["public/ftp/codes.json", "public/search/en.json"] {
        let json: serde_json::Value = serde_json::from_str(&read(&root.join(data))).unwrap();
        assert!(
            json.to_string().contains("<script>alert(1)"),
            "{data} keeps the text as data"
        );
    }
}

#[test]
fn hostile_text_is_escaped_on_number_command_and_example_views() {
    let site = repo_site();
    let root = site.path();
    let hostile = format!("{SCRIPT} {ATTRIBUTE}");
    edit(
        root,
        "content/http/426.yaml",
        "name: Upgrade Required",
        &format!("name: 'Upgrade {hostile}'"),
    );
    edit(
        root,
        "content/ftp/commands/RETR.yaml",
        "summary: ",
        &format!("summary: '{hostile}' # "),
    );
    let pair = root.join("content/ftp/pairs/125-vs-426.yaml");
    let text = read(&pair);
    let first_retr = text.find("\"C: RETR").expect("the pair example sends RETR");
    let line_end = first_retr
        + text[first_retr..].find('"').unwrap()
        + 1
        + text[first_retr + 1..].find('"').unwrap()
        + 1;
    let patched = format!(
        "{}\"C: RETR {}\"{}",
        &text[..first_retr],
        SCRIPT.replace('"', "'"),
        &text[line_end..]
    );
    std::fs::write(&pair, patched).unwrap();

    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    for page in [
        "codes/426",
        "ko/codes/426",
        "ftp/commands",
        "ftp/commands/retr",
        "ko/ftp/commands/retr",
        "ftp/125-vs-426",
        "ftp/125",
        "http/426",
    ] {
        let html = read(&root.join("public").join(page).join("index.html"));
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("\"><img"), "{page}");
    }
    let compare = read(&root.join("public/ftp/125-vs-426/index.html"));
    assert!(
        compare.contains("RETR &lt;script&gt;alert(1)&lt;/script&gt;"),
        "the transcript and the diagram keep the text, escaped"
    );
    assert!(read(&root.join("public/codes/426/index.html")).contains("&lt;script&gt;alert(1)"));
}
