//! Input formats: plain text, Markdown and HTML, turned into the prose the
//! checks read without moving a single byte.
//!
//! A source returns a *masked copy* of the file: the same length, every byte
//! that is not prose (markup, code, link targets, comments, scripts, tags and
//! their attributes) replaced by an ASCII space, line breaks kept. Extraction
//! and checks run on the masked copy, so every span they produce is a byte
//! range of the original file as read, and the reports render the original.
//! Whole characters are masked, never parts of one, so the copy is valid
//! UTF-8 with the same character boundaries as the original.

pub mod html;
pub mod markdown;
pub mod plain;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use crate::span::Span;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// The format a file's extension implies: `.md` and `.markdown` are
    /// Markdown, `.html` and `.htm` HTML (any case), anything else plain text.
    pub fn from_path(path: &Path) -> Format {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return Format::Plain;
        };
        if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") {
            Format::Markdown
        } else if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
            Format::Html
        } else {
            Format::Plain
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// The prose of a document: the masked copy of its text, and the date the
/// document declares about itself (front matter, a publication-date meta tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose<'a> {
    /// Same length and character boundaries as the original; non-prose bytes
    /// are spaces. Borrowed when nothing is masked (plain text).
    pub text: Cow<'a, str>,
    /// The document's own date, if its metadata gives one.
    pub date: Option<jiff::civil::Date>,
    /// Where the format has comments (Markdown, HTML), the spans of the real
    /// ones: a `<!-- … -->` inside code or a script is text, not a comment,
    /// and suppresses nothing. `None` for plain text, which has no code.
    pub comments: Option<Vec<Span>>,
}

/// The prose of `text` read as `format`.
pub fn prose(text: &str, format: Format) -> Prose<'_> {
    match format {
        Format::Plain => plain::prose(text),
        Format::Markdown => markdown::prose(text),
        Format::Html => html::prose(text),
    }
}

/// The date in front matter at the very top of `text`: a `date:` line in a
/// YAML block between `---` fences, or `date =` in a TOML block between
/// `+++` fences. Values may be quoted and may carry a time
/// ("2024-06-05T10:00"), or be written out as a full date the extractor
/// reads ("October 23, 2024", "Wed., Oct. 23, 2024"). See
/// [`unreadable_front_matter_date`] for a value that is none of these.
pub fn front_matter_date(text: &str) -> Option<jiff::civil::Date> {
    front_matter_date_value(text).and_then(read_date)
}

/// The `date` value of the front matter at the top of `text`, as written
/// (unquoted), when it is not empty but not a full date either: "2024-13-45",
/// "October 2024". A caller warns about it; the document is left undated.
pub fn unreadable_front_matter_date(text: &str) -> Option<&str> {
    let value = front_matter_date_value(text)?;
    (!value.is_empty() && read_date(value).is_none()).then_some(value)
}

/// The `date` value of the front matter at the top of `text`, unquoted.
fn front_matter_date_value(text: &str) -> Option<&str> {
    let (fence, key_sep) = if text.starts_with("---") {
        ("---", ':')
    } else if text.starts_with("+++") {
        ("+++", '=')
    } else {
        return None;
    };
    let mut lines = text.lines();
    if lines.next()?.trim_end() != fence {
        return None;
    }
    for line in lines {
        let line = line.trim();
        if line == fence || (fence == "---" && line == "...") {
            break;
        }
        let Some(rest) = line.strip_prefix("date") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix(key_sep) else {
            continue;
        };
        return Some(value.trim().trim_matches(|c| c == '"' || c == '\''));
    }
    None
}

/// A front matter date value: YYYY-MM-DD at its start, else the first full
/// date the extractor finds in it, read with no document date (so nothing
/// relative resolves).
fn read_date(value: &str) -> Option<jiff::civil::Date> {
    if let Some(date) = leading_iso_date(value) {
        return Some(date);
    }
    // One line: never front matter itself, so extraction's own look for a
    // front matter date cannot come back here.
    if value.contains(['\n', '\r']) {
        return None;
    }
    let options = crate::Options {
        document_date: None,
    };
    crate::extract(value, &options)
        .iter()
        .find_map(|q| match (&q.kind, &q.value) {
            (crate::quantity::Kind::Date, crate::quantity::Value::Date(Some(d)))
                if !q.date.relative =>
            {
                d.civil()
            }
            _ => None,
        })
}

