//! HTML: the article's text only.
//!
//! A small scanner, not a full HTML parser: it needs only to tell prose from
//! markup, and it must never move a byte. What it masks:
//!
//! - tags with all their attributes (`<img alt="…">` included: alt text is
//!   not part of the running text), comments, `<!DOCTYPE>`, `<?…?>`, CDATA;
//! - the content of `<script>`, `<style>`, `<title>`, `<textarea>` (raw text
//!   up to the closing tag), and of `<head>`, `<nav>`, `<footer>`,
//!   `<template>`, `<noscript>`, `<svg>`, `<math>`, `<select>`, `<button>`;
//! - character references (`&amp;`, `&nbsp;`, `&#8217;`): they become
//!   spaces, as decoding them in place would move the bytes after them;
//! - everything outside `<article>` and `<main>`, when the page has one.
//!
//! HTML collapses whitespace, so line breaks in the source do not end a
//! sentence (except inside `<pre>`); block elements (`<p>`, `<div>`, `<li>`,
//! `<h1>`…`<h6>`, `<br>`, `<tr>`, `<td>` and the like) do: the first byte of
//! their tags becomes a line break. A `<meta>` publication date
//! (`article:published_time`, `date`, `datePublished`, `dc.date`) is the
//! document's date.

use std::borrow::Cow;
use std::ops::Range;

use super::{Mask, Prose, leading_iso_date};

/// The article text of an HTML document.
pub fn prose(text: &str) -> Prose<'_> {
    let mut mask = Mask::shown(text);
    let date = mask_markup(&mut mask, 0..text.len(), true);
    let comments = std::mem::take(&mut mask.comments);
    Prose {
        text: Cow::Owned(mask.finish()),
        date,
        comments: Some(comments),
    }
}

/// Elements whose content is raw text up to their closing tag.
const RAW: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "noembed", "noframes", "iframe",
];

/// Elements whose content is parsed but is not article text.
const SKIP: &[&str] = &[
    "head", "nav", "footer", "template", "noscript", "svg", "math", "select", "button",
];

/// Elements that hold the article when a page has them.
const FOCUS: &[&str] = &["article", "main"];

/// Elements that start or end a block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

fn position_in(list: &[&str], name: &str) -> Option<usize> {
    list.iter().position(|n| n.eq_ignore_ascii_case(name))
}

