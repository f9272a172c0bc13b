//! Stage 4: temporal expressions (DATE, TIME with TIMEX3 type and value), anchored on the
//! document's reference date.
//!
//! PLACEHOLDER until the temporal tagger lands (issue 4): finds nothing.

use crate::doc::{Label, Sentence, Timex, Token};
use chrono::NaiveDate;
use std::ops::Range;

/// A temporal expression found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct TemporalMention {
    /// Byte range in the text (TimeML extent: no leading preposition).
    pub byte: Range<usize>,
    /// [`Label::Date`] or [`Label::Time`].
    pub label: Label,
    /// The normalized value.
    pub timex: Timex,
}

/// Finds and normalizes the temporal expressions of a tokenized text. `reference` is the
/// document date relative expressions are anchored on; without it they stay underspecified.
pub fn tag(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
) -> Vec<TemporalMention> {
    let _ = (text, tokens, sentences, reference);
    Vec::new()
}

/// Proposes a document date from the text itself (a dateline or a full date near the top).
pub fn propose_reference_date(text: &str) -> Option<NaiveDate> {
    let _ = text;
    None
}
