//! Stage 2: sentence splitting. PLACEHOLDER: one sentence per line break run.

use crate::doc::{Sentence, Token};

/// Splits tokens into sentences.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let _ = text;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.newline_before && i > start {
            out.push(Sentence { tokens: start..i });
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(Sentence { tokens: start..tokens.len() });
    }
    out
}
