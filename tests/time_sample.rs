//! Golden test on the product's sample article (read from ../shared, never copied here), with
//! the reference date 2021-12-30.

use chrono::NaiveDate;
use std::path::PathBuf;

fn sample() -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/biden-putin-call.txt");
    std::fs::read_to_string(p).ok()
}

#[test]
fn sample_article_dates() {
    let Some(text) = sample() else {
        eprintln!("sample article not available; skipped");
        return;
    };
    let tokens = dateline::tokenize::tokenize(&text);
    let sentences = dateline::sentences::split(&text, &tokens);
    let found = dateline::time::tag(&text, &tokens, &sentences, NaiveDate::from_ymd_opt(2021, 12, 30));
    let get = |s: &str| -> Vec<&dateline::time::TemporalMention> {
        found.iter().filter(|m| &text[m.byte.clone()] == s).collect()
    };
    for m in &found {
        eprintln!("{:?} {} {} {:?} {:?}", &text[m.byte.clone()], m.timex.kind.as_str(), m.timex.value, m.timex.modifier, m.timex.explanation);
    }
    let one = |s: &str| -> &dateline::time::TemporalMention {
        let v = get(s);
        assert!(!v.is_empty(), "{s:?} not found");
        v[0]
    };
    assert_eq!(one("Thursday").timex.value, "2021-12-30");
    assert!(one("Thursday").timex.explanation.as_deref().is_some_and(|e| e.contains("Thursday")));
    let dec7 = get("December 7");
    assert_eq!(dec7.len(), 2, "both mentions of December 7");
    assert!(dec7.iter().all(|m| m.timex.value == "2021-12-07"));
    let range = one("January 9-10, 2022");
    assert_eq!(range.timex.value, "2022-01-09");
    assert_eq!(range.timex.end_value.as_deref(), Some("2022-01-10"));
    assert_eq!(one("June 16").timex.value, "2021-06-16");
    let early = one("early next year");
    assert_eq!((early.timex.value.as_str(), early.timex.modifier.as_deref()), ("2022", Some("START")));
    assert_eq!(one("January 12").timex.value, "2022-01-12");
    assert_eq!(one("January 13").timex.value, "2022-01-13");
    let ye = one("year-end");
    assert_eq!((ye.timex.value.as_str(), ye.timex.modifier.as_deref()), ("2021", Some("END")));
    // Nothing else in the article is temporal except "in years" (a duration) and "back then".
    for m in &found {
        let t = &text[m.byte.clone()];
        assert!(
            ["Thursday", "December 7", "January 9-10, 2022", "June 16", "early next year", "January 12", "January 13", "year-end", "years"].contains(&t),
            "unexpected mention {t:?} = {}",
            m.timex.value
        );
    }
}

#[test]
fn sample_article_proposes_no_wrong_reference() {
    let Some(text) = sample() else { return };
    // The article has no dateline and no date in its opening lines: nothing is proposed
    // (the later "January 9-10, 2022" is an event, not the document date).
    assert_eq!(dateline::time::propose_reference_date(&text), None);
    let with_dateline = format!("MOSCOW, Dec. 30, 2021 (Reuters) -\n{text}");
    assert_eq!(dateline::time::propose_reference_date(&with_dateline), NaiveDate::from_ymd_opt(2021, 12, 30));
}
