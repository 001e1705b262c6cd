//! Markdown (CommonMark with tables, footnotes, strikethrough, task lists
//! and front matter), read with pulldown-cmark's byte offsets.
//!
//! Prose is the text of paragraphs, headings, list items, block quotes,
//! table cells, footnotes and link text. Masked: the markup characters
//! themselves (`#`, `*`, `>`, `|`, list markers, …), front matter (its
//! `date` is the document's date), fenced and indented code blocks, inline
//! code, link targets and titles, reference definitions, images (alt text
//! included: it describes a picture, it is not running text), struck-out
//! text (`~~…~~`: a draft's deletion), footnote references, inline HTML and
//! HTML comments, and character references and backslash escapes' `\`
//! (decoding them in place would move bytes). HTML blocks are read as HTML
//! fragments ([`super::html`]). A soft line break inside a paragraph reads as
//! a space, so a hard-wrapped sentence stays one sentence.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Mask, Prose, front_matter_date, html};

/// The prose of a Markdown document.
pub fn prose(text: &str) -> Prose<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut mask = Mask::hidden(text);
    let mut date = None;
    // Depth of elements whose text is not prose (code blocks, images, …).
    let mut skip = 0u32;
    let mut html_block: Option<Range<usize>> = None;
    // Inside an autolink, whose text is its target. Links do not nest.
    let mut autolink = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_skipped(&tag) {
                    skip += 1;
                    autolink = matches!(tag, Tag::Link { .. });
                }
                match tag {
                    Tag::MetadataBlock(_) if range.start == 0 => date = front_matter_date(text),
                    Tag::HtmlBlock => html_block = Some(range),
                    _ => {}
                }
            }
            Event::End(tag) => {
                if ends_skipped(tag) || (tag == TagEnd::Link && autolink) {
                    skip = skip.saturating_sub(1);
                    autolink = false;
                }
                if tag == TagEnd::HtmlBlock
                    && let Some(block) = html_block.take()
                {
                    html::mask_markup(&mut mask, block, false);
                } else if ends_block(tag) {
                    break_after(&mut mask, range.end);
                }
            }
            Event::Text(t) if skip == 0 => show_text(&mut mask, text, range, &t),
            Event::SoftBreak if skip == 0 => mask.join_lines(range),
            // The lines of an HTML block are shown here and its markup is
            // masked when the block ends.
            Event::Html(_) if html_block.is_some() => mask.show(range),
            // An inline comment in a paragraph ("… <!-- numcheck-disable -->").
            Event::InlineHtml(h) if h.starts_with("<!--") => {
                mask.comments
                    .push(crate::span::Span::new(range.start, range.end));
            }
            _ => {}
        }
    }
    let comments = std::mem::take(&mut mask.comments);
    Prose {
        text: Cow::Owned(mask.finish()),
        date,
        comments: Some(comments),
    }
}

/// Elements whose text is not prose.
fn is_skipped(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::Strikethrough => true,
        // <https://example.com/2024/10>: the text is the target.
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

fn ends_skipped(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::Strikethrough
    )
}

/// Blocks whose end must end a sentence even when the source has no line
/// break there (table cells on one line).
fn ends_block(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition
    )
}

/// Shows a text event's source when it is the text itself; a backslash
/// escape (`\$300` gives "$300") shows all but the backslash; a character
/// reference (`&amp;` gives "&") stays masked.
fn show_text(mask: &mut Mask<'_>, text: &str, range: Range<usize>, decoded: &str) {
    let Some(source) = text.get(range.clone()) else {
        return;
    };
    if source == decoded {
        mask.show(range);
    } else if let Some(prefix) = source.strip_suffix(decoded) {
        mask.show(range.start + prefix.len()..range.end);
    }
}

