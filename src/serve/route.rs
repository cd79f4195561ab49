//! A request path to the page it names, by reading the path: the locale
//! from `Urls::split`, then each part of the route looked up in the site.
//!
//! `serve` used to build a table of every page's path on each reload
//! (16,000 entries for this repository, 250,000 at N = 500: 10–50 ms, the
//! largest part of a reload after localization). Reading the path costs a
//! few lookups per request and nothing per reload. `page_at` is the exact
//! inverse of `Urls::path`: it answers only the spelling `Urls::path`
//! writes (checked by writing the path back), and every page is found at
//! its path (tests/serve.rs checks both on every page of the repository).

use crate::content::Site;
use crate::content::pairs::Pair;
use crate::render::{PageId, Renderer};

/// The locale and page that `path` (a root-relative URL path, without query)
/// names, or `None` when it names no page.
pub fn page_at(r: &Renderer, path: &str) -> Option<(String, PageId)> {
    let (locale, relative) = r.urls.split(path, &r.config.locales)?;
    let page = resolve(&r.site, relative)?;
    (r.urls.path(locale, &r.route(&page)) == path).then(|| (locale.to_string(), page))
}

/// The page of a route's relative part (`ftp/125-vs-426/`), if the site has it.
fn resolve(site: &Site, relative: &str) -> Option<PageId> {
    match relative {
        "" => return Some(PageId::Home),
        "404.html" => return Some(PageId::NotFound),
        _ => {}
    }
    let parts: Vec<&str> = relative.strip_suffix('/')?.split('/').collect();
    let protocol = |id: &str| site.protocols.iter().position(|p| p.id == id);
    match parts.as_slice() {
        [id] => protocol(id).map(PageId::Protocol),
        ["codes", number] if site.shared_numbers.iter().any(|n| n == number) => {
            Some(PageId::Number(number.to_string()))
        }
        [id, "commands"] => {
            let pi = protocol(id)?;
            (!site.protocols[pi].commands.is_empty()).then_some(PageId::Commands(pi))
        }
        [id, "commands", name] => {
            let pi = protocol(id)?;
            let commands = &site.protocols[pi].commands;
            let ci = commands
                .iter()
                .position(|c| c.name.eq_ignore_ascii_case(name))?;
            Some(PageId::Command(pi, ci))
        }
        [id, code_or_pair] => {
            let pi = protocol(id)?;
            let protocol = &site.protocols[pi];
            if let Some(ci) = protocol.codes.iter().position(|c| c.code == *code_or_pair) {
                return Some(PageId::Code(pi, ci));
            }
            let pair = Pair::parse_slug(code_or_pair)?;
            protocol
                .has_pair(&pair)
                .then_some(PageId::Compare(pi, pair))
        }
        _ => None,
    }
}
