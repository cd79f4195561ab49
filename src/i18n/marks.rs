//! Language marks in formatted sentences, and HTML escaping.
//!
//! Fluent values in another language than their pattern arrive wrapped in
//! private-use markers (`mod.rs`); here they become `<span lang>` runs in
//! the HTML and vanish from the plain text.

use super::{FALLBACK_END, FALLBACK_START, NATIVE_END, NATIVE_START, Text};

/// Turns a formatted sentence with language markers into plain text and
/// HTML where every run of source-locale words is a `<span lang>`.
pub(super) fn marked_to_text(value: String, source_locale: &str, pattern_fell_back: bool) -> Text {
    let is_marker = |c| matches!(c, FALLBACK_START | NATIVE_START | FALLBACK_END | NATIVE_END);
    // Most sentences are in the page's language throughout: nothing to split.
    // The markers are U+E000–U+E003, whose UTF-8 starts with 0xEE.
    let marked = value.as_bytes().contains(&0xEE) && value.contains(is_marker);
    if !pattern_fell_back && !marked {
        return Text {
            html: escape_html(&value),
            text: value,
            outdated: false,
            fell_back: false,
        };
    }
    // Runs of (in the source locale?, text); a stack, as markers nest.
    let mut stack = vec![pattern_fell_back];
    let mut runs: Vec<(bool, std::borrow::Cow<str>)> = Vec::new();
    let mut push = |english: bool, part: &'_ str| {
        if part.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some((lang, run)) if *lang == english => run.to_mut().push_str(part),
            _ => runs.push((english, std::borrow::Cow::Owned(part.to_string()))),
        }
    };
    let mut start = 0;
    for (i, c) in value.char_indices().filter(|(_, c)| is_marker(*c)) {
        push(stack.last().copied().unwrap_or(false), &value[start..i]);
        start = i + c.len_utf8();
        match c {
            FALLBACK_START => stack.push(true),
            NATIVE_START => stack.push(false),
            _ if stack.len() > 1 => {
                stack.pop();
            }
            _ => {}
        }
    }
    push(stack.last().copied().unwrap_or(false), &value[start..]);
    let mut text = String::with_capacity(value.len());
    let mut html = String::with_capacity(value.len() + 16);
    let mut fell_back = false;
    for (english, run) in &runs {
        text.push_str(run);
        // Digits, spaces and punctuation belong to no language.
        if *english && run.chars().any(char::is_alphabetic) {
            fell_back = true;
            html.push_str("<span lang=\"");
            html.push_str(source_locale);
            html.push_str("\">");
            escape_html_into(&mut html, run);
            html.push_str("</span>");
        } else {
            escape_html_into(&mut html, run);
        }
    }
    Text {
        text,
        html,
        outdated: false,
        fell_back,
    }
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_html_into(&mut out, text);
    out
}

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape_html_into(out: &mut String, text: &str) {
    let special = |b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    escape_bytes_into(out, text, special, |out, byte| {
        out.push_str(match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        })
    });
}

/// Appends `text` to `out`, each byte `special` picks (ASCII only) written
/// by `write`, the stretches between them copied whole. Most text has
/// nothing to escape: that is found by a scan without early exit, which
/// the compiler vectorizes, and the text is then copied at once.
pub fn escape_bytes_into(
    out: &mut String,
    text: &str,
    special: impl Fn(u8) -> bool,
    write: impl Fn(&mut String, u8),
) {
    if !text.bytes().fold(false, |any, b| any | special(b)) {
        out.push_str(text);
        return;
    }
    let mut last = 0;
    for (i, byte) in text.bytes().enumerate() {
        if special(byte) {
            out.push_str(&text[last..i]);
            write(out, byte);
            last = i + 1;
        }
    }
    out.push_str(&text[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_markers_become_lang_spans() {
        let text = marked_to_text("A <b> \u{E000}Open\u{E001}".into(), "en", false);
        assert_eq!(text.text, "A <b> Open");
        assert_eq!(text.html, "A &lt;b&gt; <span lang=\"en\">Open</span>");
        assert!(text.fell_back);
        assert!(!marked_to_text("125 (연결 열림)".into(), "en", false).fell_back);
        assert!(
            !marked_to_text("\u{E000}125\u{E001}".into(), "en", false).fell_back,
            "digits only"
        );
    }

    #[test]
    fn in_a_fallen_back_pattern_only_english_is_marked() {
        let text = marked_to_text("125 (\u{E002}연결 열림\u{E003}) is 1xx.".into(), "en", true);
        assert_eq!(text.text, "125 (연결 열림) is 1xx.");
        assert_eq!(
            text.html, "125 (연결 열림<span lang=\"en\">) is 1xx.</span>",
            "the Korean value keeps the page's language"
        );
    }
}