/// A YYYY-MM-DD date at the start of `value` ("2024-06-05", "2024-06-05T10:00Z").
fn leading_iso_date(value: &str) -> Option<jiff::civil::Date> {
    value
        .get(..10)
        .and_then(|d| crate::error::parse_iso_date(d).ok())
}

/// The masked copy under construction: bytes of the original, some of them
/// replaced by spaces (or by line breaks at block boundaries).
struct Mask<'a> {
    original: &'a str,
    bytes: Vec<u8>,
    /// The comments met on the way (`<!--` to `-->`), in order.
    comments: Vec<Span>,
}

impl<'a> Mask<'a> {
    /// Everything shown; [`Mask::hide`] masks.
    fn shown(original: &'a str) -> Self {
        Mask {
            original,
            bytes: original.as_bytes().to_vec(),
            comments: Vec::new(),
        }
    }

    /// Everything masked but line breaks; [`Mask::show`] unmasks.
    fn hidden(original: &'a str) -> Self {
        let bytes = original
            .bytes()
            .map(|b| if is_line_break(b) { b } else { b' ' })
            .collect();
        Mask {
            original,
            bytes,
            comments: Vec::new(),
        }
    }

    /// Masks the characters touching `range`, keeping line breaks.
    fn hide(&mut self, range: Range<usize>) {
        let (start, end) = self.outward(range);
        for b in &mut self.bytes[start..end] {
            if !is_line_break(*b) {
                *b = b' ';
            }
        }
    }

    /// Shows the original characters wholly inside `range`.
    fn show(&mut self, range: Range<usize>) {
        let (start, end) = self.inward(range);
        if start < end {
            self.bytes[start..end].copy_from_slice(&self.original.as_bytes()[start..end]);
        }
    }

    /// Turns the masked byte at `at` into a line break, so the prose on
    /// either side reads as separate blocks. Does nothing to a shown byte.
    fn break_line(&mut self, at: usize) {
        if at < self.bytes.len()
            && self.original.is_char_boundary(at)
            && self.bytes[at] == b' '
            && self.original.as_bytes()[at] != b' '
        {
            self.bytes[at] = b'\n';
        }
    }

    /// Turns line breaks inside `range` into spaces: a soft line break in a
    /// paragraph does not end a sentence.
    fn join_lines(&mut self, range: Range<usize>) {
        let end = range.end.min(self.bytes.len());
        let start = range.start.min(end);
        for b in &mut self.bytes[start..end] {
            if is_line_break(*b) {
                *b = b' ';
            }
        }
    }

    /// `range` clamped to the text and widened to character boundaries.
    fn outward(&self, range: Range<usize>) -> (usize, usize) {
        let len = self.original.len();
        let mut start = range.start.min(len);
        let mut end = range.end.min(len).max(start);
        while !self.original.is_char_boundary(start) {
            start -= 1;
        }
        while !self.original.is_char_boundary(end) {
            end += 1;
        }
        (start, end)
    }

    /// `range` clamped to the text and narrowed to character boundaries.
    fn inward(&self, range: Range<usize>) -> (usize, usize) {
        let len = self.original.len();
        let mut start = range.start.min(len);
        let mut end = range.end.min(len);
        while !self.original.is_char_boundary(start) {
            start += 1;
        }
        while end > start && !self.original.is_char_boundary(end) {
            end -= 1;
        }
        (start, end.max(start))
    }

    fn finish(self) -> String {
        // Only whole characters were replaced, and only by ASCII, so this is
        // valid UTF-8; if it ever were not, the unmasked text is the safe
        // answer (its spans are still right).
        String::from_utf8(self.bytes).unwrap_or_else(|_| self.original.to_string())
    }
}

