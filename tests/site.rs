//! The repository's own site, built as a reader gets it: page counts, URLs,
//! the sections of the signature comparison page, links and hreflang.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

/// Code counts per protocol, read from the content folder itself.
fn codes_per_protocol() -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("content")).unwrap().flatten() {
        let id = entry.file_name().to_string_lossy().into_owned();
        let n = std::fs::read_dir(entry.path())
            .unwrap()
            .flatten()
            .filter(|f| {
                let name = f.file_name().to_string_lossy().into_owned();
                name.ends_with(".yaml") && !name.starts_with('_')
            })
            .count();
        counts.insert(id, n);
    }
    counts
}

#[test]
fn every_command_has_a_page_in_every_locale() {
    for protocol in ["ftp", "smtp"] {
        for entry in std::fs::read_dir(repo().join("content").join(protocol).join("commands"))
            .unwrap()
            .flatten()
        {
            let name = entry
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".yaml")
                .to_lowercase();
            for prefix in ["", "ko/"] {
                let page = site().join(format!("{prefix}{protocol}/commands/{name}/index.html"));
                assert!(page.is_file(), "{}", page.display());
            }
        }
        assert!(site().join(format!("{protocol}/commands.json")).is_file());
        let index = read(&site().join(format!("ko/{protocol}/commands/index.html")));
        assert!(
            index.contains(&format!("href=\"/ko/{protocol}/commands/")),
            "Korean command index links"
        );
    }
}

fn count_dirs(dir: &Path, predicate: impl Fn(&str) -> bool) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.path().join("index.html").is_file() && predicate(&e.file_name().to_string_lossy())
        })
        .count()
}

/// How many comparison pages a protocol's `pairs:` policy gives, counted
/// independently of the generator: `all`, or `same-category` (enhanced codes,
/// category = the middle part of `x.y.z`).
fn expected_pairs(protocol: &str, n: usize) -> usize {
    let yaml = read(&repo().join("content").join(protocol).join("_protocol.yaml"));
    if yaml.contains("\npairs: all") {
        return n * (n - 1) / 2;
    }
    assert!(
        yaml.contains("\npairs: same-category"),
        "{protocol}: policy not covered by this test"
    );
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("content").join(protocol))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(code) = name
            .strip_suffix(".yaml")
            .filter(|_| !name.starts_with('_'))
        {
            *groups
                .entry(code.split('.').nth(1).unwrap().to_string())
                .or_default() += 1;
        }
    }
    groups.values().map(|k| k * (k - 1) / 2).sum()
}

#[test]
fn every_pair_and_code_has_a_page_in_every_locale() {
    for (protocol, n) in codes_per_protocol() {
        for prefix in ["", "ko/"] {
            let dir = site().join(format!("{prefix}{protocol}"));
            assert!(
                dir.join("index.html").is_file(),
                "{prefix}{protocol}/ has no page"
            );
            assert_eq!(
                count_dirs(&dir, |name| name.contains("-vs-")),
                expected_pairs(&protocol, n),
                "pairs of {prefix}{protocol}"
            );
            assert_eq!(
                count_dirs(&dir, |name| !name.contains("-vs-") && name != "commands"),
                n,
                "codes of {prefix}{protocol}"
            );
        }
    }
    for file in [
        "index.html",
        "404.html",
        "ko/index.html",
        "ko/404.html",
        "sitemap.xml",
        "robots.txt",
        "style.css",
    ] {
        assert!(site().join(file).is_file(), "{file} missing");
    }
}

