//! `serve`: not implemented yet.
pub fn serve(
    _root: &std::path::Path,
    _port: u16,
    _color: codespan_reporting::term::termcolor::ColorChoice,
) -> Result<(), String> {
    Err("serve is not implemented yet".into())
}
