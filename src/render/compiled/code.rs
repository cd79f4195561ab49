//! The content block of `code.html`.

use super::macros::{
    class_badge, code_list, command_list, example, outdated, picker, references, section_head,
    standing_badge, ui_section_head,
};
use super::{Missing, Out};
use crate::render::context::{CodePage, Page};

/// `code.html`'s content block.
pub(super) fn article(out: &mut Out, page: &Page<'_, CodePage<'_>>) -> Result<(), Missing> {
    let body = &page.page;
    let c = body.code;
    let source = page.source_href.as_deref();
    out.raw("\n\n<article>\n<header class=\"page-head\">\n  <p class=\"badges\">");
    let label = out.ui("label_class")?;
    class_badge(out, &c.class, label);
    if let Some(category) = &c.category {
        out.raw(" <span class=\"badge category\"><span class=\"visually-hidden\">");
        out.text_of("label_category")?;
        out.raw(": </span>");
        out.esc(&category.label);
        out.tags(&[" · ", &category.name.html, "</span>"]);
    }
    if let Some(standing) = &c.standing {
        out.raw(" ");
        let label = out.ui("label_standing")?;
        standing_badge(out, standing, label);
    }
    out.tags(&[
        "</p>\n  <h1>",
        &page.heading.html,
        "</h1>\n  <p class=\"lead\">",
    ]);
    out.tags(&[&c.summary.html, "</p>\n  "]);
    if c.name.outdated || c.summary.outdated {
        outdated(out, source, "")?;
    }
    out.raw("\n</header>\n");
    for (id, label, text) in [
        ("description", "heading_description", &c.description),
        ("seen-when", "heading_seen_when", &c.seen_when),
        ("fix", "heading_fix", &c.fix),
    ] {
        ui_section_head(out, id, label)?;
        if text.outdated {
            outdated(out, source, &format!("#{id}"))?;
        }
        out.tags(&[
            "\n<div class=\"prose\">",
            &text.html,
            "</div>\n</section>\n",
        ]);
    }
    if !body.returned_by.is_empty() {
        ui_section_head(out, "returned-by", "heading_returned_by")?;
        command_list(out, &body.returned_by);
        out.raw("\n</section>");
    }
    out.raw("\n");
    if !body.examples.is_empty() {
        ui_section_head(out, "examples", "heading_examples")?;
        for shown in &body.examples {
            example(out, shown)?;
            out.raw("\n");
        }
        out.raw("</section>");
    }
    out.raw("\n");
    if let Some(associated) = &body.associated {
        section_head(out, "associated", &associated.heading.html)?;
        let label = out.ui("label_standing")?;
        code_list(out, &associated.codes, label);
        out.raw("\n</section>");
    }
    out.raw("\n");
    also_in(out, body)?;
    if !body.related.is_empty() {
        ui_section_head(out, "related", "heading_related")?;
        let label = out.ui("label_standing")?;
        code_list(out, &body.related, label);
        out.raw("\n</section>");
    }
    out.raw("\n");
    comparisons(out, body)?;
    if !c.references.is_empty() {
        ui_section_head(out, "references", "heading_references")?;
        references(out, &c.references);
        out.raw("\n</section>");
    }
    out.raw("\n</article>\n");
    Ok(())
}

/// The same number in other protocols.
fn also_in(out: &mut Out, body: &CodePage) -> Result<(), Missing> {
    if body.also_in.is_empty() {
        out.raw("\n");
        return Ok(());
    }
    ui_section_head(out, "also-in", "heading_also_in")?;
    out.raw("<ul class=\"code-list\">\n");
    for entry in &body.also_in {
        out.a_href("<li>", &entry.link.href);
        out.raw("<span class=\"code\">");
        out.esc(&entry.protocol);
        out.raw(" ");
        out.esc(&entry.link.code);
        out.tags(&["</span> <span class=\"name\">", &entry.link.name.html]);
        out.tags(&[
            "</span></a><span class=\"summary\">",
            &entry.link.summary.html,
        ]);
        out.raw("</span></li>\n");
    }
    out.raw("</ul>\n");
    if let Some(number_page) = body.number_page.as_deref().filter(|p| !p.is_empty()) {
        out.a_href("<p>", number_page);
        out.html_of("number_compare_all")?;
        out.raw("</a></p>");
    }
    out.raw("\n</section>\n");
    Ok(())
}

/// The picker and every comparison of the code.
fn comparisons(out: &mut Out, body: &CodePage) -> Result<(), Missing> {
    if body.comparisons.is_empty() {
        out.raw("\n");
        return Ok(());
    }
    ui_section_head(out, "comparisons", "heading_comparisons")?;
    if let Some(shown) = &body.picker {
        picker(out, shown)?;
    }
    out.raw("\n<ul class=\"compare-list\">\n");
    for link in &body.comparisons {
        out.a_href("<li>", &link.href);
        out.tags(&[&link.label.html, "</a> <span class=\"name\">"]);
        out.tags(&[&link.name.html, "</span></li>\n"]);
    }
    out.raw("</ul>\n</section>\n");
    Ok(())
}
