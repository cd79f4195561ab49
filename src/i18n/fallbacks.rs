//! Which messages fell back to the source locale: per build, for the
//! report, and per page, so a page kept from the previous build without
//! being built still counts the fallbacks it shows.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

thread_local! {
    /// The ids that fell back while this thread built one page (`capture`).
    static PAGE: RefCell<Option<BTreeSet<String>>> = const { RefCell::new(None) };
}

/// `(locale, message id)` of every fallback taken in a build.
#[derive(Default)]
pub struct Fallbacks(Mutex<BTreeSet<(String, String)>>);

impl Fallbacks {
    pub fn record(&self, locale: &str, id: &str) {
        PAGE.with_borrow_mut(|page| {
            if let Some(ids) = page {
                ids.insert(id.to_string());
            }
        });
        self.lock().insert((locale.to_string(), id.to_string()));
    }

    /// Records what a page took in an earlier build, when it is kept.
    pub fn restore(&self, locale: &str, ids: &[String]) {
        let mut all = self.lock();
        for id in ids {
            all.insert((locale.to_string(), id.clone()));
        }
    }

    /// How many distinct messages fell back, per locale.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (locale, _) in self.lock().iter() {
            *counts.entry(locale.clone()).or_default() += 1;
        }
        counts
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeSet<(String, String)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Runs `f` (the building of one page) and returns, with its value, the ids
/// that fell back on this thread meanwhile, sorted. Values made once and
/// shared (a code's template value) count for the page that made them.
pub fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<String>) {
    let outer = PAGE.with_borrow_mut(|page| page.replace(BTreeSet::new()));
    let value = f();
    let ids = PAGE.with_borrow_mut(|page| std::mem::replace(page, outer));
    (value, ids.unwrap_or_default().into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_captures_only_its_own_fallbacks() {
        let all = Fallbacks::default();
        all.record("ko", "before");
        let ((), ids) = capture(|| {
            all.record("ko", "b-id");
            all.record("ko", "a-id");
        });
        assert_eq!(ids, ["a-id", "b-id"]);
        all.restore("de", &ids);
        assert_eq!(
            all.counts(),
            BTreeMap::from([("de".into(), 2), ("ko".into(), 3)])
        );
    }
}
