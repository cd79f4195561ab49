//! The content block of `compare.html`.

use super::macros::{command_list, example, outdated, reference_items, ui_section_head};
use super::{Missing, Out, Parts};
use crate::i18n::Text;
use crate::render::context::{ComparePage, Page};

/// `compare.html`'s content block.
pub(super) fn article(
    out: &mut Out,
    page: &Page<'_, ComparePage<'_>>,
    parts: &Parts,
) -> Result<(), Missing> {
    let body = &page.page;
    out.tags(&[
        "\n<article class=\"compare\">\n<header class=\"page-head\">\n  <p class=\"badges\">",
        parts.badge_a,
        " <span aria-hidden=\"true\">",
    ]);
    out.html_of("label_vs")?;
    out.tags(&["</span> ", parts.badge_b, "</p>\n  <h1>"]);
    out.raw(&page.heading.html);
    out.raw("</h1>\n  <p class=\"lead\">");
    out.raw(&body.intro.html);
    out.tags(&[
        "</p>\n</header>\n<div class=\"columns\">\n\n",
        parts.column_a,
        "\n\n",
        parts.column_b,
        "\n\n</div>\n",
    ]);
    ui_section_head(out, "differences", "heading_differences")?;
    list(out, "differences", &body.differences);
    ui_section_head(out, "which", "heading_which")?;
    list(out, "which", body.which);
    if let Some(session) = &body.session {
        ui_section_head(out, "in-session", "heading_in_session")?;
        out.raw("<div class=\"columns\">\n");
        for (code, commands) in [(body.a, &session.a), (body.b, &session.b)] {
            out.raw("<div class=\"column\">\n<h3>");
            out.esc(&body.protocol);
            out.raw(" ");
            out.esc(&code.code);
            out.raw("</h3>\n");
            if commands.is_empty() {
                out.raw("<p>");
                out.html_of("session_no_command")?;
                out.raw("</p>");
            } else {
                command_list(out, commands);
            }
            out.raw("\n</div>\n");
        }
        out.raw("</div>\n");
        if let Some(shown) = &session.example {
            example(out, shown)?;
        }
        out.raw("\n</section>");
    }
    out.raw("\n");
    if let Some(notes) = &body.notes {
        ui_section_head(out, "notes", "heading_notes")?;
        if notes.outdated {
            outdated(out, page.source_href.as_deref(), "#notes")?;
        }
        out.raw("\n<div class=\"prose notes\">");
        out.raw(&notes.html);
        out.raw("</div>\n</section>");
    }
    out.raw("\n");
    ui_section_head(out, "learn-more", "heading_learn_more")?;
    out.raw("<ul class=\"learn-more\">\n");
    for link in &body.learn_more {
        out.a_href("<li>", link.href);
        out.tags(&[&link.label.html, "</a></li>\n"]);
    }
    reference_items(out, body.references.iter().copied());
    out.raw("</ul>\n</section>\n</article>\n");
    Ok(())
}

/// The differences or the "which to use" list, with its section's end.
fn list<'t>(out: &mut Out, class: &str, items: impl IntoIterator<Item = &'t Text>) {
    out.tags(&["<ul class=\"", class, "\">\n"]);
    for item in items {
        out.tags(&["<li>", &item.html, "</li>\n"]);
    }
    out.raw("</ul>\n</section>\n");
}
