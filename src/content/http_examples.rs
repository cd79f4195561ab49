//! HTTP example exchanges: requests and responses, with the header fields
//! RFC 9110 requires for a status. HTTP has no command tables, so this is
//! the whole check.

use super::examples::{Broken, Line, Side, side};

/// The header fields RFC 9110 requires in a response with `status`.
const REQUIRED_HEADERS: &[(&str, &[&str], &str)] = &[
    (
        "101",
        &["upgrade"],
        "RFC 9110 §15.2.2: a 101 response includes Upgrade",
    ),
    (
        "206",
        &["content-range", "content-type: multipart/byteranges"],
        "RFC 9110 §15.3.7: a 206 response carries Content-Range or a multipart/byteranges body",
    ),
    (
        "401",
        &["www-authenticate"],
        "RFC 9110 §15.5.2: a 401 response includes WWW-Authenticate",
    ),
    (
        "405",
        &["allow"],
        "RFC 9110 §15.5.6: a 405 response includes Allow",
    ),
    (
        "407",
        &["proxy-authenticate"],
        "RFC 9110 §15.5.8: a 407 response includes Proxy-Authenticate",
    ),
    (
        "416",
        &["content-range"],
        "RFC 9110 §15.5.17: a 416 response to a byte-range request carries Content-Range",
    ),
    (
        "426",
        &["upgrade"],
        "RFC 9110 §15.5.22: a 426 response includes Upgrade",
    ),
];

/// Checks one HTTP exchange: every response starts with a status line, and
/// carries the header fields RFC 9110 requires for its status.
pub fn check_http(lines: &[Line]) -> Vec<Broken> {
    let mut broken = Vec::new();
    let mut responses: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut in_response = false;
    for line in lines {
        let text = line.text();
        match side(text) {
            Some((Side::Server, rest)) => {
                if let Some(status) = rest
                    .strip_prefix("HTTP/")
                    .and_then(|r| r.split_whitespace().nth(1))
                {
                    responses.push((text.to_string(), status.to_string(), Vec::new()));
                    in_response = true;
                } else if !in_response {
                    broken.push(Broken { line: text.into(), rule: "a response starts with a status line such as `S: HTTP/1.1 404 Not Found`".into() });
                } else if let Some(last) = responses.last_mut() {
                    last.2.push(rest.to_ascii_lowercase());
                }
            }
            Some((Side::Client, _)) => in_response = false,
            Some((Side::Data, _)) => {}
            None => broken.push(Broken {
                line: text.into(),
                rule: "a line starts with `C: ` (request) or `S: ` (response)".into(),
            }),
        }
    }
    for (status_line, status, headers) in &responses {
        for (code, any_of, rule) in REQUIRED_HEADERS {
            let has = any_of
                .iter()
                .any(|h| headers.iter().any(|line| line.starts_with(h)));
            if status == code && !has {
                broken.push(Broken {
                    line: status_line.clone(),
                    rule: (*rule).to_string(),
                });
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::examples::codes_in;

    fn lines(text: &[&str]) -> Vec<Line> {
        text.iter().map(|l| Line::Plain(l.to_string())).collect()
    }

    #[test]
    fn http_requires_headers_by_status() {
        let bad = check_http(&lines(&[
            "C: GET / HTTP/1.1",
            "S: HTTP/1.1 401 Unauthorized",
            "S: Content-Length: 0",
        ]));
        assert!(bad[0].rule.contains("RFC 9110 §15.5.2"));
        let good = check_http(&lines(&[
            "C: GET / HTTP/1.1",
            "S: HTTP/1.1 401 Unauthorized",
            "S: WWW-Authenticate: Basic realm=\"x\"",
        ]));
        assert!(good.is_empty());
        assert_eq!(
            codes_in(&lines(&[
                "S: HTTP/1.1 405 Method Not Allowed",
                "S: Allow: GET"
            ])),
            vec!["405"]
        );
    }
}
