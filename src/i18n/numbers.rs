//! How numbers given to sentence patterns are written: `1,770` in English and
//! Korean, `1.770` in German. fluent-bundle prints numbers bare and leaves
//! grouping to a formatter; a formatter is a plain `fn`, so each separator is
//! one instance of a const-generic function, chosen per locale.

use fluent_bundle::FluentValue;

/// The formatter for `locale`'s numbers; `None` writes them ungrouped.
pub fn formatter<M>(locale: &str) -> Option<fn(&FluentValue, &M) -> Option<String>> {
    let language = locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // CLDR's grouping separators (and minimum grouping digits) for common languages.
    Some(match language.as_str() {
        "en" | "ko" | "ja" | "zh" | "th" | "he" | "ms" => group::<M, ',', 4>,
        "de" | "it" | "nl" | "pt" | "id" | "tr" | "da" | "el" | "ro" | "hr" | "sl" | "vi" => {
            group::<M, '.', 4>
        }
        "es" => group::<M, '.', 5>,
        "fr" => group::<M, '\u{202F}', 4>,
        "pl" => group::<M, '\u{A0}', 5>,
        "ru" | "uk" | "cs" | "sk" | "sv" | "fi" | "nb" | "no" | "bg" | "hu" | "et" | "lt"
        | "lv" => group::<M, '\u{A0}', 4>,
        _ => return None,
    })
}

/// Whole numbers of at least `MIN` digits, grouped by thousands with `SEP`.
fn group<M, const SEP: char, const MIN: usize>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    if n.fract() != 0.0 || n.abs() >= 1e15 || number.options.minimum_fraction_digits.is_some() {
        return None;
    }
    Some(group_digits(n as i64, SEP, MIN))
}

fn group_digits(n: i64, separator: char, min: usize) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    if digits.len() < min {
        out.push_str(&digits);
        return out;
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_thousands() {
        assert_eq!(group_digits(1770, ',', 4), "1,770");
        assert_eq!(group_digits(60, ',', 4), "60");
        assert_eq!(group_digits(1234567, '.', 4), "1.234.567");
        assert_eq!(group_digits(1770, '.', 5), "1770");
        assert_eq!(group_digits(-12345, ',', 4), "-12,345");
    }
}
