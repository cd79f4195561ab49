//! The pipeline, start to end: config → content → translations → templates →
//! render → write. Reading `build` tells the whole story; each stage is a
//! function of the previous stage's value.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{Config, Partial};
use crate::content::{self, Site};
use crate::diag::Diagnostics;
use crate::i18n::fallbacks;
use crate::i18n::{Catalog, ReviewCache, review};
use crate::output::{self, Staging};
use crate::render::templates::Templates;
use crate::render::{self, InputKeys, PageId, Renderer, seo};

/// What a successful build did, for the summary line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    /// Pages written per locale, in config order.
    pub pages: Vec<(String, usize)>,
    /// Messages that fell back to the source locale, per locale.
    pub fallbacks: BTreeMap<String, usize>,
    /// Per translated locale: how complete, how outdated.
    pub translations: Vec<Translation>,
    pub source_locale: String,
    pub elapsed: Duration,
    /// Files written, left alone and removed in the output folder.
    pub changes: output::Changes,
    /// Problems that did not stop the build (an expired registration).
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// How far one translated locale is, for the build report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub locale: String,
    /// Translated messages (current or outdated), in percent.
    pub percent: u8,
    /// Messages whose English changed since they were translated.
    pub outdated: usize,
    /// What `partial_threshold` did; `None` at or above it.
    pub partial: Option<Partial>,
}

/// Everything loaded and checked; what `check`, `build` and `serve` share.
pub struct Loaded {
    pub config: Config,
    pub site: Site,
    pub catalog: Catalog,
    pub templates: Templates,
}

/// Loads every input and reports every problem of every stage at once.
pub fn load(root: &Path) -> Result<Loaded, Diagnostics> {
    let config = Config::load(root)?;
    let mut diagnostics = Diagnostics::default();
    let site = content::load(root).map_err(|d| diagnostics.extend(d)).ok();
    let catalog = Catalog::load(&config)
        .map_err(|d| diagnostics.extend(d))
        .ok();
    let templates = render::templates::load(root)
        .map_err(|d| diagnostics.extend(d))
        .ok();
    match (site, catalog, templates) {
        // All three loaded, so nothing was reported yet.
        (Some(site), Some(catalog), Some(templates)) => {
            assemble(root, config, site, catalog, templates)
        }
        (site, _, _) => {
            // The review still reports broken translations of good content.
            if let Some(site) = &site {
                match review::review(root, &config, site) {
                    Ok(review) => diagnostics.extend(review.diagnostics()),
                    Err(found) => diagnostics.extend(found),
                }
            }
            Err(diagnostics.sorted())
        }
    }
}

/// Puts loaded inputs together: reviews the translations against the
/// content (which are current, outdated, copies of the English or broken:
/// a variable the English does not offer is an error).
pub fn assemble(
    root: &Path,
    config: Config,
    site: Site,
    catalog: Catalog,
    templates: Templates,
) -> Result<Loaded, Diagnostics> {
    let inputs = (config, site, catalog, templates);
    assemble_cached(root, inputs, &mut ReviewCache::default())
}

/// `assemble`, the review reading only the translation files `cache` does
/// not hold as they are now: what `serve` does after reloading only the
/// inputs that changed.
pub fn assemble_cached(
    root: &Path,
    (config, site, catalog, templates): (Config, Site, Catalog, Templates),
    cache: &mut ReviewCache,
) -> Result<Loaded, Diagnostics> {
    let review = review::review_cached(root, &config, &site, cache).map_err(Diagnostics::sorted)?;
    let problems = review.diagnostics();
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    Ok(Loaded {
        config,
        site,
        catalog: catalog.with_review(&review),
        templates,
    })
}

/// Validates everything and renders one page of each kind, writing nothing.
pub fn check(root: &Path) -> Result<Renderer, Diagnostics> {
    let renderer = load(root)?.into_renderer();
    render::render_samples(&renderer).into_result(renderer)
}

impl Loaded {
    /// The renderer, without the locales that `partial = "skip"` leaves out.
    pub fn into_renderer(mut self) -> Renderer {
        let skipped: Vec<String> = self
            .translations()
            .into_iter()
            .filter(|t| t.partial == Some(Partial::Skip))
            .map(|t| t.locale)
            .collect();
        self.config.locales.retain(|l| !skipped.contains(l));
        Renderer::new(self.config, self.site, self.catalog, self.templates)
    }

