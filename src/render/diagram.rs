//! An example exchange drawn as a sequence diagram, in inline SVG.
//!
//! Built at render time from the lines themselves: no JavaScript, no third
//! party. Lanes for the client and the server (and the data connection when
//! the exchange has `D:` lines), one arrow per line labelled with the command
//! or reply. Strokes and text use `currentColor`, so the picture follows the
//! page's colours in dark mode and in print; the viewBox scales it to 360 px.

use crate::content::examples::{Line, Side, side};
use crate::i18n::escape_html;

/// Localized words the picture needs.
pub struct Labels<'a> {
    pub title: &'a str,
    pub client: &'a str,
    pub server: &'a str,
    /// FTP's separate data connection.
    pub data: &'a str,
    /// Data sent in-band after an intermediate reply (SMTP's message after 354).
    pub message: &'a str,
}

const ROW: usize = 30;
const TOP: usize = 44;
const WIDTH: usize = 560;
const MAX_LABEL: usize = 44;

/// The SVG of one exchange; `id` makes its title and description ids unique on the page.
pub fn svg(id: &str, lines: &[Line], labels: &Labels) -> String {
    let parsed: Vec<(Side, &str)> = lines.iter().filter_map(|l| side(l.text())).collect();
    let has_data = parsed.iter().any(|(s, _)| *s == Side::Data);
    let (client, server, data): (usize, usize, usize) = if has_data {
        (40, 520, 280)
    } else {
        (40, 520, 0)
    };
    let height = TOP + ROW * parsed.len() + 16;
    let mut out = String::with_capacity(512 + 160 * parsed.len());
    let description: Vec<&str> = lines.iter().map(Line::text).collect();
    out.push_str(&format!(
        "<svg class=\"sequence\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" style=\"max-width:{WIDTH}px\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape_html(labels.title),
        escape_html(&description.join(" / "))
    ));
    out.push_str("<defs><marker id=\"");
    out.push_str(id);
    out.push_str("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"currentColor\"/></marker></defs>");
    // Data after a 3yz reply travels on the same connection (SMTP DATA); after
    // a 1yz, on FTP's own data connection.
    let in_band = parsed
        .iter()
        .take_while(|(s, _)| *s != Side::Data)
        .filter(|(s, _)| *s == Side::Server)
        .last()
        .is_some_and(|(_, text)| text.starts_with('3'));
    let mut lanes = vec![(client, labels.client), (server, labels.server)];
    if has_data {
        lanes.push((data, if in_band { labels.message } else { labels.data }));
    }
    for (x, label) in lanes {
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"currentColor\">{}</text>\
<line x1=\"{x}\" y1=\"26\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.35\" stroke-width=\"2\"/>",
            escape_html(label),
            height - 6
        ));
    }
    for (i, (who, text)) in parsed.iter().enumerate() {
        let y = TOP + ROW * i + 12;
        // A lone "." (SMTP's end of data) would be invisible as a label.
        let label = escape_html(&shorten(if text.trim() == "." {
            "<CRLF>.<CRLF>"
        } else {
            text
        }));
        match who {
            Side::Client | Side::Server => {
                let (from, to) = if *who == Side::Client {
                    (client, server)
                } else {
                    (server, client)
                };
                let dash = if *who == Side::Server {
                    " stroke-dasharray=\"0\""
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<line x1=\"{from}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"currentColor\" stroke-width=\"1.5\"{dash} marker-end=\"url(#{id}-arrow)\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" font-family=\"monospace\" fill=\"currentColor\">{label}</text>",
                    if to > from { to - 3 } else { to + 3 },
                    (client + server) / 2,
                    y - 5
                ));
            }
            Side::Data => {
                // Wide enough for its label (about 7.3 px per monospace character at 12 px).
                let width = (label_chars(text) * 73 / 10 + 16).min(WIDTH - 20);
                let left = data.saturating_sub(width / 2).max(10);
                out.push_str(&format!(
                    "<rect x=\"{left}\" y=\"{}\" width=\"{width}\" height=\"20\" rx=\"4\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"4 3\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" font-family=\"monospace\" fill=\"currentColor\">{label}</text>",
                    y - 14,
                    left + width / 2,
                    y
                ));
            }
        }
    }
    out.push_str("</svg>");
    out
}

fn label_chars(text: &str) -> usize {
    text.chars().count().min(MAX_LABEL)
}

fn shorten(text: &str) -> String {
    if text.chars().count() > MAX_LABEL {
        format!("{}…", text.chars().take(MAX_LABEL - 1).collect::<String>())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_lanes_and_one_arrow_per_line() {
        let lines: Vec<Line> = [
            "C: RETR a<b>.pdf",
            "S: 125 open",
            "D: (data)",
            "S: 426 closed",
        ]
        .iter()
        .map(|l| Line::Plain(l.to_string()))
        .collect();
        let labels = Labels {
            title: "Exchange",
            client: "Client",
            server: "Server",
            data: "Data connection",
            message: "Message data",
        };
        let svg = svg("ex-1", &lines, &labels);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-labelledby=\"ex-1-title ex-1-desc\""));
        assert_eq!(svg.matches("marker-end=").count(), 3);
        assert!(svg.contains("Data connection"));
        assert!(svg.contains("RETR a&lt;b&gt;.pdf"), "labels are escaped");
    }
}
