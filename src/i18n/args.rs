//! Values given to sentence patterns, and the formatting of the patterns
//! most messages are: text and `{ $variable }`, nothing else.
//!
//! Fluent's own formatting builds a `FluentArgs` (every name and value
//! copied and sorted) and walks the pattern generically; a comparison page
//! formats nine patterns and a code page one per comparison it lists. A
//! pattern of text and variables whose values are all strings is written
//! here directly, with the same result as Fluent (no isolation marks, no
//! transform): its text elements in order, each variable's value, and an
//! error, like Fluent's, when a variable is not given. So are references to
//! other messages and choices on `NUMBER_END($code)` with named variants
//! (how Korean picks 은/는 and 와/과). Anything else (numbers, other
//! selectors and functions, terms, literals) goes through Fluent; a test
//! formats every message of the repository both ways.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{
    Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};

use super::spoken::number_end;
use super::{Bundle, FALLBACK_END, FALLBACK_START, NATIVE_END, NATIVE_START, Text};

/// A value given to a sentence pattern.
pub enum Arg<'a> {
    Str(&'a str),
    Text(&'a Text),
    Number(usize),
}

impl Arg<'_> {
    /// The length of the text a pattern gets (0 for a number).
    fn len(&self) -> usize {
        match self {
            Arg::Str(s) => s.len(),
            Arg::Text(text) => text.text.len(),
            Arg::Number(_) => 0,
        }
    }

    /// The text a pattern gets, wrapped in markers saying its language when
    /// it differs from the pattern's: source-locale text in a translated
    /// pattern, page-language text in a pattern that fell back. `None` for
    /// a number.
    fn text(&self, pattern_fell_back: bool) -> Option<Cow<'_, str>> {
        Some(match self {
            Arg::Str(s) => Cow::Borrowed(*s),
            Arg::Number(_) => return None,
            Arg::Text(text) if text.has_fallback() => {
                Cow::Owned(format!("{FALLBACK_START}{}{FALLBACK_END}", text.text))
            }
            Arg::Text(text) if pattern_fell_back => {
                Cow::Owned(format!("{NATIVE_START}{}{NATIVE_END}", text.text))
            }
            Arg::Text(text) => Cow::Borrowed(text.text.as_str()),
        })
    }
}

/// Fluent arguments for `args`.
pub fn to_fluent<'a>(args: &'a [(&'a str, Arg<'a>)], pattern_fell_back: bool) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
            _ => fluent.set(
                *name,
                FluentValue::from(arg.text(pattern_fell_back).unwrap_or_default()),
            ),
        }
    }
    fluent
}

/// `pattern` formatted without Fluent, if it is text, string variables,
/// references to other such messages, and choices on `NUMBER_END($code)`
/// (Korean particles): `Some(None)` when a variable is missing (Fluent's
/// error). As with `FluentArgs`, the last value given for a name counts.
pub fn format_simple(
    bundle: &Bundle,
    pattern: &Pattern<&str>,
    args: &[(&str, Arg)],
    pattern_fell_back: bool,
) -> Option<Option<String>> {
    // Room for the pattern's words and every argument: a sentence that
    // quotes two summaries would otherwise grow, copying, two or three times.
    let room: usize = args.iter().map(|(_, arg)| arg.len()).sum();
    let mut out = String::with_capacity(256 + room);
    let simple = Simple {
        bundle,
        args,
        pattern_fell_back,
    };
    Some(simple.write(pattern, &mut out, 0)?.then_some(out))
}

struct Simple<'a> {
    bundle: &'a Bundle,
    args: &'a [(&'a str, Arg<'a>)],
    pattern_fell_back: bool,
}

