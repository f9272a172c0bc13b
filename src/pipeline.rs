//! Runs the stages in order.

use crate::doc::{Document, Entity, Label, ReferenceDate};
use crate::entities::Recognizer;
use crate::error::{Error, Result};
use crate::span::OffsetMap;
use crate::{resolve, sentences, time, tokenize};
use chrono::NaiveDate;

/// The largest text [`annotate`] accepts (64 MiB); larger input is an error, not a hang.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Options for [`annotate`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The document date that relative dates are anchored on. Without it, one is proposed from
    /// the text (a dateline, or a full date near the top).
    pub reference_date: Option<NaiveDate>,
    /// The reader's date (the page passes the browser's). Without a reference date, a dateline's
    /// day with no year ("Oct. 3") is put in the latest year not after it, and a text with no
    /// date in its opening is read as of it. `None` (the CLI's default) keeps the output
    /// independent of the day it is run.
    pub today: Option<NaiveDate>,
    /// How numeric dates such as "03/04/2024" are read: from the text by default.
    pub date_order: time::DateOrder,
}

/// Annotates `text`: tokens, sentences, names, dates and times, clusters.
///
/// Errors only when the text is larger than [`MAX_INPUT_BYTES`] or the built-in model cannot
/// be loaded; any other string, empty or not, gives a document.
pub fn annotate(text: &str, options: &Options) -> Result<Document> {
    annotate_with(text, options, Recognizer::builtin()?)
}

/// [`annotate`] with a recognizer of the caller's choosing (for example one loaded from a
/// model file with [`Recognizer::from_bytes`]).
pub fn annotate_with(text: &str, options: &Options, recognizer: &Recognizer) -> Result<Document> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::input(format!(
            "text is {} bytes; the limit is {} MiB",
            text.len(),
            MAX_INPUT_BYTES >> 20
        )));
    }
    let tokens = tokenize::tokenize(text);
    let sentences = sentences::split(text, &tokens);

    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| tokens[s.tokens.clone()].iter().map(|t| &text[t.byte.clone()]).collect())
        .collect();
    let names = recognizer.recognize(&words);

    let numeric = time::decide_order(text, &tokens, options.date_order);
    let (reference, source) = match options.reference_date {
        Some(d) => (Some(d), "given"),
        None => match time::propose_decided(text, options.today, &numeric) {
            Some((d, how)) => (Some(d), match how {
                time::Proposal::Text => "proposed",
                time::Proposal::YearAssumed => "proposed-year",
                time::Proposal::Today => "today",
            }),
            None => (None, "proposed"),
        },
    };
    // Candidates as (byte range, label, score, timex); names first, then temporal ones.
    let mut cands: Vec<Candidate> = Vec::new();
    for (s, spans) in sentences.iter().zip(names) {
        for n in spans {
            let first = &tokens[s.tokens.start + n.tokens.start];
            let last = &tokens[s.tokens.start + n.tokens.end - 1];
            cands.push((first.byte.start..last.byte.end, n.label, n.score, None));
        }
    }
    split_hyphenated_pairs(text, &mut cands);
    trim_place_compounds(text, &mut cands);
    trim_dated_names(text, &mut cands);
    // A date inside a longer name loses to it ([`without_overlaps`]), so the tagger leaves it
    // out: it must not anchor the dates after it ("Sheffield Wednesday won on Saturday"). The
    // labels let it tell a person's last name said again ("Ramadan told reporters").
    let mut name_ranges: Vec<_> = cands.iter().map(|c| (c.0.clone(), c.1)).collect();
    name_ranges.sort_by_key(|r| r.0.start);
    let temporal = time::tag_decided(text, &tokens, &sentences, reference, &numeric, &name_ranges);
    for t in temporal {
        cands.push((t.byte, t.label, 1.0, Some(t.timex)));
    }
    let map = OffsetMap::new(text);
    let mut doc = Document {
        text: text.to_owned(),
        entities: Vec::new(),
        clusters: Vec::new(),
        reference_date: reference.map(|d| ReferenceDate { date: d.to_string(), source }),
        tokens,
        sentences,
    };
    doc.entities = without_overlaps(text, cands)
        .into_iter()
        .enumerate()
        .map(|(id, (byte, label, score, timex))| Entity {
            id,
            span: map.span(byte.clone()),
            text: text[byte].to_owned(),
            label,
            score,
            timex,
            cluster: None,
        })
        .collect();
    resolve::resolve(&mut doc);
    Ok(doc)
}

