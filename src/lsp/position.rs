//! Byte offsets ↔ LSP positions. The rest of numcheck speaks UTF-8 byte
//! offsets; the protocol speaks 0-based lines and columns counted in the
//! encoding negotiated at `initialize` (UTF-16 code units unless the client
//! offers UTF-8). This module is the only place that converts.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::span::Span;

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes: columns are byte offsets within the line.
    Utf8,
    /// UTF-16 code units, the protocol's default: an astral-plane character
    /// (an emoji) counts 2, a curly quote 1.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it among the encodings it supports,
    /// otherwise UTF-16, which every client must understand.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// Length of `c` in this encoding's units.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Converts between byte offsets and positions for one text.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol counts them
/// (numcheck's own line numbers, for terminals, count `\n` only).
#[derive(Debug)]
pub struct PositionMap<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> PositionMap<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        let mut rest = text;
        while let Some((_, next)) = next_line(text, rest) {
            starts.push(next);
            rest = &text[next..];
        }
        PositionMap {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text; an offset inside
    /// a line ending is the end of its line).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let line_text = line_text(self.text, start);
        let character: usize = line_text
            .char_indices()
            .take_while(|&(i, _)| start + i < offset)
            .map(|(_, c)| self.encoding.units(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`; see [`offset`].
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        start
            + column_offset(
                line_text(self.text, start),
                position.character,
                self.encoding,
            )
    }

    /// The byte span of `range`, its ends in order.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

/// The byte offset of `position` in `text`, without building an index (for
/// applying one edit). A line past the end means the end of the text; a
/// column past the end of its line means the end of the line, as the protocol
/// asks; a column inside a character means that character's start.
pub fn offset(text: &str, position: Position, encoding: Encoding) -> usize {
    let mut start = 0;
    for _ in 0..position.line {
        match next_line(text, &text[start..]) {
            Some((_, next)) => start = next,
            None => return text.len(),
        }
    }
    start + column_offset(line_text(text, start), position.character, encoding)
}

/// In `rest`, a suffix of `text`: where its first line ending starts and
/// where the line after it starts, as byte offsets into `text`.
fn next_line(text: &str, rest: &str) -> Option<(usize, usize)> {
    let base = text.len() - rest.len();
    let i = rest.find(['\n', '\r'])?;
    let width = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
    Some((base + i, base + i + width))
}

/// The line starting at byte `start`, without its line ending.
fn line_text(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or("");
    match next_line(text, rest) {
        Some((end, _)) => &text[start..end],
        None => rest,
    }
}

/// Bytes into `line` of a column counted in `encoding` units.
fn column_offset(line: &str, column: u32, encoding: Encoding) -> usize {
    let column = column as usize;
    let mut units = 0;
    for (i, c) in line.char_indices() {
        let next = units + encoding.units(c);
        if next > column {
            return i;
        }
        units = next;
    }
    line.len()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIRBY: &str = include_str!("../../examples/kirby-briefing.txt");

    /// Positions and offsets agree both ways at every character boundary.
    fn round_trips(text: &str, encoding: Encoding) {
        let map = PositionMap::new(text, encoding);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue; // inside a line ending: no position names it
            }
            let p = map.position(offset);
            assert_eq!(map.offset(p), offset, "{encoding:?} at byte {offset}");
            assert_eq!(super::offset(text, p, encoding), offset);
        }
    }

    #[test]
    fn curly_quotes_count_one_utf16_unit_and_three_bytes() {
        // Line 4 of the Kirby briefing: “Russia suffers about 1,200 deaths …”
        let at = KIRBY.find("1,200").expect("figure in the briefing");
        let line_start = KIRBY[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &KIRBY[line_start..at];
        assert!(before.contains('“'));
        let utf16 = PositionMap::new(KIRBY, Encoding::Utf16).position(at);
        assert_eq!(utf16.line, 3);
        assert_eq!(utf16.character as usize, before.chars().count());
        let utf8 = PositionMap::new(KIRBY, Encoding::Utf8).position(at);
        assert_eq!(utf8.character as usize, before.len());
        assert_eq!(utf8.character, utf16.character + 2);
        round_trips(KIRBY, Encoding::Utf16);
        round_trips(KIRBY, Encoding::Utf8);
    }

    #[test]
    fn emoji_count_two_utf16_units() {
        let text = "ok\n😀 “3,000” soldiers\r\nnext";
        let at = text.find("3,000").expect("figure");
        let map = PositionMap::new(text, Encoding::Utf16);
        // 😀 = 2 units, space = 1, “ = 1.
        assert_eq!(map.position(at), Position::new(1, 4));
        assert_eq!(map.offset(Position::new(1, 4)), at);
        // A column inside the surrogate pair means the emoji's start.
        assert_eq!(
            map.offset(Position::new(1, 1)),
            text.find('😀').expect("emoji")
        );
        // Past the end of the line: the end of the line, before "\r\n".
        assert_eq!(
            map.offset(Position::new(1, 99)),
            text.find('\r').expect("CR")
        );
        // Past the last line: the end of the text.
        assert_eq!(map.offset(Position::new(7, 0)), text.len());
        assert_eq!(
            offset(text, Position::new(7, 0), Encoding::Utf16),
            text.len()
        );
        let utf8 = PositionMap::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(at), Position::new(1, 4 + 1 + 3));
        round_trips(text, Encoding::Utf16);
        round_trips(text, Encoding::Utf8);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let text = "a\rb";
            let map = PositionMap::new(text, encoding);
            assert_eq!(map.position(2), Position::new(1, 0));
            assert_eq!(map.position(1), Position::new(0, 1));
            assert_eq!(map.offset(Position::new(1, 0)), 2);
            assert_eq!(map.offset(Position::new(0, 9)), 1, "before the \\r");
            assert_eq!(offset(text, Position::new(1, 1), encoding), 3);
            round_trips(text, encoding);

            let text =
                "Talks ended on Friday, October 17, 2024.\rOfficials left on “Friday”.\r\n\rEnd";
            let map = PositionMap::new(text, encoding);
            let at = text.find("Of").expect("second line");
            assert_eq!(map.position(at), Position::new(1, 0));
            let friday = text.rfind("Friday").expect("second Friday");
            let column = if encoding == Encoding::Utf16 { 19 } else { 21 };
            assert_eq!(map.position(friday), Position::new(1, column));
            assert_eq!(offset(text, Position::new(1, column), encoding), friday);
            // "\r\n" is one line break, the "\r" after it another.
            let end = text.find("End").expect("last line");
            assert_eq!(map.position(end), Position::new(3, 0));
            assert_eq!(offset(text, Position::new(3, 0), encoding), end);
            round_trips(text, encoding);
        }
    }

    #[test]
    fn ranges_cover_the_same_text() {
        let text = "😀😀 “a” 1,500 soldiers";
        let start = text.find("1,500").expect("figure");
        let span = Span::new(start, text.len());
        let map = PositionMap::new(text, Encoding::Utf16);
        let range = map.range(span);
        assert_eq!(range.start, Position::new(0, 9));
        assert_eq!(map.span(range), span);
        assert_eq!(map.span(Range::new(range.end, range.start)), span);
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let one = [PositionEncodingKind::UTF16];
        assert_eq!(Encoding::negotiate(Some(&one)), Encoding::Utf16);
    }
}