impl Simple<'_> {
    /// Deeper references go to Fluent, which reports cycles.
    const MAX_DEPTH: usize = 4;

    /// Appends `pattern`: `Some(false)` when a variable is missing, `None`
    /// when the pattern needs Fluent.
    fn write(&self, pattern: &Pattern<&str>, out: &mut String, depth: usize) -> Option<bool> {
        for element in &pattern.elements {
            let expression = match element {
                PatternElement::TextElement { value } => {
                    out.push_str(value);
                    continue;
                }
                PatternElement::Placeable { expression } => expression,
            };
            let written = match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    match self.arg(id.name) {
                        Some(arg) => {
                            out.push_str(&arg.text(self.pattern_fell_back)?);
                            true
                        }
                        None => false,
                    }
                }
                Expression::Inline(InlineExpression::MessageReference {
                    id,
                    attribute: None,
                }) if depth < Self::MAX_DEPTH => {
                    let message = self.bundle.get_message(id.name)?.value()?;
                    self.write(message, out, depth + 1)?
                }
                Expression::Select {
                    selector: InlineExpression::FunctionReference { id, arguments },
                    variants,
                } if id.name == "NUMBER_END" && depth < Self::MAX_DEPTH => {
                    let [InlineExpression::VariableReference { id: code }] =
                        arguments.positional.as_slice()
                    else {
                        return None;
                    };
                    let Some(Arg::Str(code)) = self.arg(code.name) else {
                        return None;
                    };
                    if !arguments.named.is_empty() {
                        return None;
                    }
                    let spoken = number_end(code);
                    // Number keys would need Fluent's plural rules.
                    if !variants.iter().all(|v| variant_name(v).is_some()) {
                        return None;
                    }
                    let chosen = variants
                        .iter()
                        .find(|v| variant_name(v) == Some(spoken))
                        .or_else(|| variants.iter().find(|v| v.default))?;
                    self.write(&chosen.value, out, depth + 1)?
                }
                _ => return None,
            };
            if !written {
                return Some(false);
            }
        }
        Some(true)
    }

    fn arg(&self, name: &str) -> Option<&Arg<'_>> {
        // Names are short and most differ in their first bytes (`a_name`,
        // `b_name`): compared byte by byte here, where `==` calls `memcmp`
        // for every name of the same length.
        let same = |given: &str| given.len() == name.len() && given.bytes().eq(name.bytes());
        self.args
            .iter()
            .rev()
            .find(|(given, _)| same(given))
            .map(|(_, arg)| arg)
    }
}

/// A variant's key when it is a name (`[two]`).
fn variant_name<'s>(variant: &Variant<&'s str>) -> Option<&'s str> {
    match variant.key {
        VariantKey::Identifier { name } => Some(name),
        VariantKey::NumberLiteral { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_bundle::concurrent::FluentBundle;
    use fluent_syntax::ast::Entry;

    /// Every variable a pattern names, at its top level.
    fn variables<'p>(pattern: &'p Pattern<&'p str>) -> Vec<&'p str> {
        pattern
            .elements
            .iter()
            .filter_map(|e| match e {
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } => Some(id.name),
                _ => None,
            })
            .collect()
    }

    /// Every message of this repository's translation files, formatted both
    /// ways with plain, fallen-back and native-marked values: where the
    /// short way applies, it writes what Fluent writes.
    #[test]
    fn simple_patterns_format_as_fluent_does() {
        let (plain, fallback) = (Text::native("x < y"), Text::fallback("a & b", "en"));
        let (mut checked, mut referencing) = (0, 0);
        let files = walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/i18n"));
        for file in files
            .into_iter()
            .flatten()
            .filter(|f| f.path().extension() == Some("ftl".as_ref()))
        {
            let text = std::fs::read_to_string(file.path()).unwrap();
            let resource = FluentResource::try_new(text).unwrap();
            let mut bundle = FluentBundle::new_concurrent(vec!["en".parse().unwrap()]);
            bundle.set_use_isolating(false);
            crate::i18n::spoken::add_functions(&mut bundle);
            let ids: Vec<String> = resource
                .entries()
                .filter_map(|e| match e {
                    Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            bundle.add_resource_overriding(resource);
            for id in ids {
                let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                    continue;
                };
                let names = variables(pattern);
                // Codes that end differently read aloud pick different
                // Korean particles.
                let codes = ["125", "150", "200", "421", "5.7.1", "v"];
                let cases = codes.map(|code| (Some(code), false));
                for (code, fell_back) in cases.into_iter().chain([(None, true), (None, false)]) {
                    let args: Vec<(&str, Arg)> = names
                        .iter()
                        .map(|n| match (code, fell_back) {
                            (Some(code), _) => (*n, Arg::Str(code)),
                            (None, true) => (*n, Arg::Text(&plain)),
                            (None, false) => (*n, Arg::Text(&fallback)),
                        })
                        .collect();
                    let Some(short) = format_simple(&bundle, pattern, &args, fell_back) else {
                        continue;
                    };
                    let mut errors = Vec::new();
                    let fluent = to_fluent(&args, fell_back);
                    let long = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                    assert_eq!(short, errors.is_empty().then(|| long.into_owned()), "{id}");
                    checked += 1;
                    referencing += usize::from(pattern.elements.iter().any(|e| {
                        matches!(
                            e,
                            PatternElement::Placeable {
                                expression: Expression::Inline(
                                    InlineExpression::MessageReference { .. }
                                ),
                            }
                        )
                    }));
                }
                if let Some(first) = names.first() {
                    let missing: Vec<(&str, Arg)> = names
                        .iter()
                        .filter(|n| *n != first)
                        .map(|n| (*n, Arg::Str("v")))
                        .collect();
                    if let Some(short) = format_simple(&bundle, pattern, &missing, false) {
                        assert_eq!(short, None, "{id}: a missing variable is an error");
                    }
                }
            }
        }
        assert!(checked > 300, "only {checked} patterns checked");
        assert!(
            referencing > 20,
            "only {referencing} patterns with particles checked"
        );
    }
}
