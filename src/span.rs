//! Offsets in the three units people need: UTF-8 bytes (Rust), Unicode code points (the CLI,
//! Python) and UTF-16 code units (JavaScript). Every stage works in bytes; [`OffsetMap`] turns a
//! byte range into a [`Span`] once, at the end.

use serde::{Serialize, Serializer};
use std::ops::Range;

/// A half-open range of text in three offset units. All three describe the same characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// UTF-8 byte offsets: `&text[span.byte.clone()]` is the span's text.
    pub byte: Range<usize>,
    /// Unicode code-point offsets (what Python's `text[start:end]` uses).
    pub char: Range<usize>,
    /// UTF-16 code-unit offsets (what JavaScript's `text.slice(start, end)` uses).
    pub utf16: Range<usize>,
}

impl Span {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.byte.len()
    }

    /// True when the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.byte.is_empty()
    }
}

/// Serialized as `{"start", "end"}` in code points, with the other units alongside.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Span", 6)?;
        st.serialize_field("start", &self.char.start)?;
        st.serialize_field("end", &self.char.end)?;
        st.serialize_field("utf16_start", &self.utf16.start)?;
        st.serialize_field("utf16_end", &self.utf16.end)?;
        st.serialize_field("byte_start", &self.byte.start)?;
        st.serialize_field("byte_end", &self.byte.end)?;
        st.end()
    }
}

/// Converts byte offsets of one text into code-point and UTF-16 offsets.
///
/// Built in one pass over the text; lookups are binary searches over the positions where a
/// character is wider than one byte, so pure-ASCII text costs almost nothing.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset just after each multi-byte character, with the running extra counts.
    marks: Vec<Mark>,
    len: usize,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Byte offset just after a multi-byte character.
    byte_end: usize,
    /// Bytes beyond one per code point, counted up to `byte_end`.
    extra_bytes_cp: usize,
    /// Bytes beyond one per UTF-16 unit, counted up to `byte_end`.
    extra_bytes_u16: usize,
}

impl OffsetMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let (mut extra_cp, mut extra_u16) = (0, 0);
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let w = c.len_utf8();
                if w > 1 {
                    extra_cp += w - 1;
                    extra_u16 += w - c.len_utf16();
                    marks.push(Mark { byte_end: i + w, extra_bytes_cp: extra_cp, extra_bytes_u16: extra_u16 });
                }
            }
        }
        OffsetMap { marks, len: text.len() }
    }

    fn mark_before(&self, byte: usize) -> Option<&Mark> {
        // Marks are sorted by byte_end; take the last one ending at or before `byte`.
        let n = self.marks.partition_point(|m| m.byte_end <= byte);
        n.checked_sub(1).map(|i| &self.marks[i])
    }

    /// Code-point offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        byte - self.mark_before(byte).map_or(0, |m| m.extra_bytes_cp)
    }

    /// UTF-16 offset of a byte offset that lies on a character boundary.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        byte - self.mark_before(byte).map_or(0, |m| m.extra_bytes_u16)
    }

    /// The [`Span`] of a byte range.
    pub fn span(&self, byte: Range<usize>) -> Span {
        Span {
            char: self.char_offset(byte.start)..self.char_offset(byte.end),
            utf16: self.utf16_offset(byte.start)..self.utf16_offset(byte.end),
            byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let map = OffsetMap::new(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let s = map.span(a..b);
                let piece = &text[a..b];
                assert_eq!(chars[s.char.clone()].iter().collect::<String>(), piece);
                assert_eq!(String::from_utf16(&utf16[s.utf16.clone()]).unwrap(), piece);
            }
        }
    }

    #[test]
    fn ascii_offsets_are_identity() {
        check("Biden called Putin.");
    }

    #[test]
    fn astral_and_accented_characters_shift_offsets() {
        check("👍🏽 Zelenskyy met Macron in Zürich — “talks” ✓ 𝔘𝔖");
        let map = OffsetMap::new("😀a");
        assert_eq!(map.span(4..5), Span { byte: 4..5, char: 1..2, utf16: 2..3 });
    }
}
