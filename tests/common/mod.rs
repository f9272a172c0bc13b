//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the repository: research data and the sample article, never copied in.
pub fn shared(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel)
}

/// Reads a file from `../shared`, with a message that says what is missing.
pub fn read_shared(rel: &str) -> String {
    let p = shared(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{} is needed by this test: {e}", p.display()))
}

/// Checks that every entity's three offset pairs select its text.
pub fn assert_offsets(doc: &dateline::Document) {
    let chars: Vec<char> = doc.text.chars().collect();
    let utf16: Vec<u16> = doc.text.encode_utf16().collect();
    let mut prev_end = 0;
    for e in &doc.entities {
        assert!(e.span.byte.start >= prev_end, "entities overlap or are unsorted at {:?}", e.span);
        prev_end = e.span.byte.end;
        assert!(!e.text.is_empty());
        assert_eq!(&doc.text[e.span.byte.clone()], e.text);
        assert_eq!(chars[e.span.char.clone()].iter().collect::<String>(), e.text);
        assert_eq!(String::from_utf16(&utf16[e.span.utf16.clone()]).unwrap(), e.text);
    }
}

/// Reads a file from `../shared`; outside CI a missing file skips the test (with a note)
/// rather than failing it, so the crate's tests run without the research data.
pub fn read_shared_or_skip(rel: &str) -> Option<String> {
    let p = shared(rel);
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(e) if std::env::var_os("CI").is_some() => panic!("{}: {e}", p.display()),
        Err(e) => {
            eprintln!("skipping: {}: {e}", p.display());
            None
        }
    }
}
