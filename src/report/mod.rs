//! Renders what the library found. One output format, one file.

pub mod check_json;
pub mod check_pretty;
pub mod extract_json;
pub mod extract_pretty;

/// A document as the reports see it: its display path and text.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub path: &'a str,
    pub text: &'a str,
}
