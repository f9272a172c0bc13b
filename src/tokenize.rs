//! Stage 1: tokens. PLACEHOLDER: whitespace and punctuation.

use crate::doc::Token;

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut nl = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token { byte: s..i, newline_before: nl });
                nl = false;
            }
            nl |= c == '\n';
        } else if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Token { byte: s..i, newline_before: nl });
                nl = false;
            }
            out.push(Token { byte: i..i + c.len_utf8(), newline_before: nl });
            nl = false;
        }
    }
    if let Some(s) = start {
        out.push(Token { byte: s..text.len(), newline_before: nl });
    }
    out
}
