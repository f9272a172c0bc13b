//! Stage 5: group mentions of one entity into clusters, with roles and salience.

use crate::doc::{Cluster, Document};

/// Clusters the named entities of `doc` (fills [`Document::clusters`] and each entity's
/// `cluster`). This first version groups mentions with identical text.
pub fn resolve(doc: &mut Document) {
    let mut clusters: Vec<Cluster> = Vec::new();
    for e in doc.entities.iter_mut().filter(|e| !e.label.is_temporal()) {
        let id = match clusters.iter().position(|c| c.canonical == e.text && c.label == e.label) {
            Some(id) => id,
            None => {
                clusters.push(Cluster {
                    id: clusters.len(),
                    canonical: e.text.clone(),
                    label: e.label,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    salience: 0.0,
                });
                clusters.len() - 1
            }
        };
        clusters[id].mentions.push(e.id);
        e.cluster = Some(id);
    }
    let most = clusters.iter().map(|c| c.mentions.len()).max().unwrap_or(1) as f32;
    for c in &mut clusters {
        c.salience = c.mentions.len() as f32 / most;
    }
    doc.clusters = clusters;
}
