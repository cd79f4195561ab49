//! `serve`: build in memory, serve on 127.0.0.1, rebuild on change and
//! reload open pages.
//!
//! Pages are rendered on request by the same `Renderer` that `build` uses,
//! so a rebuild is only "load and validate the inputs again" and an edit
//! reaches the browser in a fraction of a second. Only the kind of input
//! that changed is loaded again: an edit under `content/` parses the content
//! (and reviews the translations against it, which reads the `.ftl` text)
//! but builds no Fluent bundle; an edit under `i18n/` builds the bundles but
//! parses no content; `templates/` reloads only Tera; `site.toml` reloads
//! everything. `/__codecompare/stats` counts the loads of each kind. A
//! failed rebuild keeps the last good site served and shows the errors in
//! the terminal and as an overlay in the browser (server-sent events on
//! `/__livereload`); what failed is loaded again on the next change.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use codespan_reporting::term::termcolor::ColorChoice;
use notify::{RecursiveMode, Watcher};
use rayon::prelude::*;
use tiny_http::{Header, Request, Response, Server};

use crate::build;
use crate::config::Config;
use crate::content::{self, Site};
use crate::diag::Diagnostics;
use crate::i18n::Catalog;
use crate::render::{self, PageId, Renderer, seo};
use crate::urls::Route;

/// The folders and files whose changes trigger a rebuild.
const WATCHED: [&str; 5] = ["content", "templates", "i18n", "static", "site.toml"];
const RELOAD_SCRIPT: &str = include_str!("serve/livereload.js");
/// How many times each kind of input was loaded, as JSON.
const STATS_PATH: &str = "/__codecompare/stats";
/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

mod http;
use http::handle;

/// One good build: the renderer and the URL path of every page.
struct Served {
    renderer: Renderer,
    routes: HashMap<String, (String, PageId)>,
}

/// What the request threads share with the rebuild thread.
struct State {
    root: PathBuf,
    base_url: String,
    current: RwLock<Option<Arc<Served>>>,
    /// The errors of the last rebuild, if it failed.
    error: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<String>>>,
    /// The inputs of the last good load, and the kinds changed since.
    inputs: Mutex<Reload>,
    loads: Loads,
}

/// A kind of input, loaded on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Config,
    Content,
    Translations,
    Templates,
    /// `static/`: read on request, nothing to load.
    Static,
}

/// The last good inputs (none before the first good load), and the kinds
/// of input changed since then that have not loaded cleanly yet.
#[derive(Default)]
struct Reload {
    good: Option<Inputs>,
    pending: BTreeSet<Kind>,
}

/// The loaded inputs; the catalog is kept unreviewed (the review depends on
/// the content and is redone on every rebuild).
struct Inputs {
    config: Config,
    site: Site,
    catalog: Catalog,
    tera: tera::Tera,
}

/// Counters of loads, for `/__codecompare/stats`.
#[derive(Default)]
struct Loads {
    rebuilds: AtomicUsize,
    config: AtomicUsize,
    content: AtomicUsize,
    translations: AtomicUsize,
    templates: AtomicUsize,
}

impl Loads {
    fn json(&self) -> String {
        let n = |a: &AtomicUsize| a.load(Ordering::Relaxed);
        format!(
            "{{\"rebuilds\":{},\"config\":{},\"content\":{},\"translations\":{},\"templates\":{}}}",
            n(&self.rebuilds),
            n(&self.config),
            n(&self.content),
            n(&self.translations),
            n(&self.templates)
        )
    }
}

pub fn serve(root: &Path, port: u16, color: ColorChoice) -> Result<(), String> {
    let (server, port) = bind(port)?;
    let state = Arc::new(State {
        root: root.to_path_buf(),
        base_url: format!("http://127.0.0.1:{port}"),
        current: RwLock::new(None),
        error: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
        inputs: Mutex::default(),
        loads: Loads::default(),
    });
    rebuild(&state, &[Kind::Config].into(), color);
    // Watch before announcing, so no edit made after the announcement is missed.
    let watcher_state = Arc::clone(&state);
    let _watcher = watch(root, move |kinds| rebuild(&watcher_state, &kinds, color))?;
    println!(
        "Serving {} at {}/ (Ctrl+C to stop)",
        root.display(),
        state.base_url
    );
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || handle(&state, request));
    }
    Ok(())
}