/// Masks the markup in `range` of the mask's text. `document`: `range` is a
/// whole page (focus on `<article>`/`<main>`, collapse line breaks, read the
/// `<meta>` date); otherwise a fragment (an HTML block in Markdown), whose
/// line breaks are left as they are. Returns the page's `<meta>` date.
pub(super) fn mask_markup(
    mask: &mut Mask<'_>,
    range: Range<usize>,
    document: bool,
) -> Option<jiff::civil::Date> {
    let text = mask.original;
    let b = text.as_bytes();
    let end = range.end.min(b.len());
    let start = range.start.min(end);
    let mut date = None;
    let mut breaks = Vec::new();
    let mut skip_depth = [0u32; SKIP.len()];
    let mut skip_from = start;
    let mut focus_depth = 0u32;
    let mut focus_from = start;
    let mut focus: Vec<Range<usize>> = Vec::new();
    let mut pre_depth = 0u32;
    let mut pre_from = start;
    let mut pre: Vec<Range<usize>> = Vec::new();

    let mut i = start;
    while let Some(off) = b[i..end].iter().position(|&c| c == b'<' || c == b'&') {
        let at = i + off;
        if b[at] == b'&' {
            match entity_end(b, at, end) {
                Some(e) => {
                    mask.hide(at..e);
                    i = e;
                }
                None => i = at + 1,
            }
            continue;
        }
        let rest = &b[at..end];
        let special = if rest.starts_with(b"<!--") {
            let e = find(b, at + 4, end, b"-->").map_or(end, |p| p + 3);
            mask.comments.push(crate::span::Span::new(at, e));
            Some(e)
        } else if rest.starts_with(b"<![CDATA[") {
            Some(find(b, at + 9, end, b"]]>").map_or(end, |p| p + 3))
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            Some(find(b, at + 2, end, b">").map_or(end, |p| p + 1))
        } else {
            None
        };
        if let Some(e) = special {
            mask.hide(at..e);
            i = e;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !b
            .get(name_start)
            .is_some_and(|c| c.is_ascii_alphabetic() && name_start < end)
        {
            // "3 < 5", "a <5% share": a literal '<'.
            i = at + 1;
            continue;
        }
        let name_end = b[name_start..end]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
            .map_or(end, |p| name_start + p);
        let Some(tag_end) = tag_end(b, name_end, end) else {
            // No closing '>': not a tag.
            i = at + 1;
            continue;
        };
        mask.hide(at..tag_end);
        let name = &text[name_start..name_end];
        if position_in(BLOCK, name).is_some() {
            breaks.push(at);
        }
        i = tag_end;
        if closing {
            if let Some(k) = position_in(SKIP, name)
                && skip_depth[k] > 0
            {
                skip_depth[k] -= 1;
                if skip_depth.iter().all(|&d| d == 0) {
                    mask.hide(skip_from..tag_end);
                }
            }
            if position_in(FOCUS, name).is_some() && focus_depth > 0 {
                focus_depth -= 1;
                if focus_depth == 0 {
                    focus.push(focus_from..tag_end);
                }
            }
            if name.eq_ignore_ascii_case("pre") && pre_depth > 0 {
                pre_depth -= 1;
                if pre_depth == 0 {
                    pre.push(pre_from..at);
                }
            }
            continue;
        }
        let self_closing = b[tag_end - 2] == b'/';
        if document && date.is_none() && name.eq_ignore_ascii_case("meta") {
            date = meta_date(&text[at..tag_end]);
        }
        if position_in(RAW, name).is_some() && !self_closing {
            let e = closing_tag(b, tag_end, end, name.as_bytes()).unwrap_or(end);
            mask.hide(tag_end..e);
            i = e;
            continue;
        }
        if name.eq_ignore_ascii_case("body") && skip_depth[0] > 0 {
            // <body> closes an unclosed <head>.
            skip_depth[0] = 0;
            if skip_depth.iter().all(|&d| d == 0) {
                mask.hide(skip_from..at);
            }
        }
        if let Some(k) = position_in(SKIP, name)
            && !self_closing
        {
            if skip_depth.iter().all(|&d| d == 0) {
                skip_from = at;
            }
            skip_depth[k] += 1;
        }
        if position_in(FOCUS, name).is_some() && !self_closing {
            if focus_depth == 0 {
                focus_from = at;
            }
            focus_depth += 1;
        }
        if name.eq_ignore_ascii_case("pre") && !self_closing {
            if pre_depth == 0 {
                pre_from = tag_end;
            }
            pre_depth += 1;
        }
    }
    if skip_depth.iter().any(|&d| d > 0) {
        mask.hide(skip_from..end);
    }
    if focus_depth > 0 {
        focus.push(focus_from..end);
    }
    if pre_depth > 0 {
        pre.push(pre_from..end);
    }
    if document {
        if !focus.is_empty() {
            let mut from = start;
            for r in &focus {
                if r.start > from {
                    mask.hide(from..r.start);
                }
                from = from.max(r.end);
            }
            mask.hide(from..end);
        }
        let mut from = start;
        for r in &pre {
            mask.join_lines(from..r.start);
            from = from.max(r.end);
        }
        mask.join_lines(from..end);
    }
    for at in breaks {
        mask.break_line(at);
    }
    date
}

/// The first occurrence of `needle` in `b[from..end]`.
fn find(b: &[u8], from: usize, end: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..end)?;
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The end (after ';') of a character reference starting at `at`
/// ("&amp;", "&#8217;", "&#x2019;"), or None if there is none.
fn entity_end(b: &[u8], at: usize, end: usize) -> Option<usize> {
    let limit = (at + 33).min(end);
    let body = b.get(at + 1..limit)?;
    let (skip, ok): (usize, fn(&u8) -> bool) = match body {
        [b'#', b'x' | b'X', ..] => (2, u8::is_ascii_hexdigit),
        [b'#', ..] => (1, u8::is_ascii_digit),
        _ => (0, u8::is_ascii_alphanumeric),
    };
    let run = body.get(skip..)?.iter().take_while(|c| ok(c)).count();
    let semi = at + 1 + skip + run;
    (run > 0 && b.get(semi) == Some(&b';') && semi < end).then_some(semi + 1)
}

/// The end (after '>') of a tag whose name ends at `from`; quoted attribute
/// values may hold '>'. None when the tag never closes.
fn tag_end(b: &[u8], from: usize, end: usize) -> Option<usize> {
    let mut i = from;
    while i < end {
        match b[i] {
            b'>' => return Some(i + 1),
            b'=' => {
                i += 1;
                while i < end && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < end && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let close = b[i + 1..end].iter().position(|&c| c == q)?;
                    i += close + 2;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The end of the closing tag `</name …>` after `from` (any case).
fn closing_tag(b: &[u8], from: usize, end: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(b, i, end, b"</") {
        let name_end = p + 2 + name.len();
        let matches = b
            .get(p + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(name_end)
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'-'));
        if matches && name_end <= end {
            return Some(find(b, name_end, end, b">").map_or(end, |q| q + 1));
        }
        i = p + 2;
    }
    None
}

/// The value of attribute `key` (any case) in the tag `tag` ("<meta …>").
fn attribute<'t>(tag: &'t str, key: &str) -> Option<&'t str> {
    let b = tag.as_bytes();
    // Past the tag name.
    let mut i = 1 + b
        .get(1..)?
        .iter()
        .take_while(|c| !c.is_ascii_whitespace() && **c != b'>' && **c != b'/')
        .count();
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = &tag[name_start..i];
        if name.is_empty() {
            return None;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = b[i + 1..].iter().position(|&c| c == q)?;
                    let v = &tag[i + 1..i + 1 + close];
                    i += close + 2;
                    v
                }
                _ => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    &tag[s..i]
                }
            }
        } else {
            ""
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(value);
        }
    }
    None
}

