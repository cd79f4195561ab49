//! What a reader who arrives with a code sees: the SMTP enhanced codes
//! (complete against the IANA registry, linked both ways with the basic
//! codes, ordered and read aloud right), the same number across protocols,
//! and the standing of each code.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

fn page(path: &str) -> String {
    read(&site().join(path).join("index.html"))
}

/// The registry rows: `X.y.z` → the associated basic codes as written.
fn registry() -> BTreeMap<String, String> {
    read(&repo().join("tests/data/smtp-enhanced-registry.txt"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split(" | ").collect();
            (cols[0].trim().to_string(), cols[2].trim().to_string())
        })
        .collect()
}

/// Every enhanced code file: code → (the file's `associated` list).
fn enhanced_codes() -> BTreeMap<String, Vec<String>> {
    let dir = repo().join("content/smtp-enhanced");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(code) = name
            .strip_suffix(".yaml")
            .filter(|_| !name.starts_with('_'))
        else {
            continue;
        };
        let text = read(&entry.path());
        let line = text
            .lines()
            .find(|l| l.starts_with("associated:"))
            .unwrap_or("associated: []");
        let list = line
            .trim_start_matches("associated:")
            .trim()
            .trim_matches(|c| c == '[' || c == ']')
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect();
        out.insert(code.to_string(), list);
    }
    out
}

#[test]
fn enhanced_codes_equal_the_iana_registry() {
    let registry = registry();
    let codes = enhanced_codes();
    let entries: BTreeSet<String> = codes
        .keys()
        .map(|c| format!("X{}", &c[c.find('.').unwrap()..]))
        .collect();
    let expected: BTreeSet<String> = registry.keys().cloned().collect();
    assert_eq!(
        entries, expected,
        "every registry entry has a page, and nothing else"
    );
    let smtp: BTreeSet<String> = std::fs::read_dir(repo().join("content/smtp"))
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".yaml")
                .map(str::to_string)
        })
        .collect();
    for (entry, basic) in &registry {
        let listed: Vec<String> = basic
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 3)
            .map(str::to_string)
            .collect();
        // Each class the registry's basic codes name has its concrete code,
        // and it lists exactly those basic codes of its class that SMTP defines.
        for class in listed.iter().map(|c| &c[..1]).collect::<BTreeSet<_>>() {
            let code = format!("{class}{}", &entry[1..]);
            let Some(associated) = codes.get(&code) else {
                panic!(
                    "{entry}: the registry gives a {class}yz basic code, but {code} has no page"
                );
            };
            let want: Vec<&String> = listed
                .iter()
                .filter(|b| b.starts_with(class) && smtp.contains(*b))
                .collect();
            let got: Vec<&String> = associated.iter().collect();
            assert_eq!(
                got.iter().collect::<BTreeSet<_>>(),
                want.iter().collect::<BTreeSet<_>>(),
                "{code}: associated basic codes"
            );
        }
    }
}

#[test]
fn basic_and_enhanced_codes_link_both_ways() {
    for (code, associated) in enhanced_codes() {
        let enhanced = page(&format!("smtp-enhanced/{code}"));
        for basic in associated {
            assert!(
                enhanced.contains(&format!("href=\"/smtp/{basic}/\"")),
                "{code} → {basic}"
            );
            let back = page(&format!("smtp/{basic}"));
            assert!(
                back.contains(&format!("href=\"/smtp-enhanced/{code}/\"")),
                "{basic} → {code}"
            );
            let back_ko = page(&format!("ko/smtp/{basic}"));
            assert!(
                back_ko.contains(&format!("href=\"/ko/smtp-enhanced/{code}/\"")),
                "ko {basic} → {code}"
            );
        }
    }
}

#[test]
fn dotted_codes_sort_part_by_part_and_take_the_right_particle() {
    let list = page("smtp-enhanced");
    let at = |code: &str| {
        list.find(&format!("href=\"/smtp-enhanced/{code}/\""))
            .unwrap()
    };
    assert!(at("5.1.2") < at("5.1.10"), "5.1.2 before 5.1.10");
    assert!(at("5.1.8") < at("5.1.10"));
    assert!(
        site()
            .join("smtp-enhanced/5.1.1-vs-5.1.10/index.html")
            .is_file()
    );
    assert!(!site().join("smtp-enhanced/5.1.10-vs-5.1.1").exists());
    // Read aloud: 5.1.1 "오 점 일 점 일" and 5.1.10 "… 십" end in a consonant (은);
    // 4.4.2 "… 이" ends in a vowel (는).
    let ko = page("ko/smtp-enhanced/5.1.1-vs-5.1.10");
    assert!(
        ko.contains("5.1.1(") && ko.contains(")은 5.x.x 계열"),
        "5.1.1은"
    );
    let ko = page("ko/smtp-enhanced/4.4.1-vs-4.4.2");
    assert!(ko.contains(")는 4.x.x 계열"), "4.4.2는");
}

