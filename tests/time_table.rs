//! Table-driven temporal expressions: `tests/data/time_expressions.tsv` lists, by family, a
//! sentence, its reference date, the expected extent, TIMEX3 type, value, mod and range end.
//! Each row must be found with exactly that extent and normalized to exactly those values.
//! A `\n` in a sentence or extent is a line break.

use chrono::NaiveDate;
use dateline::time::{tag, TemporalMention};
use std::collections::BTreeMap;

const TABLE: &str = include_str!("data/time_expressions.tsv");

fn run(text: &str, reference: Option<NaiveDate>) -> Vec<TemporalMention> {
    let tokens = dateline::tokenize::tokenize(text);
    let sentences = dateline::sentences::split(text, &tokens);
    tag(text, &tokens, &sentences, reference)
}

struct Row<'a> {
    family: &'a str,
    reference: Option<NaiveDate>,
    sentence: String,
    span: String,
    kind: &'a str,
    value: &'a str,
    modifier: &'a str,
    end_value: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 6, "bad row: {l}");
            Row {
                family: f[0],
                reference: NaiveDate::parse_from_str(f[1], "%Y-%m-%d").ok(),
                // "\n" in the table is a line break (wrapped text).
                sentence: f[2].replace("\\n", "\n"),
                span: f[3].replace("\\n", "\n"),
                kind: f[4],
                value: f[5],
                modifier: f.get(6).copied().unwrap_or(""),
                end_value: f.get(7).copied().unwrap_or(""),
            }
        })
        .collect()
}

/// Checks one row; `Err` says what was found instead.
fn check(r: &Row) -> Result<(), String> {
    let found = run(&r.sentence, r.reference);
    let got = |m: &TemporalMention| {
        format!(
            "{:?} {} {} mod={:?} end={:?}",
            &r.sentence[m.byte.clone()],
            m.timex.kind.as_str(),
            m.timex.value,
            m.timex.modifier,
            m.timex.end_value
        )
    };
    let Some(m) = found.iter().find(|m| r.sentence[m.byte.clone()] == r.span) else {
        return Err(format!("extent {:?} not found; got [{}]", r.span, found.iter().map(got).collect::<Vec<_>>().join("; ")));
    };
    let ok = m.timex.kind.as_str() == r.kind
        && m.timex.value == r.value
        && m.timex.modifier.as_deref().unwrap_or("") == r.modifier
        && m.timex.end_value.as_deref().unwrap_or("") == r.end_value;
    if ok {
        Ok(())
    } else {
        Err(format!("expected {} {} mod={:?} end={:?}; got {}", r.kind, r.value, r.modifier, r.end_value, got(m)))
    }
}

#[test]
fn table_has_at_least_300_expressions_in_every_family() {
    let rows = rows();
    assert!(rows.len() >= 300, "only {} rows", rows.len());
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *by.entry(r.family).or_default() += 1;
    }
    for fam in [
        "absolute", "month-day", "relative-day", "weeks-months-years", "parts-of-day", "clock",
        "durations", "sets", "decades", "seasons", "quarters", "fiscal", "holidays", "references",
        "ranges", "no-reference",
    ] {
        assert!(by.get(fam).copied().unwrap_or(0) >= 5, "family {fam} has fewer than 5 rows");
    }
}

#[test]
fn every_expression_is_found_and_normalized() {
    let rows = rows();
    let mut failures = Vec::new();
    let mut per_family: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in &rows {
        let e = per_family.entry(r.family).or_default();
        e.1 += 1;
        match check(r) {
            Ok(()) => e.0 += 1,
            Err(why) => failures.push(format!("[{}] {:?} (ref {:?}): {why}", r.family, r.sentence, r.reference)),
        }
    }
    for (fam, (ok, n)) in &per_family {
        eprintln!("{fam:<20} {ok:>3}/{n:<3}");
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
}