/// A line break at the first masked markup byte from `at` on, unless a line
/// break or prose comes first.
fn break_after(mask: &mut Mask<'_>, at: usize) {
    let original = mask.original.as_bytes().get(at..).unwrap_or_default();
    let masked = mask.bytes.get(at..).unwrap_or_default();
    let first = original
        .iter()
        .zip(masked)
        .position(|(&o, &m)| !(m == b' ' && matches!(o, b' ' | b'\t')));
    if let Some(p) = first {
        // A no-op unless the byte is masked markup.
        mask.break_line(at + p);
    }
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
    fn markup_characters_are_masked() {
        assert_eq!(
            words(
                "# 3,000 troops\n\n**About** _1,500_ more, said [Kirby](https://x.com/2024 \"t 9\").\n"
            ),
            "3,000 troops About 1,500 more, said Kirby ."
        );
        assert_eq!(words("> - one 1\n> - two 2\n"), "one 1 two 2");
        assert_eq!(words("1. first\n2. second\n"), "first second");
        assert_eq!(words("- [x] done 4\n"), "done 4");
    }

    #[test]
    fn code_is_masked() {
        let text = "Text 1.\n\n```\nlet x = 3000;\n```\n\n    indented 42\n\nUse `5,000` here.\n";
        assert_eq!(words(text), "Text 1. Use here.");
    }

    #[test]
    fn link_targets_images_and_definitions_are_masked() {
        let text = "See [the 2024 report][r] and <https://x.com/2023/1> and \
                    ![a chart of 4,500 troops](c.png \"5\").\n\n[r]: https://x.com/2022 \"6\"\n";
        assert_eq!(words(text), "See the 2024 report and and .");
    }

    #[test]
    fn html_and_comments_are_masked() {
        let text = "A <!-- 40 dead? --> B <span class=\"n\">3</span> C.\n\n\
                    <!--\nblock 50\n-->\n\n<div class=\"x7\">\n<p>Nine <b>dogs</b></p>\n<script>var n = 8;</script>\n</div>\n\nEnd.\n";
        assert_eq!(words(text), "A B 3 C. Nine dogs End.");
    }

    #[test]
    fn strikethrough_footnotes_and_escapes() {
        assert_eq!(words("~~3,000~~ 4,000 soldiers\n"), "4,000 soldiers");
        assert_eq!(
            words("A figure.[^1]\n\n[^1]: From 2023 data.\n"),
            "A figure. From 2023 data."
        );
        let m = masked("It cost \\$300 &amp; more.");
        assert_eq!(m, "It cost  $300       more.");
    }

    #[test]
    fn tables_put_cells_on_their_own_lines() {
        let m = masked("| a | b |\n|---|---|\n| 3 | 500 |\n");
        let lines: Vec<&str> = m.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["a", "b", "3", "500"]);
    }

    #[test]
    fn soft_breaks_join_lines_and_blocks_do_not() {
        let m = masked("# Title\nThe storm\ndestroyed 950 homes.  \nNext line.\n\n- a\n- b\n");
        let lines: Vec<&str> = m.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Title",
                "The storm destroyed 950 homes.",
                "Next line.",
                "a",
                "b"
            ]
        );
    }

    #[test]
    fn front_matter_is_masked_and_dates_the_document() {
        let text = "---\ntitle: 12 dead\ndate: 2024-10-23\n---\n# Storm\n\nText 3.\n";
        let p = prose(text);
        assert_masks(text, &p.text);
        assert_eq!(p.date.map(|d| d.to_string()), Some("2024-10-23".into()));
        assert_eq!(words(text), "Storm Text 3.");
        let text = "+++\ndate = 2023-01-31\n+++\nText 3.\n";
        assert_eq!(
            prose(text).date.map(|d| d.to_string()),
            Some("2023-01-31".into())
        );
        assert_eq!(words(text), "Text 3.");
        // A thematic break later on is no front matter.
        assert_eq!(prose("Text.\n\n---\ndate: 2024-10-23\n---\n").date, None);
    }

    #[test]
    fn multi_byte_characters_next_to_masked_regions() {
        let text = "“**3,000**” 😀`x`é [ü](ü) ~~😀~~—\n";
        let m = masked(text);
        assert_eq!(m, "“  3,000  ” 😀   é  ü              —\n");
        let at = m.find("3,000").expect("kept");
        assert_eq!(&text[at..at + 5], "3,000");
    }

    proptest! {
        #[test]
        fn masking_preserves_offsets(text in "(#|\\*|_|`|```|~~|\\[|\\]|\\(|\\)|!|<|>|-->|<!--|&amp;|\\\\|\\||---|\\+\\+\\+|[a-z0-9 ]{1,4}|\n|    |“|😀|é|\\^|:){0,40}") {
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
