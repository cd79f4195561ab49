//! Checks that span files: ids against folder and file names, class and
//! category digits, `related` codes, pair files and featured comparisons.

use std::collections::{BTreeMap, HashMap};

use super::fields::{self, FieldChecker, PendingLink};
use super::load::LoadedProtocol;
use super::yaml::Source;
use super::{Code, CodeForm, Protocol, ProtocolFile, Site, sessions, standing};
use crate::content::pairs::{Pair, code_order};
use crate::diag::{Diagnostic, Diagnostics};

mod associated;
use associated::check_associations;

pub fn validate(
    (loaded, mut diagnostics): (Vec<LoadedProtocol>, Diagnostics),
) -> Result<Site, Diagnostics> {
    let mut protocols = Vec::new();
    let mut pending = Vec::new();
    let mut associations = Vec::new();
    for protocol in loaded {
        // A valid code equals its file stem, so its source is found by stem.
        let sources: HashMap<String, Source> = protocol
            .codes
            .iter()
            .map(|(stem, _, source)| (stem.clone(), source.clone()))
            .collect();
        if let Some(protocol) = validate_protocol(protocol, &mut diagnostics, &mut pending) {
            for code in &protocol.codes {
                if let Some(source) = sources.get(&code.code) {
                    standing::check(code, source, &mut diagnostics);
                    sessions::check_examples(
                        &protocol,
                        &code.examples,
                        &[&code.code],
                        source,
                        &mut diagnostics,
                    );
                    if !code.associated.is_empty() {
                        associations.push((
                            protocol.id.clone(),
                            protocol.associated_protocol.clone(),
                            code.code.clone(),
                            code.associated.clone(),
                            source.clone(),
                        ));
                    }
                }
            }
            protocols.push(protocol);
        }
    }
    protocols.sort_by(|a, b| a.id.cmp(&b.id));
    let mut site = Site {
        protocols,
        warnings: Vec::new(),
        today: standing::today(),
        shared_numbers: Vec::new(),
    };
    site.shared_numbers = site.find_shared_numbers();
    fields::resolve_links(&site, pending, &mut diagnostics);
    check_associations(&site, &associations, &mut diagnostics);
    site.warnings = standing::expired(&site, &site.today);
    diagnostics.into_result(site)
}

fn validate_protocol(
    loaded: LoadedProtocol,
    diagnostics: &mut Diagnostics,
    pending: &mut Vec<PendingLink>,
) -> Option<Protocol> {
    let (file, source) = loaded.protocol?;
    let mut unparsed = loaded.unparsed_codes;
    fields::check_protocol_text(&file, &source, diagnostics, pending);
    let form = match &file.code_form {
        None => CodeForm::three_digits(),
        Some(form_file) => match CodeForm::from_file(form_file) {
            Ok(form) => form,
            Err(message) => {
                diagnostics.push(
                    source
                        .diagnostic_at("code_form", None, format!("code_form: {message}"))
                        .help("see CONTRIBUTING.md, \"The form of a code\""),
                );
                return None;
            }
        },
    };
    if file.id != loaded.dir {
        diagnostics.push(
            source
                .diagnostic_at(
                    "id",
                    Some(&file.id),
                    format!("id `{}` differs from its folder `{}`", file.id, loaded.dir),
                )
                .help(format!("set `id: {}` or rename the folder", loaded.dir)),
        );
    }
    for (key, class) in file.classes.iter().chain(&file.categories) {
        if key.len() != 1 || !key.chars().all(|c| c.is_ascii_digit()) {
            diagnostics.push(
                source
                    .diagnostic_at(key, None, format!("`{key}` is not a single digit"))
                    .help(format!(
                        "classes and categories are keyed by one digit, e.g. \"1\" ({})",
                        class.name
                    )),
            );
        }
    }

    let mut checked: Vec<(Code, super::yaml::Source)> = Vec::new();
    let mut seen: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    for (stem, code, code_source) in loaded.codes {
        fields::check_code_text(&file.id, &code, &code_source, diagnostics, pending);
        match check_code(
            &stem,
            code,
            &code_source,
            (&file, &form),
            &seen,
            diagnostics,
        ) {
            Some(code) => {
                seen.insert(code.code.clone(), code_source.path.clone());
                checked.push((code, code_source));
            }
            // The file exists: naming its stem elsewhere is not a second error.
            None => unparsed.push(stem),
        }
    }
    // `related` can name any code of the protocol, so it is checked once all are known.
    for (code, source) in &checked {
        for related in &code.related {
            let message = if related == &code.code {
                (
                    format!("code {related} lists itself as related"),
                    "remove it from `related`".to_string(),
                )
            } else if !seen.contains_key(related) && !unparsed.contains(related) {
                (
                    format!("related code `{related}` does not exist in {}", file.id),
                    format!(
                        "add content/{}/{related}.yaml or remove it from `related`",
                        file.id
                    ),
                )
            } else {
                continue;
            };
            diagnostics.push(
                source
                    .diagnostic_at("related", Some(related), message.0)
                    .help(message.1),
            );
        }
    }
    let mut codes: Vec<Code> = checked.into_iter().map(|(code, _)| code).collect();
    codes.sort_by(|a, b| code_order(&a.code, &b.code));

    let mut protocol = Protocol {
        id: file.id,
        name: file.name,
        title: file.title,
        summary: file.summary,
        references: file.references,
        classes: file.classes,
        code_form: form,
        categories: file.categories,
        pair_policy: file.pairs,
        associated_protocol: file.associated_protocol,
        seen_in: file.seen_in,
        any_command_replies: file.any_command_replies,
        featured: Vec::new(),
        codes,
        pair_notes: BTreeMap::new(),
        pair_examples: BTreeMap::new(),
        commands: Vec::new(),
    };
    let exists = |code: &str| seen.contains_key(code) || unparsed.iter().any(|u| u == code);
    protocol.commands =
        sessions::check_commands(loaded.commands, &exists, &protocol.code_form, diagnostics);
    // A pair naming a code whose file failed to parse was reported already.
    let names_unparsed = |slug: &str| {
        Pair::parse_slug(slug).is_some_and(|p| unparsed.contains(&p.a) || unparsed.contains(&p.b))
    };
    for (stem, pair_file, pair_source) in loaded.pairs {
        if names_unparsed(&stem) {
            continue;
        }
        match check_pair(&stem, &protocol) {
            Ok(pair) => {
                let mut checker = FieldChecker {
                    source: &pair_source,
                    base: format!("/{}/{}/", protocol.id, pair.slug()),
                    diagnostics,
                    pending,
                };
                fields::check_not_blank(
                    &pair_source,
                    &[("notes", &pair_file.notes)],
                    checker.diagnostics,
                );
                checker.markdown("notes", &pair_file.notes);
                sessions::check_examples(
                    &protocol,
                    &pair_file.examples,
                    &[&pair.a, &pair.b],
                    &pair_source,
                    diagnostics,
                );
                if !pair_file.examples.is_empty() {
                    protocol
                        .pair_examples
                        .insert(pair.slug(), pair_file.examples);
                }
                protocol.pair_notes.insert(pair.slug(), pair_file.notes);
            }
            Err(message) => diagnostics.push(
                Diagnostic::in_file(&pair_source.path, message.0)
                    .at(1, 1)
                    .help(message.1),
            ),
        }
    }
    for slug in file.featured.iter().filter(|slug| !names_unparsed(slug)) {
        match check_pair(slug, &protocol) {
            Ok(pair) => protocol.featured.push(pair),
            Err(message) => diagnostics.push(
                source
                    .diagnostic_at("featured", Some(slug), message.0)
                    .help(message.1),
            ),
        }
    }
    Some(protocol)
}

