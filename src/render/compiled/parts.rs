//! `compare-column.html` and `compare-badge.html`: a code's column and class
//! badge on comparisons, made once per code, side and locale.

use super::{Missing, Out, macros};
use crate::render::localized::LocalCode;

/// `compare-column.html`: code `c` on `side` ("a" or "b") of a comparison;
/// `source_href` is the code's page in the source locale (none there).
pub(super) fn column(
    out: &mut Out,
    c: &LocalCode,
    (side, protocol): (&str, &str),
    source_href: Option<&str>,
) -> Result<(), Missing> {
    out.raw("<section class=\"column\" aria-labelledby=\"");
    out.esc(side);
    out.raw("-code\">\n  <h2 id=\"");
    out.esc(side);
    out.a_href("-code\">", &c.url);
    out.esc(protocol);
    out.raw(" ");
    out.esc(&c.code);
    out.tags(&["</a> ", &c.name.html, "</h2>\n  "]);
    if c.name.outdated || c.summary.outdated {
        macros::outdated(out, source_href, "")?;
    }
    out.raw("\n  ");
    if let Some(standing) = &c.standing {
        out.raw("<p class=\"badges\">");
        let label = out.ui("label_standing")?;
        macros::standing_badge(out, standing, label);
        out.raw("</p>");
    }
    out.raw("\n");
    let fields = [
        (
            "-description",
            "heading_description",
            "#description",
            &c.description,
        ),
        (
            "-seen-when",
            "heading_seen_when",
            "#seen-when",
            &c.seen_when,
        ),
        ("-fix", "heading_fix", "#fix", &c.fix),
    ];
    for (id, heading, fragment, field) in fields {
        let label = out.ui(heading)?;
        out.raw("  ");
        macros::heading(out, "3", &format!("{side}{id}"), &label.html)?;
        out.raw("\n  ");
        if field.outdated {
            macros::outdated(out, source_href, fragment)?;
        }
        out.tags(&["\n  <div class=\"prose\">", &field.html, "</div>\n"]);
    }
    out.raw("</section>");
    Ok(())
}

/// `compare-badge.html`: code `c`'s class badge.
pub(super) fn badge(out: &mut Out, c: &LocalCode) -> Result<(), Missing> {
    let label = out.ui("label_class")?;
    macros::class_badge(out, &c.class, label);
    Ok(())
}
