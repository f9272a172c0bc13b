//! JSON output.

use crate::doc::{Cluster, Document, Entity, ReferenceDate};
use serde::Serialize;

/// The document as JSON (serialize it with `serde_json`): text length, reference date,
/// entities (code-point offsets as `start`/`end`, with UTF-16 and byte offsets alongside) and
/// clusters. Serialized straight from the document, without an intermediate
/// `serde_json::Value` (building and dropping one was a sixth of batch mode's time).
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    /// The caller's id of the document (batch mode), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    /// Length of the text in code points.
    pub length: usize,
    /// The date relative expressions were anchored on, and where it came from.
    pub reference_date: &'a Option<ReferenceDate>,
    /// Names and temporal expressions, in text order.
    pub entities: &'a [Entity],
    /// Mentions of the same entity, most salient first.
    pub clusters: &'a [Cluster],
}

/// The JSON form of a document.
pub fn json(doc: &Document) -> Json<'_> {
    Json { id: None, length: doc.text.chars().count(), reference_date: &doc.reference_date, entities: &doc.entities, clusters: &doc.clusters }
}
