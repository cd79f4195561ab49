//! Every URL and output path of the site, built in one place.
//!
//! The default locale lives at `/`, every other locale under `/<locale>/`;
//! pages are folders with an `index.html` so URLs end in `/`.

use std::path::PathBuf;

use crate::config::Config;
use crate::content::pairs::Pair;

/// A page or file of the site, independent of locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    Protocol(&'a str),
    Code(&'a str, &'a str),
    Compare(&'a str, &'a Pair),
    /// `/codes/<number>/`
    Number(&'a str),
    /// `/<protocol>/commands/`
    Commands(&'a str),
    /// `/<protocol>/commands/<name in lower case>/`
    Command(&'a str, &'a str),
    NotFound,
}

impl Route<'_> {
    /// The path below the locale prefix, without a leading slash.
    #[cfg(test)]
    fn relative(&self) -> String {
        let mut out = String::new();
        self.push_relative(&mut out);
        out
    }

    /// `relative`, written at the end of `out`: a page asks for its URL in
    /// every locale, absolute and not, about ten times.
    fn push_relative(&self, out: &mut String) {
        let mut push = |parts: &[&str]| parts.iter().for_each(|part| out.push_str(part));
        match self {
            Route::Home => {}
            Route::Protocol(p) => push(&[p, "/"]),
            Route::Code(p, c) => push(&[p, "/", c, "/"]),
            Route::Compare(p, pair) => push(&[p, "/", &pair.a, "-vs-", &pair.b, "/"]),
            Route::Number(n) => push(&["codes/", n, "/"]),
            Route::Commands(p) => push(&[p, "/commands/"]),
            Route::Command(p, name) => push(&[p, "/commands/", &name.to_ascii_lowercase(), "/"]),
            Route::NotFound => push(&["404.html"]),
        }
    }
}

/// Builds URLs for one site configuration.
#[derive(Debug, Clone)]
pub struct Urls {
    base_url: String,
    base_path: String,
    default_locale: String,
}

impl Urls {
    pub fn new(config: &Config) -> Urls {
        Urls {
            base_url: config.base_url.clone(),
            base_path: config.base_path().to_string(),
            default_locale: config.default_locale.clone(),
        }
    }

    /// `start`, `/` and `push_local`'s part, in one string.
    fn join(&self, start: &str, locale: &str, route: &Route) -> String {
        let mut url = String::with_capacity(start.len() + locale.len() + 48);
        url.push_str(start);
        url.push('/');
        self.push_local(&mut url, locale, route);
        url
    }

    /// The locale's prefix (none for the default locale) and the route's
    /// relative path, at the end of `out`.
    fn push_local(&self, out: &mut String, locale: &str, route: &Route) {
        if locale != self.default_locale {
            out.push_str(locale);
            out.push('/');
        }
        route.push_relative(out);
    }

    /// Root-relative URL path, e.g. `/ko/ftp/125-vs-426/`.
    pub fn path(&self, locale: &str, route: &Route) -> String {
        self.join(&self.base_path, locale, route)
    }

    /// `path` read backwards: the locale of a root-relative URL path (one
    /// of `locales`) and what follows its prefix, the route's relative part;
    /// `None` outside the base path. `serve` resolves the rest against the
    /// site, so no table of every page is needed.
    pub fn split<'p, 'l>(
        &self,
        path: &'p str,
        locales: &'l [String],
    ) -> Option<(&'l str, &'p str)> {
        let rest = path.strip_prefix(&self.base_path)?.strip_prefix('/')?;
        let prefixed = locales
            .iter()
            .filter(|l| **l != self.default_locale)
            .find_map(|l| {
                let after = rest.strip_prefix(l.as_str())?.strip_prefix('/')?;
                Some((l.as_str(), after))
            });
        prefixed.or_else(|| {
            let default = locales.iter().find(|l| **l == self.default_locale)?;
            Some((default.as_str(), rest))
        })
    }

    /// Absolute URL, for canonical links, hreflang and the sitemap.
    pub fn absolute(&self, locale: &str, route: &Route) -> String {
        self.join(&self.base_url, locale, route)
    }

    /// The file to write below the output folder.
    pub fn file(&self, locale: &str, route: &Route) -> PathBuf {
        let mut relative = String::new();
        self.push_local(&mut relative, locale, route);
        if relative.is_empty() || relative.ends_with('/') {
            relative.push_str("index.html");
        }
        PathBuf::from(relative)
    }

    /// A site-wide asset such as `/style.css` (static files are not localized).
    pub fn asset(&self, name: &str) -> String {
        format!("{}/{name}", self.base_path)
    }

    /// Absolute URL of a site-wide file such as `sitemap.xml`.
    pub fn absolute_asset(&self, name: &str) -> String {
        format!("{}/{name}", self.base_url)
    }

    /// `/ftp/codes.json` and its file.
    pub fn codes_json(&self, protocol: &str) -> (String, PathBuf) {
        (
            self.asset(&format!("{protocol}/codes.json")),
            PathBuf::from(format!("{protocol}/codes.json")),
        )
    }

    /// A protocol's command tables: `/<protocol>/commands.json`.
    pub fn commands_json(&self, protocol: &str) -> (String, PathBuf) {
        (
            self.asset(&format!("{protocol}/commands.json")),
            PathBuf::from(format!("{protocol}/commands.json")),
        )
    }

    /// The search index of a locale: `/search/<locale>.json`.
    pub fn search_index(&self, locale: &str) -> (String, PathBuf) {
        (
            self.asset(&format!("search/{locale}.json")),
            PathBuf::from(format!("search/{locale}.json")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls() -> Urls {
        Urls {
            base_url: "https://example.org".into(),
            base_path: String::new(),
            default_locale: "en".into(),
        }
    }

    #[test]
    fn default_locale_at_root_others_under_prefix() {
        let pair = Pair::new("426", "125");
        let route = Route::Compare("ftp", &pair);
        assert_eq!(urls().path("en", &route), "/ftp/125-vs-426/");
        assert_eq!(urls().path("ko", &route), "/ko/ftp/125-vs-426/");
        assert_eq!(
            urls().absolute("ko", &Route::Home),
            "https://example.org/ko/"
        );
        assert_eq!(urls().file("en", &Route::Home), PathBuf::from("index.html"));
        assert_eq!(
            urls().file("ko", &Route::NotFound),
            PathBuf::from("ko/404.html")
        );
        assert_eq!(
            urls().file("en", &Route::Code("ftp", "125")),
            PathBuf::from("ftp/125/index.html")
        );
    }

    #[test]
    fn split_is_the_inverse_of_the_prefix() {
        let locales = ["en".to_string(), "ko".to_string()];
        let pair = Pair::new("125", "426");
        for locale in &locales {
            for route in [Route::Home, Route::Compare("ftp", &pair), Route::NotFound] {
                let path = urls().path(locale, &route);
                assert_eq!(
                    urls().split(&path, &locales),
                    Some((locale.as_str(), route.relative().as_str()))
                );
            }
        }
        let docs = Urls {
            base_path: "/docs".into(),
            ..urls()
        };
        assert_eq!(docs.split("/docs/ko/ftp/", &locales), Some(("ko", "ftp/")));
        assert_eq!(docs.split("/ftp/", &locales), None);
        assert_eq!(docs.split("/docsftp/", &locales), None);
        assert_eq!(urls().split("/kor/", &locales), Some(("en", "kor/")));
    }
}
