//! A contributor's mistakes: each is an error naming file, line and column,
//! the exit code is non-zero, and the previous output stays byte-for-byte.

mod common;

use std::path::Path;

use common::*;

/// Builds the mini fixture, applies `mistake`, builds again and checks the
/// failure: every `expected` text is in the message, the output is unchanged.
fn assert_mistake(mistake: impl FnOnce(&Path), expected: &[&str]) -> String {
    let site = fixture("mini");
    let root = site.path();
    let first = build(root);
    assert!(
        first.status.success(),
        "fixture must build: {}",
        stderr(&first)
    );
    let before = tree_hash(&root.join("public"));
    mistake(root);
    let second = build(root);
    let message = stderr(&second);
    assert!(!second.status.success(), "a mistake must fail the build");
    for text in expected {
        assert!(message.contains(text), "expected {text:?} in:\n{message}");
    }
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(
        tree_hash(&root.join("public")),
        before,
        "previous output changed"
    );
    let check = codecompare(&["check", "--root", root.to_str().unwrap()]);
    assert!(!check.status.success(), "check must fail too");
    message
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn write(root: &Path, file: &str, text: impl AsRef<[u8]>) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn yaml_syntax_error() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/125.yaml",
                "name: Data Connection Open",
                "name: [Data Connection Open",
            )
        },
        &["content/ftp/125.yaml:"],
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let message = assert_mistake(
        |r| edit(r, "content/ftp/125.yaml", "description:", "descripton:"),
        &[
            "content/ftp/125.yaml:4:1",
            "unknown field `descripton`",
            "did you mean `description`?",
        ],
    );
    assert!(
        message.contains("descripton: |"),
        "the source line is shown:\n{message}"
    );
}

#[test]
fn missing_required_field() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/150.yaml",
                "fix: |\n  Nothing to fix. Accept the data connection and wait for the final reply.\n",
                "",
            )
        },
        &["content/ftp/150.yaml:", "missing field `fix`"],
    );
}

#[test]
fn code_differs_from_file_stem() {
    assert_mistake(
        |r| edit(r, "content/ftp/150.yaml", "code: \"150\"", "code: \"151\""),
        &["content/ftp/150.yaml:1:8", "differs from the file name"],
    );
}

#[test]
fn duplicate_code() {
    assert_mistake(
        |r| {
            write(
                r,
                "content/ftp/125.yml",
                read(&r.join("content/ftp/125.yaml")),
            )
        },
        &["content/ftp/125.y", "defined twice"],
    );
}

#[test]
fn related_code_that_does_not_exist() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/150.yaml",
                "related: [\"125\"]",
                "related: [\"125\", \"999\"]",
            )
        },
        &[
            "content/ftp/150.yaml:10:19",
            "related code `999` does not exist",
        ],
    );
}

#[test]
fn pair_file_naming_a_missing_code() {
    assert_mistake(
        |r| write(r, "content/ftp/pairs/125-vs-999.yaml", "notes: x\n"),
        &["content/ftp/pairs/125-vs-999.yaml:1:1", "`999`"],
    );
}

#[test]
fn pair_file_out_of_order_or_misnamed() {
    assert_mistake(
        |r| write(r, "content/ftp/pairs/426-vs-125.yaml", "notes: x\n"),
        &["426-vs-125.yaml:1:1", "not in order", "125-vs-426"],
    );
    assert_mistake(
        |r| write(r, "content/ftp/pairs/125-426.yaml", "notes: x\n"),
        &["125-426.yaml:1:1", "<a>-vs-<b>"],
    );
}

#[test]
fn class_digit_missing_from_protocol() {
    let code = read(&repo().join("tests/fixtures/mini/content/ftp/150.yaml"))
        .replace("\"150\"", "\"350\"");
    assert_mistake(
        |r| write(r, "content/ftp/350.yaml", code),
        &["content/ftp/350.yaml:1:8", "class `3`"],
    );
}

