//! The negative corpus: words that look temporal but are not ("May" the modal, "March" the
//! noun, "Black Friday", "2,021 people", phone numbers, scores). `tests/data/time_negative.tsv`
//! pairs each sentence with a substring no temporal mention may overlap.

use chrono::NaiveDate;

const CORPUS: &str = include_str!("data/time_negative.tsv");

#[test]
fn nothing_temporal_is_found_in_the_negative_corpus() {
    let reference = NaiveDate::from_ymd_opt(2021, 12, 30);
    let mut failures = Vec::new();
    let mut n = 0;
    for line in CORPUS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut f = line.split('\t');
        let (Some(text), Some(bad)) = (f.next(), f.next()) else { panic!("bad row: {line}") };
        let at = text.find(bad).unwrap_or_else(|| panic!("{bad:?} not in {text:?}"));
        let bad_range = at..at + bad.len();
        let tokens = dateline::tokenize::tokenize(text);
        let sentences = dateline::sentences::split(text, &tokens);
        n += 1;
        for m in dateline::time::tag(text, &tokens, &sentences, reference) {
            if m.byte.start < bad_range.end && bad_range.start < m.byte.end {
                failures.push(format!("{text:?}: tagged {:?} as {}", &text[m.byte.clone()], m.timex.value));
            }
        }
    }
    assert!(n >= 40, "only {n} negative rows");
    assert!(failures.is_empty(), "{} false positives:\n{}", failures.len(), failures.join("\n"));
}