/// Binds the port, or the next free one.
fn bind(port: u16) -> Result<(Server, u16), String> {
    let mut last_error = String::new();
    for candidate in port..port.saturating_add(PORT_ATTEMPTS) {
        match Server::http(("127.0.0.1", candidate)) {
            Ok(server) => {
                if candidate != port {
                    eprintln!("port {port} is taken; using {candidate}");
                }
                return Ok((server, candidate));
            }
            Err(err) => last_error = err.to_string(),
        }
    }
    Err(format!(
        "no free port from {port} to {}: {last_error}",
        port.saturating_add(PORT_ATTEMPTS - 1)
    ))
}

/// Loads the changed kinds of input again and checks the site; on success
/// swaps the served site and reloads the browsers, on failure keeps the last
/// good site and reports.
fn rebuild(state: &State, changed: &BTreeSet<Kind>, color: ColorChoice) {
    let started = Instant::now();
    let mut reload = state.inputs.lock().unwrap_or_else(|e| e.into_inner());
    reload.pending.extend(changed.iter().copied());
    state.loads.rebuilds.fetch_add(1, Ordering::Relaxed);
    let loaded = reload_inputs(state, reload.good.as_ref(), &reload.pending)
        .and_then(|inputs| serve_inputs(state, inputs));
    match loaded {
        Ok((inputs, served)) => {
            reload.good = Some(inputs);
            reload.pending.clear();
            drop(reload);
            let pages = served.routes.len();
            let previous = state
                .current
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .replace(Arc::new(served));
            *state.error.write().unwrap_or_else(|e| e.into_inner()) = None;
            println!(
                "Site ready: {pages} pages, loaded in {} ms",
                started.elapsed().as_millis()
            );
            broadcast(state, "reload", "");
            // Freeing a large site takes a while; not on the way to the browser.
            std::thread::spawn(move || drop(previous));
        }
        Err(diagnostics) => {
            drop(reload);
            diagnostics.emit(&state.root, color);
            eprintln!(
                "error: rebuild failed: {} problem(s); still serving the last good site",
                diagnostics.len()
            );
            let text = diagnostics.render_plain(&state.root);
            *state.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
            broadcast(state, "build-error", &text);
        }
    }
}

/// The inputs with the `pending` kinds loaded again and the others shared
/// with (or cloned from) the last good ones; everything without them.
fn reload_inputs(
    state: &State,
    good: Option<&Inputs>,
    pending: &BTreeSet<Kind>,
) -> Result<Inputs, Diagnostics> {
    let root = &state.root;
    let loads = &state.loads;
    let all = good.is_none() || pending.contains(&Kind::Config);
    let wants = |kind| all || pending.contains(&kind);
    let count = |counter: &AtomicUsize| counter.fetch_add(1, Ordering::Relaxed);
    let config = match good {
        Some(good) if !all => good.config.clone(),
        _ => {
            count(&loads.config);
            Config::load(root)?
        }
    };
    let mut diagnostics = Diagnostics::default();
    let site = match good {
        Some(good) if !wants(Kind::Content) => Some(good.site.clone()),
        _ => {
            count(&loads.content);
            content::load(root).map_err(|d| diagnostics.extend(d)).ok()
        }
    };
    let catalog = match good {
        Some(good) if !wants(Kind::Translations) => Some(good.catalog.unreviewed()),
        _ => {
            count(&loads.translations);
            Catalog::load(&config)
                .map_err(|d| diagnostics.extend(d))
                .ok()
        }
    };
    let tera = match good {
        Some(good) if !wants(Kind::Templates) => Some(good.tera.clone()),
        _ => {
            count(&loads.templates);
            render::templates::load(root)
                .map_err(|d| diagnostics.extend(d))
                .ok()
        }
    };
    match (site, catalog, tera) {
        (Some(site), Some(catalog), Some(tera)) if diagnostics.is_empty() => Ok(Inputs {
            config,
            site,
            catalog,
            tera,
        }),
        _ => Err(diagnostics.sorted()),
    }
}

