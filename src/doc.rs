//! The one data model every stage reads and writes: a [`Document`] of tokens, sentences,
//! entities (names and temporal expressions alike) and clusters of mentions.

use crate::span::Span;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// A token: a word, number, punctuation mark, symbol or URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the document text.
    pub byte: Range<usize>,
    /// True when whitespace containing a line break precedes the token.
    pub newline_before: bool,
}

/// A sentence (or a headline, caption or other line-sized unit): a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// The labels shown to users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, institutions, teams.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, rivers, mountains, borders.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Named events: wars, summits, games, storms.
    Event,
    /// Other proper names.
    Misc,
    /// Calendar dates, durations and sets of days or longer.
    Date,
    /// Times of day and expressions finer than a day.
    Time,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 9] = [
        Label::Person, Label::Org, Label::Gpe, Label::Loc, Label::Norp,
        Label::Event, Label::Misc, Label::Date, Label::Time,
    ];

    /// The upper-case name (`"PERSON"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
        }
    }

    /// Parses an upper-case name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The CoNLL-2003 type this label maps back to (`None` for dates and times).
    pub fn conll(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PER"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc => Some("LOC"),
            Label::Norp | Label::Event | Label::Misc => Some("MISC"),
            Label::Date | Label::Time => None,
        }
    }

    /// True for DATE and TIME.
    pub fn is_temporal(self) -> bool {
        matches!(self, Label::Date | Label::Time)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period of days or longer ("2021-12-30", "2022", "2021-W52").
    Date,
    /// A time of day ("2021-12-30T15:00", "2021-12-30TMO").
    Time,
    /// An amount of time ("P3Y").
    Duration,
    /// A recurring time ("XXXX-WXX-1", "P1D" with a frequency).
    Set,
}

impl TimexType {
    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The normalized meaning of a temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2022-01-09`, `P3Y`, `PRESENT_REF`, `XXXX-XX-XXTMO`).
    pub value: String,
    /// TIMEX3 `mod` (`START`, `END`, `APPROX`, ...).
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For ranges ("January 9-10"): the value of the range's end; `value` is its start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_value: Option<String>,
    /// The date a relative expression was anchored on (ISO form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Why the value is what it is, in words ("the Thursday before 2021-12-31, past tense").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// A highlighted span: a name or a temporal expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Position in [`Document::entities`].
    pub id: usize,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The covered text, exactly as in the input.
    pub text: String,
    /// What it is.
    pub label: Label,
    /// Confidence in 0..=1.
    pub score: f32,
    /// For DATE and TIME: the normalized value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timex: Option<Timex>,
    /// The cluster of mentions this one belongs to ([`Document::clusters`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

/// Mentions of one entity within a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// Position in [`Document::clusters`].
    pub id: usize,
    /// The longest full form among the mentions.
    pub canonical: String,
    /// The cluster's label.
    pub label: Label,
    /// Ids of the member entities, in text order.
    pub mentions: Vec<usize>,
    /// Titles, roles and descriptions the article gives ("White House Press Secretary").
    pub roles: Vec<String>,
    /// How many sentences report what the entity said ("Psaki added", "the Kremlin said").
    pub statements: usize,
    /// How central the entity is to the document, in 0..=1 (1 for the most central).
    pub salience: f32,
}

/// An annotated text.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The input, unchanged.
    pub text: String,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; together they cover every token once.
    pub sentences: Vec<Sentence>,
    /// Entities sorted by start, not overlapping.
    pub entities: Vec<Entity>,
    /// Entity clusters, most salient first.
    pub clusters: Vec<Cluster>,
    /// The date relative expressions were anchored on (ISO), and where it came from.
    pub reference_date: Option<ReferenceDate>,
}

/// The document date temporal expressions are anchored on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    /// ISO date.
    pub date: String,
    /// `"given"` when the user set it, `"proposed"` when found in the text, `"proposed-year"`
    /// when the text gave a day and the year was assumed from the reader's date, `"today"` when
    /// the text gave none and the reader's date is used.
    pub source: &'static str,
}

impl Document {
    /// The text of a token.
    pub fn token_text(&self, i: usize) -> &str {
        &self.text[self.tokens[i].byte.clone()]
    }
}
