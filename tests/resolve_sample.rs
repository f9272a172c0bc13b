//! Issue 6 on the sample article, through the whole pipeline: each main entity forms one
//! cluster holding every mention of its name, titles are attached, and salience ranks the
//! article's protagonists first. The article is read from ../shared, never copied here.

mod common;

use dateline::{annotate, Document, Label, NaiveDate, Options};

fn sample() -> Document {
    let text = common::read_shared("samples/biden-putin-call.txt");
    annotate(&text, &Options { reference_date: NaiveDate::from_ymd_opt(2021, 12, 30), ..Default::default() }).unwrap()
}

/// The one cluster whose mentions cover every whole-word occurrence of `word` in the text.
fn cluster_of(doc: &Document, word: &str, label: Label) -> usize {
    let mut ids = Vec::new();
    let bytes = doc.text.as_bytes();
    for (at, _) in doc.text.match_indices(word) {
        let end = at + word.len();
        let boundary = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
        if (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) || !boundary(end) || doc.text[end..].starts_with("-Russia") {
            continue; // inside a longer word or in "NATO-Russia"
        }
        let e = doc
            .entities
            .iter()
            .find(|e| e.span.byte.start <= at && end <= e.span.byte.end)
            .unwrap_or_else(|| panic!("`{word}` at byte {at} is not inside any entity"));
        assert_eq!(e.label, label, "`{}` at byte {at}", e.text);
        ids.push(e.cluster.expect("names belong to clusters"));
    }
    assert!(!ids.is_empty(), "`{word}` not in the text");
    ids.dedup();
    assert_eq!(ids.len(), 1, "mentions of `{word}` are split over clusters {ids:?}");
    ids[0]
}

#[test]
fn main_entities_form_one_cluster_each() {
    let doc = sample();
    let expected = [
        ("Biden", Label::Person),
        ("Putin", Label::Person),
        ("Psaki", Label::Person),
        ("Kremlin", Label::Org),
        ("White House", Label::Org),
        ("OSCE", Label::Org),
    ];
    let mut seen = Vec::new();
    for (word, label) in expected {
        let c = cluster_of(&doc, word, label);
        assert!(!seen.contains(&c), "`{word}` shares a cluster with another entity");
        seen.push(c);
    }
    // NATO alone, kept apart from the NATO-Russia Council.
    let nato = doc.clusters.iter().find(|c| c.canonical == "NATO").expect("a NATO cluster");
    let council = doc.clusters.iter().find(|c| c.canonical == "NATO-Russia Council").expect("a council cluster");
    assert_ne!(nato.id, council.id);
    assert_eq!(nato.mentions.len(), 2);
    // The OSCE's long form joins its acronym.
    let osce = &doc.clusters[cluster_of(&doc, "OSCE", Label::Org)];
    assert!(osce.canonical.starts_with("Organization for Security and Cooperation"), "{}", osce.canonical);
}

#[test]
fn titles_are_attached() {
    let doc = sample();
    let biden = &doc.clusters[cluster_of(&doc, "Biden", Label::Person)];
    assert!(biden.roles.iter().any(|r| r == "US President"), "{:?}", biden.roles);
    let psaki = &doc.clusters[cluster_of(&doc, "Psaki", Label::Person)];
    assert!(psaki.roles.iter().any(|r| r == "White House Press Secretary"), "{:?}", psaki.roles);
    assert!(psaki.statements >= 2, "Psaki said and added");
    let putin = &doc.clusters[cluster_of(&doc, "Putin", Label::Person)];
    assert!(putin.roles.iter().any(|r| r.contains("counterpart")), "{:?}", putin.roles);
}

#[test]
fn protagonists_are_most_salient() {
    let doc = sample();
    let top: Vec<&str> = doc.clusters.iter().take(3).map(|c| c.canonical.as_str()).collect();
    assert!(top.contains(&"Joe Biden") && top.contains(&"Vladimir Putin"), "{top:?}");
    assert!(top.contains(&"Russia") || top.contains(&"Ukraine"), "{top:?}");
}
