//! codecompare: a static site generator for protocol reply codes.
//!
//! The pipeline, one module per stage: `config` → `content` → `i18n` →
//! `render` → `output`, run in order by `build`. `diag` is the one error type;
//! `urls` is the pure helper every stage agrees on (pairs belong to `content`).

pub mod build;
pub mod config;
pub mod content;
pub mod diag;
pub mod i18n;
pub mod output;
pub mod render;
pub mod serve;
pub mod urls;