type Candidate = (std::ops::Range<usize>, Label, f32, Option<crate::doc::Timex>);

/// "ends on 6 Dec. Headliners play later": a name the recognizer ran across a date's
/// abbreviated month and the next sentence starts after the month, which is the date's.
/// So is "the Ridgeline Fire of August 2020": the name ends before "of", and the month and
/// year are the date.
fn trim_dated_names(text: &str, cands: &mut Vec<Candidate>) {
    const ABBREVIATED: &[&str] = &["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."];
    for c in cands.iter_mut() {
        let span = &text[c.0.clone()];
        let year_after = text[c.0.end..].trim_start_matches([' ', ',']).split(|ch: char| !ch.is_ascii_digit()).next().is_some_and(|y| y.len() == 4);
        if let Some((name, _)) = span.rsplit_once(" of ").filter(|(n, m)| year_after && !n.is_empty() && time::is_month_name(m)) {
            c.0.end = c.0.start + name.trim_end().len();
            continue;
        }
        let Some((head, rest)) = span.split_once(char::is_whitespace) else { continue };
        let after_day = text[..c.0.start].trim_end().ends_with(|ch: char| ch.is_ascii_digit());
        if after_day && ABBREVIATED.contains(&head.to_lowercase().as_str()) {
            c.0.start = c.0.end - rest.trim_start().len();
        }
    }
    cands.retain(|c| !c.0.is_empty());
}

/// "Seattle-area plants", "a London-based fund": the name is the place before the hyphen, a
/// place (or what the text calls it on its own), not the compound the recognizer saw.
fn trim_place_compounds(text: &str, cands: &mut [Candidate]) {
    const PLACE_SUFFIXES: &[&str] = &["based", "area", "born", "headquartered", "bound", "registered"];
    fn compound(t: &str) -> Option<(&str, &str)> {
        t.rsplit_once('-').filter(|(a, b)| !a.is_empty() && PLACE_SUFFIXES.contains(b))
    }
    if !cands.iter().any(|c| c.3.is_none() && compound(&text[c.0.clone()]).is_some()) {
        return;
    }
    let alone: std::collections::HashMap<&str, Label> = cands.iter().filter(|c| c.3.is_none()).map(|c| (&text[c.0.clone()], c.1)).collect();
    // "Swiss-based": a nationality's adjective, not a place's name.
    const NATIONALITIES: &[&str] = &[
        "Swiss", "Dutch", "French", "Greek", "Thai", "Irish", "Welsh", "German", "Mexican",
        "American", "African", "Cuban", "Moroccan", "Kenyan", "Dominican", "Arab", "Asian",
    ];
    let nationality = |a: &str| NATIONALITIES.contains(&a) || ["ish", "ese", "ian", "ean"].iter().any(|s| a.len() > 4 && a.ends_with(s));
    for c in cands.iter_mut().filter(|c| c.3.is_none()) {
        if let Some((a, _)) = compound(&text[c.0.clone()]) {
            c.1 = alone.get(a).copied().unwrap_or(if nationality(a) { Label::Norp } else { Label::Gpe });
            c.0 = c.0.start..c.0.start + a.len();
        }
    }
}

