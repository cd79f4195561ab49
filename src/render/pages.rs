//! The context of each page kind, built from localized content and the
//! sentence patterns of the catalog.

use serde::Serialize;

use super::context::*;
use super::localized::{LocalCode, LocalProtocol};
use super::{PageId, Renderer};
use crate::content::pairs::Pair;
use crate::content::{PairPolicy, Reference};
use crate::diag::Diagnostic;
use crate::i18n::{Arg, Text};
use crate::urls::Route;

/// The template name and context of one page.
pub fn context(
    r: &Renderer,
    locale: &str,
    page: &PageId,
) -> Result<(&'static str, tera::Context), Diagnostic> {
    let context = match page {
        PageId::Home => ("home.html", serialize(home(r, locale, page))),
        PageId::NotFound => ("404.html", serialize(not_found(r, locale, page))),
        PageId::Protocol(pi) => ("protocol.html", serialize(protocol(r, locale, page, *pi))),
        PageId::Code(pi, ci) => ("code.html", serialize(code(r, locale, page, *pi, *ci))),
        PageId::Compare(pi, pair) => (
            "compare.html",
            serialize(compare(r, locale, page, *pi, pair)),
        ),
        PageId::Commands(pi) => (
            "commands.html",
            serialize(super::command::commands(r, locale, page, *pi)),
        ),
        PageId::Command(pi, ci) => (
            "command.html",
            serialize(super::command::command(r, locale, page, *pi, *ci)),
        ),
        PageId::Number(number) => (
            "number.html",
            serialize(super::number::number(r, locale, page, number)),
        ),
    };
    let (template, context) = context;
    Ok((
        template,
        context.map_err(|err| Diagnostic::new(format!("cannot build the page context: {err}")))?,
    ))
}

fn serialize<T: Serialize>(page: T) -> Result<tera::Context, tera::Error> {
    tera::Context::from_serialize(page)
}

/// The head, navigation and UI strings every page shares.
pub(super) struct Head {
    pub title: String,
    pub heading: Text,
    pub description: String,
    pub crumbs: Vec<Crumb>,
    pub og_type: &'static str,
}

pub(super) fn wrap<'r, T: Serialize>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    head: Head,
    body: T,
) -> Page<'r, T> {
    let route = r.route(page);
    let config = &r.config;
    let mut alternates: Vec<Alternate> = config
        .locales
        .iter()
        .map(|l| Alternate {
            hreflang: l.clone(),
            href: r.urls.absolute(l, &route),
        })
        .collect();
    alternates.push(Alternate {
        hreflang: "x-default".into(),
        href: r.urls.absolute(&config.default_locale, &route),
    });
    let switcher = config
        .locales
        .iter()
        .map(|l| SwitchLink {
            locale: l.clone(),
            label: r.t(l, "language-name", &[]).text,
            href: r.urls.path(l, &route),
            current: l == locale,
        })
        .collect();
    let json_ld = json_ld(r, locale, page, &head);
    let source_href =
        (locale != config.default_locale).then(|| r.urls.path(&config.default_locale, &route));
    let partial = r
        .catalog
        .reviewed(locale)
        .filter(|reviewed| config.i18n.is_partial(reviewed.percent))
        .map(|reviewed| {
            r.t(
                locale,
                "partial-notice",
                &[("percent", Arg::Number(usize::from(reviewed.percent)))],
            )
        });
    Page {
        lang: locale,
        site_title: r.title(locale),
        title: head.title,
        heading: head.heading,
        description: head.description,
        canonical: r.urls.absolute(locale, &route),
        alternates,
        switcher,
        breadcrumbs: head.crumbs,
        ui: r.ui(locale),
        base: config.base_path(),
        home: r.urls.path(locale, &Route::Home),
        search_index: r.urls.search_index(locale).0,
        json_ld,
        og_type: head.og_type,
        live_reload: r.live_reload,
        source_href,
        partial,
        page: body,
    }
}