#[test]
fn comparison_page_has_every_section_in_english() {
    let html = read(&site().join("ftp/125-vs-426/index.html"));
    assert!(
        html.contains("<title>FTP 125 Data Connection Open vs 426 Connection Closed"),
        "title"
    );
    assert!(html.contains("<h1>FTP 125 Data Connection Open vs 426 Connection Closed</h1>"));
    for heading in [
        "Description",
        "When you see this code",
        "How to fix",
        "Key differences",
        "When to use which",
        "Notes",
        "Learn more",
    ] {
        assert!(
            html.contains(&format!(">{heading} <a class=\"anchor\"")),
            "heading {heading}"
        );
    }
    assert!(
        html.contains("href=\"/ftp/125/\"") && html.contains("href=\"/ftp/426/\""),
        "learn-more links"
    );
    assert!(
        html.contains("1xx") && html.contains("4xx"),
        "classes in the intro"
    );
    assert!(!html.to_lowercase().contains("when when"), "template seam");
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn comparison_page_has_every_section_in_korean() {
    let html = read(&site().join("ko/ftp/125-vs-426/index.html"));
    assert!(html.contains("<html lang=\"ko\">"));
    for heading in [
        "설명",
        "이 코드를 보게 되는 경우",
        "해결 방법",
        "주요 차이점",
        "언제 어떤 것을 사용할지",
        "더 알아보기",
    ] {
        assert!(
            html.contains(&format!(">{heading} <a class=\"anchor\"")),
            "heading {heading}"
        );
    }
    assert!(
        html.contains("href=\"/ko/ftp/125/\""),
        "links stay in Korean"
    );
    assert!(
        !html.contains("은(는)") && !html.contains("이(가)"),
        "particle hedge"
    );
}

#[test]
fn every_internal_link_resolves() {
    let mut broken = BTreeSet::new();
    for file in html_files(site()) {
        let html = read(&file);
        for href in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            let href = unescape(href);
            if !href.starts_with('/') || href.starts_with("//") {
                continue;
            }
            let path = href.split(['#', '?']).next().unwrap();
            let target = site().join(path.trim_start_matches('/'));
            let exists = if path.ends_with('/') {
                target.join("index.html").is_file()
            } else {
                target.is_file()
            };
            if !exists {
                broken.insert(format!(
                    "{} -> {href}",
                    file.strip_prefix(site()).unwrap().display()
                ));
            }
        }
    }
    let sample: Vec<_> = broken.iter().take(10).collect();
    assert!(
        broken.is_empty(),
        "{} broken links, e.g. {sample:#?}",
        broken.len()
    );
}

