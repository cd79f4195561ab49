//! `base.html` from `<!DOCTYPE html>` to the breadcrumbs.

use super::{Missing, Out};
use serde::Serialize;

use crate::render::context::Page;

/// `<head>` of `base.html`.
pub(super) fn head(out: &mut Out, page: &Page<'_, impl Serialize>) -> Result<(), Missing> {
    out.raw("<!DOCTYPE html>\n<html lang=\"");
    out.esc(page.lang);
    out.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    out.esc(&page.title);
    out.raw("</title>\n<meta name=\"description\" content=\"");
    out.esc(&page.description);
    out.raw("\">\n<link rel=\"canonical\" href=\"");
    out.esc(&page.canonical);
    out.raw("\">\n");
    for alt in &page.alternates {
        out.raw("<link rel=\"alternate\" hreflang=\"");
        out.esc(alt.hreflang);
        out.raw("\" href=\"");
        out.esc(&alt.href);
        out.raw("\">\n");
    }
    out.raw("<meta name=\"color-scheme\" content=\"light dark\">\n<meta property=\"og:type\" content=\"");
    out.esc(page.og_type);
    out.raw("\">\n<meta property=\"og:site_name\" content=\"");
    out.esc(&page.site_title.text);
    for (property, value) in [
        ("og:title", &page.title),
        ("og:description", &page.description),
        ("og:url", &page.canonical),
    ] {
        out.tags(&["\">\n<meta property=\"", property, "\" content=\""]);
        out.esc(value);
    }
    out.raw("\">\n<meta property=\"og:locale\" content=\"");
    out.esc(page.lang);
    out.raw("\">\n<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"");
    out.esc(&page.title);
    out.raw("\">\n<meta name=\"twitter:description\" content=\"");
    out.esc(&page.description);
    out.raw("\">\n<link rel=\"stylesheet\" href=\"");
    out.esc(page.base);
    out.raw("/style.css\">\n<link rel=\"icon\" href=\"");
    out.esc(page.base);
    out.raw("/favicon.svg\" type=\"image/svg+xml\">\n<script type=\"application/ld+json\">");
    out.raw(&page.json_ld);
    out.raw("</script>\n<script src=\"");
    out.esc(page.base);
    out.raw("/site.js\" defer></script>\n");
    if page.live_reload {
        out.raw("<script src=\"/__livereload.js\" defer></script>\n");
    }
    out.raw("</head>\n");
    Ok(())
}

/// From `<body>` to the breadcrumbs, in `base.html`.
pub(super) fn header(out: &mut Out, page: &Page<'_, impl Serialize>) -> Result<(), Missing> {
    out.raw("<body>\n<a class=\"skip-link\" href=\"#main\">");
    out.html_of("skip_to_content")?;
    out.raw("</a>\n<header class=\"site-header\">\n  <div class=\"bar\">\n    <a class=\"brand\" href=\"");
    out.esc(page.home);
    out.raw("\">");
    out.raw(&page.site_title.html);
    out.raw("</a>\n    <nav class=\"languages\" aria-label=\"");
    out.text_of("nav_language")?;
    out.raw("\">\n      <ul>\n      ");
    for link in &page.switcher {
        out.raw("<li><a href=\"");
        out.esc(&link.href);
        out.raw("\" hreflang=\"");
        out.esc(link.locale);
        out.raw("\" lang=\"");
        out.esc(link.locale);
        out.raw(if link.current {
            "\" aria-current=\"page\">"
        } else {
            "\">"
        });
        out.esc(&link.label);
        out.raw("</a></li>\n      ");
    }
    out.raw("</ul>\n    </nav>\n  </div>\n  <form class=\"search\" role=\"search\" data-index=\"");
    out.esc(page.search_index);
    out.raw("\" data-compare=\"");
    out.text_of("search_compare")?;
    out.raw("\" data-vs=\"");
    out.text_of("label_vs")?;
    out.raw("\" data-empty=\"");
    out.text_of("search_no_results")?;
    out.raw("\" hidden>\n    <label for=\"search-input\">");
    out.html_of("search_label")?;
    out.raw("</label>\n    <input id=\"search-input\" type=\"search\" placeholder=\"");
    out.text_of("search_placeholder")?;
    out.raw("\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-status\">\n    <p id=\"search-status\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n    <ul id=\"search-results\" class=\"search-results\" hidden></ul>\n  </form>\n</header>\n");
    if page.breadcrumbs.len() > 1 {
        out.raw("<nav class=\"breadcrumbs\" aria-label=\"");
        out.text_of("nav_breadcrumbs")?;
        out.raw("\">\n  <ol>\n  ");
        let last = page.breadcrumbs.len() - 1;
        for (i, crumb) in page.breadcrumbs.iter().enumerate() {
            out.raw("<li><a href=\"");
            out.esc(&crumb.href);
            out.raw(if i == last {
                "\" aria-current=\"page\">"
            } else {
                "\">"
            });
            out.raw(&crumb.label.html);
            out.raw("</a></li>\n  ");
        }
        out.raw("</ol>\n</nav>\n");
    }
    Ok(())
}
