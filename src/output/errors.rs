//! I/O errors as diagnostics, and folding many of them into one.

use std::path::Path;

use super::IO_ERROR;
use crate::diag::{Diagnostic, Diagnostics};

/// Folds every I/O error into the first (in path order) and a count of the
/// others; other diagnostics are kept as they are. One full disk is one
/// problem, not one line per page.
pub fn summarize_io(diagnostics: Diagnostics) -> Diagnostics {
    let (mut io, mut rest): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .0
        .into_iter()
        .partition(|d| d.code == Some(IO_ERROR));
    // They name no source file; their messages start with the path written.
    io.sort_by(|a, b| a.message.cmp(&b.message));
    let mut io = io.into_iter();
    if let Some(mut first) = io.next() {
        let others = io.count();
        if others > 0 {
            let plural = if others == 1 { "" } else { "s" };
            first.message = format!("{}, and {others} more I/O error{plural}", first.message);
        }
        rest.push(first);
    }
    Diagnostics(rest)
}

pub(super) fn io_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
        .code(IO_ERROR)
        .help("nothing was replaced: the previous output is as it was; free disk space or fix the folder's permissions, then build again")
}

/// An I/O error after some files of the output were already replaced.
pub(super) fn partial_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
        .code(IO_ERROR)
        .help("the output is part old, part new: every file is whole, either from the previous build or from this one; fix the folder's permissions or free disk space, then build again to finish")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_fold_into_the_first_and_a_count() {
        let err = std::io::Error::from_raw_os_error(28);
        let mut all = Diagnostics::default();
        for page in ["b", "a", "c"] {
            all.push(io_error(Path::new(page), "write", &err));
        }
        all.push(Diagnostic::new("a template problem"));
        let folded = summarize_io(all).0;
        assert_eq!(folded.len(), 2);
        assert_eq!(folded[0].message, "a template problem");
        assert!(folded[1].message.starts_with("cannot write a: "));
        assert!(folded[1].message.ends_with(", and 2 more I/O errors"));
        let one = summarize_io(Diagnostics(vec![io_error(Path::new("a"), "write", &err)])).0;
        assert!(!one[0].message.contains("more"));
    }
}