/// "US-Russia talks", "the Israel-Hamas war": a name made of two names the text also gives on
/// their own is those two names, each with the label it has there (so each joins its cluster).
fn split_hyphenated_pairs(text: &str, cands: &mut Vec<Candidate>) {
    const DASHES: [char; 2] = ['-', '\u{2013}'];
    if !cands.iter().any(|c| text[c.0.clone()].contains(DASHES)) {
        return;
    }
    let alone: std::collections::HashMap<&str, Label> =
        cands.iter().map(|c| (&text[c.0.clone()], c.1)).filter(|(t, _)| !t.contains(DASHES)).collect();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let t = &text[c.0.clone()];
        let parts = t.split_once(DASHES).filter(|(a, b)| !b.contains(DASHES) && !a.is_empty() && !b.is_empty());
        match parts.and_then(|(a, b)| Some((a, *alone.get(a)?, b, *alone.get(b)?))) {
            Some((a, la, b, lb)) => {
                out.push((c.0.start..c.0.start + a.len(), la, c.2, None));
                out.push((c.0.end - b.len()..c.0.end, lb, c.2, None));
            }
            None => out.push(c),
        }
    }
    *cands = out;
}

/// Keeps a sorted, non-overlapping set: where two candidates overlap, the longer wins (a
/// name that contains a date stays a name; a date phrase that contains a name stays a date).
/// On the same one-word span a person's name wins ("Faith" as a name), unless it is a month's,
/// a weekday's or a holiday's name; then the date: a holiday ("Easter", "Easter Sunday") is a
/// date whatever the recognizer calls it.
fn without_overlaps(text: &str, mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| !c.0.is_empty());
    // A one-word person's name wins a tie with a date ("Easter Sunday" is the holiday, but
    // "Faith" may be a person) unless it is a month's, a weekday's or a holiday's name alone:
    // "forecasts in October, January and April", "sales over Easter".
    let rank = |c: &Candidate| match (c.1, &c.3) {
        (Label::Person, None) if !text[c.0.clone()].contains(char::is_whitespace)
            && !time::is_calendar_name(&text[c.0.clone()]) => 0,
        (_, Some(_)) => 1,
        _ => 2,
    };
    cands.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.start.cmp(&b.0.start)).then(rank(a).cmp(&rank(b))));
    // Accepted ranges by start; they never overlap, so checking the neighbours suffices.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        let (s, e) = (c.0.start, c.0.end);
        let before_ok = taken.range(..=s).next_back().is_none_or(|(_, &pe)| pe <= s);
        let after_ok = taken.range(s..).next().is_none_or(|(&ns, _)| e <= ns);
        if before_ok && after_ok {
            taken.insert(s, e);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.0.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_run_across_a_dates_month_starts_after_it() {
        let text = "The festival ends on 6 Dec. Headliners play. Ask Dec. Smith.";
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        let mut cands: Vec<Candidate> = vec![(at("Dec. Headliners"), Label::Person, 0.9, None), (at("Dec. Smith"), Label::Person, 0.9, None)];
        trim_dated_names(text, &mut cands);
        let names: Vec<&str> = cands.iter().map(|c| &text[c.0.clone()]).collect();
        // Only after a day's number: "Ask Dec. Smith" keeps its name whole.
        assert_eq!(names, ["Headliners", "Dec. Smith"]);
    }

    #[test]
    fn a_name_ends_before_of_and_a_month_with_its_year() {
        let text = "since the Ridgeline Fire of August 2020, not the Council of March.";
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        let mut cands: Vec<Candidate> = vec![(at("Ridgeline Fire of August"), Label::Org, 0.9, None), (at("Council of March"), Label::Org, 0.9, None)];
        trim_dated_names(text, &mut cands);
        let names: Vec<&str> = cands.iter().map(|c| &text[c.0.clone()]).collect();
        assert_eq!(names, ["Ridgeline Fire", "Council of March"]);
        let options = Options { reference_date: chrono::NaiveDate::from_ymd_opt(2029, 11, 2), ..Default::default() };
        let doc = annotate(text, &options).unwrap();
        assert!(doc.entities.iter().any(|e| e.text == "August 2020" && e.timex.as_ref().is_some_and(|t| t.value == "2020-08")));
    }
}
