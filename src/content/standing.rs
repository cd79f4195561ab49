//! The standing of a code (standard, vendor, temporary …): its rules, and
//! the warning for a temporary registration whose date has passed.
//!
//! The date is injectable (`CODECOMPARE_TODAY=YYYY-MM-DD`) so that tests do
//! not depend on the wall clock.

use super::Site;
use super::model::{Code, Status};
use super::yaml::Source;
use crate::diag::{Diagnostic, Diagnostics};

/// Each status names what backs it.
pub fn check(code: &Code, source: &Source, diagnostics: &mut Diagnostics) {
    let Some(standing) = &code.standing else {
        return;
    };
    let needs = |field: &str, present: bool, why: &str| {
        (!present).then(|| {
            source
                .diagnostic_at(
                    "standing",
                    None,
                    format!("`standing: {}` needs `{field}`", standing.status.as_str()),
                )
                .help(why.to_string())
        })
    };
    let problem = match standing.status {
        Status::Standard => needs(
            "spec",
            standing.spec.is_some(),
            "name the defining RFC, e.g. spec: \"RFC 9110\"",
        ),
        Status::Obsoleted | Status::Deprecated => needs(
            "by",
            standing.by.is_some(),
            "say what replaced it, e.g. by: \"RFC 7538\"",
        ),
        Status::Vendor => needs(
            "vendor",
            standing.vendor.is_some(),
            "name whose code it is, e.g. vendor: \"nginx\"",
        ),
        Status::Temporary => needs(
            "expires",
            standing.expires.is_some(),
            "give the registration's end date, e.g. expires: \"2026-11-13\"",
        ),
        _ => None,
    };
    if let Some(problem) = problem {
        diagnostics.push(problem);
    }
    if let Some(expires) = &standing.expires
        && parse_date(expires).is_none()
    {
        diagnostics.push(
            source
                .diagnostic_at(
                    "expires",
                    Some(expires),
                    format!("`{expires}` is not a date"),
                )
                .help("write it as YYYY-MM-DD in quotes, e.g. expires: \"2026-11-13\""),
        );
    }
}

/// A warning for every temporary registration that ended before `today`.
pub fn expired(site: &Site, today: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for protocol in &site.protocols {
        for code in &protocol.codes {
            let Some(standing) = &code.standing else {
                continue;
            };
            let Some(expires) = standing.expires.as_deref() else {
                continue;
            };
            if standing.status == Status::Temporary
                && parse_date(expires).is_some()
                && expires < today
            {
                let path = std::path::Path::new(super::CONTENT_DIR)
                    .join(&protocol.id)
                    .join(format!("{}.yaml", code.code));
                out.push(
                    Diagnostic::in_file(path, format!("{} {}: the temporary registration expired on {expires}", protocol.name, code.code))
                        .warning()
                        .code("expired-registration")
                        .help("check the registry: change `standing` to what holds now (registered, unused …) or the new expiry date"),
                );
            }
        }
    }
    out
}

/// Today as `YYYY-MM-DD` (UTC), or `CODECOMPARE_TODAY` when set.
pub fn today() -> String {
    if let Ok(date) = std::env::var("CODECOMPARE_TODAY")
        && parse_date(&date).is_some()
    {
        return date;
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((seconds / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `(year, month, day)` when `text` is a `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_788), (2026, 12, 1));
        assert_eq!(parse_date("2026-11-13"), Some((2026, 11, 13)));
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("13.11.2026"), None);
    }
}
