//! The macros of `macros.html` that compiled pages call.

use super::{Missing, Out};
use crate::content::Reference;
use crate::i18n::Text;
use crate::render::context::{CodeLink, Picker};
use crate::render::localized::LocalClass;
use crate::render::pages::command::{CommandLink, ExampleView};
use crate::render::standing::StandingBadge;

/// `m::heading`: a heading whose label is HTML, with an anchor link.
pub(super) fn heading(out: &mut Out, level: &str, id: &str, label: &str) -> Result<(), Missing> {
    out.tags(&["<h", level, " id=\""]);
    out.esc(id);
    out.tags(&["\">", label, " <a class=\"anchor\" href=\"#"]);
    out.esc(id);
    out.raw("\" aria-label=\"");
    out.text_of("anchor_link")?;
    out.tags(&["\">#</a></h", level, ">"]);
    Ok(())
}

/// `<section aria-labelledby="id">` and its heading (label in HTML); the
/// templates' line break after the heading.
pub(super) fn section_head(out: &mut Out, id: &str, label: &str) -> Result<(), Missing> {
    out.tags(&["<section aria-labelledby=\"", id, "\">\n"]);
    heading(out, "2", id, label)?;
    out.raw("\n");
    Ok(())
}

/// `section_head` labelled with the UI string `key`.
pub(super) fn ui_section_head(out: &mut Out, id: &str, key: &str) -> Result<(), Missing> {
    let label = out.ui(key)?;
    section_head(out, id, &label.html)
}

/// `m::outdated`, linking `source_href` followed by `fragment`.
pub(super) fn outdated(
    out: &mut Out,
    source_href: Option<&str>,
    fragment: &str,
) -> Result<(), Missing> {
    out.raw("<p class=\"notice outdated-notice\" role=\"note\">");
    out.html_of("outdated_notice")?;
    out.raw(" <a href=\"");
    out.esc(source_href.unwrap_or_default());
    out.esc(fragment);
    out.raw("\">");
    out.html_of("source_link")?;
    out.raw("</a></p>");
    Ok(())
}

/// `m::class_badge`.
pub(super) fn class_badge(out: &mut Out, class: &LocalClass, label: &Text) {
    out.raw("<span class=\"badge class-");
    out.esc(&class.digit);
    out.raw("\"><span class=\"visually-hidden\">");
    out.esc(&label.text);
    out.raw(": </span>");
    out.esc(&class.label);
    out.tags(&[" · ", &class.name.html, "</span>"]);
}

/// `m::standing_badge`.
pub(super) fn standing_badge(out: &mut Out, standing: &StandingBadge, label: &Text) {
    out.raw("<span class=\"badge standing standing-");
    out.esc(standing.status);
    out.raw("\"><span class=\"visually-hidden\">");
    out.esc(&label.text);
    out.tags(&[": </span>", &standing.text.html, "</span>"]);
}

/// `m::code_list`.
pub(super) fn code_list(out: &mut Out, codes: &[CodeLink], label: &Text) {
    out.raw("<ul class=\"code-list\">\n");
    for code in codes {
        out.a_href("<li>", &code.href);
        out.raw("<span class=\"code\">");
        out.esc(&code.code);
        out.tags(&[
            "</span> <span class=\"name\">",
            &code.name.html,
            "</span></a>",
        ]);
        if let Some(standing) = &code.standing {
            out.raw(" <span class=\"standing-note standing-");
            out.esc(standing.status);
            out.raw("\"><span class=\"visually-hidden\">");
            out.esc(&label.text);
            out.tags(&[": </span>", &standing.text.html, "</span>"]);
        }
        out.tags(&[
            "<span class=\"summary\">",
            &code.summary.html,
            "</span></li>\n",
        ]);
    }
    out.raw("</ul>");
}

