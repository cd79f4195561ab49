//! Structured data: the breadcrumb trail, and the article on content pages.
//!
//! Written by hand rather than through `serde_json`: it is on every page,
//! and its shape is fixed. Keys are in the order of their names, as they
//! were when it was a `serde_json::Value` (a sorted map). Strings are
//! escaped as `serde_json` escapes them, and inside `<script>` no `<`, `>`
//! or `&` may appear (`</script` would end the element, `<!--` changes how
//! it is parsed): they are written `\u003c`, `\u003e`, `\u0026`, which JSON
//! reads back as the same characters.

use super::Head;
use crate::i18n::escape_bytes_into;
use crate::render::{PageId, Renderer};

pub(super) fn json_ld(
    r: &Renderer,
    locale: &str,
    page: &PageId,
    head: &Head,
    canonical: &str,
) -> String {
    let base = r.config.base_url.as_str();
    let mut json = String::with_capacity(640);
    json.push_str(
        r#"{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":["#,
    );
    for (i, crumb) in head.crumbs.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let local = crumb
            .href
            .strip_prefix(r.config.base_path())
            .unwrap_or(&crumb.href);
        json.push_str(r#"{"@type":"ListItem","item":""#);
        string_body(&mut json, base);
        string_body(&mut json, local);
        json.push_str(r#"","name":"#);
        string(&mut json, &crumb.label.text);
        json.push_str(r#","position":"#);
        json.push_str(itoa::Buffer::new().format(i + 1));
        json.push('}');
    }
    json.push_str("]}");
    if matches!(page, PageId::Code(..) | PageId::Compare(..)) {
        json.push_str(r#",{"@type":"TechArticle","description":"#);
        string(&mut json, &head.description);
        json.push_str(r#","headline":"#);
        string(&mut json, &head.title);
        json.push_str(r#","inLanguage":"#);
        string(&mut json, locale);
        json.push_str(r#","url":"#);
        string(&mut json, canonical);
        json.push('}');
    }
    json.push_str("]}");
    json
}

/// A JSON string, quoted.
fn string(json: &mut String, text: &str) {
    json.push('"');
    string_body(json, text);
    json.push('"');
}

/// A JSON string's characters, escaped.
fn string_body(json: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let special = |b| b < 0x20 || matches!(b, b'"' | b'\\' | b'<' | b'>' | b'&');
    escape_bytes_into(json, text, special, |json, byte| match byte {
        b'"' => json.push_str("\\\""),
        b'\\' => json.push_str("\\\\"),
        b'\n' => json.push_str("\\n"),
        b'\r' => json.push_str("\\r"),
        b'\t' => json.push_str("\\t"),
        0x08 => json.push_str("\\b"),
        0x0c => json.push_str("\\f"),
        b'<' => json.push_str("\\u003c"),
        b'>' => json.push_str("\\u003e"),
        b'&' => json.push_str("\\u0026"),
        _ => {
            json.push_str("\\u00");
            json.push(char::from(HEX[usize::from(byte >> 4)]));
            json.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` writes, with `<`, `>` and `&` then replaced.
    fn reference(text: &str) -> String {
        serde_json::to_string(text)
            .unwrap()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }

    #[test]
    fn strings_are_escaped_as_serde_json_and_for_script() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for text in [
            "plain",
            "</script><!-- & \"quoted\" \\ back",
            "줄\n바꿈\t탭\r\u{1f}\u{7f}",
            every_ascii.as_str(),
            "",
        ] {
            let mut json = String::new();
            string(&mut json, text);
            assert_eq!(json, reference(text), "{text:?}");
        }
    }
}