#[test]
fn bad_site_toml() {
    assert_mistake(
        |r| edit(r, "site.toml", "title =", "titel ="),
        &["site.toml:1:1", "did you mean `title`?"],
    );
    assert_mistake(
        |r| edit(r, "site.toml", "locales = [", "locales = "),
        &["site.toml:"],
    );
}

#[test]
fn fluent_syntax_error() {
    assert_mistake(
        |r| {
            edit(
                r,
                "i18n/de/site.ftl",
                "nav-home = Startseite",
                "nav-home = { Startseite",
            )
        },
        &["i18n/de/site.ftl:3:", "Fluent syntax error"],
    );
}

#[test]
fn template_error_names_template_and_line() {
    assert_mistake(
        |r| {
            edit(
                r,
                "templates/code.html",
                "{% block content %}",
                "{% block content %}\n{{ page.code.name.html | nosuchfilter }}{% if %}",
            )
        },
        &["templates/code.html:4:"],
    );
}

#[test]
fn template_render_error_names_template() {
    assert_mistake(
        |r| {
            edit(
                r,
                "templates/404.html",
                "{{ heading.html | safe }}",
                "{{ heading.nosuchfield.deeper }}",
            )
        },
        &["templates/404.html", "nosuchfield"],
    );
}

#[test]
fn empty_file() {
    assert_mistake(
        |r| write(r, "content/ftp/150.yaml", ""),
        &["content/ftp/150.yaml:1:1", "empty"],
    );
}

#[test]
fn wrong_type() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/150.yaml",
                "related: [\"125\"]",
                "related: 5",
            )
        },
        &["content/ftp/150.yaml:10:", "invalid type"],
    );
}

#[test]
fn file_that_is_not_utf8() {
    assert_mistake(
        |r| write(r, "content/ftp/150.yaml", b"code: \"150\"\nname: Caf\xe9\n"),
        &["content/ftp/150.yaml:2:10", "not valid UTF-8"],
    );
}

#[test]
fn stray_files_in_content() {
    assert_mistake(
        |r| write(r, "content/ftp/notes.txt", "x"),
        &["content/ftp/notes.txt", "unexpected file"],
    );
    assert_mistake(
        |r| write(r, "content/README.md", "x"),
        &["content/README.md", "unexpected file"],
    );
}

#[test]
fn hostile_yaml_anchors_do_not_exhaust_memory() {
    let mut bomb = String::from(
        "code: \"150\"\nname: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("a{}", i - 1)
        };
        bomb.push_str(&format!("k{i}: &a{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    assert_mistake(
        |r| write(r, "content/ftp/150.yaml", bomb),
        &["content/ftp/150.yaml:"],
    );
    let deep = format!(
        "code: \"150\"\nname: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_mistake(
        |r| write(r, "content/ftp/150.yaml", deep),
        &["content/ftp/150.yaml:2:"],
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let message = assert_mistake(
        |r| {
            edit(r, "content/ftp/125.yaml", "description:", "descripton:");
            edit(
                r,
                "content/ftp/150.yaml",
                "related: [\"125\"]",
                "related: [\"998\"]",
            );
            edit(
                r,
                "i18n/de/site.ftl",
                "nav-home = Startseite",
                "nav-home = { Startseite",
            );
        },
        &[
            "content/ftp/125.yaml:4:1",
            "content/ftp/150.yaml:10:12",
            "i18n/de/site.ftl:3:",
            "3 problems",
        ],
    );
    assert!(message.contains("error: build failed"));
}

#[test]
fn output_that_is_not_a_previous_build_is_refused() {
    let site = fixture("mini");
    let root = site.path();
    let root_str = root.to_str().unwrap();
    for (output, why) in [
        (root.to_path_buf(), "site root"),
        (root.join("content"), "source folder"),
        (root.join("i18n/de"), "source folder"),
    ] {
        let before = tree_hash(root);
        let run = codecompare(&[
            "build",
            "--root",
            root_str,
            "--output",
            output.to_str().unwrap(),
        ]);
        assert!(!run.status.success());
        assert!(stderr(&run).contains(why), "{}", stderr(&run));
        assert_eq!(tree_hash(root), before, "nothing may change");
    }
    let home = tempfile::tempdir().unwrap();
    write(home.path(), "notes.txt", "mine");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args([
            "build",
            "--root",
            root_str,
            "--output",
            home.path().to_str().unwrap(),
        ])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(stderr(&run).contains("home folder"), "{}", stderr(&run));
    assert_eq!(read(&home.path().join("notes.txt")), "mine");
    let foreign = root.join("mine");
    write(root, "mine/keep.txt", "precious");
    let run = codecompare(&[
        "build",
        "--root",
        root_str,
        "--output",
        foreign.to_str().unwrap(),
    ]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("did not write"), "{}", stderr(&run));
    assert_eq!(read(&foreign.join("keep.txt")), "precious");
    // A folder a build wrote is replaced whole: stale files disappear.
    assert!(build(root).status.success());
    write(root, "public/stale.html", "old");
    assert!(build(root).status.success());
    assert!(!root.join("public/stale.html").exists());
}

#[test]
fn raw_html_in_markdown_is_located() {
    let message = assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/125.yaml",
                "The server reuses a data connection",
                "Inline <b>bold</b> and <img src=x onerror=alert(2)>.\n\n  <div>block</div>\n\n  The server reuses a data connection",
            )
        },
        &[
            "content/ftp/125.yaml:5:10",
            "raw HTML in `description`: `<b>`",
            "content/ftp/125.yaml:5:26",
            "`<img src=x onerror=alert(2)>`",
            "content/ftp/125.yaml:7:3",
            "`<div>block</div>`",
            "HTML is not allowed in content",
        ],
    );
    assert!(message.contains("4 problems found"), "{message}");
}