/// Structured data: the breadcrumb trail, and the article on content pages.
fn json_ld(r: &Renderer, locale: &str, page: &PageId, head: &Head) -> String {
    let base = r.config.base_url.as_str();
    let items: Vec<serde_json::Value> = head
        .crumbs
        .iter()
        .enumerate()
        .map(|(i, crumb)| {
            serde_json::json!({"@type": "ListItem", "position": i + 1, "name": crumb.label.text, "item": format!("{base}{}", crumb.href.strip_prefix(r.config.base_path()).unwrap_or(&crumb.href))})
        })
        .collect();
    let mut graph = vec![serde_json::json!({"@type": "BreadcrumbList", "itemListElement": items})];
    if matches!(page, PageId::Code(..) | PageId::Compare(..)) {
        graph.push(serde_json::json!({
            "@type": "TechArticle",
            "headline": head.title,
            "description": head.description,
            "inLanguage": locale,
            "url": r.urls.absolute(locale, &r.route(page)),
        }));
    }
    let value = serde_json::json!({"@context": "https://schema.org", "@graph": graph});
    // Inside <script>, `</script` ends the element and `<!--` changes how it is
    // parsed: no `<`, `>` or `&` reaches the HTML (JSON reads \u003c as `<`).
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub(super) fn crumb_home(r: &Renderer, locale: &str) -> Crumb {
    Crumb {
        label: r.t(locale, "nav-home", &[]),
        href: r.urls.path(locale, &Route::Home),
    }
}

fn crumb_protocol(protocol: &LocalProtocol) -> Crumb {
    Crumb {
        label: Text::native(&protocol.name),
        href: protocol.url.clone(),
    }
}

fn home<'r>(r: &'r Renderer, locale: &'r str, page: &PageId) -> Page<'r, HomePage> {
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
                    ("comparisons", Arg::Number(source.pairs().len())),
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

fn not_found<'r>(r: &'r Renderer, locale: &'r str, page: &PageId) -> Page<'r, NotFoundPage> {
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

fn protocol<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
) -> Page<'r, ProtocolPage> {
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

fn code<'r>(
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
        title: format!(
            "{} — {}",
            r.t(locale, "code-title", &args).text,
            r.title(locale).text
        ),
        heading: r.t(locale, "code-title", &args),
        description: r.t(locale, "code-meta", &args).text,
        crumbs: vec![
            crumb_home(r, locale),
            crumb_protocol(p),
            Crumb {
                label: Text::native(&code.code),
                href: code.url.clone(),
            },
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
                name: other.name.clone(),
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

fn compare<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
    pair: &Pair,
) -> Page<'r, ComparePage<'r>> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let (a, b) = match (p.code(&pair.a), p.code(&pair.b)) {
        (Some(a), Some(b)) => (a, b),
        // Pairs come from the protocol's own codes.
        _ => unreachable!("pair of unknown codes"),
    };
    let args = pair_args(&p.name, a, b);
    let title = r.t(locale, "compare-title", &args);
    let head = Head {
        title: format!("{} — {}", title.text, r.title(locale).text),
        heading: title,
        description: r.t(locale, "compare-meta", &args).text,
        crumbs: vec![
            crumb_home(r, locale),
            crumb_protocol(p),
            Crumb {
                label: compare_short(r, locale, &a.code, &b.code),
                href: r.urls.path(locale, &Route::Compare(&p.id, pair)),
            },
        ],
        og_type: "article",
    };
    let notes = source.pair_notes.get(&pair.slug()).map(|notes| {
        let id = crate::i18n::ids::pair_notes(source, pair);
        super::localized::rich_text(
            r.catalog.content(locale, &id, notes),
            &r.catalog.source_locale,
        )
    });
    let mut references: Vec<Reference> = a.references.clone();
    references.extend(
        b.references
            .iter()
            .filter(|x| !a.references.contains(x))
            .cloned(),
    );
    let session = {
        let (ra, rb) = (
            super::command::returned_by(r, locale, pi, &a.code),
            super::command::returned_by(r, locale, pi, &b.code),
        );
        let example = super::command::pair_example(r, locale, pi, &a.code, &b.code);
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
        which: [a, b]
            .iter()
            .map(|c| r.t(locale, "which-item", &code_args(&p.name, c)))
            .collect(),
        notes,
        learn_more: [a, b]
            .iter()
            .map(|c| Link {
                label: r.t(locale, "code-title", &code_args(&p.name, c)),
                href: c.url.clone(),
            })
            .collect(),
        references,
    };
    wrap(r, locale, page, head, body)
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
        ("b_outcome", Arg::Text(&b.class.summary)),
    ];
    items.push(r.t(locale, "diff-meaning", &detail_args));
    if !same_class {
        items.push(r.t(locale, "diff-outcome", &detail_args));
    }
    items.push(r.t(locale, "diff-when", &detail_args));
    items
}

