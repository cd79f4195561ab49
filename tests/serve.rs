//! `codecompare serve` as a contributor uses it: pages, 404s, edits, new
//! files, a broken file and its fix, and a taken port; what a reload loads
//! (counted at `/__codecompare/stats`); the request path read back into its
//! page for every page of the repository. No timing is asserted here
//! (bench/run --serve measures edit -> page in a browser).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A running `serve`, killed when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(root: &Path, port: u16) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let serving = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("Serving"))
        .expect("serve starts");
    let port = serving
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap();
    std::thread::spawn(move || lines.for_each(drop));
    Served { child, port }
}

/// A plain HTTP/1.1 GET: status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).unwrap().parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Polls until `path` satisfies `ok`, for at most ten seconds.
fn wait_for(port: u16, path: &str, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let start = Instant::now();
    loop {
        let (status, body) = get(port, path);
        if ok(status, &body) || start.elapsed() > Duration::from_secs(10) {
            return (status, body);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serves_pages_and_404() {
    let site = fixture("mini");
    let served = start(site.path(), free_port());
    let (status, body) = get(served.port, "/");
    assert_eq!(status, 200);
    assert!(
        body.contains("/__livereload.js"),
        "live reload is injected when serving"
    );
    let (status, body) = get(served.port, "/ftp/125-vs-426/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>FTP 125 Data Connection Open vs 426 Connection Closed</h1>"));
    assert!(
        body.contains(&format!(
            "href=\"http://127.0.0.1:{}/ftp/125-vs-426/\"",
            served.port
        )),
        "canonical points at the server"
    );
    assert_eq!(get(served.port, "/ko/").0, 200);
    assert_eq!(get(served.port, "/style.css").0, 200);
    assert_eq!(get(served.port, "/search/ko.json").0, 200);
    let (status, body) = get(served.port, "/ko/ftp/999/");
    assert_eq!(status, 404);
    assert!(body.contains("<html lang=\"ko\">") && body.contains("페이지를 찾을 수 없습니다"));
    let built = build(site.path());
    assert!(!stdout(&built).is_empty());
    assert!(
        !read(&site.path().join("public/index.html")).contains("__livereload"),
        "never in a build"
    );
}

#[test]
fn picks_up_edits_and_new_files() {
    let site = fixture("mini");
    let served = start(site.path(), free_port());
    let file = site.path().join("content/ftp/125.yaml");
    std::fs::write(
        &file,
        read(&file).replace("name: Data Connection Open", "name: Data Link Open"),
    )
    .unwrap();
    let (_, body) = wait_for(served.port, "/ftp/125/", |_, b| {
        b.contains("Data Link Open")
    });
    assert!(body.contains("<h1>FTP 125 Data Link Open</h1>"));

    let new_code = read(&site.path().join("content/ftp/226.yaml"))
        .replace("\"226\"", "\"250\"")
        .replace("Closing Data Connection", "Requested File Action Okay");
    std::fs::write(site.path().join("content/ftp/250.yaml"), new_code).unwrap();
    let (status, body) = wait_for(served.port, "/ftp/250/", |s, _| s == 200);
    assert_eq!(status, 200);
    assert!(body.contains("Requested File Action Okay"));
    assert_eq!(get(served.port, "/ftp/125-vs-250/").0, 200);
}

#[test]
fn survives_a_broken_file_and_recovers() {
    let site = fixture("mini");
    let served = start(site.path(), free_port());
    let file = site.path().join("content/ftp/426.yaml");
    let good = read(&file);
    std::fs::write(
        &file,
        good.replace("name: Connection Closed", "name: Broken\n  bad: ["),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let (status, body) = get(served.port, "/ftp/426/");
    assert_eq!(status, 200, "the last good site stays served");
    assert!(body.contains("Connection Closed"));
    std::fs::write(
        &file,
        good.replace("name: Connection Closed", "name: Connection Cut"),
    )
    .unwrap();
    let (_, body) = wait_for(served.port, "/ftp/426/", |_, b| {
        b.contains("Connection Cut")
    });
    assert!(body.contains("<h1>FTP 426 Connection Cut</h1>"));
}

#[test]
fn takes_the_next_port_when_the_port_is_taken() {
    let site = fixture("mini");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let served = start(site.path(), port);
    assert_ne!(served.port, port);
    assert_eq!(get(served.port, "/").0, 200);
}

#[test]
fn browsers_get_the_error_and_then_a_reload() {
    let site = fixture("mini");
    let served = start(site.path(), free_port());
    let mut events = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        events,
        "GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut read_until = |marker: &str| {
        let mut seen = String::new();
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap_or(0) > 0 {
            seen.push_str(&line);
            if seen.contains(marker) {
                return seen;
            }
            line.clear();
        }
        seen
    };
    assert!(read_until("retry:").contains("text/event-stream"));
    let file = site.path().join("content/ftp/150.yaml");
    let good = read(&file);
    std::fs::write(&file, good.replace("fix:", "fixx:")).unwrap();
    let error = read_until("did you mean");
    assert!(error.contains("event: build-error"), "{error}");
    assert!(error.contains("content/ftp/150.yaml:"), "{error}");
    std::fs::write(&file, good).unwrap();
    assert!(read_until("event: reload").contains("event: reload"));
}

/// The load counters of `/__codecompare/stats`, by name.
fn stats(port: u16) -> std::collections::BTreeMap<String, u64> {
    let (status, body) = get(port, "/__codecompare/stats");
    assert_eq!(status, 200, "{body}");
    body.trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .map(|pair| {
            let (key, value) = pair.split_once(':').unwrap();
            (key.trim_matches('"').to_string(), value.parse().unwrap())
        })
        .collect()
}

/// Waits until the rebuild counter passes `after` (a rebuild finished).
fn wait_for_rebuild(port: u16, after: u64) -> std::collections::BTreeMap<String, u64> {
    let start = Instant::now();
    loop {
        let now = stats(port);
        if now["rebuilds"] > after || start.elapsed() > Duration::from_secs(10) {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until `path` shows `marker`, then for the counters of the reload
/// that showed it.
fn edited(port: u16, path: &str, marker: &str, before: &Stats) -> Stats {
    let (_, body) = wait_for(port, path, |_, b| b.contains(marker));
    assert!(body.contains(marker), "{path} never showed {marker:?}");
    wait_for_rebuild(port, before["rebuilds"])
}

type Stats = std::collections::BTreeMap<String, u64>;

/// `now[key] - before[key]` for each key.
fn delta(before: &Stats, now: &Stats, keys: &[&str]) -> Vec<(String, u64)> {
    keys.iter()
        .map(|k| {
            (
                k.to_string(),
                now.get(*k).copied().unwrap_or(0) - before.get(*k).copied().unwrap_or(0),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

const COUNTERS: [&str; 8] = [
    "content",
    "files_parsed",
    "translations",
    "bundles.en",
    "bundles.ko",
    "templates",
    "config",
    "samples",
];

/// Each edit loads what it touched and nothing else: an edited, new or
/// deleted code file parses that one file (or none) and loads no bundle; an
/// edited `.ftl` file loads its locale's bundle and parses no content.
#[test]
fn reloads_only_what_changed() {
    let site = fixture("mini");
    let root = site.path();
    let served = start(root, free_port());
    let port = served.port;
    let first = stats(port);
    for kind in [
        "rebuilds",
        "config",
        "content",
        "translations",
        "templates",
        "samples",
    ] {
        assert_eq!(first[kind], 1, "{kind}: {first:?}");
    }
    let files = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .count() as u64;
    assert_eq!(first["files_parsed"], files, "every file once: {first:?}");
    assert_eq!(
        (first["bundles.en"], first["bundles.ko"]),
        (1, 1),
        "{first:?}"
    );

    // An edited .ftl: the Korean bundle again, nothing else.
    let ftl = root.join("i18n/ko/site.ftl");
    let text = read(&ftl).replace(
        "notfound-title = 페이지를 찾을 수 없습니다",
        "notfound-title = 없는 페이지",
    );
    std::fs::write(&ftl, text).unwrap();
    let now = edited(port, "/ko/ftp/999/", "없는 페이지", &first);
    assert_eq!(
        delta(&first, &now, &COUNTERS),
        pairs(&[
            ("content", 0),
            ("files_parsed", 0),
            ("translations", 1),
            ("bundles.en", 0),
            ("bundles.ko", 1),
            ("templates", 0),
            ("config", 0),
            ("samples", 0)
        ]),
        "{now:?}"
    );

    // An edited code: that file parsed again, no bundle.
    let before = now;
    let file = root.join("content/ftp/125.yaml");
    std::fs::write(
        &file,
        read(&file).replace("name: Data Connection Open", "name: Data Link Open"),
    )
    .unwrap();
    let now = edited(
        port,
        "/ftp/125/",
        "<h1>FTP 125 Data Link Open</h1>",
        &before,
    );
    assert_eq!(
        delta(&before, &now, &COUNTERS),
        pairs(&[
            ("content", 1),
            ("files_parsed", 1),
            ("translations", 0),
            ("bundles.en", 0),
            ("bundles.ko", 0),
            ("templates", 0),
            ("config", 0),
            ("samples", 1)
        ]),
        "{now:?}"
    );
    assert!(
        get(port, "/ftp/125-vs-426/").1.contains("Data Link Open"),
        "its comparisons too"
    );

    // A new code: that file parsed, its pages and comparisons there.
    let before = now;
    let new_code = read(&root.join("content/ftp/226.yaml"))
        .replace("\"226\"", "\"250\"")
        .replace("Closing Data Connection", "Requested File Action Okay");
    let new_file = root.join("content/ftp/250.yaml");
    std::fs::write(&new_file, new_code).unwrap();
    let now = edited(port, "/ftp/250/", "Requested File Action Okay", &before);
    assert_eq!(get(port, "/ftp/125-vs-250/").0, 200);
    assert_eq!(
        delta(&before, &now, &COUNTERS)[..3],
        pairs(&[("content", 1), ("files_parsed", 1), ("translations", 0)]),
        "{now:?}"
    );

    // The same code deleted: no file parsed, its pages gone.
    let before = now;
    std::fs::remove_file(&new_file).unwrap();
    let (status, _) = wait_for(port, "/ftp/250/", |s, _| s == 404);
    assert_eq!(status, 404);
    assert_eq!(get(port, "/ftp/125-vs-250/").0, 404);
    let now = wait_for_rebuild(port, before["rebuilds"]);
    assert_eq!(
        delta(&before, &now, &COUNTERS)[..4],
        pairs(&[
            ("content", 1),
            ("files_parsed", 0),
            ("translations", 0),
            ("bundles.en", 0)
        ]),
        "{now:?}"
    );
}

/// The review reads an edited `.ftl` file again: a translation that uses a
/// variable its English does not offer is refused (the last good site stays),
/// and the fix is served.
#[test]
fn an_edited_translation_is_reviewed_again() {
    let site = fixture("mini");
    let root = site.path();
    let served = start(root, free_port());
    let port = served.port;
    let ftl = root.join("i18n/ko/site.ftl");
    let good = read(&ftl);
    let line = "protocol-counts = 코드 { $codes }개 · 비교 { $comparisons }개";
    assert!(good.contains(line));
    std::fs::write(
        &ftl,
        good.replace(line, "protocol-counts = 코드 { $nosuch }개"),
    )
    .unwrap();
    let (_, events) = get_events_until(port, "nosuch");
    assert!(
        events.contains("event: build-error") && events.contains("protocol-counts"),
        "{events}"
    );
    assert!(
        get(port, "/ko/ftp/").1.contains("비교 "),
        "the last good site"
    );
    let fixed = "protocol-counts = 코드 { $codes }개, 비교 { $comparisons }개";
    std::fs::write(&ftl, good.replace(line, fixed)).unwrap();
    let (_, body) = wait_for(port, "/ko/", |_, b| b.contains("개, 비교 "));
    assert!(body.contains("개, 비교 "));
}

/// A template that fails only when a page is rendered (not when it is
/// parsed) is caught by the sample pages: the last good site comes back and
/// the browsers get the error; the fix is served.
#[test]
fn a_template_error_at_render_time_keeps_the_last_good_site() {
    let site = fixture("mini");
    let root = site.path();
    let served = start(root, free_port());
    let port = served.port;
    let template = root.join("templates/code.html");
    let good = read(&template);
    let broken = "{% block content %}{{ no_such_value.field }}";
    std::fs::write(&template, good.replace("{% block content %}", broken)).unwrap();
    let (_, events) = get_events_until(port, "code.html");
    assert!(events.contains("event: build-error"), "{events}");
    let (status, body) = get(port, "/ftp/125/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<h1>FTP 125 Data Connection Open</h1>"));
    let before = stats(port);
    let fixed = "{% block content %}<p>fixed</p>";
    std::fs::write(&template, good.replace("{% block content %}", fixed)).unwrap();
    let (_, body) = wait_for(port, "/ftp/125/", |_, b| b.contains("<p>fixed</p>"));
    assert!(body.contains("<p>fixed</p>"));
    assert!(stats(port)["templates"] > before["templates"]);
}

/// The events a new browser gets at once (the current error, if any), read
/// until `marker` or ten seconds.
fn get_events_until(port: u16, marker: &str) -> (bool, String) {
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        events,
        "GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut seen = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        seen.push_str(&line);
        if seen.contains(marker) {
            return (true, seen);
        }
        line.clear();
    }
    (false, seen)
}

/// The request path read back is exactly `Urls::path`: every page of the
/// repository in every locale is found at its path, every file `build`
/// writes is a path that names a page, and no other spelling does.
#[test]
fn every_page_is_found_at_its_path_and_only_there() {
    use codecompare::serve::page_at;
    let renderer = codecompare::build::check(&repo()).expect("the repository's site checks");
    let r = &renderer;
    let pages = r.pages();
    let mut paths = std::collections::BTreeSet::new();
    for locale in &r.config.locales {
        for page in &pages {
            let path = r.urls.path(locale, &r.route(page));
            assert_eq!(
                page_at(r, &path),
                Some((locale.clone(), page.clone())),
                "{path}"
            );
            paths.insert(path);
        }
    }
    assert_eq!(
        paths.len(),
        pages.len() * r.config.locales.len(),
        "one path per page"
    );
    // Every HTML file of the build is one of those paths.
    let public = site();
    let built: std::collections::BTreeSet<String> = html_files(public)
        .iter()
        .map(|file| {
            let rel = file
                .strip_prefix(public)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel))
        })
        .collect();
    assert_eq!(
        built, paths,
        "the build writes exactly the pages serve finds"
    );
    for path in [
        "/ftp/426-vs-125/",
        "/ftp/125-vs-125/",
        "/ftp/125",
        "/FTP/125/",
        "/ftp/125/x/",
        "/ftp/commands/RETR/",
        "/ftp/commands/nosuch/",
        "/ko",
        "/ko/ko/",
        "/en/",
        "/codes/999/",
        "/codes/",
        "/smtp-enhanced/5.1.10-vs-5.1.1/",
        "/index.html",
        "/ko/index.html",
        "/404.html/",
        "//ftp/125/",
        "ftp/125/",
        "/ftp//125/",
        "/style.css",
        "/search/ko.json",
    ] {
        assert_eq!(page_at(r, path), None, "{path} names no page");
    }
}
