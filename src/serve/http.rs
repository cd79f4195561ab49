//! The HTTP side of `serve`: pages rendered on request, data and static
//! files, the 404 page, the stats endpoint and the live-reload event stream.

use super::*;

pub(super) fn handle(state: &State, request: Request) {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if path == "/__livereload" {
        return stream_events(state, request);
    }
    let response = if path == "/__livereload.js" {
        Reply::ok("text/javascript", RELOAD_SCRIPT.as_bytes().to_vec())
    } else if path == STATS_PATH {
        Reply::ok("application/json", state.loads.json().into_bytes())
    } else {
        let current = state
            .current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match current {
            Some(renderer) => respond_from_site(state, &renderer, &path),
            None => Reply::error_page(state),
        }
    };
    let mut http = Response::from_data(response.body).with_status_code(response.status);
    let content_type = response.content_type;
    if let Ok(header) = Header::from_bytes("Content-Type", content_type) {
        http = http.with_header(header);
    }
    if let Some(header) = response
        .location
        .and_then(|l| Header::from_bytes("Location", l).ok())
    {
        http = http.with_header(header);
    }
    let _ = request.respond(http);
    if content_type.starts_with("text/html") {
        state.pages.add();
    }
}

struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Reply {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type,
            body,
            location: None,
        }
    }

    /// Shown when no build has succeeded yet: the errors, and the reload
    /// script so the page recovers by itself.
    fn error_page(state: &State) -> Reply {
        let errors = state
            .error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .unwrap_or_default();
        let body = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build error</title><script src=\"/__livereload.js\" defer></script></head><body><h1>The site does not build yet</h1><pre>{}</pre></body></html>",
            crate::i18n::escape_html(&errors)
        );
        Reply {
            status: 500,
            ..Reply::ok("text/html; charset=utf-8", body.into_bytes())
        }
    }
}

fn respond_from_site(state: &State, r: &Renderer, path: &str) -> Reply {
    if let Some((locale, page)) = page_at(r, path) {
        return match r.render(&locale, &page) {
            Ok(html) => Reply::ok("text/html; charset=utf-8", html.into_bytes()),
            Err(diagnostic) => Reply {
                status: 500,
                ..Reply::ok(
                    "text/plain; charset=utf-8",
                    diagnostic.to_string().into_bytes(),
                )
            },
        };
    }
    if !path.ends_with('/') && page_at(r, &format!("{path}/")).is_some() {
        return Reply {
            status: 301,
            location: Some(format!("{path}/")),
            ..Reply::ok("text/plain", Vec::new())
        };
    }
    if let Some(reply) = data_file(r, path) {
        return reply;
    }
    if let Some(reply) = static_file(&state.root, path) {
        return reply;
    }
    not_found(r, path)
}

/// The generated files that are not pages.
fn data_file(r: &Renderer, path: &str) -> Option<Reply> {
    if path == "/sitemap.xml" {
        return Some(Reply::ok(
            "application/xml",
            seo::sitemap(r, &r.pages()).into_bytes(),
        ));
    }
    if path == "/robots.txt" {
        return Some(Reply::ok("text/plain", seo::robots(r).into_bytes()));
    }
    for (pi, protocol) in r.site.protocols.iter().enumerate() {
        if path == r.urls.codes_json(&protocol.id).0 {
            return Some(Reply::ok(
                "application/json",
                seo::codes_json(r, pi).into_bytes(),
            ));
        }
        if !protocol.commands.is_empty() && path == r.urls.commands_json(&protocol.id).0 {
            return Some(Reply::ok(
                "application/json",
                seo::commands_json(r, pi).into_bytes(),
            ));
        }
    }
    r.config
        .locales
        .iter()
        .find(|l| path == r.urls.search_index(l).0)
        .map(|l| Reply::ok("application/json", seo::search_index(r, l).into_bytes()))
}

fn static_file(root: &Path, path: &str) -> Option<Reply> {
    let rel = path.trim_start_matches('/');
    if rel
        .split('/')
        .any(|part| part == ".." || part.starts_with('.'))
    {
        return None;
    }
    let file = root.join("static").join(rel);
    let body = std::fs::read(&file).ok()?;
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    };
    Some(Reply::ok(content_type, body))
}

/// The 404 page of the locale the path belongs to.
fn not_found(r: &Renderer, path: &str) -> Reply {
    let locale = r
        .config
        .translated_locales()
        .find(|l| path.starts_with(&r.urls.path(l, &Route::Home)))
        .unwrap_or(&r.config.default_locale)
        .to_string();
    let body = r
        .render(&locale, &PageId::NotFound)
        .unwrap_or_else(|d| d.to_string());
    Reply {
        status: 404,
        ..Reply::ok("text/html; charset=utf-8", body.into_bytes())
    }
}

/// Server-sent events: `reload` after a good rebuild, `build-error` with the
/// errors after a bad one (also sent at once to a page opened while broken).
fn stream_events(state: &State, request: Request) {
    let (tx, rx) = mpsc::channel::<String>();
    {
        // Under the clients' lock, as errors are set and sent (reload.rs).
        let mut clients = lock(&state.clients);
        let errors = state.error.read().unwrap_or_else(|e| e.into_inner());
        if let Some(errors) = errors.as_ref() {
            let _ = tx.send(sse_message("build-error", errors));
        }
        clients.push(tx);
    }
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(message) => message,
            // A comment keeps proxies and the browser from timing out.
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}
