//! The open documents: their text as the editor holds it, their version, and
//! what was last found in them.

use std::path::PathBuf;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position::{Encoding, offset};
use crate::diagnostic::Diagnostic;
use crate::source::Format;

/// What kind of text a document is; numcheck checks only prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Markdown,
    Html,
    PlainText,
}

impl Language {
    /// From the client's language id, or else from the file's extension, as
    /// `numcheck check` chooses by extension; `None` for anything numcheck
    /// does not check (code, config files).
    pub fn detect(language_id: &str, uri: &Uri) -> Option<Language> {
        match language_id {
            "markdown" => return Some(Language::Markdown),
            "html" => return Some(Language::Html),
            "plaintext" | "text" => return Some(Language::PlainText),
            _ => {}
        }
        let path = uri.as_str();
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown") => Some(Language::Markdown),
            Some("html" | "htm") => Some(Language::Html),
            Some("txt") => Some(Language::PlainText),
            _ => None,
        }
    }

    /// How the document's prose is read.
    pub fn format(self) -> Format {
        match self {
            Language::Markdown => Format::Markdown,
            Language::Html => Format::Html,
            Language::PlainText => Format::Plain,
        }
    }

    /// Whether an HTML comment is markup in this language (so a suppression
    /// comment is invisible to readers); in plain text it would be published.
    pub fn has_comments(self) -> bool {
        matches!(self, Language::Markdown | Language::Html)
    }
}

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    pub language: Language,
    /// The findings for this version, once computed.
    pub diagnostics: Option<Vec<Diagnostic>>,
}

impl Document {
    pub fn new(text: String, version: i32, language: Language) -> Self {
        Document {
            text,
            version,
            language,
            diagnostics: None,
        }
    }

    /// Applies the client's edits in order and moves to `version`. An edit
    /// without a range replaces the whole text.
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let a = offset(&self.text, range.start, encoding);
                    let b = offset(&self.text, range.end, encoding);
                    self.text.replace_range(a.min(b)..a.max(b), &change.text);
                }
            }
        }
        self.version = version;
        self.diagnostics = None;
    }
}

/// The local file a `file:` URI names, for finding its configuration.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // "file:///home/x" and "file://localhost/home/x" both name /home/x.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // "/C:/Users/x" is the Windows path "C:/Users/x".
    let b = decoded.as_bytes();
    if cfg!(windows) && b.len() >= 3 && b[2] == b':' && b[1].is_ascii_alphabetic() {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn uri(s: &str) -> Uri {
        s.parse().expect("valid URI")
    }

    #[test]
    fn languages_from_id_or_extension() {
        let md = uri("file:///a/story.md");
        let txt = uri("file:///a/story.TXT");
        let rs = uri("file:///a/main.rs");
        let html = uri("file:///a/story.HTM");
        assert_eq!(Language::detect("markdown", &rs), Some(Language::Markdown));
        assert_eq!(
            Language::detect("plaintext", &rs),
            Some(Language::PlainText)
        );
        assert_eq!(Language::detect("", &md), Some(Language::Markdown));
        assert_eq!(Language::detect("text", &md), Some(Language::PlainText));
        assert_eq!(Language::detect("", &txt), Some(Language::PlainText));
        assert_eq!(Language::detect("rust", &rs), None);
        assert_eq!(Language::detect("html", &rs), Some(Language::Html));
        assert_eq!(Language::detect("", &html), Some(Language::Html));
        assert_eq!(Language::Html.format(), Format::Html);
        assert_eq!(Language::PlainText.format(), Format::Plain);
    }

    #[test]
    fn file_paths_are_decoded() {
        let p = file_path(&uri("file:///home/ed/My%20Drafts/caf%C3%A9.md"));
        assert_eq!(p, Some(PathBuf::from("/home/ed/My Drafts/café.md")));
        let p = file_path(&uri("file://localhost/tmp/a.txt"));
        assert_eq!(p, Some(PathBuf::from("/tmp/a.txt")));
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
    }

    #[test]
    fn incremental_edits_after_emoji_land_on_the_right_bytes() {
        let mut doc = Document::new("😀 “3,000” soldiers\nsecond".into(), 1, Language::PlainText);
        // Replace "3,000" (UTF-16 columns 4..9 on line 0) with "4,500".
        let edit = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 4), Position::new(0, 9))),
            range_length: None,
            text: "4,500".into(),
        };
        // Then insert at the start of line 1, in the same notification.
        let insert = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(1, 0), Position::new(1, 0))),
            range_length: None,
            text: "a ".into(),
        };
        doc.apply(vec![edit, insert], 2, Encoding::Utf16);
        assert_eq!(doc.text, "😀 “4,500” soldiers\na second");
        assert_eq!(doc.version, 2);
        let whole = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        doc.apply(vec![whole], 3, Encoding::Utf16);
        assert_eq!(doc.text, "new");
    }
}
