//! Invariants of the temporal tagger on any input: sorted, non-overlapping spans on char
//! boundaries, no panics, linear time on pathological repetitions.

use chrono::NaiveDate;
use proptest::prelude::*;

fn check(text: &str, reference: Option<NaiveDate>) {
    let tokens = dateline::tokenize::tokenize(text);
    let sentences = dateline::sentences::split(text, &tokens);
    let found = dateline::time::tag(text, &tokens, &sentences, reference);
    let mut end = 0;
    for m in &found {
        assert!(m.byte.start >= end && m.byte.start < m.byte.end && m.byte.end <= text.len(), "{:?}", m.byte);
        assert!(text.is_char_boundary(m.byte.start) && text.is_char_boundary(m.byte.end));
        assert!(!m.timex.value.is_empty());
        end = m.byte.end;
    }
    let _ = dateline::time::propose_reference_date(text);
    for today in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()] {
        let _ = dateline::time::propose_reference_date_near(text, Some(today));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_string(s in "\\PC*") {
        check(&s, NaiveDate::from_ymd_opt(2021, 12, 30));
        check(&s, None);
    }

    #[test]
    fn date_like_soup(words in proptest::collection::vec(prop_oneof![
        Just("Jan."), Just("May"), Just("9-10"), Just(","), Just("2022"), Just("last"), Just("the"),
        Just("-"), Just("'s"), Just("year"), Just("early"), Just("Friday"), Just("night"), Just("a.m."),
        Just("5"), Just("1/2"), Just("of"), Just("nineteen"), Just("ninety"), Just("\r\n"), Just("😀"),
        Just("’s"), Just("'"), Just("mid"), Just("the end of"), Just("thousand"), Just("ago"),
    ], 0..40)) {
        let s = words.join(" ");
        check(&s, NaiveDate::from_ymd_opt(2000, 2, 29));
        check(&words.concat(), NaiveDate::from_ymd_opt(1, 1, 1));
    }
}

#[test]
fn odd_inputs() {
    for s in ["", "\0", "\r\n\r\n", "'", "'9", "2021-02-30", "99/99/9999", "Feb. 30, 2021", "31st",
        "9999999999999999999999 years", "the 99999th century", "Jan. 0", "-5 days ago", "𝟙𝟡𝟡𝟘",
        "December 32", "24:60", "25:00 GMT", "0/0/0000", "nineteen", "nineteen ninety-", "'s'",
        "the day after Friday", "the day before last Tuesday", "a week from Sunday", "two weeks from Monday",
        "the past three summers", "the last 99 winters", "the week to Sunday. The week before.",
        "the week ended Dec. 31", "2400 GMT", "9999 UTC", "Q3 2023", "FY99", "fy", "9am on Monday",
        "the first week of June", "since year-end", "2025/02/30", "the day after Christmas"] {
        check(s, NaiveDate::from_ymd_opt(2021, 12, 30));
        check(s, NaiveDate::MAX.into());
        check(s, NaiveDate::MIN.into());
    }
}

#[test]
fn a_million_abbreviations_in_linear_time() {
    // A million in release builds; a fifth of that unoptimized, where each step is ~20x slower.
    let n = if cfg!(debug_assertions) { 200_000 } else { 1_000_000 };
    let text = "Jan. ".repeat(n);
    let t = std::time::Instant::now();
    check(&text, NaiveDate::from_ymd_opt(2021, 12, 30));
    // Generous: seconds in a debug build on a busy machine; quadratic would take hours.
    assert!(t.elapsed().as_secs() < 120, "took {:?}", t.elapsed());
}