/// The publication date a `<meta>` tag gives, if it is one.
fn meta_date(tag: &str) -> Option<jiff::civil::Date> {
    const KEYS: &[&str] = &[
        "article:published_time",
        "date",
        "datepublished",
        "dc.date",
        "dc.date.issued",
    ];
    let named = ["property", "name", "itemprop"]
        .iter()
        .filter_map(|k| attribute(tag, k))
        .any(|v| KEYS.iter().any(|k| k.eq_ignore_ascii_case(v)));
    if !named {
        return None;
    }
    leading_iso_date(attribute(tag, "content")?.trim())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_masks, masked_by, words_by};
    use super::*;
    use proptest::prelude::*;

    fn masked(text: &str) -> String {
        masked_by(text, prose)
    }

    fn words(text: &str) -> String {
        words_by(text, prose)
    }

    #[test]
    fn tags_and_attributes_are_masked() {
        let text = r#"<p class="lead" data-n="3,000">About <b>3,000</b> soldiers.</p>"#;
        assert_eq!(words(text), "About 3,000 soldiers.");
        let text = r#"<a href="/2024/10/23/x.html" title="1,500">an additional 1,500</a>"#;
        assert_eq!(words(text), "an additional 1,500");
        let text = r#"<img src="a.png" alt="a chart of 4,500 troops"> The chart."#;
        assert_eq!(words(text), "The chart.");
        let text = r#"<p title='a > b'>x</p>"#;
        assert_eq!(words(text), "x");
    }

    #[test]
    fn scripts_styles_comments_and_head_are_masked() {
        let text = "<html><head><title>12 dead</title><meta charset=utf-8>\
                    <style>p { margin: 3px }</style></head>\
                    <body><!-- 40 killed? --><p>Two were hurt.</p>\
                    <script>var n = 5 < 6 ? '</p>' : 7;</script>\
                    <SCRIPT type=x>if (a<b) { 99 }</SCRIPT ><p>Done.</p></body></html>";
        assert_eq!(words(text), "Two were hurt. Done.");
        // An unclosed <head> ends at <body>.
        assert_eq!(words("<head><title>x</title>9 <body>Ten."), "Ten.");
        // An unterminated comment or script runs to the end.
        assert_eq!(words("Ten. <!-- 11 12"), "Ten.");
        assert_eq!(words("Ten. <script>11 12"), "Ten.");
    }

    #[test]
    fn nav_footer_and_friends_are_masked() {
        let text = "<nav><ul><li>Page 2</li></ul></nav><p>3 people.</p>\
                    <footer>© 2024 <nav>x</nav> 5 Main St</footer><p>4 more.</p>";
        assert_eq!(words(text), "3 people. 4 more.");
    }

    #[test]
    fn article_and_main_are_preferred() {
        let text = "<div>Sidebar: 12 most read</div><article><h1>Storm</h1>\
                    <p>3 homes lost.</p></article><div>Ad 5</div>";
        assert_eq!(words(text), "Storm 3 homes lost.");
        let text = "<p>top 7</p><main><p>8 dogs</p><article><p>9 cats</p></article></main>\
                    <p>bottom</p><article><p>10 birds";
        assert_eq!(words(text), "8 dogs 9 cats 10 birds");
    }

    #[test]
    fn blocks_break_lines_and_source_line_breaks_do_not() {
        let text =
            "<h1>Storm</h1><p>The storm\ndestroyed 950 homes</p><ul><li>a</li><li>b</li></ul>";
        let m = masked(text);
        let lines: Vec<&str> = m.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Storm", "The storm destroyed 950 homes", "a", "b"]);
        // <br> breaks a line; <pre> keeps its own line breaks.
        let m = masked("one<br>two<pre>x\ny</pre>");
        let lines: Vec<&str> = m.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["one", "two", "x", "y"]);
    }

    #[test]
    fn character_references_become_spaces() {
        let text = "Kirby&#8217;s 3,000&nbsp;soldiers &amp; AT&T &#x2019; &bogus &;";
        assert_eq!(
            masked(text),
            "Kirby       s 3,000      soldiers       AT&T          &bogus &;"
        );
    }

    #[test]
    fn literal_angle_brackets_are_text() {
        assert_eq!(
            words("a <5% share, 3 < 4, x <y"),
            "a <5% share, 3 < 4, x <y"
        );
    }

    #[test]
    fn multi_byte_characters_next_to_masked_regions() {
        let text = "“<b>3,000</b>”😀<i>soldiers</i>é<!--😀-->ü&nbsp;—";
        let m = masked(text);
        assert_eq!(m, "“   3,000    ”😀   soldiers    é           ü      —");
        let at = m.find("3,000").expect("kept");
        assert_eq!(&text[at..at + 5], "3,000");
    }

    #[test]
    fn meta_dates() {
        let date = |t: &str| prose(t).date.map(|d| d.to_string());
        assert_eq!(
            date(
                r#"<head><meta property="article:published_time" content="2024-10-23T09:00:00Z"></head>"#
            ),
            Some("2024-10-23".into())
        );
        assert_eq!(
            date("<meta name=date content=2005-04-27>"),
            Some("2005-04-27".into())
        );
        assert_eq!(
            date(r#"<meta itemprop='datePublished' content='2023-01-31'/>"#),
            Some("2023-01-31".into())
        );
        assert_eq!(date(r#"<meta name="viewport" content="2024-10-23">"#), None);
        assert_eq!(date(r#"<meta name="date" content="October 23">"#), None);
    }

    #[test]
    fn attributes() {
        let tag = r#"<meta a=1 B="two 2" c='3' d e = "5">"#;
        assert_eq!(attribute(tag, "a"), Some("1"));
        assert_eq!(attribute(tag, "b"), Some("two 2"));
        assert_eq!(attribute(tag, "c"), Some("3"));
        assert_eq!(attribute(tag, "d"), Some(""));
        assert_eq!(attribute(tag, "e"), Some("5"));
        assert_eq!(attribute(tag, "f"), None);
        assert_eq!(attribute(r#"<meta a="unclosed>"#, "a"), None);
    }

    proptest! {
        #[test]
        fn masking_preserves_offsets(text in "(<[a-z/!?]{0,3}|-->|&#?[a-z0-9]{0,3};?|[a-z ]{1,4}|\n|“|😀|é|>|\"|'|=|<script>|</script|<pre>|<article>|<head>|<body>){0,40}") {
            let p = prose(&text);
            assert_masks(&text, &p.text);
        }

        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            let p = prose(&text);
            assert_masks(&text, &p.text);
        }
    }
}
