//! Hostile and degenerate inputs: each must annotate without panicking, with offsets that
//! slice out every span. Sizes shrink in debug builds; `scripts/test` runs them in release at
//! full size. Speed and memory on such inputs are measured by `cargo bench`, not here.

mod common;

use dateline::{annotate, Options};

/// Full size in release builds, a tenth in debug builds.
fn size(n: usize) -> usize {
    if cfg!(debug_assertions) { n / 10 } else { n }
}

fn check(text: &str) -> dateline::Document {
    let opts = Options { reference_date: dateline::NaiveDate::from_ymd_opt(2021, 12, 30), ..Default::default() };
    let doc = annotate(text, &opts).expect("annotates");
    common::assert_offsets(&doc);
    doc
}

#[test]
fn ten_megabytes_without_a_newline() {
    let unit = "Joe Biden met Vladimir Putin in Geneva on June 16, 2021 and said talks would resume ";
    let text = unit.repeat(size(10 << 20) / unit.len());
    let doc = check(&text);
    assert!(doc.tokens.len() > text.len() / 8);
}

#[test]
fn a_million_jan_abbreviations() {
    check(&"Jan. ".repeat(size(1_000_000)));
}

#[test]
fn a_megabyte_of_digits() {
    check(&"0123456789".repeat(size(1 << 20) / 10));
    check(&"1,2".repeat(size(1 << 20) / 3));
    check(&"12/30/".repeat(size(1 << 20) / 6));
}

#[test]
fn repeated_capitalized_words() {
    check(&"Washington ".repeat(size(200_000)));
    check(&"New York Stock Exchange Commission Authority ".repeat(size(50_000)));
    check(&"A.".repeat(size(200_000)));
}

#[test]
fn punctuation_storms_and_joiners() {
    check(&"-".repeat(size(1 << 20)));
    check(&"a-".repeat(size(1 << 19)));
    check(&".".repeat(size(1 << 20)));
    check(&"(".repeat(size(1 << 20)));
    check(&"'s".repeat(size(1 << 19)));
    check(&"http://".repeat(size(1 << 17)));
    check(&"a@b.".repeat(size(1 << 18)));
    check(&"h,".repeat(size(1 << 19)));
}

#[test]
fn nul_bytes_and_controls() {
    let doc = check("Joe\0Biden \0\0 met\u{1}Putin\u{7f} in\u{0b}Paris\u{0c}.\u{200b}\u{feff}");
    assert!(!doc.tokens.is_empty());
}

#[test]
fn every_unicode_scalar_value() {
    // All of them, in runs of 4096 separated by spaces and names, so every category meets
    // every stage: letters, marks, digits of every script, separators, controls, symbols.
    let chars: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
    for chunk in chars.chunks(4096) {
        let mut text = String::from("President Joe Biden said on Friday ");
        for (i, c) in chunk.iter().enumerate() {
            text.push(*c);
            if i % 7 == 0 {
                text.push(' ');
            }
        }
        text.push_str(" in Kyiv.");
        check(&text);
    }
}

#[test]
fn replacement_characters_from_lone_surrogates() {
    // What a JS string with lone surrogates becomes on its way in (TextEncoder's U+FFFD).
    let js: Vec<u16> = [0xD800, b'J' as u16, 0xDC00, b' ' as u16].into_iter().chain("Joe Biden \u{1F600} Moscow".encode_utf16()).chain([0xDBFF]).collect();
    let text = String::from_utf16_lossy(&js);
    let doc = check(&text);
    for e in &doc.entities {
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[e.span.utf16.clone()]), e.text);
    }
}

#[test]
fn html_is_text() {
    let doc = check("<p onclick=\"x()\">Joe Biden</p><script>alert('Putin')</script>&amp; Moscow &lt;b&gt;");
    assert!(doc.entities.iter().all(|e| !e.text.contains('<')));
}

#[test]
fn too_large_is_a_clear_error() {
    let text = "a".repeat(dateline::MAX_INPUT_BYTES + 1);
    let err = annotate(&text, &Options::default()).unwrap_err();
    assert_eq!(err.kind(), dateline::ErrorKind::Input);
    assert!(err.to_string().contains("limit"));
}
