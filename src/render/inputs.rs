//! Input keys: a comparison page's fingerprint taken from what the page is
//! made of, without building it.
//!
//! A protocol of N codes has N(N−1)/2 comparisons per locale, and after one
//! edit a rebuild should not build them all (their data, then a hash of
//! it) to learn that most did not change. The comparison of codes a and b
//! in locale L reads, through `pages/compare.rs`, `pages/mod.rs::wrap`, its
//! fragments and templates:
//!
//! - the program and the templates: the build's salt;
//! - site.toml as loaded, with the command line's changes (`Config`), and
//!   whether pages get the live-reload script;
//! - every translation file (`i18n/`), hashed before anything is loaded,
//!   like the salt, so an edit made during a build is seen by the next one;
//! - the content except the codes, as parsed (`Site` with each protocol's
//!   code list left out): protocol file, classes, pairs, pair notes and
//!   examples, commands, and the date standings are judged on;
//! - codes a and b as parsed from their files and as localized in L;
//! - the notice of a partly translated locale, whose percentage counts
//!   every text of the site.
//!
//! Nothing else reaches the page: it names no code but a and b. Any change
//! to one of these changes the key, so a page whose file carries the key of
//! the previous build can be kept.
//!
//! A code page also lists the other codes: its comparisons (each other
//! code's name), related codes, the picker, associated codes of another
//! protocol and the same number elsewhere (code, name, summary, link,
//! standing, class and category, number and `associated:`). Its key is its
//! own code, those fields of every code of the site, and the rest as above:
//! editing one code's texts keeps the other code pages, while renaming a
//! code changes them all. Other page kinds are few and keep the
//! fingerprint of their data (`lend.rs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use super::{PageId, Renderer};
use crate::content::Code;

/// The keys of one build.
pub struct InputKeys {
    /// Per locale: everything but the two codes.
    locales: BTreeMap<String, u128>,
    /// Per locale, protocol and code: the code as parsed and as localized.
    codes: BTreeMap<String, Vec<Vec<u128>>>,
    /// Per locale: every code as the other code pages show it.
    listings: BTreeMap<String, u128>,
}

impl InputKeys {
    /// `salt` is the build's (program and templates); `translations` the
    /// hash of the translation files, taken before they were read.
    pub fn new(r: &Renderer, salt: u128, translations: u128) -> InputKeys {
        let mut site = r.site.clone();
        for protocol in &mut site.protocols {
            protocol.codes.clear();
        }
        let mut shared = Hasher::default();
        let _ = write!(
            shared,
            "{salt:x} {translations:x} {:?} {} {site:?}",
            r.config, r.live_reload
        );
        let parsed: Vec<Vec<u128>> = r
            .site
            .protocols
            .iter()
            // A code as parsed: its fields, and the parts its protocol's
            // form found in it (not serialized).
            .map(|p| {
                let parsed = |code: &Code| json_hash(&(code, format!("{:?}", code.parts)));
                p.codes.par_iter().map(parsed).collect()
            })
            .collect();
        let mut locales = BTreeMap::new();
        let mut codes = BTreeMap::new();
        let mut listings = BTreeMap::new();
        for locale in &r.config.locales {
            listings.insert(locale.clone(), listing(r, locale));
            let mut key = shared.clone();
            let _ = write!(key, "{locale} {:?}", super::pages::partial(r, locale));
            locales.insert(locale.clone(), key.0.digest128());
            let local: Vec<Vec<u128>> = parsed
                .iter()
                .enumerate()
                .map(|(pi, hashes)| {
                    let codes = &r.local(locale).protocols[pi].codes;
                    let both = |(ci, parsed): (usize, &u128)| {
                        let localized = json_hash(&codes[ci]);
                        xxh3_128(&[parsed.to_le_bytes(), localized.to_le_bytes()].concat())
                    };
                    hashes.par_iter().enumerate().map(both).collect()
                })
                .collect();
            codes.insert(locale.clone(), local);
        }
        InputKeys {
            locales,
            codes,
            listings,
        }
    }

    /// The key of `page` in `locale`: comparisons and code pages only.
    pub fn of(&self, r: &Renderer, locale: &str, page: &PageId) -> Option<u128> {
        let mut hasher = Xxh3::new();
        hasher.update(&self.locales.get(locale)?.to_le_bytes());
        let codes = |pi: usize| Some(&self.codes.get(locale)?[pi]);
        match page {
            PageId::Compare(pi, pair) => {
                let protocol = &r.local(locale).protocols[*pi];
                let (a, b) = (protocol.position(&pair.a)?, protocol.position(&pair.b)?);
                hasher.update(b"compare");
                hasher.update(&pi.to_le_bytes());
                hasher.update(&codes(*pi)?[a].to_le_bytes());
                hasher.update(&codes(*pi)?[b].to_le_bytes());
                // The slug, `<a>-vs-<b>`, fed in pieces (no string made per page).
                for piece in [pair.a.as_str(), "-vs-", pair.b.as_str()] {
                    hasher.update(piece.as_bytes());
                }
            }
            PageId::Code(pi, ci) => {
                hasher.update(b"code");
                hasher.update(&pi.to_le_bytes());
                hasher.update(&ci.to_le_bytes());
                hasher.update(&codes(*pi)?.get(*ci)?.to_le_bytes());
                hasher.update(&self.listings.get(locale)?.to_le_bytes());
            }
            _ => return None,
        }
        Some(hasher.digest128())
    }
}

/// Every code of the site in `locale`, as code pages show other codes.
fn listing(r: &Renderer, locale: &str) -> u128 {
    let mut hasher = Hasher::default();
    let local = &r.local(locale).protocols;
    for (protocol, source) in local.iter().zip(&r.site.protocols) {
        let _ = write!(hasher, "{} {}", protocol.id, protocol.codes.len());
        for (c, raw) in protocol.codes.iter().zip(&source.codes) {
            // Texts by their bytes: `Debug` escapes a string character by
            // character, which in Korean made this a tenth of a rebuild.
            for text in [
                &c.code,
                &c.name.text,
                &c.name.html,
                &c.summary.text,
                &c.summary.html,
                &c.url,
            ] {
                hasher.0.update(&text.len().to_le_bytes());
                hasher.0.update(text.as_bytes());
            }
            let shown = (&c.standing, &c.class, &c.category, &raw.associated);
            let _ = serde_json::to_writer(&mut hasher, &shown);
            let _ = write!(
                hasher,
                " {} {} {:?}",
                c.name.outdated, c.summary.outdated, raw.parts
            );
        }
    }
    hasher.0.digest128()
}

/// A hash of a value's JSON, fed to the hasher piece by piece: a localized
/// code is hashed as the value templates see, without making it a template
/// value, and a parsed code without `Debug`, which escapes every character
/// (it cost a 45-code build 5 % of its time).
fn json_hash(value: &impl serde::Serialize) -> u128 {
    let mut hasher = Hasher::default();
    // Writing into a hasher cannot fail, nor can serializing a localized code.
    let _ = serde_json::to_writer(&mut hasher, value);
    hasher.0.digest128()
}

#[derive(Clone, Default)]
struct Hasher(Xxh3);

impl std::fmt::Write for Hasher {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl std::io::Write for Hasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
