//! `site.toml`: the site's title, base URL, locales and output folder, and
//! what to do with a partly translated locale (`[i18n]`).
//!
//! The first stage of the pipeline: a root folder in, a validated `Config` out.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};

pub const CONFIG_FILE: &str = "site.toml";
const KEYS: [&str; 8] = [
    "title",
    "base_url",
    "default_locale",
    "locales",
    "output",
    "i18n",
    "partial_threshold",
    "partial",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    base_url: String,
    default_locale: String,
    locales: Vec<String>,
    #[serde(default = "default_output")]
    output: PathBuf,
    #[serde(default)]
    i18n: I18nConfig,
}

/// `[i18n]`: below `partial_threshold` percent translated, a locale's pages
/// carry a "partly translated" notice (`partial = "notice"`, the default) or
/// are not built (`partial = "skip"`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct I18nConfig {
    pub partial_threshold: Option<u8>,
    #[serde(default)]
    pub partial: Partial,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Partial {
    #[default]
    Notice,
    Skip,
}

impl I18nConfig {
    /// Whether a locale translated to `percent` is below the threshold.
    pub fn is_partial(&self, percent: u8) -> bool {
        self.partial_threshold.is_some_and(|t| percent < t)
    }
}

fn default_output() -> PathBuf {
    PathBuf::from("public")
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub title: String,
    /// Without a trailing slash: `https://example.org` or `https://example.org/docs`.
    pub base_url: String,
    /// The source locale: its text comes from YAML and it is served at `/`.
    pub default_locale: String,
    /// Every built locale, the default one first.
    pub locales: Vec<String>,
    /// The output folder, relative to the root unless absolute.
    pub output: PathBuf,
    pub i18n: I18nConfig,
}

impl Config {
    /// Reads and validates `<root>/site.toml`.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        let source = std::fs::read_to_string(&path).map_err(|err| {
            Diagnostic::in_file(CONFIG_FILE, format!("cannot read the site config: {err}"))
                .help("run codecompare in the site's folder or pass --root DIR")
        })?;
        let raw: RawConfig = toml::from_str(&source).map_err(|err| toml_error(&source, &err))?;
        validate(root, raw, &source)
    }

    /// Non-default locales, in `site.toml` order.
    pub fn translated_locales(&self) -> impl Iterator<Item = &str> {
        self.locales
            .iter()
            .map(String::as_str)
            .filter(|l| *l != self.default_locale)
    }

    /// The URL path prefix of `base_url` (`/docs` for `https://example.org/docs`).
    pub fn base_path(&self) -> &str {
        let without_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        without_scheme
            .find('/')
            .map_or("", |i| &without_scheme[i..])
    }

    pub fn output_dir(&self) -> PathBuf {
        self.root.join(&self.output)
    }
}

fn validate(root: &Path, raw: RawConfig, source: &str) -> Result<Config, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let locate = |key: &str| {
        let offset = source
            .find(&format!("{key} "))
            .or_else(|| source.find(key))
            .unwrap_or(0);
        Diagnostic::in_file(CONFIG_FILE, "").at_offset(source, offset)
    };
    let error = |key: &str, message: String, help: &str| {
        let mut d = locate(key);
        d.message = message;
        d.help(help)
    };
    if !(raw.base_url.starts_with("http://") || raw.base_url.starts_with("https://")) {
        diagnostics.push(error(
            "base_url",
            format!(
                "`base_url` must be an absolute http(s) URL, found `{}`",
                raw.base_url
            ),
            "write it like base_url = \"https://example.org\"",
        ));
    }
    if raw.locales.is_empty() {
        diagnostics.push(error(
            "locales",
            "`locales` is empty".into(),
            "list at least the default locale",
        ));
    }
    for locale in &raw.locales {
        if locale.parse::<unic_langid::LanguageIdentifier>().is_err() || locale.is_empty() {
            diagnostics.push(error(
                "locales",
                format!("`{locale}` is not a language tag"),
                "use tags like \"en\", \"ko\" or \"pt-BR\"",
            ));
        }
    }
    if !raw.locales.contains(&raw.default_locale) {
        diagnostics.push(error(
            "default_locale",
            format!(
                "default_locale `{}` is not listed in `locales`",
                raw.default_locale
            ),
            "add it to `locales`",
        ));
    }
    if raw.i18n.partial_threshold.is_some_and(|t| t > 100) {
        diagnostics.push(error(
            "partial_threshold",
            "`partial_threshold` is a percentage: 0 to 100".into(),
            "write it like partial_threshold = 80",
        ));
    }
    let mut locales = vec![raw.default_locale.clone()];
    for locale in raw.locales {
        if locales.contains(&locale) && locale != raw.default_locale {
            diagnostics.push(error(
                "locales",
                format!("locale `{locale}` is listed twice"),
                "list each locale once",
            ));
        } else if !locales.contains(&locale) {
            locales.push(locale);
        }
    }
    diagnostics.into_result(Config {
        root: root.to_path_buf(),
        title: raw.title,
        base_url: raw.base_url.trim_end_matches('/').to_string(),
        default_locale: raw.default_locale,
        locales,
        output: raw.output,
        i18n: raw.i18n,
    })
}

fn toml_error(source: &str, err: &toml::de::Error) -> Diagnostics {
    let offset = err.span().map_or(0, |span| span.start);
    let message = err.message().trim().to_string();
    let mut diagnostic =
        Diagnostic::in_file(CONFIG_FILE, message.clone()).at_offset(source, offset);
    let suggestion = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
        .and_then(|unknown| did_you_mean(unknown, KEYS));
    if let Some(help) = suggestion {
        diagnostic = diagnostic.help(help);
    }
    diagnostic.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_path_of_base_url() {
        let config = Config {
            root: PathBuf::new(),
            title: String::new(),
            base_url: "https://example.org/docs".into(),
            default_locale: "en".into(),
            locales: vec!["en".into()],
            output: default_output(),
            i18n: I18nConfig::default(),
        };
        assert_eq!(config.base_path(), "/docs");
        let root_site = Config {
            base_url: "https://example.org".into(),
            ..config
        };
        assert_eq!(root_site.base_path(), "");
    }
}
