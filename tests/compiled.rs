//! Comparison and code pages written without Tera (`src/render/compiled/`)
//! are the bytes Tera makes from the same templates. Every such page of the
//! repository's site (commands, transcripts, pair notes, Korean) and of the
//! `mini` fixture (three locales, outdated and fallen-back translations,
//! then a partly translated locale, a base path and the live-reload script)
//! is rendered both ways and compared. A site that edits `compare.html`,
//! `code.html`, `base.html` or `macros.html` gets Tera, and sees its edit.

mod common;
use common::*;

use std::path::Path;

use codecompare::render::{PageId, Renderer};

fn load(root: &Path) -> Renderer {
    match codecompare::build::load(root) {
        Ok(loaded) => loaded.into_renderer(),
        Err(problems) => panic!("{root:?} does not load: {problems:?}"),
    }
}

/// Renders every comparison and code page of the site at `root` in every
/// locale with `render/compiled/` (pages and parts) and with Tera alone (a
/// second renderer, since parts are made once); `setup` is applied to both.
/// Returns how many pages were compared.
fn both_ways(root: &Path, setup: impl Fn(&mut Renderer)) -> usize {
    let mut renderer = load(root);
    setup(&mut renderer);
    assert!(
        renderer.compiled && renderer.compiled_parts,
        "the built-in templates are compiled"
    );
    let mut tera = load(root);
    setup(&mut tera);
    (tera.compiled, tera.compiled_parts) = (false, false);
    let pages: Vec<PageId> = renderer
        .pages()
        .into_iter()
        .filter(|page| matches!(page, PageId::Compare(..) | PageId::Code(..)))
        .collect();
    let mut compared = 0;
    for locale in renderer.config.locales.clone() {
        for page in &pages {
            let written = renderer.render(&locale, page).unwrap();
            let tera = tera.render(&locale, page).unwrap();
            if written != tera {
                let at = written
                    .bytes()
                    .zip(tera.bytes())
                    .position(|(x, y)| x != y)
                    .unwrap_or(written.len().min(tera.len()));
                let around = |s: &str| {
                    s[s.floor_char_boundary(at.saturating_sub(80))..]
                        .chars()
                        .take(160)
                        .collect::<String>()
                };
                panic!(
                    "{locale} {page:?} differs at byte {at}:\ncompiled: {}\ntera:     {}",
                    around(&written),
                    around(&tera)
                );
            }
            compared += 1;
        }
    }
    compared
}

#[test]
fn the_repository_comparisons_are_teras_bytes() {
    let compared = both_ways(&repo(), |_| {});
    assert!(compared > 10_000, "only {compared} comparisons");
}

#[test]
fn the_fixture_comparisons_are_teras_bytes_with_every_notice() {
    let site = fixture("mini");
    let root = site.path();
    assert!(both_ways(root, |_| {}) > 0);

    // German translates the pair's notes and is reviewed; then the English
    // of the notes and of 125 changes, so both are outdated.
    let ftl = root.join("i18n/de/ftp.ftl");
    let german = read(&ftl) + "ftp-pair-125-vs-426-notes = 125 beginnt eine Übertragung.\n";
    std::fs::write(&ftl, german).unwrap();
    let accept = codecompare(&["i18n", "accept", "--root", root.to_str().unwrap(), "de"]);
    assert!(accept.status.success(), "{}", stderr(&accept));
    for (file, from, to) in [
        (
            "pairs/125-vs-426.yaml",
            "125 starts a transfer",
            "125 begins a transfer",
        ),
        (
            "125.yaml",
            "the transfer is starting.",
            "the transfer begins.",
        ),
    ] {
        let yaml = root.join("content/ftp").join(file);
        let english = read(&yaml);
        assert!(english.contains(from), "{file}");
        std::fs::write(&yaml, english.replace(from, to)).unwrap();
    }

    let config = root.join("site.toml");
    let toml = read(&config).replace(
        "https://mini.example.org",
        "https://mini.example.org/docs/v1",
    );
    std::fs::write(&config, format!("{toml}\n[i18n]\npartial_threshold = 80\n")).unwrap();
    let mut renderer = load(root);
    renderer.live_reload = true;
    let german: String = renderer
        .pages()
        .iter()
        .filter(|page| matches!(page, PageId::Compare(..)))
        .map(|page| renderer.render("de", page).unwrap())
        .collect();
    for shown in [
        "partial-notice",
        "outdated-notice\" role=\"note\">",
        "href=\"/docs/v1/ftp/125-vs-426/#notes\"",
        "/__livereload.js",
        "href=\"/docs/v1/style.css\"",
    ] {
        assert!(german.contains(shown), "no {shown} on German comparisons");
    }
    assert!(both_ways(root, |r| r.live_reload = true) > 0);
}

/// Each compiled template edited in turn: Tera renders what it is part of
/// (pages, or a code's column and badge on comparisons), the rest stays
/// compiled, and the edit shows on a comparison or a code page.
#[test]
fn an_edited_template_is_rendered_by_tera() {
    // (template, from, to, pages still compiled, parts still compiled)
    for (template, from, to, pages, parts) in [
        (
            "compare.html",
            "<article class=\"compare\">",
            "<article class=\"compare edited\">",
            false,
            true,
        ),
        (
            "code.html",
            "<article>",
            "<article class=\"edited\">",
            false,
            true,
        ),
        (
            "base.html",
            "<main id=\"main\">",
            "<main id=\"main\" class=\"edited\">",
            false,
            true,
        ),
        (
            "macros.html",
            "<ul class=\"code-list\">",
            "<ul class=\"code-list edited\">",
            false,
            false,
        ),
        (
            "compare-column.html",
            "<section class=\"column\"",
            "<section class=\"column edited\"",
            true,
            false,
        ),
        (
            "compare-badge.html",
            "label=ui.label_class.text) }}",
            "label=ui.label_class.text) }}<i>edited</i>",
            true,
            false,
        ),
    ] {
        let site = fixture("mini");
        let root = site.path();
        let path = root.join("templates").join(template);
        let source = read(&path);
        assert!(source.contains(from), "{template}");
        std::fs::write(&path, source.replacen(from, to, 1)).unwrap();
        let renderer = load(root);
        assert_eq!(
            (renderer.compiled, renderer.compiled_parts),
            (pages, parts),
            "{template} edited"
        );
        let page = |kind: fn(&PageId) -> bool| {
            let page = renderer.pages().into_iter().find(kind).unwrap();
            renderer.render("en", &page).unwrap()
        };
        let shown = match template {
            "code.html" | "base.html" | "macros.html" => page(|p| matches!(p, PageId::Code(..))),
            _ => page(|p| matches!(p, PageId::Compare(..))),
        };
        assert!(shown.contains("edited"), "{template}: {shown}");
    }
}
