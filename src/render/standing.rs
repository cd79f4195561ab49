//! A code's standing as a localized badge: "Standard · RFC 9110",
//! "Vendor-specific: nginx", "Temporary registration, expired 2026-11-13".
//!
//! Whether a temporary registration has expired is decided on the build's
//! date, so the site never presents a lapsed registration as current.

use serde::Serialize;

use crate::content::{Code, Status};
use crate::i18n::{Arg, Catalog, Text};

/// What templates show for a code's standing.
#[derive(Debug, Clone, Serialize)]
pub struct StandingBadge {
    /// The status, for a CSS class (`standing-vendor`).
    pub status: &'static str,
    pub text: Text,
}

/// The badge of `code` in `locale`, judged on the date `today` (`YYYY-MM-DD`).
pub fn badge(catalog: &Catalog, locale: &str, code: &Code, today: &str) -> Option<StandingBadge> {
    let standing = code.standing.as_ref()?;
    let field = |value: &Option<String>| value.clone().unwrap_or_default();
    let (spec, by, vendor, expires) = (
        field(&standing.spec),
        field(&standing.by),
        field(&standing.vendor),
        field(&standing.expires),
    );
    let id = match standing.status {
        Status::Temporary if !expires.is_empty() && expires.as_str() < today => "standing-expired",
        Status::Unofficial if !vendor.is_empty() => "standing-unofficial-vendor",
        Status::Registered if !spec.is_empty() => "standing-registered-spec",
        status => match status {
            Status::Standard => "standing-standard",
            Status::Registered => "standing-registered",
            Status::Obsoleted => "standing-obsoleted",
            Status::Deprecated => "standing-deprecated",
            Status::Unused => "standing-unused",
            Status::Reserved => "standing-reserved",
            Status::Temporary => "standing-temporary",
            Status::Vendor => "standing-vendor",
            Status::Unofficial => "standing-unofficial",
        },
    };
    let args = [
        ("spec", Arg::Str(&spec)),
        ("by", Arg::Str(&by)),
        ("vendor", Arg::Str(&vendor)),
        ("expires", Arg::Str(&expires)),
    ];
    Some(StandingBadge {
        status: standing.status.as_str(),
        text: catalog.message(locale, id, &args),
    })
}
