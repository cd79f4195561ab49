//! Comparison pairs: which exist, their canonical order and their slug.
//!
//! One pure module so that pages, links, sitemaps and validation agree on
//! "a before b" (numeric when both are numbers) and on `<a>-vs-<b>`.

use std::cmp::Ordering;

use super::model::{Code, PairPolicy};

/// An unordered pair of codes, stored in canonical order (`a` before `b`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pair {
    pub a: String,
    pub b: String,
}

impl Pair {
    /// The pair of two different codes, whichever order they come in.
    pub fn new(x: &str, y: &str) -> Pair {
        let (a, b) = if code_order(x, y) == Ordering::Greater {
            (y, x)
        } else {
            (x, y)
        };
        Pair {
            a: a.to_string(),
            b: b.to_string(),
        }
    }

    /// `125-vs-426`: the URL segment, pair-file stem and Fluent id part.
    pub fn slug(&self) -> String {
        format!("{}-vs-{}", self.a, self.b)
    }

    /// Parses a slug; `None` unless it has the `<a>-vs-<b>` form.
    pub fn parse_slug(slug: &str) -> Option<Pair> {
        let (a, b) = slug.split_once("-vs-")?;
        let valid = |s: &str| {
            s.starts_with(|c: char| c.is_ascii_alphanumeric())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        };
        (valid(a) && valid(b)).then(|| Pair {
            a: a.to_string(),
            b: b.to_string(),
        })
    }

    /// Whether `a` sorts strictly before `b`, as a slug must have it.
    pub fn is_canonical(&self) -> bool {
        code_order(&self.a, &self.b) == Ordering::Less
    }
}

/// Code order: numeric part by part (`99` < `125`, `5.1.2` < `5.1.10`,
/// `451` < `451-iis`), text order between a number and a word.
pub fn code_order(x: &str, y: &str) -> Ordering {
    let (mut xs, mut ys) = (parts(x), parts(y));
    loop {
        let (a, b) = match (xs.next(), ys.next()) {
            (Some(a), Some(b)) => (a, b),
            // The code with more parts comes later.
            (a, b) => return a.is_some().cmp(&b.is_some()).then_with(|| x.cmp(y)),
        };
        let order = match (a.parse::<u64>(), b.parse::<u64>()) {
            (Ok(m), Ok(n)) => m.cmp(&n).then_with(|| a.len().cmp(&b.len())),
            _ => a.cmp(b),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// Runs of digits and runs of anything else: `5.1.10` → 5, ., 1, ., 10
/// (found as they are read: codes are ordered millions of times a build).
fn parts(code: &str) -> impl Iterator<Item = &str> {
    let bytes = code.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        let digit = bytes.get(start)?.is_ascii_digit();
        let end = bytes[start..]
            .iter()
            .position(|b| b.is_ascii_digit() != digit)
            .map_or(bytes.len(), |n| start + n);
        let part = &code[start..end];
        start = end;
        Some(part)
    })
}

/// Whether the policy compares `x` and `y` (two different codes).
pub fn allowed(policy: PairPolicy, x: &Code, y: &Code) -> bool {
    match policy {
        PairPolicy::All => true,
        PairPolicy::SameClass => x.class() == y.class(),
        PairPolicy::SameCategory => x.category() == y.category(),
        PairPolicy::None => false,
    }
}

/// Every pair the policy allows, for codes already in code order.
pub fn pairs(codes: &[Code], policy: PairPolicy) -> Vec<Pair> {
    let mut out = Vec::new();
    for (i, x) in codes.iter().enumerate() {
        for y in &codes[i + 1..] {
            if allowed(policy, x, y) {
                out.push(Pair::new(&x.code, &y.code));
            }
        }
    }
    out
}

/// How many pairs `pairs` makes.
pub fn count(codes: &[Code], policy: PairPolicy) -> usize {
    codes
        .iter()
        .enumerate()
        .map(|(i, x)| {
            codes[i + 1..]
                .iter()
                .filter(|y| allowed(policy, x, y))
                .count()
        })
        .sum()
}

/// The pairs that contain `code`, ordered by the other code.
pub fn pairs_with(codes: &[Code], code: &Code, policy: PairPolicy) -> Vec<Pair> {
    codes
        .iter()
        .filter(|other| other.code != code.code && allowed(policy, code, other))
        .map(|other| Pair::new(&code.code, &other.code))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> Code {
        Code {
            code: c.into(),
            name: String::new(),
            summary: String::new(),
            description: String::new(),
            seen_when: String::new(),
            fix: String::new(),
            references: vec![],
            related: vec![],
            standing: None,
            associated: vec![],
            examples: vec![],
            parts: super::super::form::CodeForm::three_digits()
                .parts(c)
                .unwrap_or_default(),
        }
    }

    #[test]
    fn order_is_numeric() {
        assert_eq!(Pair::new("426", "125").slug(), "125-vs-426");
        assert_eq!(Pair::new("99", "100").slug(), "99-vs-100");
        assert!(Pair::parse_slug("426-vs-125").is_some_and(|p| !p.is_canonical()));
        assert!(Pair::parse_slug("125vs426").is_none());
        assert!(Pair::parse_slug("125-vs-").is_none());
        assert_eq!(Pair::new("5.1.10", "5.1.2").slug(), "5.1.2-vs-5.1.10");
        assert_eq!(Pair::new("5.7.0", "4.7.0").slug(), "4.7.0-vs-5.7.0");
        assert_eq!(Pair::new("451-iis", "451").slug(), "451-vs-451-iis");
        assert_eq!(Pair::new("500", "451-iis").slug(), "451-iis-vs-500");
        assert!(Pair::parse_slug("5.1.1-vs-5.1.10").is_some_and(|p| p.is_canonical()));
        assert!(Pair::parse_slug("451-iis-vs-499").is_some_and(|p| p.a == "451-iis"));
    }

    #[test]
    fn all_policy_gives_n_choose_2() {
        let codes: Vec<Code> = ["110", "125", "200", "426", "550"]
            .iter()
            .map(|c| code(c))
            .collect();
        assert_eq!(pairs(&codes, PairPolicy::All).len(), 10);
        assert_eq!(pairs(&codes, PairPolicy::SameClass).len(), 1);
        assert_eq!(pairs(&codes, PairPolicy::None).len(), 0);
        for policy in [PairPolicy::All, PairPolicy::SameClass, PairPolicy::None] {
            assert_eq!(count(&codes, policy), pairs(&codes, policy).len());
        }
        let with = pairs_with(&codes, &codes[2], PairPolicy::All);
        let slugs: Vec<String> = with.iter().map(Pair::slug).collect();
        assert_eq!(
            slugs,
            ["110-vs-200", "125-vs-200", "200-vs-426", "200-vs-550"]
        );
    }
}