#[test]
fn unsafe_or_broken_links_in_markdown_are_located() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/125.yaml",
                "Nothing to fix.",
                "Nothing to fix. [a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](//evil.example/) [e](../999/) [ok](../426/) [ok2](/ftp/125-vs-426/#notes) [m](mailto:a@example.org)",
            )
        },
        &[
            "content/ftp/125.yaml:9:23",
            "`javascript:` links are not allowed",
            "content/ftp/125.yaml:9:48",
            "content/ftp/125.yaml:9:66",
            "`data:` links are not allowed",
            "protocol-relative",
            "`../999/` points at /ftp/999/, which is not a page of this site",
            "5 problems found",
        ],
    );
}

#[test]
fn unsafe_or_malformed_reference_urls_are_located() {
    for (url, expected) in [
        (
            "javascript:alert(1)",
            "`javascript:` links are not allowed (only https, http)",
        ),
        (
            "ftp//bad",
            "`ftp//bad` is not an absolute https or http URL",
        ),
        ("/ftp/426/", "is not an absolute https or http URL"),
        ("https://", "is not a valid URL"),
        ("https://exa mple.org/", "contains spaces"),
    ] {
        assert_mistake(
            |r| {
                edit(
                    r,
                    "content/ftp/125.yaml",
                    "https://www.rfc-editor.org/rfc/rfc959#section-4.2",
                    url,
                )
            },
            &["content/ftp/125.yaml:11:", "reference URL", expected],
        );
    }
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/_protocol.yaml",
                "https://www.rfc-editor.org/rfc/rfc959\"",
                "javascript:alert(1)\"",
            )
        },
        &[
            "content/ftp/_protocol.yaml:",
            "`javascript:` links are not allowed",
        ],
    );
}

#[test]
fn empty_or_blank_text_fields_are_refused() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/125.yaml",
                "summary: The data connection is already open; the transfer is starting.",
                "summary: \"\"",
            )
        },
        &["content/ftp/125.yaml:3:1", "`summary` is empty"],
    );
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/150.yaml",
                "name: File Status Okay",
                "name: \"   \"",
            )
        },
        &["`name` is empty"],
    );
    assert_mistake(
        |r| write(r, "content/ftp/pairs/125-vs-426.yaml", "notes: \" \"\n"),
        &["content/ftp/pairs/125-vs-426.yaml:1:1", "`notes` is empty"],
    );
}