#[test]
fn hreflang_alternates_are_reciprocal_and_canonical() {
    let base = "https://codecompare.example.org";
    let mut checked = 0;
    for file in html_files(site())
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .step_by(37)
    {
        let html = read(&file);
        let canonical = unescape(
            attr_values(&html, "href")
                .into_iter()
                .find(|h| h.starts_with(base))
                .unwrap(),
        );
        let alternates: Vec<(String, String)> = html
            .lines()
            .filter(|l| l.starts_with("<link rel=\"alternate\""))
            .map(|l| {
                (
                    unescape(attr_values(l, "hreflang")[0]),
                    unescape(attr_values(l, "href")[0]),
                )
            })
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["en", "ko", "x-default"], "{}", file.display());
        assert!(
            alternates.iter().any(|(_, href)| *href == canonical),
            "page lists itself"
        );
        for (_, href) in &alternates {
            let other = site()
                .join(href.strip_prefix(base).unwrap().trim_start_matches('/'))
                .join("index.html");
            let other_html = read(&other);
            assert!(
                other_html.contains(&format!("href=\"{canonical}\"")),
                "{} does not point back to {canonical}",
                other.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "checked only {checked} pages");
}

#[test]
fn sitemap_lists_every_page_of_every_locale() {
    let sitemap = read(&site().join("sitemap.xml"));
    let urls = sitemap.matches("<loc>").count();
    let pages = html_files(site())
        .iter()
        .filter(|f| f.ends_with("index.html"))
        .count();
    assert_eq!(urls, pages);
    assert!(sitemap.contains("<loc>https://codecompare.example.org/ko/ftp/125-vs-426/</loc>"));
    assert!(
        read(&site().join("robots.txt"))
            .contains("Sitemap: https://codecompare.example.org/sitemap.xml")
    );
}

#[test]
fn codes_json_lists_every_code_with_urls_per_locale() {
    for (protocol, n) in codes_per_protocol() {
        let json: serde_json::Value =
            serde_json::from_str(&read(&site().join(format!("{protocol}/codes.json")))).unwrap();
        let codes = json["codes"].as_array().unwrap();
        assert_eq!(codes.len(), n);
        let first = &codes[0];
        for key in ["code", "class", "category", "name", "summary"] {
            assert!(first[key].is_string(), "{key}");
        }
        assert!(first["urls"]["ko"].as_str().unwrap().contains("/ko/"));
    }
}

#[test]
fn every_page_has_head_metadata() {
    for file in html_files(site()).into_iter().step_by(53) {
        let html = read(&file);
        assert!(
            html.contains("<meta name=\"description\" content=\"")
                && !html.contains("content=\"\""),
            "{}",
            file.display()
        );
        assert!(
            html.contains("<link rel=\"canonical\""),
            "{}",
            file.display()
        );
        assert!(
            html.contains("hreflang=\"x-default\""),
            "{}",
            file.display()
        );
        assert!(html.contains("application/ld+json"), "{}", file.display());
    }
}

/// Whether the Sino-Korean reading of a number ends in a final consonant
/// (받침), and whether that consonant is ㄹ (which takes 로, not 으로).
fn reading_ends(number: &str) -> (bool, bool) {
    let digits = number.trim_start_matches('0');
    match digits.bytes().last() {
        None => (true, false),       // 영
        Some(b'0') => (true, false), // 십, 백, 천, 만
        Some(b'1' | b'7' | b'8') => (true, true),
        Some(b'3' | b'6') => (true, false),
        _ => (false, false), // 이, 사, 오, 구
    }
}

/// Particles right after a number (or after a number's parenthesised gloss)
/// that disagree with how the number is read.
fn particle_errors(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut errors = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_ascii_alphanumeric())) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let mut j = i;
        if chars.get(j) == Some(&'(') {
            match chars[j..].iter().take(120).position(|c| *c == ')') {
                Some(close) => j += close + 1,
                None => continue,
            }
        }
        let next: String = chars[j..chars.len().min(j + 3)].iter().collect();
        let after = |n: usize| chars.get(j + n).is_none_or(|c| !('가'..='힣').contains(c));
        let (batchim, rieul) = reading_ends(&number);
        let wrong = if next.starts_with("은") || next.starts_with("을") || next.starts_with("과")
        {
            !batchim
        } else if next.starts_with("는") || next.starts_with("를") || next.starts_with("와") {
            batchim
        } else if next.starts_with("이") && after(1) {
            !batchim
        } else if next.starts_with("가") && after(1) {
            batchim
        } else if next.starts_with("으로") && after(2) {
            !batchim || rieul
        } else if next.starts_with("로") && after(1) {
            batchim && !rieul
        } else {
            false
        };
        if wrong || next.starts_with("은(는)") || next.starts_with("이(가)") {
            let context: String = chars[start.saturating_sub(20)..chars.len().min(j + 6)]
                .iter()
                .collect();
            errors.push(format!("{number}{next}: …{context}…"));
        }
    }
    errors
}

#[test]
fn particle_rule_checker_knows_the_readings() {
    assert!(
        particle_errors("125는 426은 150은 200은 221은 404를 403을 301로 303으로 550과 502와")
            .is_empty()
    );
    assert_eq!(particle_errors("125은 426는 303로 301으로").len(), 4);
    assert!(particle_errors("125(Data Connection Open)는 전송").is_empty());
    assert_eq!(particle_errors("426(Connection Closed)는").len(), 1);
}

