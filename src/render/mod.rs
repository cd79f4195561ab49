//! Rendering: content and translations in, finished files out.
//!
//! Fourth stage of the pipeline. `Renderer::new` parses templates and
//! localizes the content of every locale once; `pages` lists every page;
//! `render` turns one into HTML. Pages are independent, so the caller renders
//! them in parallel and writes each as soon as it is done. `seo.rs` makes the
//! files that are not pages (sitemap, robots.txt, JSON data, search index).

mod compiled;
pub use compiled::Compiled;
pub mod context;
pub mod diagram;
mod fragments;
mod inputs;
mod lend;
pub mod localized;
pub mod markdown;
mod pages;
pub mod seo;
pub mod standing;
pub mod templates;

use std::borrow::Cow;
use std::collections::BTreeMap;

use tera::Tera;

use crate::config::Config;
use crate::content::Site;
use crate::content::pairs::Pair;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::source::SITE_TITLE_ID;
use crate::i18n::{Catalog, Text};
use crate::urls::{Route, Urls};
use context::UiStrings;
pub use inputs::InputKeys;
use lend::Lender;
use localized::LocalSite;
use templates::Templates;

/// One page of the site, in no particular locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageId {
    Home,
    Protocol(usize),
    Code(usize, usize),
    Compare(usize, Pair),
    /// `/codes/<number>/`: a number several protocols define.
    Number(String),
    /// `/<protocol>/commands/`
    Commands(usize),
    /// `/<protocol>/commands/<name>/`
    Command(usize, usize),
    NotFound,
}

/// A page's data, made but not yet rendered by Tera, or a comparison or
/// code page already written (`compiled/`).
pub enum Prepared<'r> {
    Data(lend::PageData<'r>),
    Html(String),
}

impl Prepared<'_> {
    /// Equal fingerprints (with the same `salt`: program and templates) make
    /// equal HTML, so `build` skips pages whose fingerprint it wrote last time.
    pub fn fingerprint(&self, salt: u128) -> u128 {
        match self {
            Prepared::Data(data) => data.fingerprint(salt),
            Prepared::Html(html) => {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                hasher.update(&salt.to_le_bytes());
                hasher.update(html.as_bytes());
                hasher.digest128()
            }
        }
    }
}

/// Everything needed to render any page; immutable once built.
pub struct Renderer {
    pub config: Config,
    pub site: Site,
    pub catalog: Catalog,
    pub urls: Urls,
    tera: Tera,
    locals: BTreeMap<String, LocalSite>,
    ui: BTreeMap<String, UiStrings>,
    /// The site's name per locale.
    titles: BTreeMap<String, Text>,
    /// Per locale: the addresses every page links.
    paths: BTreeMap<String, LocalePaths>,
    /// Set by `serve`: pages get the live-reload script.
    pub live_reload: bool,
    /// Comparisons and code pages are written by `compiled/`: set when the
    /// loaded templates are the built-in ones; tests turn it off to compare.
    pub compiled: bool,
    /// A code's column and badge on comparisons are written by `compiled/`
    /// (their templates and `macros.html` are the built-in ones); read
    /// when a part is first made.
    pub compiled_parts: bool,
    /// Per locale: the UI strings, and every code by protocol and position,
    /// as template values made once (`lend.rs`).
    lent: BTreeMap<String, Lent>,
}

/// The home page and search index of a locale, linked from every page.
struct LocalePaths {
    home: String,
    search_index: String,
}

/// Codes are made into template values the first time a page needs them:
/// `serve` builds a renderer per edit and renders only the pages it is asked.
struct Lent {
    ui: Lender,
    codes: Vec<Vec<std::sync::OnceLock<Lender>>>,
    parts: fragments::Parts,
}

impl Lent {
    fn new(local: &LocalSite, ui: &UiStrings) -> Lent {
        Lent {
            ui: Lender::new(ui),
            codes: local
                .protocols
                .iter()
                .map(|p| p.codes.iter().map(|_| Default::default()).collect())
                .collect(),
            parts: fragments::parts(local.protocols.iter().map(|p| p.codes.len())),
        }
    }
}

