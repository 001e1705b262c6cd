//! Byte spans into the input, and the line index that turns them into
//! line/column positions at the edges (JSON output, pretty output, LSP).

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into the input, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers. Returns "" when the span is not on char
    /// boundaries of `text` (which would be a bug, never a panic).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Offsets of line starts, for converting byte offsets to lines and columns.
/// Conversions cost O(log n) plus at most one block of text, however long the
/// line: the index keeps running character counts every [`BLOCK`] bytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, chars before it, UTF-16 units before it), every BLOCK bytes.
    marks: Vec<(usize, usize, usize)>,
}

/// Bytes between two running-count marks.
const BLOCK: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut marks = vec![(0, 0, 0)];
        let (mut chars, mut units) = (0, 0);
        let mut next = BLOCK;
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, chars, units));
                next = i + BLOCK;
            }
            chars += 1;
            units += c.len_utf16();
        }
        LineIndex { starts, marks }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    /// Characters and UTF-16 units before byte `offset` in the whole text.
    fn counts(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let k = match self.marks.binary_search_by_key(&offset, |m| m.0) {
            Ok(k) => k,
            Err(k) => k.saturating_sub(1),
        };
        let (at, chars, units) = self.marks[k];
        let rest = text.get(at..offset).unwrap_or("");
        (
            chars + rest.chars().count(),
            units + rest.chars().map(char::len_utf16).sum::<usize>(),
        )
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_column(&self, text: &str, offset: usize) -> LineColumn {
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = self.counts(text, offset).0 - self.counts(text, start).0;
        LineColumn {
            line: line + 1,
            column: column + 1,
        }
    }

    /// 0-based line and UTF-16 code-unit column (for the language server).
    pub fn line_utf16(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_start(line);
        (
            line,
            self.counts(text, offset).1 - self.counts(text, start).1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a “b” c\nsecond “line”";
        let index = LineIndex::new(text);
        let c = text.find('c').unwrap();
        assert_eq!(
            index.line_column(text, c),
            LineColumn { line: 1, column: 7 }
        );
        let l = text.find("line").unwrap();
        assert_eq!(
            index.line_column(text, l),
            LineColumn { line: 2, column: 9 }
        );
        assert_eq!(index.line_utf16("😀x", "😀".len()), (0, 2));
    }

    #[test]
    fn columns_on_a_long_line_match_a_direct_count() {
        let line = "é“x” 3,000 😀 ".repeat(400);
        let index = LineIndex::new(&line);
        for (offset, _) in line.char_indices().step_by(37) {
            let direct = line[..offset].chars().count() + 1;
            assert_eq!(index.line_column(&line, offset).column, direct);
            let utf16: usize = line[..offset].chars().map(char::len_utf16).sum();
            assert_eq!(index.line_utf16(&line, offset), (0, utf16));
        }
    }

    #[test]
    fn span_text_off_boundary_is_empty() {
        let text = "“x”";
        assert_eq!(Span::new(1, 3).text(text), "");
        assert_eq!(Span::new(0, 3).text(text), "“");
    }
}