#[test]
fn byte_order_mark_is_named() {
    assert_mistake(
        |r| {
            let text = read(&r.join("content/ftp/150.yaml"));
            write(r, "content/ftp/150.yaml", format!("\u{feff}{text}"))
        },
        &[
            "content/ftp/150.yaml:1:1",
            "byte-order mark (BOM, U+FEFF)",
            "without BOM",
        ],
    );
}

#[test]
fn tab_indentation_is_named() {
    assert_mistake(
        |r| edit(r, "content/ftp/125.yaml", "  - { title", "\t- { title"),
        &[
            "content/ftp/125.yaml:11:1",
            "YAML forbids tabs in indentation",
            "indent with spaces",
        ],
    );
}

#[test]
fn duplicate_key_points_at_the_second() {
    assert_mistake(
        |r| {
            edit(
                r,
                "content/ftp/125.yaml",
                "summary:",
                "name: Again\nsummary:",
            )
        },
        &[
            "content/ftp/125.yaml:3:1",
            "`name` is given twice",
            "the first `name` is on line 2",
        ],
    );
}

#[test]
fn unquoted_code_is_the_same_code() {
    // YAML reads `125` as a number; CONTRIBUTING.md says quotes are optional
    // for plain numbers, and the build agrees.
    let site = fixture("mini");
    let root = site.path();
    edit(root, "content/ftp/125.yaml", "code: \"125\"", "code: 125");
    edit(
        root,
        "content/ftp/125.yaml",
        "related: [\"150\", \"226\"]",
        "related: [150, 226]",
    );
    let run = build(root);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(root.join("public/ftp/125/index.html").exists());
    assert!(read(&root.join("public/ftp/125/index.html")).contains("href=\"/ftp/150/\""));
}

#[test]
fn code_differs_from_stem_gives_one_error() {
    let message = assert_mistake(
        |r| edit(r, "content/ftp/426.yaml", "code: \"426\"", "code: \"427\""),
        &["content/ftp/426.yaml:1:8", "differs from the file name"],
    );
    assert!(
        message.contains("1 problem found") || message.matches("error:").count() == 2,
        "{message}"
    );
}

#[test]
fn byte_order_mark_in_a_fluent_file_is_named() {
    assert_mistake(
        |r| {
            let text = read(&r.join("i18n/de/ftp.ftl"));
            write(r, "i18n/de/ftp.ftl", format!("\u{feff}{text}"))
        },
        &["i18n/de/ftp.ftl:1:1", "byte-order mark (BOM, U+FEFF)"],
    );
}

#[test]
fn check_speaks_json_and_github_workflow_commands() {
    let site = fixture("mini");
    let root = site.path();
    edit(
        root,
        "content/ftp/125.yaml",
        "Nothing to fix.",
        "Nothing to fix. [x](javascript:alert(1))",
    );
    let run = |format: &str| {
        codecompare(&[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--format",
            format,
        ])
    };

    let json = run("json");
    assert!(!json.status.success());
    let lines: Vec<serde_json::Value> = stdout(&json)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "one object per diagnostic");
    assert_eq!(
        lines[0],
        serde_json::json!({
            "file": "content/ftp/125.yaml", "line": 9, "column": 23, "end_line": 9, "end_column": 42,
            "severity": "error",
            "message": "link in `fix`: `javascript:` links are not allowed (only https, http, mailto)",
            "help": "link to an https:// page, a mailto: address, or a page of this site such as /ftp/426/",
            "code": null
        })
    );

    let github = run("github");
    assert!(!github.status.success());
    assert_eq!(
        stdout(&github).trim_end(),
        // Properties escape `:` and `,`; the message escapes only `%`, CR and LF.
        "::error file=content/ftp/125.yaml,line=9,col=23,endLine=9,endColumn=42,title=codecompare%3A check::link in `fix`: `javascript:` links are not allowed (only https, http, mailto)%0Ahelp: link to an https:// page, a mailto: address, or a page of this site such as /ftp/426/"
    );
    assert!(
        stderr(&github).contains("1 problem found"),
        "the summary stays on stderr"
    );
}
