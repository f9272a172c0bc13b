//! Stage 3: named entities (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC) over tokenized sentences.
//!
//! PLACEHOLDER: capitalized runs become MISC until the trained recognizer lands (issue 3).

#[cfg(feature = "cli")]
pub mod train;

use crate::doc::Label;
use crate::error::Result;
use std::ops::Range;

/// A name found in one sentence, as a range of that sentence's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct NameSpan {
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// The product label.
    pub label: Label,
    /// Confidence in 0..=1.
    pub score: f32,
}

/// The named-entity recognizer.
#[derive(Debug)]
pub struct Recognizer {}

impl Recognizer {
    /// The recognizer compiled into this build.
    pub fn builtin() -> Result<&'static Recognizer> {
        static R: Recognizer = Recognizer {};
        Ok(&R)
    }

    /// Tags a whole document at once (so that document context can be used): one list of
    /// sentences, each a list of token strings; returns the names of each sentence.
    pub fn recognize(&self, sentences: &[Vec<&str>]) -> Vec<Vec<NameSpan>> {
        sentences
            .iter()
            .map(|s| {
                let mut out = Vec::new();
                let mut i = 0;
                while i < s.len() {
                    let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
                    if cap(s[i]) && i > 0 {
                        let start = i;
                        while i < s.len() && cap(s[i]) {
                            i += 1;
                        }
                        out.push(NameSpan { tokens: start..i, label: Label::Misc, score: 0.5 });
                    } else {
                        i += 1;
                    }
                }
                out
            })
            .collect()
    }
}
