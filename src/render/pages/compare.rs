//! A comparison page: both codes side by side, the key differences, which
//! to use, notes, and where each stands in a session.

use super::*;

/// The comparison of `pair`, whose codes are at `(ia, ib)` in the protocol
/// (`pair_positions`).
pub(super) fn compare<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    (pi, pair): (usize, &Pair),
    (ia, ib): (usize, usize),
) -> Page<'r, ComparePage<'r>> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let (a, b) = (&p.codes[ia], &p.codes[ib]);
    let slug = pair.slug();
    let args = pair_args(&p.name, a, b);
    let title = r.t(locale, "compare-title", &args);
    let head = Head {
        title: format!("{} — {}", title.text, r.title(locale).text),
        heading: title,
        description: r.t(locale, "compare-meta", &args).text,
        crumbs: vec![
            crumb_home(r, locale),
            crumb_protocol(p),
            Crumb::owned(
                compare_short(r, locale, &a.code, &b.code),
                r.urls.path(locale, &Route::Compare(&p.id, pair)),
            ),
        ],
        og_type: "article",
    };
    let notes = source.pair_notes.get(&slug).map(|notes| {
        let id = crate::i18n::ids::pair_notes(source, pair);
        super::super::localized::rich_text(
            r.catalog.content(locale, &id, notes),
            &r.catalog.source_locale,
        )
    });
    let mut references: Vec<&Reference> = a.references.iter().collect();
    references.extend(b.references.iter().filter(|x| !a.references.contains(x)));
    let session = {
        let (ra, rb) = (
            super::command::returned_by(r, locale, pi, &a.code),
            super::command::returned_by(r, locale, pi, &b.code),
        );
        let codes = (&source.codes[ia], &source.codes[ib]);
        let example = super::command::pair_example(r, locale, pi, &slug, codes);
        (!ra.is_empty() || !rb.is_empty() || example.is_some()).then_some(Session {
            a: ra,
            b: rb,
            example,
        })
    };
    let body = ComparePage {
        protocol: p.name.clone(),
        session,
        a,
        b,
        intro: r.t(locale, "compare-intro", &args),
        differences: differences(r, locale, a, b),
        which: [&a.which, &b.which],
        notes,
        learn_more: [a, b].map(|c| LinkTo {
            label: &c.title,
            href: &c.url,
        }),
        references,
    };
    wrap(r, locale, page, head, body)
}

/// Where the two codes of a pair are in their protocol.
pub(super) fn pair_positions(
    r: &Renderer,
    locale: &str,
    pi: usize,
    pair: &Pair,
) -> Result<(usize, usize), Diagnostic> {
    let p = &r.local(locale).protocols[pi];
    match (p.position(&pair.a), p.position(&pair.b)) {
        (Some(a), Some(b)) => Ok((a, b)),
        // Pairs come from the protocol's own codes.
        _ => Err(Diagnostic::new(format!(
            "no page for the pair {}",
            pair.slug()
        ))),
    }
}

/// A comparison written by `render/compiled/` instead of Tera; `None` when a UI
/// string it needs is missing (Tera then renders the page and reports it).
pub fn compiled_compare(
    r: &Renderer,
    locale: &str,
    page: &PageId,
    pi: usize,
    pair: &Pair,
) -> Result<Option<String>, Diagnostic> {
    let (a, b) = pair_positions(r, locale, pi, pair)?;
    let part = |ci, part| {
        r.part(locale, (pi, ci), part)
            .map(|lender| lender.as_str().unwrap_or_default())
    };
    let parts = crate::render::compiled::Parts {
        column_a: part(a, Part::ColumnA)?,
        column_b: part(b, Part::ColumnB)?,
        badge_a: part(a, Part::Badge)?,
        badge_b: part(b, Part::Badge)?,
    };
    let page = compare(r, locale, page, (pi, pair), (a, b));
    Ok(crate::render::compiled::compare(&page, &parts).ok())
}

/// The key-differences list: one sentence pattern per aspect, chosen by
/// whether the two codes agree on it.
fn differences(r: &Renderer, locale: &str, a: &LocalCode, b: &LocalCode) -> Vec<Text> {
    let mut items = Vec::new();
    let same_class = a.class.digit == b.class.digit;
    let class_args = [
        ("a", Arg::Str(&a.code)),
        ("b", Arg::Str(&b.code)),
        ("a_digit", Arg::Str(&a.class.digit)),
        ("b_digit", Arg::Str(&b.class.digit)),
        ("a_class_form", Arg::Str(&a.class.label)),
        ("b_class_form", Arg::Str(&b.class.label)),
        ("a_class", Arg::Text(&a.class.name)),
        ("b_class", Arg::Text(&b.class.name)),
    ];
    items.push(r.t(
        locale,
        if same_class {
            "diff-class-same"
        } else {
            "diff-class-different"
        },
        &class_args,
    ));
    if let (Some(ca), Some(cb)) = (&a.category, &b.category) {
        let category_args = [
            ("a", Arg::Str(&a.code)),
            ("b", Arg::Str(&b.code)),
            ("a_digit", Arg::Str(&ca.digit)),
            ("b_digit", Arg::Str(&cb.digit)),
            ("a_category_form", Arg::Str(&ca.label)),
            ("b_category_form", Arg::Str(&cb.label)),
            ("a_category", Arg::Text(&ca.name)),
            ("b_category", Arg::Text(&cb.name)),
        ];
        let id = if ca.digit == cb.digit {
            "diff-category-same"
        } else {
            "diff-category-different"
        };
        items.push(r.t(locale, id, &category_args));
    }
    let detail_args = [
        ("a", Arg::Str(&a.code)),
        ("b", Arg::Str(&b.code)),
        ("a_summary", Arg::Text(&a.summary)),
        ("b_summary", Arg::Text(&b.summary)),
        ("a_when", Arg::Text(&a.when)),
        ("b_when", Arg::Text(&b.when)),
        ("a_outcome", Arg::Text(&a.class.summary)),
        ("a_class_form", Arg::Str(&a.class.label)),
        ("b_class_form", Arg::Str(&b.class.label)),
        ("b_outcome", Arg::Text(&b.class.summary)),
    ];
    items.push(r.t(locale, "diff-meaning", &detail_args));
    if !same_class {
        items.push(r.t(locale, "diff-outcome", &detail_args));
    }
    items.push(r.t(locale, "diff-when", &detail_args));
    items
}
