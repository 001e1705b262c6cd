//! Plain text: all of it is prose.

use std::borrow::Cow;

use super::Prose;

/// The text itself, borrowed: nothing to mask. A plain-text dateline or
/// front matter is found by the checks ([`crate::dateline`]), which read it.
pub fn prose(text: &str) -> Prose<'_> {
    Prose {
        text: Cow::Borrowed(text),
        date: None,
        comments: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_read_as_is() {
        let text = "**3,000** soldiers <b>arrived</b> “today” 😀";
        let p = prose(text);
        assert!(matches!(p.text, Cow::Borrowed(t) if t == text));
        assert_eq!(p.date, None);
    }
}
