//! `serve`: build in memory, serve on 127.0.0.1, reload on change and
//! reload open pages.
//!
//! Pages are rendered on request by the same `Renderer` that `build` uses,
//! and a request path is read, not looked up in a table of every page
//! (`serve/route.rs`), so a reload costs nothing per page. A change reloads
//! only the inputs it touched (`serve/reload.rs`): an edited code file is
//! parsed again and no other file is; a `.ftl` edit loads that locale's
//! bundle and parses no content; `templates/` reloads only Tera; `site.toml`
//! reloads everything; `static/` is read on request. The watcher starts a
//! reload at the first event of a burst (`serve/watch.rs`), and the
//! live-reload script puts the new page in place rather than reloading it
//! (`serve/livereload.js`: a browser's full reload takes longer than the
//! server's).
//! `/__codecompare/stats` counts the loads, the files parsed and the bundles
//! loaded per locale. A failed reload keeps the last good site served and
//! shows the errors in the terminal and as an overlay in the browser
//! (server-sent events on `/__livereload`); what failed is loaded again on
//! the next change.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use codespan_reporting::term::termcolor::ColorChoice;
use tiny_http::{Header, Request, Response, Server};

use crate::render::{PageId, Renderer, seo};
use crate::urls::Route;

const RELOAD_SCRIPT: &str = include_str!("serve/livereload.js");
/// How many times each kind of input was loaded, as JSON.
const STATS_PATH: &str = "/__codecompare/stats";
/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

mod http;
mod reload;
mod route;
mod watch;
use http::handle;
pub use route::page_at;
use watch::Changes;

/// What the request threads share with the reload thread.
struct State {
    root: PathBuf,
    base_url: String,
    /// The renderer of the last good load.
    current: RwLock<Option<Arc<Renderer>>>,
    /// The errors of the last reload, if it failed.
    error: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<String>>>,
    /// The inputs of the last good load, and what changed since.
    inputs: Mutex<reload::Reload>,
    loads: Loads,
    /// HTML pages answered so far.
    pages: Answered,
}

/// A count of answers that a reload can wait on.
#[derive(Default)]
struct Answered {
    count: Mutex<u64>,
    changed: Condvar,
}

impl Answered {
    fn add(&self) {
        *lock(&self.count) += 1;
        self.changed.notify_all();
    }

    fn count(&self) -> u64 {
        *lock(&self.count)
    }

    /// Waits until the count reaches `target`, at most `timeout`.
    fn wait_for(&self, target: u64, timeout: Duration) {
        let count = lock(&self.count);
        let _ = self
            .changed
            .wait_timeout_while(count, timeout, |n| *n < target);
    }
}

/// Counters of loads, for `/__codecompare/stats`.
#[derive(Default)]
struct Loads {
    rebuilds: AtomicUsize,
    config: AtomicUsize,
    content: AtomicUsize,
    translations: AtomicUsize,
    templates: AtomicUsize,
    /// Content files parsed: every file at start-up, then each changed one.
    files_parsed: AtomicUsize,
    /// Fluent bundles loaded, per locale.
    bundles: Mutex<BTreeMap<String, usize>>,
    /// Times the sample pages were rendered (after content or template changes).
    samples: AtomicUsize,
}

impl Loads {
    /// A flat JSON object of numbers; bundles as `"bundles.<locale>"`.
    fn json(&self) -> String {
        let n = |a: &AtomicUsize| a.load(Ordering::Relaxed);
        let mut fields = vec![
            ("rebuilds".to_string(), n(&self.rebuilds)),
            ("config".to_string(), n(&self.config)),
            ("content".to_string(), n(&self.content)),
            ("translations".to_string(), n(&self.translations)),
            ("templates".to_string(), n(&self.templates)),
            ("files_parsed".to_string(), n(&self.files_parsed)),
            ("samples".to_string(), n(&self.samples)),
        ];
        for (locale, count) in lock(&self.bundles).iter() {
            fields.push((format!("bundles.{locale}"), *count));
        }
        let fields: Vec<String> = fields
            .iter()
            .map(|(name, count)| format!("\"{name}\":{count}"))
            .collect();
        format!("{{{}}}", fields.join(","))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
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
        pages: Answered::default(),
    });
    reload::rebuild(&state, Changes::everything(), color);
    // Watch before announcing, so no edit made after the announcement is missed.
    let watcher_state = Arc::clone(&state);
    let _watcher = watch::watch(root, move |changes| {
        reload::rebuild(&watcher_state, changes, color)
    })?;
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

/// One server-sent event; every line of `data` becomes a `data:` line.
fn sse_message(event: &str, data: &str) -> String {
    let mut message = format!("event: {event}\n");
    for line in data.lines() {
        message.push_str(&format!("data: {line}\n"));
    }
    if data.is_empty() {
        // An event without data is not dispatched.
        message.push_str("data:\n");
    }
    message.push('\n');
    message
}

/// Sends an event to every browser; the caller holds the clients' lock.
fn broadcast_locked(clients: &mut Vec<Sender<String>>, event: &str, data: &str) {
    let message = sse_message(event, data);
    clients.retain(|client| client.send(message.clone()).is_ok());
}
