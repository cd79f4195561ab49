//! Loading Tera templates from `templates/`, with located errors.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diag::{Diagnostic, Diagnostics};

pub const TEMPLATES_DIR: &str = "templates";
/// The templates the renderer asks for by name.
pub const REQUIRED: [&str; 7] = [
    "home.html",
    "protocol.html",
    "code.html",
    "compare.html",
    "compare-column.html",
    "compare-badge.html",
    "404.html",
];

/// The site's templates, parsed.
#[derive(Clone)]
pub struct Templates {
    pub tera: Tera,
    /// Which templates `render/compiled/` mirrors are the built-in ones byte
    /// for byte: those need not be parsed a second time to compare.
    pub built_in_text: super::Compiled,
}

/// Parses every `templates/**/*.html` once; each syntax error is reported
/// with its template and line.
pub fn load(root: &Path) -> Result<Templates, Diagnostics> {
    let dir = root.join(TEMPLATES_DIR);
    let mut diagnostics = Diagnostics::default();
    let mut sources = Vec::new();
    for entry in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        match crate::content::yaml::read_source(root, &rel) {
            Ok(source) => sources.push((name, source.text)),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    missing_required(&sources, &mut diagnostics);
    let built_in_text = super::Compiled::by_text(&sources);
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // The same escaping as the rest of the pipeline (Tera's default also
    // escapes `/`, which makes every URL unreadable in the source).
    tera.set_escape_fn(crate::i18n::escape_html);
    let added = diagnostics.is_empty().then(|| {
        let borrowed = sources.iter().map(|(name, text)| (name, text));
        tera.add_raw_templates(borrowed)
    });
    let between = match added {
        Some(Ok(())) => {
            return Ok(Templates {
                tera,
                built_in_text,
            });
        }
        unparsed => unparsed.and_then(Result::err),
    };
    // Something is wrong: each template parsed alone pins a syntax error to
    // its file; with none, the error is between templates.
    for (name, text) in &sources {
        if let Err(err) = tera::Template::new(name, None, text) {
            diagnostics.push(tera_error(&template_path(name), &err));
        }
    }
    if let Some(err) = between.filter(|_| diagnostics.is_empty()) {
        diagnostics.push(
            Diagnostic::new(error_chain(&err))
                .help("check `extends`, `include` and `import` names in templates/"),
        );
    }
    Err(diagnostics)
}

/// Reports each template the renderer asks for that is not there (nor
/// already reported as unreadable).
fn missing_required(sources: &[(String, String)], diagnostics: &mut Diagnostics) {
    for required in REQUIRED {
        if !sources.iter().any(|(name, _)| name == required)
            && !diagnostics
                .0
                .iter()
                .any(|d| d.path == Some(template_path(required)))
        {
            diagnostics.push(
                Diagnostic::in_file(
                    template_path(required),
                    format!("the template `{required}` is missing"),
                )
                .help("restore it from the repository's templates/ folder"),
            );
        }
    }
}

pub fn template_path(name: &str) -> PathBuf {
    Path::new(TEMPLATES_DIR).join(name)
}

/// A Tera error as a diagnostic; Tera puts `--> line:col` in its parse messages.
pub fn tera_error(rel: &Path, err: &tera::Error) -> Diagnostic {
    let chain = error_chain(err);
    let position = chain.split("--> ").nth(1).and_then(|rest| {
        let mut numbers = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((numbers.next()?.parse().ok()?, numbers.next()?.parse().ok()?))
    });
    let message = chain
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let diagnostic = Diagnostic::in_file(rel, format!("template error: {message}"));
    match position {
        Some((line, column)) => diagnostic.at(line, column),
        None => diagnostic,
    }
}

pub fn error_chain(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}
