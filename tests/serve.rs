//! `codecompare serve` as a contributor uses it: pages, 404s, edits, new
//! files, a broken file and its fix, and a taken port.

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

#[test]
fn reloads_only_the_kind_of_input_that_changed() {
    let site = fixture("mini");
    let root = site.path();
    let served = start(root, free_port());
    let first = stats(served.port);
    for kind in ["rebuilds", "config", "content", "translations", "templates"] {
        assert_eq!(first[kind], 1, "{kind}: {first:?}");
    }

    // An edited .ftl: translations again, content not.
    let ftl = root.join("i18n/ko/site.ftl");
    std::fs::write(
        &ftl,
        read(&ftl).replace(
            "notfound-title = 페이지를 찾을 수 없습니다",
            "notfound-title = 없는 페이지",
        ),
    )
    .unwrap();
    let (_, body) = wait_for(served.port, "/ko/ftp/999/", |_, b| {
        b.contains("없는 페이지")
    });
    assert!(body.contains("없는 페이지"));
    let now = wait_for_rebuild(served.port, 0);
    assert!(now["translations"] >= 2, "{now:?}");
    assert_eq!(
        (now["content"], now["templates"], now["config"]),
        (1, 1, 1),
        "{now:?}"
    );

    // An edited code: content again, translations not.
    let before = now;
    let file = root.join("content/ftp/125.yaml");
    std::fs::write(
        &file,
        read(&file).replace("name: Data Connection Open", "name: Data Link Open"),
    )
    .unwrap();
    let (_, body) = wait_for(served.port, "/ftp/125/", |_, b| {
        b.contains("Data Link Open")
    });
    assert!(body.contains("<h1>FTP 125 Data Link Open</h1>"));
    let now = wait_for_rebuild(served.port, before["rebuilds"]);
    assert!(now["content"] > before["content"], "{now:?}");
    assert_eq!(now["translations"], before["translations"], "{now:?}");
    assert_eq!(now["templates"], 1, "{now:?}");

    // A new code, then the same code deleted.
    let new_code = read(&root.join("content/ftp/226.yaml"))
        .replace("\"226\"", "\"250\"")
        .replace("Closing Data Connection", "Requested File Action Okay");
    let new_file = root.join("content/ftp/250.yaml");
    std::fs::write(&new_file, new_code).unwrap();
    let (status, body) = wait_for(served.port, "/ftp/250/", |s, _| s == 200);
    assert_eq!(status, 200);
    assert!(body.contains("Requested File Action Okay"));
    assert_eq!(get(served.port, "/ftp/125-vs-250/").0, 200);
    std::fs::remove_file(&new_file).unwrap();
    let (status, _) = wait_for(served.port, "/ftp/250/", |s, _| s == 404);
    assert_eq!(status, 404);
    assert_eq!(get(served.port, "/ftp/125-vs-250/").0, 404);
    let now = stats(served.port);
    assert_eq!(now["translations"], before["translations"], "{now:?}");
    assert_eq!((now["templates"], now["config"]), (1, 1), "{now:?}");
}
