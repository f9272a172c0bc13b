//! Evaluation against the research corpora (command line only).

pub mod conll;
pub mod timeml;
