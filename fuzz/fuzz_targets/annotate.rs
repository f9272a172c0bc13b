//! Any bytes that are UTF-8 annotate without panicking, with offsets that slice out every span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let reference = dateline::NaiveDate::from_ymd_opt(2021, 12, 30);
    let doc = dateline::annotate(text, &dateline::Options { reference_date: reference, ..Default::default() }).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut end = 0;
    for e in &doc.entities {
        assert!(e.span.byte.start >= end);
        end = e.span.byte.end;
        assert_eq!(&text[e.span.byte.clone()], e.text);
        assert_eq!(text.chars().skip(e.span.char.start).take(e.span.char.len()).collect::<String>(), e.text);
        assert_eq!(String::from_utf16(&utf16[e.span.utf16.clone()]).unwrap(), e.text);
    }
});