/// Checks one code file on its own: its code, class and category.
fn check_code(
    stem: &str,
    mut code: Code,
    source: &Source,
    (protocol, form): (&ProtocolFile, &CodeForm),
    seen: &BTreeMap<String, std::path::PathBuf>,
    diagnostics: &mut Diagnostics,
) -> Option<Code> {
    let at_code = |msg: String| source.diagnostic_at("code", Some(&code.code), msg);
    if code.code != stem {
        diagnostics.push(
            at_code(format!(
                "code `{}` differs from the file name `{stem}`",
                code.code
            ))
            .help(format!("set `code: \"{stem}\"` or rename the file")),
        );
        return None;
    }
    let Some(parts) = form.parts(&code.code) else {
        diagnostics.push(
            at_code(format!("`{}` is not a {} code", code.code, protocol.name)).help(format!(
                "{} codes look like \"{}\" (code_form in content/{}/_protocol.yaml)",
                protocol.name, form.example, protocol.id
            )),
        );
        return None;
    };
    code.parts = parts;
    if let Some(first) = seen.get(&code.code) {
        diagnostics.push(
            at_code(format!("code `{}` is defined twice", code.code)).help(format!(
                "it is also defined in {}; keep one file",
                first.display()
            )),
        );
        return None;
    }
    let class = code.class();
    if !protocol.classes.contains_key(&class) {
        let known: Vec<&str> = protocol.classes.keys().map(String::as_str).collect();
        diagnostics.push(
            source
                .diagnostic_at(
                    "code",
                    Some(&code.code),
                    format!(
                        "{} has no class `{class}`, so code {} cannot exist",
                        protocol.name, code.code
                    ),
                )
                .help(format!(
                    "{}'s classes are {} (see content/{}/_protocol.yaml); check the code",
                    protocol.name,
                    known.join(", "),
                    protocol.id
                )),
        );
    }
    let category = code.category();
    if !protocol.categories.is_empty() && !protocol.categories.contains_key(&category) {
        diagnostics.push(
            source
                .diagnostic_at(
                    "code",
                    Some(&code.code),
                    format!(
                        "category `{category}` of code {} is missing from _protocol.yaml",
                        code.code
                    ),
                )
                .help(format!(
                    "add \"{category}\" under `categories` in content/{}/_protocol.yaml",
                    protocol.id
                )),
        );
    }
    Some(code)
}

/// A pair slug must be `<a>-vs-<b>`, in order, of two codes whose comparison page exists.
fn check_pair(slug: &str, protocol: &Protocol) -> Result<Pair, (String, String)> {
    let Some(pair) = Pair::parse_slug(slug) else {
        return Err((
            format!("`{slug}` is not of the form <a>-vs-<b>"),
            "name it like 125-vs-426".into(),
        ));
    };
    for code in [&pair.a, &pair.b] {
        if protocol.code(code).is_none() {
            return Err((
                format!(
                    "`{slug}` names code `{code}`, which does not exist in {}",
                    protocol.id
                ),
                format!("add content/{}/{code}.yaml or fix the name", protocol.id),
            ));
        }
    }
    if !pair.is_canonical() {
        let fixed = Pair::new(&pair.a, &pair.b).slug();
        return Err((
            format!("`{slug}` is not in order"),
            format!("the lower code comes first: `{fixed}`"),
        ));
    }
    if !protocol.has_pair(&pair) {
        return Err((
            format!(
                "there is no comparison page `{slug}` under `pairs: {:?}`",
                protocol.pair_policy
            )
            .to_lowercase(),
            "compare codes of the same class, or change `pairs` in _protocol.yaml".into(),
        ));
    }
    Ok(pair)
}