/// Reviews the translations, builds the renderer and renders one page of
/// each kind; the inputs come back to be kept as the last good ones.
fn serve_inputs(state: &State, inputs: Inputs) -> Result<(Inputs, Served), Diagnostics> {
    let Inputs {
        config,
        site,
        catalog,
        tera,
    } = inputs;
    let kept = Inputs {
        config: config.clone(),
        site: site.clone(),
        catalog: catalog.unreviewed(),
        tera: tera.clone(),
    };
    let mut loaded = build::assemble(&state.root, config, site, catalog, tera)?;
    loaded.config.base_url = state.base_url.clone();
    let mut renderer = loaded.into_renderer();
    renderer.live_reload = true;
    render::render_samples(&renderer).into_result(())?;
    // One entry per page and locale (250,000 at N = 500): built in parallel
    // and inserted into a map sized once, since this is most of a reload.
    let r = &renderer;
    let entries: Vec<(String, (String, PageId))> = r
        .pages()
        .into_par_iter()
        .flat_map_iter(|page| {
            r.config.locales.iter().map(move |locale| {
                let path = r.urls.path(locale, &r.route(&page));
                (path, (locale.clone(), page.clone()))
            })
        })
        .collect();
    let mut routes = HashMap::with_capacity(entries.len());
    routes.extend(entries);
    Ok((kept, Served { renderer, routes }))
}

/// One server-sent event; every line of `data` becomes a `data:` line.
fn sse_message(event: &str, data: &str) -> String {
    let mut message = format!("event: {event}\n");
    for line in data.lines() {
        message.push_str(&format!("data: {line}\n"));
    }
    message.push_str("data:\n\n");
    message
}

fn broadcast(state: &State, event: &str, data: &str) {
    let message = sse_message(event, data);
    let mut clients = state.clients.lock().unwrap_or_else(|e| e.into_inner());
    clients.retain(|client| client.send(message.clone()).is_ok());
}

/// Calls `on_change` after each burst of changes to the site's inputs,
/// with the kinds of input the burst touched.
fn watch(
    root: &Path,
    on_change: impl Fn(BTreeSet<Kind>) + Send + 'static,
) -> Result<notify::RecommendedWatcher, String> {
    let (tx, rx) = mpsc::channel();
    let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let watched_root = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths.iter().filter(|p| !is_editor_noise(p)) {
            let rel = path
                .strip_prefix(&base)
                .or_else(|_| path.strip_prefix(&watched_root))
                .unwrap_or(path);
            let _ = tx.send(kind_of(rel));
        }
    })
    .map_err(|err| format!("cannot watch files: {err}"))?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|err| format!("cannot watch {}: {err}", path.display()))?;
        }
    }
    std::thread::spawn(move || debounce(&rx, on_change));
    Ok(watcher)
}

/// Which kind of input a path (relative to the site root) belongs to; a
/// path we cannot place reloads everything.
fn kind_of(rel: &Path) -> Kind {
    match rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy())
    {
        Some(first) if first == "content" => Kind::Content,
        Some(first) if first == "i18n" => Kind::Translations,
        Some(first) if first == "templates" => Kind::Templates,
        Some(first) if first == "static" => Kind::Static,
        _ => Kind::Config,
    }
}

/// Editors write several files per save; one rebuild per burst is enough.
fn debounce(rx: &Receiver<Kind>, on_change: impl Fn(BTreeSet<Kind>)) {
    while let Ok(first) = rx.recv() {
        let mut kinds = BTreeSet::from([first]);
        while let Ok(kind) = rx.recv_timeout(Duration::from_millis(60)) {
            kinds.insert(kind);
        }
        on_change(kinds);
    }
}

fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}
