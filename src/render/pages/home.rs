//! The home page and the 404 page.

use super::*;

pub(super) fn home<'r>(r: &'r Renderer, locale: &'r str, page: &PageId) -> Page<'r, HomePage> {
    let local = r.local(locale);
    let protocols = local
        .protocols
        .iter()
        .zip(&r.site.protocols)
        .map(|(p, source)| ProtocolCard {
            name: p.name.clone(),
            title: p.title.clone(),
            summary: first_sentence(&p.summary, &r.catalog.source_locale),
            href: p.url.clone(),
            counts: r.t(
                locale,
                "protocol-counts",
                &[
                    ("codes", Arg::Number(p.codes.len())),
                    ("comparisons", Arg::Number(source.pair_count())),
                ],
            ),
        })
        .collect();
    let featured = r
        .site
        .protocols
        .iter()
        .zip(&local.protocols)
        .flat_map(|(source, p)| {
            source
                .featured
                .iter()
                .map(move |pair| compare_link(r, locale, p, pair))
        })
        .collect();
    let title = r.title(locale);
    let head = Head {
        heading: title.clone(),
        description: r.t(locale, "home-meta", &[]).text,
        title: title.text.clone(),
        crumbs: vec![crumb_home(r, locale)],
        og_type: "website",
    };
    wrap(
        r,
        locale,
        page,
        head,
        HomePage {
            protocols,
            featured,
        },
    )
}

pub(super) fn not_found<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
) -> Page<'r, NotFoundPage> {
    let heading = r.t(locale, "notfound-title", &[]);
    let head = Head {
        title: format!("{} — {}", heading.text, r.title(locale).text),
        heading,
        description: r.t(locale, "notfound-text", &[]).text,
        crumbs: vec![crumb_home(r, locale)],
        og_type: "website",
    };
    wrap(r, locale, page, head, NotFoundPage {})
}
