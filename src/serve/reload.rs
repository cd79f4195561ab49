//! A reload: the inputs a change touched loaded again, the others shared
//! with the last good load; then the translations reviewed against the
//! content and the renderer built. If all that succeeded, the new site is
//! served and the browsers reload. After a content or template change, one
//! page of each kind is then rendered (template errors show only when
//! rendering): off the way to the browser, once the browsers have fetched
//! their pages (or after `BROWSERS_WAIT`), and if one fails the previous site
//! is served again and the browsers get the errors.
//!
//! Content goes through a `ParseCache` that lives as long as the server, so
//! an edited code file is the only file parsed; validation (which spans
//! files) runs on the whole site. A `.ftl` edit loads only its locale's
//! bundle. Each step is timed and the times printed with "Site ready", which
//! is where the breakdown in bench/README.md comes from.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use codespan_reporting::term::termcolor::ColorChoice;

use super::watch::Changes;
use super::{State, broadcast_locked, lock};
use crate::build;
use crate::config::Config;
use crate::content::{self, ParseCache, Site};
use crate::diag::Diagnostics;
use crate::i18n::{Catalog, ReviewCache};
use crate::render::templates::Templates;
use crate::render::{self, Renderer};

/// How long the sample renders wait for the browsers to fetch their pages.
const BROWSERS_WAIT: Duration = Duration::from_millis(100);

/// The last good inputs (none before the first good load), the changes not
/// loaded cleanly since, the parsed content files and the translation files
/// the review read.
#[derive(Default)]
pub(super) struct Reload {
    good: Option<Inputs>,
    pending: Changes,
    cache: ParseCache,
    review: ReviewCache,
}

/// The loaded inputs; the catalog is kept unreviewed (the review depends on
/// the content and is redone on every reload). Shared with the next reload
/// when they did not change; the renderer gets its own copy.
struct Inputs {
    config: Config,
    site: Arc<Site>,
    catalog: Catalog,
    templates: Arc<Templates>,
}

/// How long each step took.
struct Steps {
    last: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn start() -> Steps {
        Steps {
            last: Instant::now(),
            done: Vec::new(),
        }
    }

    fn step(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.last = now;
    }

    /// `content 3, review 9, renderer 30` (milliseconds).
    fn line(&self) -> String {
        let steps: Vec<String> = self
            .done
            .iter()
            .map(|(name, took)| format!("{name} {:.1}", took.as_secs_f64() * 1000.0))
            .collect();
        steps.join(", ")
    }
}

/// Loads what `changes` (and earlier failed changes) touched and checks the
/// site; on success serves it and reloads the browsers, on failure keeps the
/// last good site and reports. Counted when done, samples included.
pub(super) fn rebuild(state: &State, changes: Changes, color: ColorChoice) {
    reload(state, changes, color);
    state.loads.rebuilds.fetch_add(1, Ordering::Relaxed);
}

fn reload(state: &State, changes: Changes, color: ColorChoice) {
    let started = Instant::now();
    let mut reload = lock(&state.inputs);
    reload.pending.merge(changes);
    if reload.good.is_some() && !reload.pending.loads_anything() {
        // Only static files, which are read on request.
        reload.pending = Changes::default();
        drop(reload);
        announce(state, true);
        return;
    }
    let first = reload.good.is_none();
    let pending = &reload.pending;
    let full = pending.statics;
    let samples = first || pending.all || !pending.content.is_empty() || pending.templates;
    let waited = pending.since.map(|since| started - since);
    let mut steps = Steps::start();
    let parsed_before = reload.cache.parsed();
    let loaded = reload_inputs(state, &mut reload, &mut steps).and_then(|inputs| {
        let renderer = renderer(state, &inputs, &mut reload.review, &mut steps)?;
        Ok((inputs, renderer))
    });
    let parsed = reload.cache.parsed() - parsed_before;
    state
        .loads
        .files_parsed
        .fetch_add(parsed, Ordering::Relaxed);
    let (inputs, renderer) = match loaded {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            drop(reload);
            return report(state, &diagnostics, color);
        }
    };
    let renderer = Arc::new(renderer);
    let previous = replace(state, Some(Arc::clone(&renderer)));
    let answered = state.pages.count();
    let browsers = announce(state, full);
    let ready = started.elapsed();
    if samples {
        // Not while the browsers fetch their pages: on a small machine the
        // sample renders would slow down the one render that is waited for.
        let target = answered + browsers as u64;
        state.pages.wait_for(target, BROWSERS_WAIT);
        steps.step("browsers");
        state.loads.samples.fetch_add(1, Ordering::Relaxed);
        let problems = render::render_samples(&renderer);
        steps.step("samples");
        if !problems.is_empty() {
            replace(state, previous);
            drop(reload);
            return report(state, &problems, color);
        }
    }
    reload.good = Some(inputs);
    reload.pending = Changes::default();
    drop(reload);
    if first {
        let pages = renderer.pages().len() * renderer.config.locales.len();
        println!(
            "Site ready: {pages} pages, loaded in {} ms",
            ready.as_millis()
        );
    } else {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "Site ready {:.1} ms after the change (wait {:.1}, {}; {parsed} content file(s) parsed)",
            ms(waited.unwrap_or_default() + ready),
            ms(waited.unwrap_or_default()),
            steps.line()
        );
    }
    // Freeing a large site takes a while; not on the way to the browser.
    std::thread::spawn(move || drop(previous));
}

