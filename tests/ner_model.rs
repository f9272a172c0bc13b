//! Loading the recognizer's model: a damaged or foreign file is an error, never a panic.

use dateline::entities::Recognizer;
use dateline::{model, ErrorKind};
use std::path::Path;

fn model_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner.bin")).unwrap()
}

#[test]
fn builtin_model_loads() {
    let r = Recognizer::builtin().expect("the committed model loads");
    let out = r.recognize(&[vec!["Angela", "Merkel", "visited", "Paris", "."]]);
    assert_eq!(out.len(), 1);
}

#[test]
fn empty_input_and_empty_sentences() {
    let r = Recognizer::builtin().unwrap();
    assert!(r.recognize(&[]).is_empty());
    assert_eq!(r.recognize(&[vec![], vec!["x"]]), vec![vec![], vec![]]);
}

#[test]
fn truncated_model_is_an_error() {
    let bytes = model_bytes();
    for n in [0, 7, 24, 100, bytes.len() / 2, bytes.len() - 1] {
        let e = Recognizer::from_bytes(&bytes[..n]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Model, "{e}");
    }
}

#[test]
fn flipped_bits_are_an_error() {
    let bytes = model_bytes();
    for i in [30, bytes.len() / 3, bytes.len() - 5] {
        let mut bad = bytes.clone();
        bad[i] ^= 0x40;
        assert!(Recognizer::from_bytes(&bad).is_err());
    }
}

/// Sections that pass the container's checksum but hold garbage must still be rejected
/// cleanly by the section decoders.
#[test]
fn garbage_sections_are_an_error() {
    let meta = br#"{"kind":"ner"}"#;
    let real = model_bytes();
    let c = model::Container::parse(&real).unwrap();
    let lexicon = c.section("lexicon").unwrap();
    let first = c.section("first").unwrap();
    let junk: Vec<u8> = (0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let cases: Vec<Vec<(&str, &[u8])>> = vec![
        vec![("meta", b"not json")],
        vec![("meta", br#"{"kind":"time"}"#), ("lexicon", lexicon), ("first", first)],
        vec![("meta", meta), ("lexicon", &junk), ("first", first)],
        vec![("meta", meta), ("lexicon", lexicon), ("first", &junk)],
        vec![("meta", meta), ("lexicon", lexicon), ("first", &first[..first.len() / 2])],
        vec![("meta", meta), ("lexicon", &lexicon[..lexicon.len() - 3]), ("first", first)],
        vec![("meta", meta), ("lexicon", lexicon)],
    ];
    for sections in cases {
        let file = model::write(&sections);
        let e = Recognizer::from_bytes(&file).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Model);
        assert!(e.to_string().starts_with("bad model file"), "{e}");
    }
    // And the real sections, rewritten, still load.
    let sections: Vec<(&str, &[u8])> = c.names().map(|n| (n, c.section(n).unwrap())).collect();
    Recognizer::from_bytes(&model::write(&sections)).unwrap();
}

mod properties {
    use dateline::entities::Recognizer;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Z][a-z]{0,8}",
            "[A-Z]{1,6}",
            "[a-z]{1,8}",
            "[0-9.,-]{1,6}",
            "\\PC{1,5}",
            Just(String::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any tokens: spans are in bounds, non-empty, sorted, not overlapping, scored 0..=1.
        #[test]
        fn spans_are_well_formed(doc in prop::collection::vec(prop::collection::vec(word(), 0..25), 0..6)) {
            let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
            let out = Recognizer::builtin().unwrap().recognize(&sentences);
            prop_assert_eq!(out.len(), sentences.len());
            for (s, spans) in sentences.iter().zip(&out) {
                let mut end = 0;
                for n in spans {
                    prop_assert!(n.tokens.start >= end && n.tokens.start < n.tokens.end && n.tokens.end <= s.len());
                    prop_assert!((0.0..=1.0).contains(&n.score), "score {}", n.score);
                    prop_assert!(!n.label.is_temporal());
                    end = n.tokens.end;
                }
            }
        }
    }
}