#[test]
fn featured_enhanced_pairs_have_notes_in_english_and_korean() {
    for pair in [
        "5.1.1-vs-5.1.10",
        "5.7.1-vs-5.7.26",
        "4.7.0-vs-5.7.0",
        "5.2.2-vs-5.2.3",
        "4.4.1-vs-4.4.2",
        "5.7.1-vs-5.7.23",
    ] {
        let notes = read(&repo().join(format!("content/smtp-enhanced/pairs/{pair}.yaml")));
        let first_words: String = notes
            .trim_start_matches("notes: |")
            .trim()
            .chars()
            .take(30)
            .collect();
        assert!(
            page(&format!("smtp-enhanced/{pair}"))
                .contains(first_words.split('`').next().unwrap().trim()),
            "{pair} en notes"
        );
        let ko = page(&format!("ko/smtp-enhanced/{pair}"));
        let notes_section = &ko[ko
            .find("id=\"notes\"")
            .unwrap_or_else(|| panic!("{pair}: no notes in ko"))..];
        let section = &notes_section[..notes_section.find("</section>").unwrap()];
        assert!(
            !section.contains("lang=\"en\""),
            "{pair}: Korean notes fell back to English"
        );
        assert!(
            section.chars().any(|c| ('가'..='힣').contains(&c)),
            "{pair}: notes are Korean"
        );
        assert!(
            page("").contains(&format!("/smtp-enhanced/{pair}/")),
            "{pair} featured on the home page"
        );
    }
}

#[test]
fn every_shared_number_has_a_page_listing_exactly_its_protocols() {
    let mut protocols_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (protocol, name) in [("ftp", "FTP"), ("http", "HTTP"), ("smtp", "SMTP")] {
        for entry in std::fs::read_dir(repo().join("content").join(protocol))
            .unwrap()
            .flatten()
        {
            let file = entry.file_name().to_string_lossy().into_owned();
            if let Some(code) = file
                .strip_suffix(".yaml")
                .filter(|c| c.len() >= 3 && c[..3].chars().all(|d| d.is_ascii_digit()))
            {
                protocols_of
                    .entry(code[..3].to_string())
                    .or_default()
                    .insert(name.to_string());
            }
        }
    }
    let shared: Vec<_> = protocols_of.iter().filter(|(_, p)| p.len() >= 2).collect();
    assert!(shared.len() > 20, "{}", shared.len());
    for (number, protocols) in shared {
        for prefix in ["", "ko/"] {
            let html = page(&format!("{prefix}codes/{number}"));
            let main = &html[html.find("<main").unwrap()..];
            for name in ["FTP", "HTTP", "SMTP"] {
                let listed = main.contains(&format!(">{name} {number}"));
                assert_eq!(
                    listed,
                    protocols.contains(name),
                    "{prefix}codes/{number}: {name}"
                );
            }
        }
        // Each of those code pages links back.
        for name in protocols {
            let code_page = page(&format!("{}/{number}", name.to_lowercase()));
            assert!(
                code_page.contains(&format!("href=\"/codes/{number}/\"")),
                "{name} {number} → /codes/{number}/"
            );
        }
    }
    assert!(!site().join("codes/999").exists());
}

#[test]
fn vendor_codes_name_their_vendor_and_source() {
    for (code, vendor) in [
        ("444", "nginx"),
        ("499", "nginx"),
        ("522", "Cloudflare"),
        ("530", "Cloudflare"),
        ("460", "AWS"),
        ("561", "AWS"),
        ("451-iis", "Microsoft"),
    ] {
        let yaml = read(&repo().join(format!("content/http/{code}.yaml")));
        assert!(yaml.contains("status: vendor"), "{code}");
        let html = page(&format!("http/{code}"));
        assert!(html.contains("standing-vendor"), "{code}: badge");
        assert!(html.contains(vendor), "{code}: vendor {vendor}");
        let refs = &html[html
            .find("id=\"references\"")
            .unwrap_or_else(|| panic!("{code}: no references"))..];
        assert!(
            refs.contains("href=\"https://"),
            "{code}: a source a reader can check"
        );
        let ko = page(&format!("ko/http/{code}"));
        assert!(ko.contains("벤더 전용 · "), "{code}: Korean badge");
    }
}

#[test]
fn standing_badges_show_in_english_and_korean() {
    assert!(page("http/404").contains("Standard · RFC 9110"));
    assert!(page("ko/http/404").contains("표준 · RFC 9110"));
    assert!(page("http/306").contains("standing-unused"));
    let http = read(&site().join("http/codes.json"));
    assert!(
        http.contains("\"status\": \"vendor\""),
        "codes.json carries the standing"
    );
}
