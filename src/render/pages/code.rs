//! A code page: every field, the commands that return it, examples,
//! associated codes of another protocol, the same number elsewhere.

use super::*;

pub(super) fn code<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
    ci: usize,
) -> Page<'r, CodePage<'r>> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let code = &p.codes[ci];
    let args = code_args(&p.name, code);
    let head = Head {
        title: format!("{} — {}", code.title.text, r.title(locale).text),
        heading: code.title.clone(),
        description: r.t(locale, "code-meta", &args).text,
        crumbs: vec![
            crumb_home(r, locale),
            crumb_protocol(p),
            Crumb::owned(Text::native(&code.code), code.url.clone()),
        ],
        og_type: "article",
    };
    let comparisons = source
        .pairs_with(&source.codes[ci])
        .iter()
        .filter_map(|pair| {
            let other = p.code(if pair.a == code.code {
                &pair.b
            } else {
                &pair.a
            })?;
            Some(CompareLink {
                label: compare_short(r, locale, &pair.a, &pair.b),
                name: &other.name,
                href: r.urls.path(locale, &Route::Compare(&p.id, pair)),
            })
        })
        .collect();
    let body = CodePage {
        protocol: p.name.clone(),
        code,
        related: code
            .related
            .iter()
            .filter_map(|c| p.code(c))
            .map(code_link)
            .collect(),
        comparisons,
        picker: picker(p, source.pair_policy, &code.code),
        associated: associated(r, locale, pi, ci),
        returned_by: super::command::returned_by(r, locale, pi, &code.code),
        examples: super::command::code_examples(r, locale, pi, ci),
        commands_page: (!source.commands.is_empty())
            .then(|| r.urls.path(locale, &Route::Commands(&p.id))),
        also_in: super::number::entries(
            r,
            locale,
            source.codes[ci].parts.number.as_deref().unwrap_or(""),
            Some(&p.id),
        ),
        number_page: super::number::page_of(r, locale, source.codes[ci].parts.number.as_deref()),
    };
    wrap(r, locale, page, head, body)
}

/// The codes of another protocol this code goes with, in both directions
/// (SMTP 550 ↔ 5.1.1), from the one `associated:` list of the enhanced codes.
fn associated(r: &Renderer, locale: &str, pi: usize, ci: usize) -> Option<Associated> {
    let source = &r.site.protocols[pi];
    let code = &source.codes[ci];
    let local = r.local(locale);
    let link = |protocol: &str, code: &str| {
        let p = local.protocols.iter().find(|p| p.id == protocol)?;
        Some((p.name.clone(), code_link(p.code(code)?)))
    };
    let (other, links): (Option<String>, Vec<CodeLink>) = match &source.associated_protocol {
        Some(other) => {
            let links: Vec<_> = code
                .associated
                .iter()
                .filter_map(|c| link(other, c))
                .collect();
            (
                links.first().map(|(name, _)| name.clone()),
                links.into_iter().map(|(_, l)| l).collect(),
            )
        }
        None => {
            let links: Vec<_> = r
                .site
                .associated_with(&source.id, &code.code)
                .into_iter()
                .filter_map(|(p, c)| link(&p.id, &c.code))
                .collect();
            (
                links.first().map(|(name, _)| name.clone()),
                links.into_iter().map(|(_, l)| l).collect(),
            )
        }
    };
    let other = other?;
    let id = if source.associated_protocol.is_some() {
        "heading-associated-basic"
    } else {
        "heading-associated-enhanced"
    };
    Some(Associated {
        heading: r.t(locale, id, &[("protocol", Arg::Str(&other))]),
        codes: links,
    })
}

/// A code page written by `render/compiled/` instead of Tera; `None` when a
/// UI string it needs is missing (Tera then renders the page and reports it).
pub fn compiled_code(
    r: &Renderer,
    locale: &str,
    page: &PageId,
    pi: usize,
    ci: usize,
) -> Option<String> {
    crate::render::compiled::code(&code(r, locale, page, pi, ci)).ok()
}