/// Serves `renderer` (none: the error page); returns the one served before.
fn replace(state: &State, renderer: Option<Arc<Renderer>>) -> Option<Arc<Renderer>> {
    let mut current = state.current.write().unwrap_or_else(|e| e.into_inner());
    std::mem::replace(&mut *current, renderer)
}

/// No errors any more: the browsers show their page again, put in place
/// or, after a change of static files (`full`), reloaded. Returns how many
/// browsers were told.
fn announce(state: &State, full: bool) -> usize {
    let mut clients = lock(&state.clients);
    *state.error.write().unwrap_or_else(|e| e.into_inner()) = None;
    broadcast_locked(&mut clients, "reload", if full { "full" } else { "" });
    clients.len()
}

/// The errors in the terminal and, as an overlay, in every browser.
fn report(state: &State, diagnostics: &Diagnostics, color: ColorChoice) {
    diagnostics.emit(&state.root, color);
    eprintln!(
        "error: rebuild failed: {} problem(s); still serving the last good site",
        diagnostics.len()
    );
    let text = diagnostics.render_plain(&state.root);
    // Under the clients' lock, so a browser connecting now gets the errors
    // either from `state.error` or from the broadcast.
    let mut clients = lock(&state.clients);
    *state.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
    broadcast_locked(&mut clients, "build-error", &text);
}

/// The inputs with what changed loaded again and the rest shared with (or
/// cloned from) the last good ones; every problem of all of them.
fn reload_inputs(
    state: &State,
    reload: &mut Reload,
    steps: &mut Steps,
) -> Result<Inputs, Diagnostics> {
    let root = &state.root;
    let loads = &state.loads;
    let count = |counter: &AtomicUsize| counter.fetch_add(1, Ordering::Relaxed);
    let Reload {
        good,
        pending,
        cache,
        review,
    } = reload;
    for path in &pending.i18n {
        review.forget(path);
    }
    let good = good.as_ref();
    let all = good.is_none() || pending.all;
    let config = match good {
        Some(good) if !all => good.config.clone(),
        _ => {
            count(&loads.config);
            Config::load(root)?
        }
    };
    let mut diagnostics = Diagnostics::default();
    let site = match good {
        Some(good) if !all && pending.content.is_empty() => Some(Arc::clone(&good.site)),
        _ => {
            count(&loads.content);
            for path in &pending.content {
                cache.forget(path);
            }
            content::load_cached(root, cache)
                .map_err(|d| diagnostics.extend(d))
                .ok()
                .map(Arc::new)
        }
    };
    steps.step("content");
    let locales: Vec<String> = (config.locales.iter())
        .filter(|l| all || pending.locales.contains(*l))
        .cloned()
        .collect();
    let catalog = match good {
        Some(good) if !all && locales.is_empty() => Some(good.catalog.unreviewed()),
        _ => {
            count(&loads.translations);
            let mut bundles = lock(&loads.bundles);
            for locale in &locales {
                *bundles.entry(locale.clone()).or_default() += 1;
            }
            let reloaded = match good {
                Some(good) if !all => good.catalog.reload(&config, &locales),
                _ => Catalog::load(&config),
            };
            reloaded.map_err(|d| diagnostics.extend(d)).ok()
        }
    };
    steps.step("translations");
    let tera = match good {
        Some(good) if !all && !pending.templates => Some(Arc::clone(&good.templates)),
        _ => {
            count(&loads.templates);
            render::templates::load(root)
                .map_err(|d| diagnostics.extend(d))
                .ok()
                .map(Arc::new)
        }
    };
    steps.step("templates");
    match (site, catalog, tera) {
        (Some(site), Some(catalog), Some(templates)) if diagnostics.is_empty() => Ok(Inputs {
            config,
            site,
            catalog,
            templates,
        }),
        _ => Err(diagnostics.sorted()),
    }
}

/// Reviews the translations against the content and builds the renderer.
fn renderer(
    state: &State,
    inputs: &Inputs,
    review: &mut ReviewCache,
    steps: &mut Steps,
) -> Result<Renderer, Diagnostics> {
    let config = inputs.config.clone();
    let site = Site::clone(&inputs.site);
    let templates = Templates::clone(&inputs.templates);
    steps.step("copy");
    let copies = (config, site, inputs.catalog.unreviewed(), templates);
    let mut loaded = build::assemble_cached(&state.root, copies, review)?;
    loaded.config.base_url = state.base_url.clone();
    steps.step("review");
    let mut renderer = loaded.into_renderer();
    renderer.live_reload = true;
    steps.step("renderer");
    Ok(renderer)
}