impl Renderer {
    pub fn new(config: Config, site: Site, catalog: Catalog, templates: Templates) -> Renderer {
        let urls = Urls::new(&config);
        let compiled = templates.built_in_text.or_same_trees(&templates.tera);
        let mut locals = BTreeMap::new();
        let mut ui = BTreeMap::new();
        let mut titles = BTreeMap::new();
        let mut paths = BTreeMap::new();
        let ui_ids = catalog.ui_ids();
        for locale in &config.locales {
            let title = catalog.content(locale, SITE_TITLE_ID, &config.title);
            titles.insert(
                locale.clone(),
                localized::plain_text(title, &catalog.source_locale),
            );
            paths.insert(
                locale.clone(),
                LocalePaths {
                    home: urls.path(locale, &Route::Home),
                    search_index: urls.search_index(locale).0,
                },
            );
            locals.insert(
                locale.clone(),
                localized::localize(&site, &catalog, &urls, locale),
            );
            let strings = ui_ids
                .iter()
                .map(|id| (id.replace('-', "_"), catalog.message(locale, id, &[])))
                .collect();
            ui.insert(locale.clone(), strings);
        }
        let lent = locals
            .iter()
            .map(|(locale, local)| (locale.clone(), Lent::new(local, &ui[locale])))
            .collect();
        Renderer {
            config,
            site,
            catalog,
            urls,
            compiled: compiled.pages,
            compiled_parts: compiled.parts,
            tera: templates.tera,
            locals,
            ui,
            titles,
            paths,
            live_reload: false,
            lent,
        }
    }

    /// Every page of one locale, in a stable order.
    pub fn pages(&self) -> Vec<PageId> {
        let mut pages = vec![PageId::Home, PageId::NotFound];
        for (pi, protocol) in self.site.protocols.iter().enumerate() {
            pages.push(PageId::Protocol(pi));
            pages.extend((0..protocol.codes.len()).map(|ci| PageId::Code(pi, ci)));
            pages.extend(
                protocol
                    .pairs()
                    .into_iter()
                    .map(|pair| PageId::Compare(pi, pair)),
            );
            if !protocol.commands.is_empty() {
                pages.push(PageId::Commands(pi));
                pages.extend((0..protocol.commands.len()).map(|ci| PageId::Command(pi, ci)));
            }
        }
        pages.extend(self.site.shared_numbers.iter().cloned().map(PageId::Number));
        pages
    }

    /// The route of a page, for URLs and file names.
    pub fn route<'p>(&'p self, page: &'p PageId) -> Route<'p> {
        match page {
            PageId::Home => Route::Home,
            PageId::NotFound => Route::NotFound,
            PageId::Protocol(pi) => Route::Protocol(&self.site.protocols[*pi].id),
            PageId::Code(pi, ci) => {
                let protocol = &self.site.protocols[*pi];
                Route::Code(&protocol.id, &protocol.codes[*ci].code)
            }
            PageId::Compare(pi, pair) => Route::Compare(&self.site.protocols[*pi].id, pair),
            PageId::Number(number) => Route::Number(number),
            PageId::Commands(pi) => Route::Commands(&self.site.protocols[*pi].id),
            PageId::Command(pi, ci) => {
                let protocol = &self.site.protocols[*pi];
                Route::Command(&protocol.id, &protocol.commands[*ci].name)
            }
        }
    }

    /// Renders one page in one locale.
    pub fn render(&self, locale: &str, page: &PageId) -> Result<String, Diagnostic> {
        let mut html = Vec::new();
        self.render_to(locale, page, &mut html)?;
        String::from_utf8(html).map_err(|err| Diagnostic::new(err.to_string()))
    }

    /// Renders one page in one locale at the end of `out`.
    pub fn render_to(
        &self,
        locale: &str,
        page: &PageId,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let prepared = self.prepare(locale, page)?;
        self.render_prepared(prepared, out)
    }