fn is_line_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks the masking invariants: the same length, and each character of
    /// the original either kept as it is or wholly replaced by spaces and
    /// line breaks (so every character boundary of the original is one of
    /// the copy, and the unmasked bytes are the original's).
    pub(crate) fn assert_masks(original: &str, masked: &str) {
        assert_eq!(original.len(), masked.len(), "length changes");
        for (i, c) in original.char_indices() {
            let end = i + c.len_utf8();
            let got = masked.get(i..end).expect("a character boundary moved");
            assert!(
                got == &original[i..end] || got.bytes().all(|b| matches!(b, b' ' | b'\n' | b'\r')),
                "character {c:?} at {i} became {got:?}"
            );
        }
    }

    /// `text` read by a format's `prose`, checked with [`assert_masks`].
    pub(crate) fn masked_by(text: &str, prose: fn(&str) -> Prose<'_>) -> String {
        let p = prose(text);
        assert_masks(text, &p.text);
        p.text.into_owned()
    }

    /// The words the checks read in `text` as `prose` masks it, whitespace
    /// collapsed.
    pub(crate) fn words_by(text: &str, prose: fn(&str) -> Prose<'_>) -> String {
        masked_by(text, prose)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("b.MARKDOWN")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("b.htm")), Format::Html);
        assert_eq!(Format::from_path(Path::new("b.Html")), Format::Html);
        assert_eq!(Format::from_path(Path::new("b.txt")), Format::Plain);
        assert_eq!(Format::from_path(Path::new("README")), Format::Plain);
    }

    #[test]
    fn front_matter_dates() {
        let date = |t: &str| front_matter_date(t).map(|d| d.to_string());
        assert_eq!(
            date("---\ntitle: x\ndate: 2024-06-05\n---\nText."),
            Some("2024-06-05".into())
        );
        assert_eq!(
            date("---\r\ndate: \"2024-06-05T10:00:00Z\"\r\n---\r\n"),
            Some("2024-06-05".into())
        );
        assert_eq!(
            date("+++\ntitle = \"x\"\ndate = 2023-01-31T08:00:00Z\n+++\n"),
            Some("2023-01-31".into())
        );
        assert_eq!(date("---\ntitle: x\n---\ndate: 2024-06-05\n"), None);
        assert_eq!(date("---\ndated: 2024-06-05\n---\n"), None);
        assert_eq!(date("---\ndate: June 5\n---\n"), None);
        assert_eq!(
            date("---\ndate: October 23, 2024\n---\n"),
            Some("2024-10-23".into())
        );
        assert_eq!(
            date("+++\ndate = '23 Oct. 2024'\n+++\n"),
            Some("2024-10-23".into())
        );
        assert_eq!(date("---\ndate: 2024-13-45\n---\n"), None);
        let unreadable = unreadable_front_matter_date;
        assert_eq!(
            unreadable("---\ndate: 2024-13-45\n---\n"),
            Some("2024-13-45")
        );
        assert_eq!(unreadable("---\ndate: June 5\n---\n"), Some("June 5"));
        assert_eq!(unreadable("---\ndate: \"\"\n---\n"), None);
        assert_eq!(unreadable("---\ndate: 2024-06-05\n---\n"), None);
        assert_eq!(unreadable("---\ndate: Oct. 23, 2024\n---\n"), None);
        assert_eq!(unreadable("No front matter.\ndate: 2024-13-45\n"), None);
        assert_eq!(date("Text\n---\ndate: 2024-06-05\n---\n"), None);
        assert_eq!(date("----\ndate: 2024-06-05\n----\n"), None);
    }

    #[test]
    fn masks_whole_characters() {
        let text = "a “b” 😀 c";
        let mut m = Mask::shown(text);
        m.hide(3..4); // inside the opening quote: the whole quote goes
        let s = m.finish();
        assert_masks(text, &s);
        assert_eq!(s, "a    b” 😀 c");

        let mut m = Mask::hidden(text);
        m.show(3..text.len() - 2); // starts and ends inside characters
        let s = m.finish();
        assert_masks(text, &s);
        assert_eq!(s, "     b” 😀  ");
    }
}
