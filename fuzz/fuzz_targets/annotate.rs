//! Any bytes that are UTF-8 annotate without panicking, with offsets that slice out every span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Half the inputs with a document date, half with only the reader's date (the page's case:
    // the date is proposed from the text, a dateline's year from that date); numeric dates in
    // each order.
    let first = data.first().copied().unwrap_or(0);
    let date_order = [dateline::time::DateOrder::Auto, dateline::time::DateOrder::MonthFirst, dateline::time::DateOrder::DayFirst][(first / 2 % 3) as usize];
    let options = if first % 2 == 0 {
        dateline::Options { reference_date: dateline::NaiveDate::from_ymd_opt(2021, 12, 30), date_order, ..Default::default() }
    } else {
        dateline::Options { reference_date: None, today: dateline::NaiveDate::from_ymd_opt(2024, 2, 29), date_order }
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