    /// One page's data, ready to render.
    pub fn prepare<'r>(
        &'r self,
        locale: &'r str,
        page: &PageId,
    ) -> Result<Prepared<'r>, Diagnostic> {
        let compiled = match page {
            _ if !self.compiled => None,
            PageId::Compare(pi, pair) => pages::compiled_compare(self, locale, page, *pi, pair)?,
            PageId::Code(pi, ci) => pages::compiled_code(self, locale, page, *pi, *ci),
            _ => None,
        };
        match compiled {
            Some(html) => Ok(Prepared::Html(html)),
            None => pages::context(self, locale, page).map(Prepared::Data),
        }
    }

    /// Renders a prepared page at the end of `out`.
    pub fn render_prepared(
        &self,
        prepared: Prepared<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        match prepared {
            Prepared::Data(mut data) => self.render_data(&mut data, out),
            Prepared::Html(html) if out.is_empty() => {
                *out = html.into_bytes();
                Ok(())
            }
            Prepared::Html(html) => {
                out.extend_from_slice(html.as_bytes());
                Ok(())
            }
        }
    }

    /// Renders a template with its own data and the values it borrows.
    fn render_data(&self, data: &mut lend::PageData, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
        let context = data.lend();
        let rendered = self.tera.render_to(data.template, &context, &mut *out);
        data.give_back(context);
        rendered
            .map_err(|err| templates::tera_error(&templates::template_path(data.template), &err))
    }

    /// The UI strings of `locale`, lent to one page.
    fn lent_ui(&self, locale: &str) -> &Lender {
        &self.lent[locale].ui
    }

    /// A code of `locale`, lent to one page.
    fn lent(&self, locale: &str, (pi, ci): (usize, usize)) -> &Lender {
        self.lent[locale].codes[pi][ci]
            .get_or_init(|| Lender::new(&self.local(locale).protocols[pi].codes[ci]))
    }

    fn local(&self, locale: &str) -> &LocalSite {
        &self.locals[locale]
    }

    fn ui(&self, locale: &str) -> &UiStrings {
        &self.ui[locale]
    }

    /// The addresses every page of `locale` links.
    fn paths(&self, locale: &str) -> &LocalePaths {
        &self.paths[locale]
    }

    /// The site's name in `locale`.
    fn title(&self, locale: &str) -> &Text {
        &self.titles[locale]
    }

    /// The text of `ui_text(locale, key)`, borrowed when it is a UI string.
    fn plain_str(&self, locale: &str, key: &str) -> Cow<'_, str> {
        match self.ui_text(locale, key) {
            Cow::Borrowed(text) => Cow::Borrowed(&text.text),
            Cow::Owned(text) => Cow::Owned(text.text),
        }
    }

    /// A message without variables, borrowed from the UI strings made once
    /// per locale: `key` is its name in templates (`nav_home` for `nav-home`).
    fn ui_text(&self, locale: &str, key: &str) -> Cow<'_, Text> {
        match self.ui(locale).get(key) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(self.t(locale, &key.replace('_', "-"), &[])),
        }
    }

    /// A UI string or sentence pattern in `locale`.
    fn t(&self, locale: &str, id: &str, args: &[(&str, crate::i18n::Arg)]) -> Text {
        self.catalog.message(locale, id, args)
    }
}

/// Renders one page of each kind in every locale, without writing: what
/// `check` does to catch template errors that only show at render time.
pub fn render_samples(renderer: &Renderer) -> Diagnostics {
    let mut samples = vec![PageId::Home, PageId::NotFound];
    for (pi, protocol) in renderer.site.protocols.iter().enumerate() {
        samples.push(PageId::Protocol(pi));
        if !protocol.codes.is_empty() {
            samples.push(PageId::Code(pi, 0));
        }
        if let Some(pair) = protocol.pairs().into_iter().next() {
            samples.push(PageId::Compare(pi, pair));
        }
        if !protocol.commands.is_empty() {
            samples.push(PageId::Commands(pi));
            samples.push(PageId::Command(pi, 0));
        }
    }
    if let Some(number) = renderer.site.shared_numbers.first().cloned() {
        samples.push(PageId::Number(number));
    }
    let mut diagnostics = Diagnostics::default();
    for locale in &renderer.config.locales {
        for page in &samples {
            if let Err(d) = renderer.render(locale, page) {
                diagnostics.push(d);
            }
        }
    }
    diagnostics.sorted()
}