/// `m::picker`.
pub(super) fn picker(out: &mut Out, picker: &Picker) -> Result<(), Missing> {
    let by_category = picker.policy == "same-category";
    out.raw("<form class=\"picker\" data-base=\"");
    out.esc(&picker.base);
    out.raw("\" data-policy=\"");
    out.esc(&picker.policy);
    out.raw("\" data-same=\"");
    out.text_of("picker_same")?;
    out.raw("\" data-other-class=\"");
    out.text_of("picker_other_class")?;
    if by_category {
        out.raw("\" data-other-category=\"");
        out.text_of("picker_other_category")?;
    }
    out.raw("\" action=\"");
    out.esc(&picker.base);
    out.raw("\">\n  <div class=\"field\"><label for=\"pick-a\">");
    out.html_of("picker_first")?;
    out.raw("</label>\n  <select id=\"pick-a\" name=\"a\">");
    options(out, picker, &picker.selected, by_category);
    out.raw("</select></div>\n  <div class=\"field\"><label for=\"pick-b\">");
    out.html_of("picker_second")?;
    out.raw("</label>\n  <select id=\"pick-b\" name=\"b\">");
    options(out, picker, &picker.second, by_category);
    out.raw("</select></div>\n  <button type=\"submit\">");
    out.html_of("picker_submit")?;
    out.raw("</button>\n  <p class=\"picker-message\" role=\"alert\"></p>\n</form>");
    Ok(())
}

/// One `<select>`'s options, `selected` chosen.
fn options(out: &mut Out, picker: &Picker, selected: &str, by_category: bool) {
    for code in &picker.codes {
        out.raw("<option value=\"");
        out.esc(code.code);
        out.raw("\" data-class=\"");
        out.esc(code.class);
        if by_category {
            out.raw("\" data-category=\"");
            out.esc(code.category);
        }
        out.raw(if code.code == selected {
            "\" selected>"
        } else {
            "\">"
        });
        out.esc(&code.label);
        out.raw("</option>");
    }
}

/// `m::references`.
pub(super) fn references<'r>(out: &mut Out, list: impl IntoIterator<Item = &'r Reference>) {
    out.raw("<ul class=\"references\">\n");
    reference_items(out, list);
    out.raw("</ul>");
}

/// One `<li>` per reference: its title linking its URL.
pub(super) fn reference_items<'r>(out: &mut Out, list: impl IntoIterator<Item = &'r Reference>) {
    for reference in list {
        out.a_href("<li>", &reference.url);
        out.esc(&reference.title);
        out.raw("</a></li>\n");
    }
}

/// `m::command_list`.
pub(super) fn command_list(out: &mut Out, commands: &[CommandLink]) {
    out.raw("<ul class=\"code-list\">\n");
    for command in commands {
        out.a_href("<li>", &command.href);
        out.raw("<span class=\"code\">");
        out.esc(&command.name);
        out.raw("</span></a>");
        if !command.roles.is_empty() {
            out.raw(" <span class=\"name\">");
            for (i, role) in command.roles.iter().enumerate() {
                if i > 0 {
                    out.raw("; ");
                }
                out.raw(&role.html);
            }
            out.raw("</span>");
        }
        out.tags(&[
            "<span class=\"summary\">",
            &command.summary.html,
            "</span></li>\n",
        ]);
    }
    out.raw("</ul>");
}

/// `m::example`.
pub(super) fn example(out: &mut Out, example: &ExampleView) -> Result<(), Missing> {
    out.tags(&[
        "<figure class=\"example\">\n<div class=\"diagram\">",
        &example.svg,
        "</div>\n<pre class=\"transcript\"><code>",
    ]);
    for line in &example.lines {
        out.esc(&line.text);
        if let Some(deviation) = line.deviation.as_deref().filter(|d| !d.is_empty()) {
            out.raw("   ← ");
            out.text_of("label_deviation")?;
            out.raw(": ");
            out.esc(deviation);
        }
        out.raw("\n");
    }
    out.raw("</code></pre>\n<figcaption>");
    let server = example.server.as_deref().filter(|s| !s.is_empty());
    if let Some(note) = &example.note {
        out.tags(&["<div class=\"prose\">", &note.html, "</div>"]);
    }
    if let Some(server) = server {
        out.raw("<p class=\"sub\">");
        out.html_of("label_captured_from")?;
        out.raw(" ");
        out.esc(server);
        out.raw("</p>");
    }
    if example.note.is_none() && server.is_none() {
        out.html_of("label_transcript")?;
    }
    out.raw("</figcaption>\n</figure>");
    Ok(())
}