    /// Every translated locale: how complete, how outdated, and what
    /// `partial_threshold` does with it.
    pub fn translations(&self) -> Vec<Translation> {
        let i18n = &self.config.i18n;
        self.config
            .translated_locales()
            .filter_map(|locale| {
                let reviewed = self.catalog.reviewed(locale)?;
                Some(Translation {
                    locale: locale.to_string(),
                    percent: reviewed.percent,
                    outdated: reviewed.outdated.len(),
                    partial: i18n.is_partial(reviewed.percent).then_some(i18n.partial),
                })
            })
            .collect()
    }
}

/// What a build may take from the command line instead of site.toml.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions<'a> {
    /// The output folder (default: `output` of site.toml).
    pub output: Option<&'a Path>,
    /// The address the site is served at (default: `base_url` of site.toml),
    /// e.g. the GitHub Pages URL that `actions/configure-pages` reports.
    pub base_url: Option<&'a str>,
    pub live_reload: bool,
}

/// Builds the site into the output folder: a new folder is written whole;
/// a previous build's folder gets only the files whose bytes changed (see
/// `output`). Everything is rendered and staged before the output is touched.
pub fn build(root: &Path, options: BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let salt = output::manifest::salt(root);
    let translations = output::manifest::tree_hash(&root.join(crate::i18n::I18N_DIR));
    let mut loaded = load(root)?;
    if let Some(base_url) = options.base_url {
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(crate::diag::Diagnostic::new(format!(
                "--base-url must be an absolute http(s) URL, found `{base_url}`"
            ))
            .help("write it like --base-url https://example.org/docs")
            .into());
        }
        loaded.config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let report = loaded.translations();
    let mut renderer = loaded.into_renderer();
    renderer.live_reload = options.live_reload;
    let keys = InputKeys::new(&renderer, salt, translations);
    let output = options
        .output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| renderer.config.output_dir());
    let staging = Staging::create(root, &output, salt)?;
    let pages = renderer.pages();
    staging.expect(pages.len() * renderer.config.locales.len());
    // On any error `staging` is dropped, which removes the staging folder.
    let counts =
        write_pages(&renderer, &pages, &staging, (salt, &keys)).map_err(output::summarize_io)?;
    write_data_files(&renderer, &pages, &staging)?;
    staging.copy_static(&root.join("static"))?;
    let changes = staging.commit().map_err(output::summarize_io)?;
    let report = BuildReport {
        output,
        pages: counts,
        fallbacks: renderer.catalog.fallback_counts(),
        translations: report,
        source_locale: renderer.config.default_locale.clone(),
        elapsed: started.elapsed(),
        changes,
        warnings: renderer.site.warnings.clone(),
    };
    // The renderer is freed on a thread of its own: freeing its many small
    // allocations one by one cost a 45-code build about 3 % of its time, and
    // the command line exits as soon as it has printed the report. (Without
    // a thread, the closure is dropped here, which frees them.)
    let _ = std::thread::Builder::new().spawn(move || drop((renderer, pages, keys)));
    Ok(report)
}

/// Renders and stages every page of every locale in parallel; a page is
/// compared and staged as soon as it is rendered, so memory does not grow
/// with the site. A page made from the same inputs as the previous build's
/// file (see `output::manifest`) is not rendered at all: a comparison is
/// known by its input key without building its data (`render::inputs`),
/// any other page by the fingerprint of its data.
fn write_pages(
    renderer: &Renderer,
    pages: &[PageId],
    staging: &Staging,
    (salt, keys): (u128, &InputKeys),
) -> Result<Vec<(String, usize)>, Diagnostics> {
    let mut counts = Vec::new();
    let mut problems = Diagnostics::default();
    for locale in &renderer.config.locales {
        let errors: Vec<_> = pages
            .par_iter()
            .filter_map(|page| write_page(renderer, locale, page, staging, (salt, keys)).err())
            .collect();
        problems.extend(Diagnostics(errors));
        counts.push((locale.clone(), pages.len()));
    }
    problems.sorted().into_result(counts)
}

