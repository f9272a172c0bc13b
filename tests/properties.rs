//! Invariants over arbitrary text: no panics, offsets that agree in every unit, sorted
//! non-overlapping spans, determinism, and offsets that shift with a prefix.

mod common;

use dateline::{annotate, Options};
use proptest::prelude::*;

/// News-like fragments mixed with arbitrary Unicode, so that generated text hits the rules.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Joe Biden".to_owned()),
        Just("the U.S. ".to_owned()),
        Just("Dec. 7, 2021".to_owned()),
        Just(" on Friday morning".to_owned()),
        Just("NATO-Russia ".to_owned()),
        Just("Russia's ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(". ".to_owned()),
        Just("\"".to_owned()),
        Just("👍🏽".to_owned()),
        Just("https://x.org/a. ".to_owned()),
        Just("January 9-10, 2022 ".to_owned()),
        Just("15:00 GMT ".to_owned()),
        "[A-Z][a-z]{0,8} ",
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_annotates_with_consistent_offsets(text in texty()) {
        let doc = annotate(&text, &Options::default()).unwrap();
        common::assert_offsets(&doc);
        // Tokens are in order, non-empty, on boundaries, and only white space lies between.
        let mut pos = 0;
        for t in &doc.tokens {
            prop_assert!(t.byte.start >= pos && t.byte.start < t.byte.end);
            prop_assert!(text[pos..t.byte.start].chars().all(char::is_whitespace));
            pos = t.byte.end;
        }
        prop_assert!(text[pos..].chars().all(char::is_whitespace));
        // Sentences cover every token once, in order.
        let mut next = 0;
        for s in &doc.sentences {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.end > s.tokens.start);
            next = s.tokens.end;
        }
        prop_assert_eq!(next, doc.tokens.len());
        // Every entity belongs to a cluster that lists it, or is temporal.
        for e in &doc.entities {
            if let Some(c) = e.cluster {
                prop_assert!(doc.clusters[c].mentions.contains(&e.id));
            }
        }
    }

    #[test]
    fn annotation_is_deterministic(text in texty()) {
        let a = annotate(&text, &Options::default()).unwrap();
        let b = annotate(&text, &Options::default()).unwrap();
        prop_assert_eq!(a.entities, b.entities);
    }

    #[test]
    fn a_paragraph_break_prefix_shifts_offsets(text in texty()) {
        let opts = Options { reference_date: dateline::NaiveDate::from_ymd_opt(2021, 12, 30), ..Default::default() };
        let a = annotate(&text, &opts).unwrap();
        let prefixed = format!("\u{a0}😀\n\n{text}");
        let b = annotate(&prefixed, &opts).unwrap();
        // The emoji is a token of its own sentence; compare entities after it.
        let b_ents: Vec<_> = b.entities.iter().filter(|e| e.span.byte.start > 7).collect();
        prop_assert_eq!(a.entities.len(), b_ents.len(), "{:?} vs {:?}", a.entities, b_ents);
        for (x, y) in a.entities.iter().zip(b_ents) {
            prop_assert_eq!(&x.text, &y.text);
            prop_assert_eq!(x.label, y.label);
            prop_assert_eq!(x.span.byte.start + 8, y.span.byte.start);
            prop_assert_eq!(x.span.char.start + 4, y.span.char.start);
            prop_assert_eq!(x.span.utf16.start + 5, y.span.utf16.start);
        }
    }
}
