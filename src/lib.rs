//! codecompare: a static site generator for protocol reply codes.
//!
//! The pipeline, one module per stage: `config` → `content` → `i18n` →
//! `render` → `output`, run in order by `build`. `diag` is the one error type;
//! `urls` is the pure helper every stage agrees on (pairs belong to `content`).

// A `Diagnostic` (file, span, message, help) is ~150 bytes; errors are the
// cold path and are collected rather than propagated in loops, so boxing
// every `Result<_, Diagnostic>` would only add noise.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod config;
pub mod content;
pub mod diag;
pub mod diff;
pub mod i18n;
pub mod output;
pub mod render;
pub mod schema;
pub mod serve;
pub mod urls;
