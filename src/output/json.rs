//! JSON output.

use crate::doc::Document;
use serde_json::{json, Value};

/// The document as JSON: text length, reference date, entities (code-point offsets as
/// `start`/`end`, with UTF-16 and byte offsets alongside) and clusters.
pub fn json(doc: &Document) -> Value {
    json!({
        "length": doc.text.chars().count(),
        "reference_date": doc.reference_date,
        "entities": doc.entities,
        "clusters": doc.clusters,
    })
}
