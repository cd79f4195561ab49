//! How a code ends when read aloud, for grammar that depends on it:
//! `NUMBER_END($code)` in every bundle (Korean picks 은/는 and 이/가 from it).

use fluent_bundle::FluentValue;

use super::Bundle;

/// Functions every locale's messages may call.
pub(super) fn add_functions(bundle: &mut Bundle) {
    let _ = bundle.add_function("NUMBER_END", |positional, _named| {
        let spoken = match positional.first() {
            Some(FluentValue::String(s)) => number_end(s),
            Some(FluentValue::Number(n)) => number_end(&n.as_string()),
            _ => "other",
        };
        FluentValue::from(spoken)
    });
}

/// How a number read aloud ends: its last non-zero digit (`one` … `nine`)
/// when the last digit is not zero, else the unit it ends on (`ten`,
/// `hundred`, `thousand`, `ten-thousand`); `zero` for 0 and `other` for
/// anything that is not a whole number. Korean picks 은/는 from this; other
/// languages can ignore it.
pub fn number_end(number: &str) -> &'static str {
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const UNITS: [&str; 4] = ["ten", "hundred", "thousand", "ten-thousand"];
    // `5.7.1` is read part by part ("five point seven point one"): it ends as its last part does.
    if let Some((head, last)) = number.rsplit_once('.')
        && head
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return number_end(last);
    }
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return "other";
    }
    let digits = number.trim_start_matches('0');
    if digits.is_empty() {
        return "zero";
    }
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    match zeros {
        0 => DIGITS[usize::from(digits.as_bytes()[digits.len() - 1] - b'0')],
        n => UNITS[(n - 1).min(UNITS.len() - 1)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_end_names_the_last_spoken_unit() {
        assert_eq!(number_end("125"), "five");
        assert_eq!(number_end("5.7.1"), "one");
        assert_eq!(number_end("5.1.10"), "ten");
        assert_eq!(number_end("4.4.2"), "two");
        assert_eq!(number_end("5.7.26"), "six");
        assert_eq!(number_end("5..1"), "other");
        assert_eq!(number_end("451-iis"), "other");
        assert_eq!(number_end("426"), "six");
        assert_eq!(number_end("150"), "ten");
        assert_eq!(number_end("200"), "hundred");
        assert_eq!(number_end("1000"), "thousand");
        assert_eq!(number_end("0"), "zero");
        assert_eq!(number_end("x1"), "other");
    }
}
