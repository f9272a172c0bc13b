//! Any bytes that are UTF-8 annotate without panicking, with offsets that slice out every span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Half the inputs with a document date, half with only the reader's date (the page's case:
    // the date is proposed from the text, a dateline's year from that date).
    let options = if data.first().is_some_and(|b| b % 2 == 0) {
        dateline::Options { reference_date: dateline::NaiveDate::from_ymd_opt(2021, 12, 30), ..Default::default() }
    } else {
        dateline::Options { reference_date: None, today: dateline::NaiveDate::from_ymd_opt(2024, 2, 29) }
    };
    let doc = dateline::annotate(text, &options).unwrap();
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
