//! A temporary registration whose expiry date has passed is warned about by
//! `build` and `check`, and shown as expired; the date is injected, not read
//! from the wall clock.

mod common;

use std::process::Command;

use common::*;

fn run(root: &std::path::Path, today: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .env("CODECOMPARE_TODAY", today)
        .output()
        .unwrap()
}

#[test]
fn expired_temporary_registration_warns_and_shows_expired() {
    let site = fixture("mini");
    let root = site.path();
    let file = root.join("content/ftp/125.yaml");
    let text = read(&file)
        + "standing: { status: temporary, expires: \"2026-11-13\", spec: \"draft-x\" }\n";
    std::fs::write(&file, text).unwrap();

    let check = run(root, "2026-12-01", &["check"]);
    assert!(check.status.success(), "a warning does not fail check");
    let message = stderr(&check);
    assert!(
        message.contains("warning: FTP 125: the temporary registration expired on 2026-11-13"),
        "{message}"
    );
    let json = run(root, "2026-12-01", &["check", "--format", "json"]);
    let line = stdout(&json);
    let value: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(value["severity"], "warning");
    assert_eq!(value["code"], "expired-registration");

    let out = root.join("public");
    let build = run(
        root,
        "2026-12-01",
        &["build", "--output", out.to_str().unwrap()],
    );
    assert!(build.status.success());
    assert!(stderr(&build).contains("expired on 2026-11-13"));
    assert!(
        read(&out.join("ftp/125/index.html"))
            .contains("Temporary registration expired on 2026-11-13")
    );

    let before = run(root, "2026-11-01", &["check"]);
    assert!(!stderr(&before).contains("expired"), "{}", stderr(&before));
    let build = run(
        root,
        "2026-11-01",
        &["build", "--output", out.to_str().unwrap()],
    );
    assert!(build.status.success());
    assert!(
        read(&out.join("ftp/125/index.html")).contains("Temporary registration until 2026-11-13")
    );
}

#[test]
fn standing_needs_what_backs_it() {
    let site = fixture("mini");
    let root = site.path();
    let file = root.join("content/ftp/125.yaml");
    std::fs::write(&file, read(&file) + "standing: { status: vendor }\n").unwrap();
    let check = run(root, "2026-12-01", &["check"]);
    assert!(!check.status.success());
    let message = stderr(&check);
    assert!(
        message.contains("content/ftp/125.yaml:13:1")
            && message.contains("`standing: vendor` needs `vendor`"),
        "{message}"
    );
}
