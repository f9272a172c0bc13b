//! # Dateline
//!
//! Finds the people, organizations, places, nationalities, events, dates and times in news
//! text, normalizes dates against the article's date, and groups mentions of one entity.
//! Pure Rust with no platform dependencies: the same core runs natively (the `dateline` CLI)
//! and in the browser (the `dateline-wasm` binding).
//!
//! The modules follow the pipeline, each stage with one entry point:
//!
//! | stage | module | entry point |
//! |---|---|---|
//! | 1. tokens | [`tokenize`] | [`tokenize::tokenize`] |
//! | 2. sentences | [`sentences`] | [`sentences::split`] |
//! | 3. names | [`entities`] | [`entities::Recognizer::recognize`] |
//! | 4. dates and times | [`time`] | [`time::tag`] |
//! | 5. mentions to entities | [`resolve`] | [`resolve::resolve`] |
//! | 6. output | [`output`] | [`output::json`], [`output::html`], [`output::conll`] |
//!
//! [`annotate`] runs them all and returns a [`Document`]; every span in it carries byte,
//! code-point and UTF-16 offsets ([`Span`]).
//!
//! ```
//! let doc = dateline::annotate("Biden spoke on Thursday.", &dateline::Options::default()).unwrap();
//! for e in &doc.entities {
//!     assert_eq!(&doc.text[e.span.byte.clone()], e.text);
//! }
//! ```
#![deny(missing_docs)]

pub mod doc;
pub mod entities;
pub mod error;
#[cfg(feature = "cli")]
pub mod eval;
pub mod model;
pub mod output;
mod pipeline;
pub mod resolve;
pub mod sentences;
pub mod span;
pub mod time;
pub mod tokenize;

pub use doc::{Cluster, Document, Entity, Label, ReferenceDate, Sentence, Timex, TimexType, Token};
pub use error::{Error, ErrorKind, Result};
pub use pipeline::{annotate, annotate_with, Options, MAX_INPUT_BYTES};
pub use span::{OffsetMap, Span};
/// The calendar date type used for reference dates.
pub use chrono::NaiveDate;
