//! A protocol page: its codes grouped by class, the picker, featured comparisons.

use super::*;

pub(super) fn protocol<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
) -> Page<'r, ProtocolPage<'r>> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let groups = p
        .classes
        .iter()
        .map(|class| ClassGroup {
            class: class.clone(),
            codes: p
                .codes
                .iter()
                .filter(|c| c.class.digit == class.digit)
                .map(code_link)
                .collect(),
        })
        .filter(|g| !g.codes.is_empty())
        .collect();
    let args = [
        ("protocol", Arg::Str(&p.name)),
        ("title", Arg::Text(&p.title)),
        ("count", Arg::Number(p.codes.len())),
    ];
    let heading = r.t(locale, "protocol-heading", &args);
    let head = Head {
        title: format!(
            "{} — {}",
            r.t(locale, "protocol-title", &args).text,
            r.title(locale).text
        ),
        heading,
        description: r.t(locale, "protocol-meta", &args).text,
        crumbs: vec![crumb_home(r, locale), crumb_protocol(p)],
        og_type: "website",
    };
    let body = ProtocolPage {
        name: p.name.clone(),
        summary: p.summary.clone(),
        references: p.references.clone(),
        groups,
        picker: picker(p, source.pair_policy, ""),
        featured: source
            .featured
            .iter()
            .map(|pair| compare_link(r, locale, p, pair))
            .collect(),
        codes_json: r.urls.codes_json(&p.id).0,
        commands_page: (!source.commands.is_empty())
            .then(|| r.urls.path(locale, &Route::Commands(&p.id))),
    };
    wrap(r, locale, page, head, body)
}
