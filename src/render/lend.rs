//! Template values that many pages share, made once and lent to each render.
//!
//! Tera reads a page's data from a `tera::Context` it owns, so whatever a
//! template prints must be turned into template values (`serde_json::Value`)
//! for every page. Most of it is the same on thousands of pages: the UI
//! strings of a locale, the two codes of a comparison. A `Lender` holds such
//! a value made once; a render moves it into the page's context and gives it
//! back afterwards, so a page costs only the values that are its own.
//! Templates see the same names and shapes as before: nothing here changes a
//! byte of output.

use std::sync::Mutex;

use serde::Serialize;
use serde_json::{Map, Value};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// One value, lent to one render at a time; a second render at the same
/// moment (another thread) gets a copy, which then stays for later renders.
pub struct Lender {
    master: Value,
    spare: Mutex<Vec<Value>>,
    /// A hash of `master`, for page fingerprints.
    hash: u128,
}

impl Lender {
    /// A value that cannot be serialized (none of the renderer's can) lends
    /// `null`, and the template that reads it reports the error.
    pub fn new(value: &impl Serialize) -> Lender {
        let master = serde_json::to_value(value).unwrap_or(Value::Null);
        let hash = xxh3_128(&serde_json::to_vec(&master).unwrap_or_default());
        Lender {
            master,
            spare: Mutex::new(Vec::new()),
            hash,
        }
    }

    /// The value lent, when it is a string (a rendered fragment).
    pub fn as_str(&self) -> Option<&str> {
        self.master.as_str()
    }

    fn take(&self) -> Value {
        let spare = self.spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
        spare.unwrap_or_else(|| self.master.clone())
    }

    fn give_back(&self, value: Value) {
        self.spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(value);
    }
}

/// A context struct as a page's own data (a map of top-level names).
pub fn own<T: Serialize>(page: T) -> Result<Map<String, Value>, String> {
    match serde_json::to_value(page) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("a page must be an object".into()),
        Err(err) => Err(err.to_string()),
    }
}

/// Where a lent value goes in the page's data: a top-level name
/// (`ui`, `lang`, …) or a field of `page` (`page.a`).
#[derive(Clone, Copy)]
pub enum Place {
    Top(&'static str),
    Page(&'static str),
}

/// A page's own data and the shared values it borrows.
pub struct PageData<'r> {
    pub template: &'static str,
    pub own: Map<String, Value>,
    pub loans: Vec<(Place, &'r Lender)>,
}

impl PageData<'_> {
    /// A hash of everything the page's HTML is made from, given the same
    /// templates and program (`salt`): its template's name, its own data and
    /// what it borrows. Equal fingerprints, equal pages.
    pub fn fingerprint(&self, salt: u128) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&salt.to_le_bytes());
        hasher.update(self.template.as_bytes());
        for (key, value) in &self.own {
            hasher.update(&key.len().to_le_bytes());
            hasher.update(key.as_bytes());
            hash_value(&mut hasher, value);
        }
        for (place, lender) in &self.loans {
            let (Place::Top(name) | Place::Page(name)) = place;
            hasher.update(&[u8::from(matches!(place, Place::Page(_)))]);
            hasher.update(name.as_bytes());
            hasher.update(&lender.hash.to_le_bytes());
        }
        hasher.digest128()
    }

    /// The full context: own data with every loan moved in.
    pub fn lend(&mut self) -> tera::Context {
        let mut data = std::mem::take(&mut self.own);
        for (place, lender) in &self.loans {
            if let Some((map, key)) = slot(&mut data, *place) {
                map.insert(key.to_string(), lender.take());
            }
        }
        tera::Context::from_value(Value::Object(data)).unwrap_or_default()
    }

    /// Takes the lent values back out of a context after its render.
    pub fn give_back(&self, context: tera::Context) {
        let Value::Object(mut data) = context.into_json() else {
            return;
        };
        for (place, lender) in &self.loans {
            if let Some(value) = slot(&mut data, *place).and_then(|(map, key)| map.remove(key)) {
                lender.give_back(value);
            }
        }
    }
}

/// Feeds a value into the hasher: a tag per kind, lengths before contents,
/// strings as their bytes (no JSON escaping on the way).
fn hash_value(hasher: &mut Xxh3, value: &Value) {
    match value {
        Value::Null => hasher.update(b"n"),
        Value::Bool(b) => hasher.update(if *b { b"t" } else { b"f" }),
        Value::Number(n) => {
            hasher.update(b"#");
            hasher.update(n.to_string().as_bytes());
        }
        Value::String(text) => {
            hasher.update(b"s");
            hasher.update(&text.len().to_le_bytes());
            hasher.update(text.as_bytes());
        }
        Value::Array(items) => {
            hasher.update(b"[");
            hasher.update(&items.len().to_le_bytes());
            for item in items {
                hash_value(hasher, item);
            }
        }
        Value::Object(map) => {
            hasher.update(b"{");
            hasher.update(&map.len().to_le_bytes());
            for (key, item) in map {
                hasher.update(&key.len().to_le_bytes());
                hasher.update(key.as_bytes());
                hash_value(hasher, item);
            }
        }
    }
}

fn slot(data: &mut Map<String, Value>, place: Place) -> Option<(&mut Map<String, Value>, &str)> {
    match place {
        Place::Top(key) => Some((data, key)),
        Place::Page(key) => match data.get_mut("page") {
            Some(Value::Object(page)) => Some((page, key)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loan_is_in_the_context_and_comes_back() {
        let ui = Lender::new(&serde_json::json!({"hello": "안녕"}));
        let a = Lender::new(&serde_json::json!({"code": "125"}));
        let own = serde_json::json!({"title": "t", "page": {"intro": "i"}});
        let Value::Object(own) = own else {
            unreachable!()
        };
        let mut data = PageData {
            template: "x.html",
            own,
            loans: vec![(Place::Top("ui"), &ui), (Place::Page("a"), &a)],
        };
        let context = data.lend();
        assert_eq!(context.get("ui").unwrap()["hello"], "안녕");
        assert_eq!(context.get("page").unwrap()["a"]["code"], "125");
        assert_eq!(context.get("page").unwrap()["intro"], "i");
        data.give_back(context);
        assert_eq!(ui.spare.lock().unwrap().len(), 1);
        assert_eq!(a.spare.lock().unwrap().len(), 1);
        assert_eq!(ui.take()["hello"], "안녕");
    }

    #[test]
    fn a_fingerprint_changes_with_own_data_loans_and_salt() {
        let own = |intro: &str| {
            let Value::Object(map) = serde_json::json!({"page": {"intro": intro}}) else {
                unreachable!()
            };
            map
        };
        let (x, y) = (Lender::new(&"x"), Lender::new(&"y"));
        let data = |intro, lender| PageData {
            template: "compare.html",
            own: own(intro),
            loans: vec![(Place::Page("a"), lender)],
        };
        let base = data("i", &x).fingerprint(1);
        assert_eq!(base, data("i", &x).fingerprint(1));
        assert_ne!(base, data("j", &x).fingerprint(1));
        assert_ne!(base, data("i", &y).fingerprint(1));
        assert_ne!(base, data("i", &x).fingerprint(2));
    }
}
