//! No input panics: arbitrary bytes and random mutations of valid files go
//! through the content and Fluent loaders, which must answer with a result
//! (an error is fine), for a bounded number of cases per run.

mod common;

use std::path::Path;

use proptest::prelude::*;

use codecompare::config::Config;
use codecompare::i18n::Catalog;

const VALID_CODE: &str = include_str!("fixtures/mini/content/ftp/125.yaml");
const VALID_FTL: &str =
    "language-name = Deutsch\nnav-home = Startseite\ncompare-title = { $a } vs { $b }\n";

fn mutate(valid: &str, edits: &[(usize, u8, bool)]) -> Vec<u8> {
    let mut bytes = valid.as_bytes().to_vec();
    for &(at, byte, insert) in edits {
        let at = at % (bytes.len() + 1);
        if insert || at == bytes.len() {
            bytes.insert(at, byte);
        } else {
            bytes[at] = byte;
        }
    }
    bytes
}

thread_local! {
    /// One fixture per test thread: copying a site per case would dominate the run.
    static SITE: tempfile::TempDir = common::fixture("mini");
}

fn with_site(f: impl FnOnce(&Path)) {
    SITE.with(|site| f(site.path()));
}

fn load_content_with(root: &Path, bytes: &[u8]) {
    std::fs::write(root.join("content/ftp/125.yaml"), bytes).unwrap();
    let _ = codecompare::content::load(root);
}

fn load_ftl_with(root: &Path, bytes: &[u8]) {
    std::fs::write(root.join("i18n/de/site.ftl"), bytes).unwrap();
    let config = Config::load(root).expect("fixture config");
    let _ = Catalog::load(&config);
    let _ = codecompare::i18n::status::status(root);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn content_loader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        with_site(|root| load_content_with(root, &bytes));
    }

    #[test]
    fn content_loader_survives_mutated_yaml(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<bool>()), 1..8)) {
        with_site(|root| load_content_with(root, &mutate(VALID_CODE, &edits)));
    }

    #[test]
    fn fluent_loader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        with_site(|root| load_ftl_with(root, &bytes));
    }

    #[test]
    fn fluent_loader_survives_mutated_ftl(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<bool>()), 1..8)) {
        with_site(|root| load_ftl_with(root, &mutate(VALID_FTL, &edits)));
    }
}