#[test]
fn korean_particles_agree_with_every_number() {
    let mut errors = Vec::new();
    for entry in std::fs::read_dir(repo().join("i18n/ko")).unwrap().flatten() {
        let text = read(&entry.path());
        errors.extend(
            particle_errors(&text)
                .into_iter()
                .map(|e| format!("{}: {e}", entry.path().display())),
        );
    }
    for file in html_files(&site().join("ko")).into_iter().step_by(5) {
        let html = read(&file);
        let main = &html[html.find("<main").unwrap()..];
        errors.extend(
            particle_errors(main)
                .into_iter()
                .map(|e| format!("{}: {e}", file.display())),
        );
    }
    errors.dedup();
    assert!(
        errors.is_empty(),
        "{} particle errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn korean_pages_have_no_english_fallback() {
    let mut fallbacks = Vec::new();
    for file in html_files(&site().join("ko")) {
        let html = read(&file);
        if html[html.find("<main").unwrap()..].contains(" lang=\"en\"") {
            fallbacks.push(file.display().to_string());
        }
    }
    assert!(
        fallbacks.is_empty(),
        "{} Korean pages with English fallback, e.g. {:?}",
        fallbacks.len(),
        &fallbacks[..fallbacks.len().min(5)]
    );
}

/// Codes listed in `tests/data/<protocol>-codes.txt` (registry or RFC lists, with their source).
fn listed_codes(protocol: &str) -> Vec<String> {
    read(&repo().join(format!("tests/data/{protocol}-codes.txt")))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn every_listed_code_has_a_page_in_both_locales() {
    for protocol in ["ftp", "http", "smtp"] {
        let codes = listed_codes(protocol);
        assert!(
            codes.len() >= 30,
            "{protocol}: {} codes listed",
            codes.len()
        );
        for code in codes {
            for prefix in ["", "ko/"] {
                let page = site().join(format!("{prefix}{protocol}/{code}/index.html"));
                assert!(page.is_file(), "{} missing", page.display());
            }
        }
    }
}

#[test]
fn searched_for_pairs_carry_their_notes() {
    let pairs = [
        ("http", "301-vs-302"),
        ("http", "302-vs-307"),
        ("http", "401-vs-403"),
        ("http", "404-vs-410"),
        ("http", "500-vs-502"),
        ("http", "502-vs-504"),
        ("http", "200-vs-204"),
        ("http", "400-vs-422"),
        ("smtp", "421-vs-450"),
        ("smtp", "450-vs-550"),
        ("smtp", "451-vs-452"),
        ("smtp", "550-vs-553"),
        ("smtp", "530-vs-535"),
        ("ftp", "125-vs-426"),
    ];
    for (protocol, slug) in pairs {
        let yaml = read(&repo().join(format!("content/{protocol}/pairs/{slug}.yaml")));
        let first_words: String = yaml
            .trim_start_matches("notes: |")
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        let en = read(&site().join(format!("{protocol}/{slug}/index.html")));
        assert!(
            en.contains("id=\"notes\""),
            "{protocol} {slug}: no notes section"
        );
        let plain_notes = en.split("id=\"notes\"").nth(1).unwrap();
        let first_word = first_words.split(' ').next().unwrap().trim_matches('`');
        assert!(
            plain_notes.contains(first_word),
            "{protocol} {slug}: notes text missing"
        );
        let ko = read(&site().join(format!("ko/{protocol}/{slug}/index.html")));
        assert!(
            ko.contains(">참고 사항 <a class=\"anchor\""),
            "{protocol} {slug}: no Korean notes"
        );
        let home = read(&site().join("index.html"));
        assert!(
            home.contains(&format!("href=\"/{protocol}/{slug}/\"")),
            "{slug} is not featured on the home page"
        );
    }
}

#[test]
fn korean_translation_is_complete() {
    let run = codecompare(&[
        "i18n",
        "status",
        "--root",
        repo().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let report: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    for locale in report["locales"].as_array().unwrap() {
        assert_eq!(locale["percent"], 100, "{}", locale["locale"]);
        for file in locale["files"].as_array().unwrap() {
            for kind in ["missing", "outdated", "untranslated", "obsolete", "broken"] {
                assert_eq!(
                    file[kind].as_array().unwrap().len(),
                    0,
                    "{} {}: {kind}: {}",
                    locale["locale"],
                    file["file"],
                    file[kind]
                );
            }
        }
    }
}

#[test]
fn comparison_page_with_css_stays_under_50_kb() {
    let css = std::fs::metadata(site().join("style.css")).unwrap().len();
    let mut largest = (0, String::new());
    for file in html_files(site())
        .into_iter()
        .filter(|f| f.parent().unwrap().to_string_lossy().contains("-vs-"))
        .step_by(11)
    {
        let size = std::fs::metadata(&file).unwrap().len();
        if size > largest.0 {
            largest = (size, file.display().to_string());
        }
    }
    assert!(
        largest.0 + css < 50 * 1024,
        "{} is {} bytes with {css} bytes of CSS",
        largest.1,
        largest.0
    );
}

#[test]
fn no_page_depends_on_another_host() {
    for file in html_files(site()).into_iter().step_by(29) {
        let html = read(&file);
        for value in attr_values(&html, "src").into_iter().chain(
            html.lines()
                .filter(|l| {
                    l.starts_with("<link rel=\"stylesheet\"") || l.starts_with("<link rel=\"icon\"")
                })
                .flat_map(|l| attr_values(l, "href")),
        ) {
            assert!(value.starts_with('/'), "{} loads {value}", file.display());
        }
    }
}

#[test]
fn korean_home_page_speaks_korean() {
    let html = read(&site().join("ko/index.html"));
    assert!(
        html.contains("<h1>응답 코드</h1>"),
        "site title from ko/site.ftl"
    );
    assert!(html.contains("<a class=\"brand\" href=\"/ko/\">응답 코드</a>"));
    let ftp = codes_per_protocol()["ftp"];
    let pairs = ftp * (ftp - 1) / 2;
    let grouped = if pairs >= 1000 {
        format!("{},{:03}", pairs / 1000, pairs % 1000)
    } else {
        pairs.to_string()
    };
    assert!(
        html.contains(&format!(
            "<p class=\"meta\">코드 {ftp}개 · 비교 {grouped}개</p>"
        )),
        "counts are a sentence pattern with grouped numbers"
    );
    let en = read(&site().join("index.html"));
    assert!(en.contains(&format!(
        "<p class=\"meta\">{ftp} codes · {grouped} comparisons</p>"
    )));
}

/// Past the sitemap limits the build writes parts and `sitemap.xml` becomes
/// their index (the limit is lowered with a test hook; the real one is
/// 50,000 URLs per file).
#[test]
fn a_large_sitemap_is_split_under_an_index() {
    let site = fixture("mini");
    let root = site.path();
    let out = root.join("public");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args(["build", "--root", root.to_str().unwrap(), "--output"])
        .arg(&out)
        .env("CODECOMPARE_SITEMAP_URLS", "10")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    let index = read(&out.join("sitemap.xml"));
    assert!(index.contains("<sitemapindex"), "{index}");
    let parts: Vec<&str> = index
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert!(parts.len() > 2, "{parts:?}");
    let mut urls = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        assert_eq!(*part, format!("https://mini.example.org/{name}"));
        let xml = read(&out.join(&name));
        let here: Vec<String> = xml
            .split("<url><loc>")
            .skip(1)
            .map(|s| s[..s.find("</loc>").unwrap()].to_string())
            .collect();
        assert!(
            !here.is_empty() && here.len() <= 10,
            "{name}: {}",
            here.len()
        );
        urls.extend(here);
    }
    let pages = html_files(&out).len() - 3; // one 404 page per locale
    assert_eq!(urls.len(), pages, "every page once, in some part");
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), pages, "no page twice");
    let robots = read(&out.join("robots.txt"));
    assert!(robots.contains("Sitemap: https://mini.example.org/sitemap.xml"));

    // The same site without the hook: one sitemap, no parts left behind.
    let again = build(root);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(read(&out.join("sitemap.xml")).contains("<urlset"));
    assert!(!out.join("sitemap-1.xml").exists());
}