fn code_args<'c>(protocol: &'c str, code: &'c LocalCode) -> [(&'static str, Arg<'c>); 8] {
    [
        ("protocol", Arg::Str(protocol)),
        ("code", Arg::Str(&code.code)),
        ("name", Arg::Text(&code.name)),
        ("summary", Arg::Text(&code.summary)),
        ("class", Arg::Text(&code.class.name)),
        ("digit", Arg::Str(&code.class.digit)),
        ("class_form", Arg::Str(&code.class.label)),
        ("fix", Arg::Text(&code.fix_first)),
    ]
}

fn pair_args<'c>(
    protocol: &'c str,
    a: &'c LocalCode,
    b: &'c LocalCode,
) -> [(&'static str, Arg<'c>); 13] {
    [
        ("protocol", Arg::Str(protocol)),
        ("a", Arg::Str(&a.code)),
        ("b", Arg::Str(&b.code)),
        ("a_name", Arg::Text(&a.name)),
        ("b_name", Arg::Text(&b.name)),
        ("a_summary", Arg::Text(&a.summary)),
        ("b_summary", Arg::Text(&b.summary)),
        ("a_class", Arg::Text(&a.class.name)),
        ("b_class", Arg::Text(&b.class.name)),
        ("a_digit", Arg::Str(&a.class.digit)),
        ("b_digit", Arg::Str(&b.class.digit)),
        ("a_class_form", Arg::Str(&a.class.label)),
        ("b_class_form", Arg::Str(&b.class.label)),
    ]
}

/// The first sentence of a markdown text, keeping its fallback mark.
fn first_sentence(text: &Text, source_locale: &str) -> Text {
    let sentence = super::markdown::first_sentence(&text.text);
    if text.has_fallback() {
        Text::fallback(&sentence, source_locale)
    } else {
        Text::native(&sentence)
    }
}

/// "125 vs 426".
fn compare_short(r: &Renderer, locale: &str, a: &str, b: &str) -> Text {
    r.t(
        locale,
        "compare-short",
        &[("a", Arg::Str(a)), ("b", Arg::Str(b))],
    )
}

pub(super) fn code_link(code: &LocalCode) -> CodeLink {
    CodeLink {
        code: code.code.clone(),
        name: code.name.clone(),
        summary: code.summary.clone(),
        href: code.url.clone(),
        standing: code.standing.clone(),
    }
}

fn compare_link(r: &Renderer, locale: &str, p: &LocalProtocol, pair: &Pair) -> Link {
    let (Some(a), Some(b)) = (p.code(&pair.a), p.code(&pair.b)) else {
        unreachable!("featured pairs are validated");
    };
    Link {
        label: r.t(locale, "compare-title", &pair_args(&p.name, a, b)),
        href: r.urls.path(locale, &Route::Compare(&p.id, pair)),
    }
}

fn picker(p: &LocalProtocol, policy: PairPolicy, selected: &str) -> Option<Picker> {
    let policy = match policy {
        PairPolicy::All => "all",
        PairPolicy::SameClass => "same-class",
        PairPolicy::SameCategory => "same-category",
        PairPolicy::None => return None,
    };
    Some(Picker {
        codes: p
            .codes
            .iter()
            .map(|c| CodeOption {
                code: c.code.clone(),
                class: c.class.digit.clone(),
                category: c
                    .category
                    .as_ref()
                    .map(|k| k.digit.clone())
                    .unwrap_or_default(),
                label: format!("{} {}", c.code, c.name.text),
            })
            .collect(),
        base: p.url.clone(),
        policy: policy.into(),
        selected: selected.into(),
        second: p
            .codes
            .iter()
            .map(|c| &c.code)
            .filter(|c| *c != selected)
            .nth(usize::from(selected.is_empty()))
            .cloned()
            .unwrap_or_default(),
    })
}