/// Keeps, or renders and stages, one page.
fn write_page(
    renderer: &Renderer,
    locale: &str,
    page: &PageId,
    staging: &Staging,
    (salt, keys): (u128, &InputKeys),
) -> Result<(), crate::diag::Diagnostic> {
    let file = renderer.urls.file(locale, &renderer.route(page));
    let kept = |fingerprint| match staging.kept(&file, fingerprint) {
        Some(fallbacks) => {
            renderer.catalog.restore_fallbacks(locale, fallbacks);
            true
        }
        None => false,
    };
    let key = keys.of(renderer, locale, page);
    if key.is_some_and(kept) {
        return Ok(());
    }
    let (prepared, fallbacks) = fallbacks::capture(|| renderer.prepare(locale, page));
    let prepared = prepared?;
    let fingerprint = key.unwrap_or_else(|| prepared.fingerprint(salt));
    if key.is_none() && kept(fingerprint) {
        return Ok(());
    }
    let mut html = Vec::with_capacity(32 * 1024);
    renderer.render_prepared(prepared, &mut html)?;
    staging.write_page(&file, &html, Some(fingerprint), fallbacks)
}

fn write_data_files(
    renderer: &Renderer,
    pages: &[PageId],
    staging: &Staging,
) -> Result<(), Diagnostics> {
    seo::sitemap_files(
        renderer,
        pages,
        seo::SitemapLimits::of_build(),
        |name, xml| staging.write(Path::new(name), xml.as_bytes()),
    )?;
    staging.write(Path::new("robots.txt"), seo::robots(renderer).as_bytes())?;
    for (pi, protocol) in renderer.site.protocols.iter().enumerate() {
        let file = renderer.urls.codes_json(&protocol.id).1;
        staging.write(&file, seo::codes_json(renderer, pi).as_bytes())?;
        if !protocol.commands.is_empty() {
            let file = renderer.urls.commands_json(&protocol.id).1;
            staging.write(&file, seo::commands_json(renderer, pi).as_bytes())?;
        }
    }
    for locale in &renderer.config.locales {
        let file = renderer.urls.search_index(locale).1;
        staging.write(&file, seo::search_index(renderer, locale).as_bytes())?;
    }
    Ok(())
}

impl BuildReport {
    /// The one summary line a build prints.
    pub fn summary(&self) -> String {
        let pages: Vec<String> = self.pages.iter().map(|(l, n)| format!("{n} {l}")).collect();
        let total: usize = self.pages.iter().map(|(_, n)| n).sum();
        format!(
            "Built {total} pages ({}) into {} in {} ms",
            pages.join(", "),
            self.output.display(),
            self.elapsed.as_millis()
        )
    }

    /// What the build did to the output folder, counted in files.
    pub fn changes_line(&self) -> String {
        let c = &self.changes;
        format!(
            "{} pages changed, {} unchanged, {} removed",
            c.changed, c.unchanged, c.removed
        )
    }

    /// One line on the translated locales: how complete, how many outdated
    /// messages, and what `partial_threshold` did.
    pub fn translation_line(&self) -> Option<String> {
        let parts: Vec<String> = self
            .translations
            .iter()
            .map(|t| {
                let mut part = format!(
                    "{} {}% translated, {} outdated",
                    t.locale, t.percent, t.outdated
                );
                match t.partial {
                    Some(Partial::Notice) => {
                        part.push_str(" (partly translated: pages carry a notice)")
                    }
                    Some(Partial::Skip) => part.push_str(" (partly translated: not built)"),
                    None => {}
                }
                part
            })
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "Translations: {} (`codecompare i18n status` lists what to do)",
                parts.join("; ")
            )
        })
    }

    /// One line on fallbacks, when any locale fell back.
    pub fn fallback_line(&self) -> Option<String> {
        let parts: Vec<String> = self
            .fallbacks
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(l, n)| format!("{l}: {n}"))
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "Messages that fell back to {}: {} (run `codecompare i18n status` for the list)",
                self.source_locale,
                parts.join(", ")
            )
        })
    }
}
