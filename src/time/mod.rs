//! Stage 4: temporal expressions (DATE, TIME, DURATION, SET with TIMEX3 type and value),
//! anchored on the document's reference date.
//!
//! HeidelTime-style, in two passes. First, token rules from data files (`rules.tsv`,
//! `lexicon.tsv`, see [`grammar`](self)) find expressions and give each an underspecified value
//! (`wd:4` for "Thursday", `rel:Y:+1` for "next year"). Then the resolver anchors the value on
//! the reference date, using the sentence's tense ("said ... Friday" is the Friday before,
//! "will ... on Friday" the one after) or, for narrative forms ("a year earlier", "the next
//! day"), on the last date mentioned. Without a reference date relative values stay
//! underspecified (`XXXX-WXX-4`); nothing is guessed silently.
//!
//! - `lex`: a small lexer of its own over each sentence's bytes (number shapes such as "9-10",
//!   "12/30/2021", "15:00", "1990s" are single tokens; intra-word hyphens are dropped and
//!   remembered), so the rules do not depend on the pipeline tokenizer's details. Each token
//!   carries its normalization-table entries, looked up once.
//! - `grammar`: parses `lexicon.tsv` (words to classes and values: months, weekdays, numbers,
//!   units, holidays, ...) and `rules.tsv` (patterns and value templates) once, indexes the
//!   rules by their first element and returns the longest match at a token.
//! - this module: context checks the patterns cannot express, TimeML extents (premodifiers and
//!   quantifiers), sentence tense cues (nearest cue in the same clause; participles after modals
//!   do not count), and the hover-card explanation.
//! - `resolve`: anchors values with chrono (weekdays, ISO weeks, month lengths, holidays),
//!   keeping the last date and quarter mentioned for narrative anchoring.
//! - `calendars`: feasts of the Hebrew, Islamic and Chinese calendars, with ICU4X.
//!
//! The scanner is linear in the text: each token tries only the rules that can start on it,
//! and every pattern has a bounded length.

mod calendars;
mod grammar;
mod lex;
mod order;
mod resolve;

use crate::doc::{Label, Sentence, Timex, TimexType, Token};
use chrono::{Datelike, NaiveDate};
use grammar::{clock_hm, grammar, lookup_tok, Match};
use lex::{Kind, Tok};
use resolve::{Context, Resolved, Tense};
use std::ops::Range;

pub use order::DateOrder;
// How numeric dates read in a document, decided once for its date proposal and its tagging.
pub(crate) use order::decide as decide_order;

/// A temporal expression found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct TemporalMention {
    /// Byte range in the text (TimeML extent: no leading preposition).
    pub byte: Range<usize>,
    /// [`Label::Date`] or [`Label::Time`].
    pub label: Label,
    /// The normalized value.
    pub timex: Timex,
}

/// Finds and normalizes the temporal expressions of a tokenized text. `reference` is the
/// document date relative expressions are anchored on; without it they stay underspecified.
///
/// Results are sorted, do not overlap and lie on char boundaries.
pub fn tag(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
) -> Vec<TemporalMention> {
    tag_with(text, tokens, sentences, reference, DateOrder::Auto)
}

/// [`tag`], reading numeric dates such as "03/04/2024" in the given order.
pub fn tag_with(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
    order: DateOrder,
) -> Vec<TemporalMention> {
    tag_decided(text, tokens, sentences, reference, &order::decide(text, tokens, order), &[])
}

/// [`tag_with`] with the order already decided, leaving out what lies inside a longer name
/// (`names`: byte ranges and labels, sorted by start; see [`Names`]).
pub(crate) fn tag_decided(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
    numeric: &order::Numeric,
    names: &[(Range<usize>, Label)],
) -> Vec<TemporalMention> {
    let mut ctx = Context::new(reference, 60);
    ctx.fiscal_end = fiscal_year_end(text, reference).or_else(|| fiscal_quarter_end(text));
    ctx.iso_weeks = iso_weeks(text);
    ctx.canada = canadian(text);
    let mut out: Vec<TemporalMention> = Vec::new();
    let names = Names::new(text, names);
    for range in sentence_ranges(text, tokens, sentences) {
        let toks = lex::lex(text, range.start, range.end);
        tag_sentence(text, &toks, &mut ctx, numeric, &names, &mut out);
    }
    out.sort_by_key(|m| m.byte.start);
    week_of_day(text, &mut out);
    // Guard the contract even if sentences overlapped.
    let mut end = 0;
    out.retain(|m| {
        let ok = m.byte.start >= end;
        if ok {
            end = m.byte.end;
        }
        ok
    });
    out
}

/// "the week of Presidents Day", "the week of Monday's vote": "the week" and the day after
/// its "of" are one mention, the ISO week of that day (rules cover "the week of March 3" and
/// the holidays of a class; this takes any day named).
fn week_of_day(text: &str, out: &mut Vec<TemporalMention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let day = (b.timex.kind == TimexType::Date && b.timex.end_value.is_none() && b.timex.modifier.is_none())
            .then(|| day_of(&b.timex.value).filter(|_| b.timex.value.len() == 10))
            .flatten();
        let joined = text.get(a.byte.clone()).is_some_and(|t| t.eq_ignore_ascii_case("the week"))
            && text.get(a.byte.end..b.byte.start).is_some_and(|t| t.eq_ignore_ascii_case(" of "));
        if let Some(d) = day.filter(|_| joined) {
            let (start, end) = (a.byte.start, b.byte.end);
            let w = d.iso_week();
            let why = b.timex.explanation.as_deref().map_or(String::new(), |e| format!(" ({e})"));
            let mut m = out.remove(i + 1);
            m.byte = start..end;
            m.timex.value = format!("{:04}-W{:02}", w.year(), w.week());
            m.timex.explanation = Some(format!("the week of {d}{why}"));
            out[i] = m;
        }
        i += 1;
    }
}

/// Byte ranges of the sentences, clipped to valid char boundaries; the whole text when the
/// sentences are missing or inconsistent with the tokens.
fn sentence_ranges(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for s in sentences {
        let (Some(a), Some(b)) = (tokens.get(s.tokens.start), s.tokens.end.checked_sub(1).and_then(|e| tokens.get(e))) else {
            continue;
        };
        let (start, end) = (a.byte.start, b.byte.end);
        if start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) {
            out.push(start..end);
        }
    }
    if out.is_empty() && !text.is_empty() {
        out.push(0..text.len());
    }
    out
}

/// Names found in the text (byte ranges, by start). A shorter match overlapping one is part of
/// the name ("Sheffield Wednesday", "April Ryan"), not a date, and anchors nothing after it.
/// So is a person's last name said again alone: "Taha Yassin Ramadan ... Ramadan told
/// reporters" is the man, not the month of fasting.
struct Names<'a> {
    ranges: Vec<Range<usize>>,
    /// The longest range's length: how far back an overlapping name can start.
    longest: usize,
    /// Last words of people's names of two words or more, with where the first such name ends.
    surnames: rustc_hash::FxHashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    fn new(text: &'a str, names: &[(Range<usize>, Label)]) -> Self {
        let ranges: Vec<_> = names.iter().map(|n| n.0.clone()).collect();
        let mut surnames = rustc_hash::FxHashMap::default();
        for (r, _) in names.iter().filter(|(_, l)| *l == Label::Person) {
            if let Some((_, last)) = text.get(r.clone()).and_then(|t| t.rsplit_once(' ')) {
                surnames.entry(last).or_insert(r.end);
            }
        }
        Names { longest: ranges.iter().map(|r| r.len()).max().unwrap_or(0), ranges, surnames }
    }

    /// Whether a longer name overlaps `m`, or `m` is a person's last name seen before.
    fn win_over(&self, text: &str, m: Range<usize>) -> bool {
        let from = self.ranges.partition_point(|n| n.start + self.longest <= m.start);
        let to = self.ranges.partition_point(|n| n.start < m.end);
        self.ranges[from..to.max(from)].iter().any(|n| n.end > m.start && n.len() > m.len())
            || text.get(m.clone()).and_then(|t| self.surnames.get(t)).is_some_and(|&end| end <= m.start)
    }
}

/// "open Monday to Friday, 9 a.m. to 5 p.m.": a match that runs from a weekday ending a range
/// of weekdays into a clock time. The hours are every such day's, not the last weekday's, so
/// the weekday is read alone (see `weekday_spans`).
fn weekday_range_hours(toks: &[Tok], m: &Match) -> bool {
    let weekday = |t: &Tok| lookup_tok(t, "weekday").is_some();
    m.end - m.start > 1 && weekday(&toks[m.start]) && m.start >= 2 && matches!(toks[m.start - 1].lower.as_str(), "to" | "through" | "-" | "until" | "till")
        && weekday(&toks[m.start - 2])
        && toks[m.start + 1..m.end].iter().any(|t| lookup_tok(t, "ampm").is_some() || t.kind == Kind::Num && t.lower.contains(':'))
}

/// "open from 6 a.m. to 3 a.m. Monday through Friday", "from 10 p.m. to 5 a.m., Sunday through
/// Thursday nights": a match that runs from a clock time into the weekday opening a span of
/// weekdays that recurs. The hours are every such day's, so the weekday is read apart from the
/// clock (see `weekday_spans`); returns where it begins. ("from 6 a.m. Monday through Friday"
/// in a sentence about one week keeps them together.)
fn clock_before_weekday_span(toks: &[Tok], m: &Match) -> Option<usize> {
    let weekday = |t: &Tok| lookup_tok(t, "weekday").is_some();
    let w = m.end - 1;
    let to = toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "through" | "to" | "-" | "thru"));
    let clock = toks[m.start..w].iter().any(|t| lookup_tok(t, "ampm").is_some() || t.kind == Kind::Num && t.lower.contains(':'));
    if m.end - m.start < 2 || !weekday(&toks[w]) || !to || !clock {
        return None;
    }
    // The span's last day: "Fridays", "Thursday nights" recur whatever the sentence says.
    let plural = toks.get(m.end + 1).is_some_and(|t| lookup_tok(t, "weekdays").is_some())
        || toks.get(m.end + 1).is_some_and(weekday) && toks.get(m.end + 2).is_some_and(|t| lookup_tok(t, "pods").is_some());
    let single = toks.get(m.end + 1).is_some_and(weekday);
    (plural || single && hours_sentence(toks)).then_some(w)
}

/// Whether a sentence tells opening hours ("The office is open ...", "trading hours run ..."),
/// in the present: its spans of weekdays are every week's.
fn hours_sentence(toks: &[Tok]) -> bool {
    const HOURS: &[&str] = &["open", "opens", "closed", "hours", "operates", "operate", "operating", "staffed", "serves", "serve", "available", "regular", "usually", "typically", "normally", "schedule", "timetable", "service"];
    toks.iter().any(|t| HOURS.contains(&t.lower.as_str())) && !toks.iter().any(|t| matches!(t.lower.as_str(), "was" | "were" | "had" | "will" | "'ll"))
}

/// The weekday the words after a day of a month (from token `k`) say it falls on, 1 for Monday:
/// ", a Saturday", "is a Saturday", "falls on a Sunday", "and March 17, both Mondays".
fn stated_weekday(toks: &[Tok], mut k: usize) -> Option<&str> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // Past the other days listed with it ("and March 17").
    while matches!(word(k), "and" | "or" | "," | ".") || toks.get(k).is_some_and(|t| t.kind == Kind::Num || t.cap && lookup_tok(t, "month").is_some()) {
        if word(k) == "," && matches!(word(k + 1), "a" | "both" | "all") {
            break;
        }
        k += 1;
    }
    match word(k) {
        "," => k += 1,
        "is" | "was" | "will" | "would" => {
            k += 1 + usize::from(word(k + 1) == "be");
        }
        "falls" | "fell" | "fall" => {
            k += 1 + usize::from(word(k + 1) == "on");
        }
        _ => return None,
    }
    let class = match word(k) {
        "a" => "weekday",
        "both" | "all" => "weekdays",
        _ => return None,
    };
    toks.get(k + 1).filter(|t| t.cap).and_then(|t| lookup_tok(t, class))
}

/// A sentence's tense cues per token, clause per token, and per clause whether a verb in it
/// speaks in the present or future.
type SentenceCues = (Vec<Option<Tense>>, Vec<usize>, Vec<bool>);

/// Tags one sentence's tokens.
fn tag_sentence(text: &str, toks: &[Tok], ctx: &mut Context, numeric: &order::Numeric, names: &Names, out: &mut Vec<TemporalMention>) {
    let g = grammar();
    // Tense cues and clauses, worked out only for sentences with a match (most have none).
    let mut cue_cache: Option<SentenceCues> = None;
    // The last bare clock time ("7 p.m.") pushed: its index in `out`, its end token, and the
    // index of the clock time that opened its range ("from 9 a.m. to 5 p.m."), if any.
    let mut clock: Option<(usize, usize, Option<usize>, usize)> = None;
    // The last day named in this sentence ("opens Saturday and closes on Sunday").
    let mut sentence_day: Option<NaiveDate> = None;
    // The last day this sentence has named by its date or weekday.
    let mut named_day: Option<NaiveDate> = None;
    // The days this sentence has named by their dates ("peak on February 13 and 14"), for
    // the weekdays that name them after ("the Friday and Saturday before the holiday").
    let mut dated_here: Vec<NaiveDate> = Vec::new();
    // Whether that day was named by its start or its morning ("early on Wednesday").
    let mut named_early = false;
    // The part of that day it was named with ("Saturday afternoon": "AF").
    let mut named_pod: Option<String> = None;
    // The year this sentence has set the scene in ("In 2019, ...", "Last year, ..."): months
    // and days named after it without a year are in it.
    let mut sentence_year: Option<i32> = None;
    // The days a season or month that opens this sentence covers, first and last ("Last
    // summer, ...", "In March 2024, ..."), and its words: a clock time in it is on one of them.
    let mut sentence_scene: Option<(NaiveDate, NaiveDate, String)> = None;
    // The day that opens this sentence, set off by a comma ("The next morning, ...").
    let mut scene_day: Option<NaiveDate> = None;
    // The year of the December of a winter that opens this sentence ("Last winter's season").
    let mut sentence_winter: Option<i32> = None;
    // The first day of the last quarter this sentence named ("the first quarter of last year").
    let mut sentence_quarter: Option<NaiveDate> = None;
    // The last mention pushed, when it opened a range ("from Thursday"): its index in `out`,
    // end token, value, whether it is a bare weekday, and whether a bare clock time ("9am",
    // its day not named).
    let mut range_first: Option<(usize, usize, String, bool, bool)> = None;
    // The months or days without a year just listed ("in March, April and May"): their
    // indices in `out` and end tokens.
    let mut listed: Vec<(usize, usize)> = Vec::new();
    // The date last mentioned before that list began.
    let mut before_list: Option<(NaiveDate, resolve::Gran)> = None;
    // This sentence's mentions: index in `out`, tokens, and whether a bare clock time or a
    // bare weekday (read once the sentence is done: "daily from 10am to 8pm" recurs).
    let mut spans: Vec<(usize, Range<usize>, bool)> = Vec::new();
    // The day of something counted just before ("the fourth day"): its index in `out`, its
    // number and end token, for a day named right after it ("on Sunday").
    let mut event_day: Option<(usize, u64, usize)> = None;
    let mut i = 0;
    while i < toks.len() {
        if !g.may_start(&toks[i]) {
            i += 1;
            continue;
        }
        let Some(mut m) = g.match_at(toks, i) else {
            i += 1;
            continue;
        };
        if !accept(toks, &m) {
            // "three years before it ended": without the "before" that could not end the
            // phrase, the rest may still be an amount of time ("the week" before the election
            // is not this week, so not a date).
            // ("several years earlier than the timetable": an amount compared, not a time.)
            let before = m.end - m.start > 1 && (toks[m.end - 1].lower == "before" || earlier_than(toks, m.end));
            // "1987 qtr and nine mths" is no count of quarters; "1987 qtr" still names one.
            // ("the 1987 winter wheat crop": the year alone.)
            let year_first = toks[m.start].kind == Kind::Num && toks[m.start].lower.len() == 4
                && (m.end - m.start > 2 || m.end - m.start == 2 && lookup_tok(&toks[m.start + 1], "season").is_some());
            // "in April May and June": the list's first month, not a span of two.
            let two_months = two_month_names(toks, &m);
            // "24 hours a day", "six months, one year": the first amount alone.
            let listed_amounts = g.rules[m.rule].template.starts_with("dur2:");
            // ("10:30 to 12:30 p.m." crosses noon: the first clock alone.)
            let hours = weekday_range_hours(toks, &m) || ["clock2", "ampm"].iter().all(|k| m.caps.iter().any(|(c, _)| c == k));
            let span_after = clock_before_weekday_span(toks, &m);
            // (Of three amounts, the first two are tried first: "24 hours a day, 7 days".)
            let cuts: Vec<usize> = if before {
                vec![m.end - 1]
            } else if year_first {
                vec![m.start + 2.min(m.end - m.start - 1)]
            } else if two_months || hours {
                vec![m.start + 1]
            } else if let Some(w) = span_after {
                vec![w]
            } else if listed_amounts {
                (m.start + 1..m.end - 1).rev().filter(|&k| lookup_tok(&toks[k], "unit").is_some()).map(|k| k + 1).collect()
            } else {
                Vec::new()
            };
            let shorter = cuts.into_iter()
                .filter_map(|c| g.match_at(&toks[..c], i))
                .find(|s| (!before || g.rules[s.rule].kind == TimexType::Duration) && accept(toks, s));
            match shorter {
                Some(s) => m = s,
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        if names.win_over(text, toks[m.start].start..toks[m.end - 1].end) {
            i += 1;
            continue;
        }
        let rule = &g.rules[m.rule];
        // ("week 6" is the sixth of a season or a trial, unless the text numbers ISO weeks.)
        if rule.template.starts_with("isow:") && rule.template.ends_with(":bare") && !ctx.iso_weeks {
            i += 1;
            continue;
        }
        let mut value = rule.template.clone();
        let mut kind = rule.kind;
        // "on the last day" (of what the text is at) is the day under discussion; "in the last
        // day", "over the final day" the day just past.
        if value == "lastday" && toks[m.start].lower == "the" && m.start > 0
            && matches!(toks[m.start - 1].lower.as_str(), "in" | "over" | "during" | "within" | "for" | "past")
        {
            value = "rel:D:-1".to_owned();
        }
        // "Yom Kippur last year", "Chinese New Year next year": the feast in that year, for
        // every holiday however many words its name has.
        if let Some(spec) = value.strip_prefix("hol:") {
            let rel = toks.get(m.end).and_then(|t| lookup_tok(t, "rel"));
            if let (Some(rel), true) = (rel, toks.get(m.end + 1).is_some_and(|t| t.lower == "year")) {
                value = format!("holr:{rel}:{spec}");
                m.end += 2;
            } else {
                // "New Year's Eve 1929", "Good Friday, 1916": that year's.
                let k = m.end + usize::from(toks.get(m.end).is_some_and(|t| t.lower == ","));
                if let Some(y) = year_at(toks, k) {
                    value = format!("holy:{y}:{spec}");
                    m.end = k + 1;
                } else if let Some(y) = (1..=2).find_map(|n| {
                    // "the Labor Day fires of 2020", "the Christmas Eve storm in 1999": the feast
                    // of the year its event is told in.
                    let words = toks.get(m.end..m.end + n)?;
                    (words.iter().all(|t| t.kind == Kind::Word && !t.cap && !matches!(t.lower.as_str(), "of" | "in" | "and" | "or" | "to" | "on" | "at" | "the" | "a" | "this" | "last" | "next" | "than" | "before" | "after"
                        | "since" | "until" | "from" | "by" | "for" | "with" | "as" | "was" | "were" | "is" | "are" | "be" | "been" | "has" | "had" | "have" | "that" | "which" | "when" | "while"))
                        && toks.get(m.end + n).is_some_and(|t| matches!(t.lower.as_str(), "of" | "in")))
                    .then(|| year_at(toks, m.end + n + 1)).flatten()
                }) {
                    value = format!("holy:{y}:{spec}");
                }
            }
        }
        // "the first nine months of the year", "a high for the year of $42": that year, not
        // an amount of time.
        // "For the year, volume was flat", "in the year": the current year too, but "for the
        // year ended Sept. 30" and "the year before" stay an amount of time (TimeBank's habit).
        let the_year = value == "dur:1:Y" && m.end - m.start == 2 && toks[m.start].lower == "the" && m.start > 0
            && matches!(toks[m.start - 1].lower.as_str(), "for" | "in" | "during" | "throughout")
            && toks.get(m.end).is_none_or(|n| !matches!(n.lower.as_str(), "ended" | "ending" | "ends" | "before" | "after" | "earlier" | "ago" | "to" | "through" | "that" | "when" | "since"));
        if value == "dur:1:Y" && m.start > 0 && (toks[m.start - 1].lower == "of" || the_year) {
            value = "rel:Y:0".into();
            kind = TimexType::Date;
        }
        // "relegated in 2012, the year it spent heavily": the year just named.
        if let Some(y) = (value == "dur:1:Y" && m.end - m.start == 2 && m.start >= 2 && toks[m.start - 1].lower == ",").then(|| year_at(toks, m.start - 2)).flatten() {
            value = y.to_string();
            kind = TimexType::Date;
        }
        // "set for 1900 hours", "at 0800 hours": the military clock, not an amount of time
        // ("lasted 1900 hours" still is one).
        if value == "dur:{num}:{unit}" && m.end - m.start == 2 && matches!(toks[m.start + 1].lower.as_str(), "hours" | "hrs") {
            let t = &toks[m.start].lower;
            let clock = (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| (t[..2].parse::<u32>().unwrap_or(99), t[2..].parse::<u32>().unwrap_or(99)));
            let prev = |k: usize| m.start.checked_sub(k).map(|p| toks[p].lower.as_str());
            let at = matches!(prev(1), Some("at" | "by" | "until" | "till" | "before" | "after" | "from" | "between" | "around" | "since"))
                || prev(1) == Some("for") && matches!(prev(2), Some("set" | "scheduled" | "planned" | "fixed" | "slated" | "called" | "due"))
                // "from 1800 to 2100 hrs", "between 1900 and 2300 hours": a range of the clock.
                || matches!(prev(1), Some("to" | "and" | "-")) && prev(2).is_some_and(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) && p < "2400");
            if let Some((h, mm)) = clock.filter(|&(h, mm)| h < 24 && mm < 60 && (at || t.starts_with('0'))) {
                value = format!("last:D:0|hm:{h:02}:{mm:02}:");
                kind = TimexType::Time;
            }
        }
        // "will one day be": some time ahead, not a day long.
        if value == "dur:{num}:{unit}" && m.end - m.start == 2 && toks[m.start].lower == "one" && toks[m.start + 1].lower == "day" && m.start > 0
            && matches!(toks[m.start - 1].lower.as_str(), "will" | "would" | "could" | "might" | "may" | "shall" | "'ll" | "can")
        {
            value = "FUTURE_REF".into();
            kind = TimexType::Date;
        }
        let mut weekend_event = false;
        // "told a weekend trade seminar", "a weekend shooting": the weekend the news is of,
        // not one weekend long.
        if m.end - m.start == 2 && toks[m.start].lower == "a" && toks[m.start + 1].lower == "weekend"
            && toks.get(m.end).is_some_and(|n| n.kind == Kind::Word && !n.cap
                && !matches!(n.lower.as_str(), "and" | "or" | "but" | "for" | "in" | "at" | "to" | "of" | "on" | "from" | "by" | "with" | "when" | "as" | "after" | "before" | "because" | "while" | "than" | "so" | "if"
                    | "ago" | "later" | "earlier" | "away" | "off" | "long" | "each" | "every" | "per" | "that" | "which" | "there" | "here" | "the" | "a" | "an"))
        {
            m.start += 1;
            value = "we:0".into();
            kind = TimexType::Date;
            weekend_event = true;
        }
        // "will grow for the next decade", "over the next century": how long, as "the next two
        // years" is (not the 2030s; "in the next decade" is still the decade).
        let unit = m.caps.iter().find(|(c, _)| c == "sunit").map(|(_, u)| u.as_str());
        if value == "rel:{sunit}:+1" && matches!(unit, Some("DE" | "CE")) && toks[m.start].lower == "the" && m.start >= 1
            && matches!(toks[m.start - 1].lower.as_str(), "for" | "over" | "during" | "throughout" | "through" | "within")
        {
            value = if unit == Some("DE") { "dur:10:Y" } else { "dur:100:Y" }.into();
            kind = TimexType::Duration;
        }
        // "up 12% since year-end": the last year-end passed, not this year's.
        if value == "rel:Y:0" && rule.modifier.as_deref() == Some("END") && toks[m.start].lower == "year" && m.start > 0 && toks[m.start - 1].lower == "since" {
            value = "rel:Y:-1".into();
        }
        // "the fiscal year ended Jan. 31": a year's span, as "the year ended" is. "the current
        // fiscal year ending March 31" is still this year, as "this fiscal year" is.
        if value == "rel:Y:0" && toks[m.start].lower == "the" && toks[m.end - 1].lower == "year" && toks.get(m.end).is_some_and(|n| matches!(n.lower.as_str(), "ended" | "ending"))
            && !matches!(toks[m.start + 1].lower.as_str(), "current" | "present")
        {
            value = "dur:1:Y".into();
            kind = TimexType::Duration;
        }
        // "rose 40% over the decade to 2025": the ten years ending then, not this decade.
        if m.end - m.start == 2 && toks[m.start].lower == "the" && matches!(toks[m.start + 1].lower.as_str(), "decade" | "century")
            && toks.get(m.end).is_some_and(|n| matches!(n.lower.as_str(), "to" | "ending" | "ended" | "through"))
            && toks.get(m.end + 1).is_some_and(|n| n.kind == Kind::Num || lookup_tok(n, "month").is_some())
        {
            value = if toks[m.start + 1].lower == "decade" { "dur:10:Y" } else { "dur:100:Y" }.into();
            kind = TimexType::Duration;
        }
        // "the quarter ended July 31": the quarter ending that day (May to July), not the one
        // before the reference date.
        // "the quarter that ended July 31" too.
        let ended = m.end + usize::from(toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "that" | "which")));
        if value == "tq:-1" && toks.get(ended).is_some_and(|t| matches!(t.lower.as_str(), "ended" | "ending")) {
            let month = toks.get(ended + 1).filter(|t| t.cap).and_then(|t| lookup_tok(t, "month"));
            let k = if toks.get(ended + 2).is_some_and(|t| t.lower == ".") { ended + 3 } else { ended + 2 };
            let day = toks.get(k).and_then(|t| t.lower.parse::<u32>().ok()).filter(|n| (1..=31).contains(n));
            if let (Some(month), Some(day)) = (month, day) {
                value = format!("qend:{month}:{day}");
            }
        }
        for (k, v) in &m.caps {
            value = value.replace(&format!("{{{k}}}"), v);
        }
        if value == "lastde" {
            // (The decade of the date last named, a year or a day as well: "a Saturday night in
            // October 1956 ... one of the finest of the decade".)
            let named = out.iter().rev().take(12).map(|p| &p.timex.value).find(|v| v.len() >= 3 && v.as_bytes()[..3].iter().all(u8::is_ascii_digit) && v.as_bytes().get(3).is_none_or(u8::is_ascii_digit));
            value = named.map_or_else(|| "rel:DE:0".to_owned(), |v| v[..3].to_owned());
        }
        // Canada keeps Thanksgiving on October's second Monday and Labour Day on September's
        // first (elsewhere "Labour Day" is May 1).
        if ctx.canada {
            value = value.replace("nth:11:4:4:1939", "nth:10:1:2");
            if toks[m.start..m.end].iter().any(|t| matches!(t.lower.as_str(), "labour" | "labor")) {
                value = value.replace("05-01", "nth:09:1:1");
            }
        }
        // "the 1987/88 (Oct-Sept) season": a span of months across the turn of a split year
        // named just before runs from that split year's first year.
        if let Some((a, b)) = value.strip_prefix("m:").and_then(|v| v.split_once("..m:")) {
            let (a, b) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
            let split = toks[m.start.saturating_sub(4)..m.start].iter().rev().find_map(|t| {
                let (y, yy) = t.lower.split_once('/')?;
                (y.len() == 4 && yy.len() == 2).then(|| y.parse::<i32>().ok()).flatten()
            });
            if let (Some(y), true) = (split, a > b && (1..=12).contains(&a) && (1..=12).contains(&b)) {
                value = format!("{y:04}-{a:02}..{:04}-{b:02}", y + 1);
            }
        }
        // Optional captures that did not match leave their placeholder empty.
        while let Some(a) = value.find('{') {
            match value[a..].find('}') {
                Some(b) => value.replace_range(a..a + b + 1, ""),
                None => break,
            }
        }
        // "Feb. 17 and March 17, both Mondays", "because Sept. 15 is a Saturday": the weekday
        // the text gives the day tells its year, as in "Monday, Feb. 17".
        if value.starts_with("md:") && value.matches(':').count() == 2 {
            if let Some(wd) = stated_weekday(toks, m.end) {
                value = format!("{value}:wd{wd}");
            }
        }
        // "kicks off next Sunday at 4:30", "the meeting resumes at 2:15": a clock written with
        // minutes but no a.m. or p.m., between one and six, is in the afternoon; the small hours
        // get their "a.m." or a word for the night.
        if value.contains("|hm:") && value.ends_with(':') && m.end - m.start <= 3 {
            let clock_tok = toks[m.start..m.end].iter().find(|t| t.kind == Kind::Num && t.lower.contains(':'));
            let hour = clock_tok.filter(|t| !t.lower.starts_with('0') && t.lower.len() == 4).and_then(|t| t.lower[..1].parse::<u32>().ok());
            let night = toks.iter().any(|t| matches!(t.lower.as_str(), "morning" | "mornings" | "dawn" | "night" | "overnight" | "midnight" | "hours" | "sunrise" | "early" | "breakfast" | "am" | "a.m" | "a.m."));
            if hour.is_some_and(|h| (1..=6).contains(&h)) && !night {
                value.push_str("pm");
            }
        }
        // "03/04/2024": day or month first, as the document reads (said in the card's "why").
        let mut order_note = None;
        // "on 3/9" in a document that writes its days first is 3 September.
        if rule.template == "md:{smonth}:{sday}" && numeric.day_first {
            if let Some((a, b)) = value.strip_prefix("md:").and_then(|v| v.split_once(':')) {
                if a != b && b.parse::<u32>().is_ok_and(|b| (1..=12).contains(&b)) {
                    order_note = Some(format!("day first, {}", numeric.why));
                    value = format!("md:{b}:{a}");
                }
            }
        }
        if rule.template == "{slash}" {
            if let Some((v, note)) = order::reorder(&toks[m.start].lower, &value, numeric) {
                value = v;
                order_note = Some(note);
            }
        }
        let (mut start, mut modifier) = premodifier(toks, m.start, kind, &value);
        // "the third-quarter loss", "a year-earlier loss": the article belongs to the noun the
        // hyphenated compound modifies, not to the expression.
        if start == m.start && m.end - start >= 3 && matches!(toks[start].lower.as_str(), "the" | "a" | "an") && toks[m.end - 1].hyphen_before
            && toks.get(m.end).is_some_and(|n| n.kind == Kind::Word)
        {
            start += 1;
        }
        // So do the words before an amount of time that modifies a noun: "the previous
        // four-year deal", "its last three-year contract" is a deal of four years.
        if start >= m.start && kind == TimexType::Duration && m.end - start >= 3 && toks[m.end - 1].hyphen_before
            && toks.get(m.end).is_some_and(|n| n.kind == Kind::Word && !n.cap)
            && toks[start..m.end - 2].iter().all(|t| matches!(t.lower.as_str(), "the" | "a" | "an" | "last" | "previous" | "past" | "prior" | "next" | "first" | "initial" | "new" | "current"))
        {
            start = m.end - 2;
        }
        if let Some((s, md)) = approximator(toks, start, kind, &value) {
            start = s;
            modifier = Some(md.to_owned());
        }
        let (cues, clause, now) = cue_cache.get_or_insert_with(|| {
            let (cues, clause) = (tense_cues(toks), clauses(toks));
            // Per clause: whether a verb in it speaks in the present or future.
            let mut now = vec![false; clause.iter().max().map_or(0, |c| c + 1)];
            for (c, t) in clause.iter().zip(&cues) {
                now[*c] |= matches!(t, Some(Tense::Present | Tense::Future));
            }
            (cues, clause, now)
        });
        // "began at 14:30 UTC on March 3": the verb is as near the date as the clock time is.
        let from = match clock {
            Some((_, end, _, first)) if end + 1 == m.start && toks[end].lower == "on" => first,
            _ => m.start,
        };
        let (mut tense, mut distance, promised) = tense_at(toks, cues, clause, from, m.end);
        // (In a story of the past, what was promised lies ahead of the story's day, in its
        // year: "The owner vowed to rebuild by spring", after "on Jan. 17, 1871".)
        if promised && ctx.story == resolve::Story::Past {
            tense = Some(Tense::Past);
        }
        // "the record high seen in December", "the 2.8 pct forecast in December": a participle
        // after its noun tells of what has been.
        if from >= 3 && matches!(toks[from - 1].lower.as_str(), "in" | "on")
            && matches!(toks[from - 2].lower.as_str(), "seen" | "recorded" | "posted" | "reached" | "forecast" | "achieved")
            && (toks[from - 3].kind == Kind::Num || toks[from - 3].kind == Kind::Word && !toks[from - 3].cap
                && !matches!(toks[from - 3].lower.as_str(), "be" | "is" | "are" | "was" | "were" | "been" | "being" | "will" | "to" | "has" | "have" | "had" | "it" | "we" | "they" | "he" | "she" | "i" | "you"))
        {
            tense = Some(Tense::Past);
            distance = 2;
        }
        // "the market is awaiting U.S. February trade data": figures awaited are for a month
        // already measured, so the verb's future does not move the month ahead.
        if tense == Some(Tense::Future) && value.starts_with("m:")
            && toks[m.end..(m.end + 2).min(toks.len())].iter().any(|t| {
                matches!(t.lower.as_str(), "data" | "figures" | "figure" | "statistics" | "numbers" | "sales" | "payrolls" | "payroll" | "inflation" | "output" | "production" | "exports" | "imports")
            })
        {
            tense = None;
        }
        // "November soybeans were steady", "the July contract": a futures contract's delivery
        // month, which has not yet gone by, whatever the tense. (Not "in January oil prices
        // fell": a month after a preposition is when.)
        // Nor "its April cocoa market report", "the April-June sugar consumption estimate".
        let about = toks.get(m.end + 1).is_some_and(|t| {
            matches!(t.lower.as_str(), "market" | "markets" | "report" | "price" | "prices" | "exports" | "imports" | "production" | "output" | "consumption" | "estimate" | "estimates" | "crop" | "sales" | "stocks" | "shipments" | "data" | "figures" | "purchases" | "quota" | "quotas")
        });
        if value.starts_with("m:") && m.end - m.start <= 2 && !about && toks.get(m.end).is_some_and(|t| COMMODITIES.contains(&t.lower.as_str()))
            && (m.start == 0 || !matches!(toks[m.start - 1].lower.as_str(), "in" | "since" | "during" | "by" | "until" | "till" | "from" | "through" | "of" | "for" | "before" | "after" | "early" | "late" | "mid" | "last" | "next" | "this" | "to" | "between" | "and" | "or" | "on" | "at"))
        {
            tense = Some(Tense::Future);
        }
        // ("Police are investigating a weekend shooting": one that has happened, unless ahead.)
        if weekend_event && tense != Some(Tense::Future) {
            tense = Some(Tense::Past);
        }
        ctx.clause_now = now[clause[m.start]];
        // "3RD QTR NET", "first-quarter shr": results are reported once the quarter is over, so
        // with no verb to say otherwise one not yet begun is last year's.
        let mut looks_back = false;
        if tense.is_none() && value.starts_with("q:") {
            let results = |t: &Tok| matches!(t.lower.as_str(), "net" | "shr" | "shrs" | "profit" | "profits" | "loss" | "losses" | "earnings" | "results" | "revenue" | "revenues" | "sales" | "oper");
            if toks[m.end..(m.end + 4).min(toks.len())].iter().any(results) {
                tense = Some(Tense::Past);
                looks_back = true;
            }
        }
        // "Wednesday's ruling", "Thursday's closing price", "January's depressed levels": a day
        // or month already past; but "before Sunday's game" is only as past as its sentence.
        // Nor "looking ahead to Friday's jobs report", and not an event a future sentence
        // tells of ("Sunday's service will be broadcast live"; "Wednesday's ruling will be
        // appealed" stays past).
        let scheduled = tense != Some(Tense::Past)
            && toks[(m.end + 1).min(toks.len())..(m.end + 4).min(toks.len())].iter().any(|t| {
                matches!(t.lower.as_str(), "game" | "match" | "race" | "service" | "vote" | "election" | "meeting" | "summit" | "report" | "final" | "debate" | "hearing"
                    | "session" | "launch" | "parade" | "concert" | "show" | "ceremony" | "deadline" | "opening" | "release" | "auction" | "talks" | "rally" | "funeral"
                    | "memorial" | "kickoff" | "data" | "figures" | "broadcast" | "episode" | "premiere" | "sale" | "sales" | "gathering" | "march" | "event"
                    | "events" | "festivities" | "celebrations" | "procession" | "programme" | "program" | "schedule")
            });
        // ("Saturday's events begin at 10:30 a.m.": told in the present, a day's schedule is
        // the coming one's.)
        if scheduled && matches!(tense, None | Some(Tense::Present)) && toks.get(m.end).is_some_and(|t| t.lower == "'s") && value.starts_with("wd:") {
            tense = Some(Tense::Future);
        }
        // (Nor in a condition: "If Thursday's attempt is also scrubbed".)
        let condition = toks[..m.start].iter().any(|t| matches!(t.lower.as_str(), "if" | "unless"));
        if (value.starts_with("wd:") || value.starts_with("m:")) && toks.get(m.end).is_some_and(|t| t.lower == "'s") && !scheduled && !condition
            && !(m.start > 0 && matches!(toks[m.start - 1].lower.as_str(), "before" | "ahead" | "until" | "till" | "for"))
            && !(m.start > 1 && matches!(toks[m.start - 1].lower.as_str(), "of" | "to") && matches!(toks[m.start - 2].lower.as_str(), "ahead" | "forward"))
        {
            tense = Some(Tense::Past);
        }
        // "announced its lineup on Wednesday for the four-day event from July 16 to 19": what
        // an event is announced or booked for lies ahead of the telling.
        if tense == Some(Tense::Past) && (value.starts_with("md:") || value.starts_with("m:")) && start >= 3 && matches!(toks[start - 1].lower.as_str(), "from" | "on" | "in")
            && matches!(toks[start - 2].lower.as_str(), "event" | "festival" | "concert" | "concerts" | "tournament" | "conference" | "fair" | "show" | "games" | "championship" | "championships"
                | "summit" | "exhibition" | "convention" | "tour" | "race" | "marathon" | "gala" | "ceremony" | "premiere")
            && toks[start.saturating_sub(8)..start - 2].iter().rev().take_while(|t| t.kind == Kind::Word && !t.cap || t.lower == "-").any(|t| t.lower == "for")
        {
            tense = Some(Tense::Future);
        }
        // "likely to be excellent as a result of a cold, showery winter": a cause has been.
        if value.starts_with("season:") && tense == Some(Tense::Future)
            && toks[start.saturating_sub(10)..start].windows(2).any(|w| matches!((w[0].lower.as_str(), w[1].lower.as_str()), ("result" | "because", "of") | ("thanks", "to")))
        {
            tense = Some(Tense::Past);
        }
        // "Clubs scramble as transfer window nears Monday deadline": a day naming what falls
        // due on it, in a sentence of the present, is the coming one.
        if value.starts_with("wd:") && matches!(tense, None | Some(Tense::Present))
            && toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "deadline" | "vote" | "election" | "hearing" | "summit" | "launch" | "kickoff" | "final" | "debate" | "decision" | "ruling"))
        {
            tense = Some(Tense::Future);
        }
        // "Pay no later than June 30", "due by March 1": a deadline with no verb to say when
        // is still ahead; so is one a present-tense sentence runs to ("is open until Oct. 5").
        let prev = |k: usize| m.start.checked_sub(k).map(|p| toks[p].lower.as_str());
        let until = matches!(prev(1), Some("until" | "till")) || prev(1) == Some("than") && prev(2) == Some("later") && prev(3) == Some("no");
        if until && matches!(tense, None | Some(Tense::Present)) || tense.is_none() && prev(1) == Some("by") {
            tense = Some(Tense::Future);
        }
        // "By mid-October, most songbirds have passed through": a present perfect counted to a
        // date is of what is done by then, ahead as often as not; the nearest one.
        let perfect_by = prev(1) == Some("by") && tense == Some(Tense::Past) && {
            let after = &toks[m.end..(m.end + 10).min(toks.len())];
            let stop = after.iter().position(|t| matches!(t.lower.as_str(), "." | ";" | "had" | "was" | "were" | "did")).unwrap_or(after.len());
            after[..stop].windows(2).any(|w| matches!(w[0].lower.as_str(), "have" | "has") && w[1].lower.ends_with("ed"))
        };
        if perfect_by {
            tense = None;
        }
        // "could be allowed home as early as Sunday", "a vote may come as soon as Tuesday":
        // what a modal says may happen that early lies ahead, though it was said in the past.
        let as_early = prev(1) == Some("as") && matches!(prev(2), Some("early" | "soon")) && prev(3) == Some("as");
        if as_early && toks[m.start.saturating_sub(10)..m.start - 3].iter().rev().take_while(|t| !matches!(t.lower.as_str(), "." | ";" | "," | "that"))
            .any(|t| matches!(t.lower.as_str(), "could" | "might" | "may" | "would" | "will" | "should" | "'ll"))
        {
            tense = Some(Tense::Future);
        }
        // "between now and the end of June", "from now until March": the end lies ahead.
        let from_now = toks[m.start.saturating_sub(5)..m.start].windows(2)
            .any(|w| w[0].lower == "now" && matches!(w[1].lower.as_str(), "and" | "until" | "till" | "through" | "to"));
        if from_now {
            tense = Some(Tense::Future);
        }
        // "The IRS moves the filing deadline to Oct. 15", "extended the deadline on its offer
        // to Monday": what is put off is put ahead of the report, unless the sentence is set
        // in a year of its own ("in 2020, when disruption pushed the launch to October").
        // (Not "payment delays", a noun.)
        let mut surely_ahead = false;
        if matches!(prev(1), Some("to" | "until" | "till" | "into")) {
            let back = &toks[m.start.saturating_sub(8)..m.start - 1];
            let told_year = toks[..m.start].iter().any(|t| t.kind == Kind::Num && t.lower.len() == 4 && t.lower.parse::<u32>().is_ok_and(|y| (1000..2200).contains(&y)));
            let put_off = back.iter().enumerate().any(|(k, t)| {
                (matches!(t.lower.as_str(), "moves" | "extends" | "postpones" | "delays" | "pushes" | "reschedules" | "defers")
                    || !told_year && matches!(t.lower.as_str(), "moved" | "extended" | "postponed" | "delayed" | "pushed" | "rescheduled" | "deferred"))
                    && k.checked_sub(1).is_none_or(|p| !matches!(back[p].lower.as_str(), "the" | "a" | "its" | "their" | "his" | "her" | "payment" | "payments"))
            });
            if put_off && !back.iter().any(|t| matches!(t.lower.as_str(), "." | ";" | "and" | "but")) {
                tense = Some(Tense::Future);
                surely_ahead = true;
            }
        }
        // "elected to the academy in 1979. The next year, she testified": in a story of the
        // past, "the next year" counts from the date last mentioned, as "the following year"
        // does; in news ("will be built the next year") from the report.
        if tense == Some(Tense::Past) && toks[m.start].lower == "the" && toks.get(m.start + 1).is_some_and(|t| t.lower == "next") {
            if let (Some(unit), Some(rf), Some((d, _))) = (value.strip_prefix("rel:").and_then(|v| v.strip_suffix(":+1")), ctx.reference, ctx.last) {
                if d.year() <= rf.year() - 2 {
                    value = format!("last:{unit}:+1");
                }
            }
        }
        // "central to its plans for the fourth quarter", "its outlook for March": what plans
        // and forecasts are made for lies ahead of them, though they were told of in the past.
        let plan = |w: Option<&str>| matches!(w, Some("plan" | "plans" | "outlook" | "guidance" | "forecast" | "forecasts"));
        if tense == Some(Tense::Past) && prev(1) == Some("for") && plan(prev(2)) && value_underspecified(&value) {
            tense = Some(Tense::Future);
        }
        // "The Met Office has issued a warning from 6pm Saturday until Monday": what a warning,
        // watch or alert covers is ahead, whatever the tense of its issuing.
        // ("a warning for strong winds and snow covering the north-west from 6pm tonight until
        // noon on Saturday": the words between may be many, within the clause.)
        let covered_from = clock.filter(|&(_, end, _, _)| end == m.start || end + 1 == m.start && toks[end].lower == "on").map_or(m.start, |(_, _, _, first)| first);
        let clause_back = |k: usize| toks[k.saturating_sub(16)..k].iter().rev().take_while(|t| !matches!(t.lower.as_str(), "." | ";"));
        if tense == Some(Tense::Past) && covered_from > 0 && matches!(toks[covered_from - 1].lower.as_str(), "from" | "for" | "until" | "till" | "through")
            && clause_back(covered_from - 1).any(|t| matches!(t.lower.as_str(), "warning" | "warnings" | "watch" | "alert" | "alerts" | "advisory"))
            && toks[..covered_from].iter().any(|t| matches!(t.lower.as_str(), "issued" | "extended" | "upgraded" | "declared"))
            && toks[..covered_from].iter().any(|t| matches!(t.lower.as_str(), "has" | "have" | "is" | "are"))
        {
            tense = Some(Tense::Future);
        }
        // "from late Thursday into Saturday", "between Monday and Friday": the day that closes a
        // range (checked once resolved, below).
        let week_named = value.starts_with("wdrel:") && value.contains(":w");
        let closes_range = range_first.take().filter(|&(_, p, _, _, bare_clock)| {
            (value.starts_with("wd:") || bare_clock_value(&value) || month_or_day(&value) || week_named) && p < m.start && m.start - p <= 5
                && (matches!(toks[p].lower.as_str(), "to" | "into" | "until" | "till" | "through" | "and") || bare_clock && toks[p].lower == "-")
                && toks[p..m.start].iter().all(|t| t.kind == Kind::Word && !t.cap || bare_clock && t.lower == "-")
        });
        // A verb right next to the date ("sold well on Valentine's Day") is trusted over the
        // nearest-date default; a distant one ("said ... will pay on Dec. 15") less so.
        // So is the verb of a clause the date opens ("In January, American Medical brought in
        // ..."): only its subject lies between.
        let fronted = (start == 0 || start == 1 && toks[0].kind == Kind::Word && !toks[0].lower.ends_with("ly"))
            && toks.get(m.end).is_some_and(|t| t.lower == ",");
        // A verb that can only be a simple past ("rose", "fell", "began"), right next to it,
        // allows only a week's slack (a dateline a day or two behind): "sales rose at
        // Christmas", said on Nov. 29, is last Christmas. Other past cues may be participles
        // of things ahead ("securities pledged on May 6", "will be dated and delivered May 1")
        // or report them ("said on April 15 it will"), so they keep a month.
        // So is the verb of a noun phrase the month names ("The January meeting was tense",
        // "its March survey showed"): only the noun lies between.
        // (Only a past one, and not a futures month: "the June bond closed at 100".)
        let attributive = distance == 4 && tense == Some(Tense::Past) && value.starts_with("m:") && m.start > 0
            && matches!(toks[m.start - 1].lower.as_str(), "the" | "its" | "their" | "his" | "her" | "our")
            && toks.get(m.end).is_some_and(|t| {
                matches!(t.lower.as_str(), "meeting" | "meetings" | "session" | "survey" | "poll" | "report" | "statement" | "decision" | "hearing" | "vote" | "election"
                    | "summit" | "release" | "issue" | "sales" | "figures" | "figure" | "data" | "auction" | "reading" | "talks" | "visit" | "trip" | "conference" | "strike"
                    | "storm" | "attack" | "minutes" | "budget" | "results" | "index")
            })
            && cues.get(m.end + 1).is_some_and(|c| c.is_some());
        // (So is one naming a past event the sentence counts from: "pumped water for three days
        // after the January 7 flood".)
        let past_event = tense == Some(Tense::Past) && (value.starts_with("m:") || value.starts_with("md:")) && m.start >= 2 && toks[m.start - 1].lower == "the"
            && matches!(toks[m.start - 2].lower.as_str(), "after" | "since" | "following" | "before")
            && toks.get(m.end).is_some_and(|t| {
                matches!(t.lower.as_str(), "event" | "flood" | "flooding" | "floods" | "fire" | "crash" | "quake" | "earthquake" | "explosion" | "blast" | "shooting" | "incident" | "riot" | "raid"
                    | "collapse" | "outage" | "disaster" | "storm" | "attack" | "attacks" | "tornado" | "hurricane" | "eruption" | "derailment" | "spill" | "accident" | "massacre" | "bombing")
            });
        let near = distance <= 3 || fronted && distance != usize::MAX || attributive || past_event;
        let simple_past = |t: &Tok| {
            matches!(t.lower.as_str(), "rose" | "fell" | "began" | "came" | "went" | "took" | "saw" | "gave" | "grew" | "drew" | "flew" | "wrote"
                | "broke" | "spoke" | "threw" | "chose" | "ran" | "sank" | "tore" | "withdrew" | "surged" | "plunged" | "slumped" | "soared"
                | "jumped" | "climbed" | "tumbled" | "slipped" | "peaked" | "happened" | "occurred" | "died")
        };
        let strict = toks[m.start.saturating_sub(3)..m.start].iter().chain(toks.get(m.end..(m.end + 2).min(toks.len())).unwrap_or(&[])).any(simple_past)
            && !toks[m.start.saturating_sub(4)..m.start].iter().any(|t| matches!(t.lower.as_str(), "to" | "until" | "till" | "through" | "by" | "for"));
        ctx.margin = match (near, tense) {
            (true, Some(Tense::Past)) if strict || past_event => resolve::STRICT_PAST_MARGIN,
            // A day or holiday (not a month: "sales for May will be published" in June), unless
            // it ends a period ("its fiscal year ended May 30 will be a record").
            (true, Some(Tense::Future))
                if (value.starts_with("md:") || value.starts_with("hol")) && !toks[start.saturating_sub(3)..start].iter().any(|t| matches!(t.lower.as_str(), "end" | "ended" | "ends" | "ending")) =>
            {
                // "The committee will meet on December 9", told on December 11: next year's. The
                // slack is for a plan told of in the past ("was scheduled to expire March 10").
                let back = &toks[m.start.saturating_sub(4)..m.start];
                match back.iter().position(|t| matches!(t.lower.as_str(), "will" | "shall" | "'ll")) {
                    Some(k) if back[k + 1..].iter().all(|t| t.kind == Kind::Word && !t.cap) => 1,
                    _ => resolve::FUTURE_MARGIN,
                }
            }
            (true, _) => 31,
            // "Students will also be off on the Wednesday before Thanksgiving": a holiday a few
            // words from the future verb is still the next one.
            (false, Some(Tense::Future)) if value.starts_with("hol") && distance <= 6 => 31,
            // (What is put off lies ahead however far the verb: "pushes the deadline to Oct. 15".)
            _ if surely_ahead => 31,
            // "the new figure will take effect on Aug. 1", said in November: next August's.
            // (Not a date naming a thing: "will review their February 22 pact".)
            (false, Some(Tense::Future)) if value.starts_with("md:") && distance <= 5 && matches!(prev(1), Some("on" | "by" | "from" | "until" | "after"))
                && toks[m.start.saturating_sub(distance)..m.start].iter().all(|t| t.kind == Kind::Word && !t.cap) => 31,
            _ => 120,
        };
        // "declared a day of national mourning for Wednesday", "called a strike for Monday":
        // a day something is called or set for lies ahead of its calling.
        // (Not "a memorial service planned for Saturday was canceled": a plan may have lapsed.)
        if tense == Some(Tense::Past) && prev(1) == Some("for") && value.starts_with("wd:") && !value.contains('|')
            && toks.get(m.end).is_none_or(|n| !matches!(n.lower.as_str(), "'s" | "'" | "\u{2019}"))
            && toks[m.start.saturating_sub(8)..m.start].iter().any(|t| matches!(t.lower.as_str(), "called" | "declared" | "rescheduled" | "set" | "convened" | "proclaimed" | "ordered" | "summoned" | "booked"))
        {
            tense = Some(Tense::Future);
        }
        // "has gained 22 percent since January", "since Monday": "since" counts from a day or
        // month already reached, however the sentence runs.
        // (Not "since" the conjunction: "since April registrations were closed".)
        let noun_after = toks.get(m.end).is_some_and(|t| t.kind == Kind::Word && !t.cap && !matches!(t.lower.as_str(), "and" | "or" | "when" | "as" | "after" | "because" | "but" | "to" | "until" | "in" | "on" | "at" | "of" | "the" | "this" | "last"));
        if prev(1) == Some("since") && !noun_after && (value.starts_with("wd:") || value.starts_with("md:") || value.starts_with("m:") || value.starts_with("season:")) {
            tense = Some(Tense::Past);
            ctx.margin = resolve::STRICT_PAST_MARGIN;
        }
        // "The album is out Friday", "the deadline is March 1", "the vote is in May": a present
        // copula right before a named day or month is about the coming one.
        if (value.starts_with("wd:") || value.starts_with("md:") || value.starts_with("m:")) && matches!(tense, None | Some(Tense::Present)) {
            let mut k = start;
            if k > 0 && matches!(toks[k - 1].lower.as_str(), "on" | "in") {
                k -= 1;
            }
            // (So does a present passive: "the peace prize is announced on Friday", "the
            // ceremony is held on Sunday".)
            let participle = |w: &str| w.len() > 4 && w.ends_with("ed") || matches!(w, "held" | "run" | "shown" | "given" | "made" | "done" | "sung" | "read" | "sent" | "paid" | "told" | "drawn" | "won");
            if k > 0 && (matches!(toks[k - 1].lower.as_str(), "out" | "due" | "back" | "open" | "closed" | "set" | "scheduled") || participle(&toks[k - 1].lower)) {
                k -= 1;
            }
            if k > 0 && matches!(toks[k - 1].lower.as_str(), "is" | "are") {
                tense = Some(Tense::Future);
            }
        }
        // "The report will be published this week", "delays could last until the middle of
        // the week", said on a Sunday: the week about to begin, the ISO week being all but over.
        if value.starts_with("rel:W:0") && tense == Some(Tense::Future) && ctx.reference.is_some_and(|d| d.weekday() == chrono::Weekday::Sun) {
            value = value.replacen("rel:W:0", "rel:W:+1", 1);
        }
        // "this past week", said on a Saturday or Sunday, is the week now ending.
        if value == "rel:W:-1" && toks[start].lower == "this" && ctx.reference.is_some_and(|d| d.weekday().number_from_monday() >= 6) {
            value = "rel:W:0".into();
        }
        // "today's youth", "the world of today": the present age, not the day.
        if value == "rel:D:0" && m.end - m.start == 1 && toks[m.start].lower == "today" {
            let generic = |w: &str| matches!(w, "world" | "youth" | "society" | "children" | "kids" | "generation" | "young" | "teenagers"
                | "culture" | "standards" | "technology" | "families" | "consumers" | "economy" | "politics" | "students" | "parents");
            let possessive = toks.get(m.end).is_some_and(|t| t.lower == "'s") && toks.get(m.end + 1).is_some_and(|t| generic(&t.lower));
            let of_today = m.start >= 2 && toks[m.start - 1].lower == "of" && generic(&toks[m.start - 2].lower);
            if possessive || of_today {
                value = "PRESENT_REF".into();
            }
        }
        // "The strike began at midnight": the midnight already passed, which ended the day
        // before (TimeML writes a midnight as the end of its day, T24:00).
        // Not "by midnight tonight", which says its day.
        // After a day the story is at, that day's: "The truce was agreed late on Thursday. It
        // took effect at midnight."
        let mut on_last_day = None;
        // (A zone leaves it alone: "at midnight EST", "noon local time".)
        let alone = || m.end - m.start == 1
            || toks[m.start + 1..m.end].iter().all(|t| lookup_tok(t, "zone").is_some() || matches!(t.lower.as_str(), "pacific" | "eastern" | "central" | "mountain" | "local" | "time"));
        if value == "rel:D:0|T24:00" && tense == Some(Tense::Past) && named_day.is_none() && alone() {
            value = match (ctx.last, ctx.reference) {
                // (So is one in a story told of a month or more ago: "On June 12, 1995, ...
                // The levee broke at midnight.")
                (Some((d, resolve::Gran::Day)), Some(rf)) if d < rf && ((rf - d).num_days() <= 7 || (rf - d).num_days() > 31) => {
                    on_last_day = Some(format!("that time of {d}, the day last mentioned (past tense)"));
                    format!("{}|T24:00", ymd(d))
                }
                _ => "rel:D:-1|T24:00".into(),
            };
        }
        // "The guns fell silent on November 11, 1918; bells will ring on Sunday. Men had died
        // that morning": in a past-tense sentence, "that day" ("that morning") is the last day
        // named that is past, not a day still ahead named since.
        if tense == Some(Tense::Past) && (value == "lastday" || value.starts_with("last:D:0|T")) {
            if let (Some((ahead, resolve::Gran::Day)), Some(rf)) = (ctx.last, ctx.reference) {
                if let Some(d) = ctx.dated_days.iter().rev().copied().find(|&d| d < rf).filter(|_| ahead > rf) {
                    let pod = value.strip_prefix("last:D:0|").map(|p| format!("|{p}")).unwrap_or_default();
                    value = format!("{}{pod}", ymd(d));
                    on_last_day = Some(format!("that {} of {d}, the last day named that is past (past tense)", if pod.is_empty() { "day" } else { "time" }));
                }
            }
        }
        // "On December 11 the doors open at midnight": noon or midnight alone is on the day the
        // sentence has named, unless a day follows ("until midnight (EST) March 24"). A day
        // named only in an earlier sentence is too far: "at midday" in a market report after
        // "yesterday's close" is today's.
        let mut on_named_day = None;
        let day_later = || toks[m.end..].iter().any(|t| matches!(t.lower.as_str(), "today" | "tonight" | "tomorrow" | "yesterday") || lookup_tok(t, "weekday").is_some() || lookup_tok(t, "month").is_some());
        // A plan runs on, though: "The ceremony will be held on Friday. A memorial will be
        // unveiled at noon" is Friday's noon, a day still ahead that the story is at.
        if let Some(clock @ ("T12:00" | "T24:00")) = value.strip_prefix("rel:D:0|").filter(|_| alone() && !day_later()) {
            let clock = clock.to_owned();
            // So does a story told of a month or more ago: "It was the morning of June 12, 1995.
            // ... By noon, water stood six feet deep."
            let (ahead, long_ago) = match (ctx.last, ctx.reference) {
                (Some((d, resolve::Gran::Day)), Some(rf)) if tense == Some(Tense::Future) && d > rf => (Some(d), None),
                // (Past an aside of history: "will begin on Sunday, when the armistice took
                // effect in 1918. Bells will ring at midday.")
                (Some((y, resolve::Gran::Year)), Some(rf)) if tense == Some(Tense::Future) && y.year() < rf.year() && ctx.last_day.is_some_and(|d| d > rf && (d - rf).num_days() <= 14) => (ctx.last_day, None),
                (Some((d, resolve::Gran::Day)), Some(rf)) if tense == Some(Tense::Past) && (rf - d).num_days() > 31 => (None, Some(d)),
                _ => (None, None),
            };
            // ("made progress on Tuesday, but the fire jumped a line the following day and forced
            // evacuations around midnight": the day told since, a day or two on.)
            let named_day = named_day.map(|d| match ctx.last {
                Some((l, resolve::Gran::Day)) if l > d && (l - d).num_days() <= 2 => l,
                _ => d,
            });
            if let Some(d) = named_day {
                // "claimed victory early on Wednesday after a count that ran past midnight":
                // the midnight that began the day named by its start or morning ended the day before.
                if clock == "T24:00" && named_early {
                    let before = resolve::add_days(d, -1);
                    value = format!("{}|{clock}", ymd(before));
                    on_last_day = Some(format!("the midnight that ended {before} and began {d}, the day the sentence names by its start"));
                } else {
                    value = format!("{}|{clock}", ymd(d));
                    on_named_day = Some(d);
                }
            } else if let Some(d) = ahead {
                value = format!("{}|{clock}", ymd(d));
                on_last_day = Some(format!("that time of {d}, the day ahead last mentioned (future tense)"));
            } else if let Some(d) = long_ago {
                value = format!("{}|{clock}", ymd(d));
                on_last_day = Some(format!("that time of {d}, the day last mentioned (past tense)"));
            }
        }
        // "Shelling continued overnight": the night before; "will be closed overnight": tonight.
        if value == "rel:D:-1|TNI" && toks[start].lower == "overnight" && matches!(tense, Some(Tense::Future | Tense::Present)) {
            // "Snow will begin Monday afternoon, with 2 to 4 inches overnight": the night of
            // the day the sentence has named ahead.
            value = match sentence_day.filter(|&d| tense == Some(Tense::Future) && ctx.reference.is_some_and(|rf| d > rf)) {
                Some(d) => {
                    on_last_day = Some(format!("the night of {d}, the day the sentence names ahead"));
                    format!("{}|TNI", ymd(d))
                }
                None => "rel:D:0|TNI".into(),
            };
        }
        // "A launch was scrubbed on Tuesday. Engineers replaced the part overnight": in a story
        // at a day some days back, the night after it (the night before the reference is the
        // same night when the day was yesterday). Or the night of the day the sentence named:
        // "Passengers spent Monday night in the terminal, where staff kept restaurants open
        // overnight".
        if value == "rel:D:-1|TNI" && m.end - m.start == 1 && toks[start].lower == "overnight" && tense == Some(Tense::Past) {
            let near = out.last().filter(|p| toks[start].start.saturating_sub(p.byte.end) < 300).and_then(|p| day_of(&p.timex.value));
            let (day, which) = match (sentence_day, ctx.last) {
                (Some(d), _) => (Some(d), "the day the sentence names"),
                (None, Some((d, resolve::Gran::Day))) if near == Some(d) => (Some(d), "the day last mentioned"),
                _ => (None, ""),
            };
            if let (Some(d), Some(rf)) = (day, ctx.reference) {
                if (2..=6).contains(&(rf - d).num_days()) {
                    value = format!("{}|TNI", ymd(d));
                    on_last_day = Some(format!("the night of {d}, {which} (past tense)"));
                }
            }
        }
        // "Diwali lands on Nov. 1 this year", "opened in March last year": the year after the
        // month or day says which one, whatever the tense. With no tense to say otherwise, so
        // does a "this year" before it in its sentence, for a holiday too ("Diwali lands on
        // Nov. 1 this year, a few weeks before Americans gather for Thanksgiving").
        let plain = month_or_day(&value) && value.split(':').count() <= 3;
        let holiday = value.starts_with("hol:");
        let nth = value.starts_with("nthwd:");
        let after = plain.then(|| {
            let k = m.end + usize::from(toks.get(m.end).is_some_and(|t| t.lower == ","));
            match (toks.get(k).map(|t| t.lower.as_str()), toks.get(k + 1).map(|t| t.lower.as_str())) {
                (Some("this"), Some("year")) => Some(0),
                (Some("last"), Some("year")) => Some(-1),
                (Some("next"), Some("year")) => Some(1),
                _ => None,
            }
        }).flatten();
        let before = (tense.is_none() && (holiday || nth || plain)
            && (1..m.start).any(|i| toks[i - 1].lower == "this" && toks[i].lower == "year" && clause[i] == clause[m.start]))
            .then_some(0);
        if let (Some(r), Some(rf)) = (after.or(before), ctx.reference) {
            let y = rf.year() + r;
            let f: Vec<&str> = value.split(':').collect();
            value = match f.as_slice() {
                ["m", mo] => format!("my:{mo}:{r:+}"),
                ["md", mo, d] => {
                    if after.is_some() {
                        let name = mo.parse::<usize>().ok().and_then(|k| resolve::MONTHS.get(k.wrapping_sub(1)));
                        let day = d.parse::<u32>().unwrap_or(0);
                        on_last_day = name.map(|n| format!("{n} {day} of {y}, the year named after it"));
                    }
                    format!("ymd:{y}:{mo}:{d}")
                }
                _ if holiday => format!("holr:{r}:{}", &value[4..]),
                _ if nth => format!("nthwdy:{y}:{}", &value[6..]),
                _ => value,
            };
        }
        // "a midweek round every third week in winter": a season named bare, with no tense, in
        // a present-tense sentence about what recurs is any year's; so is one said of what
        // usually happens ("The summit, normally held in early autumn"; not "the usually
        // sluggish summer season", this year's).
        if value.starts_with("season:") && value.split(':').count() == 2 {
            let recurs = matches!(tense, None | Some(Tense::Present)) && m.end - m.start == 1 && spans.iter().any(|(k, _, _)| out[*k].timex.kind == TimexType::Set);
            let usually = toks[start.saturating_sub(4)..start].iter().rposition(|t| matches!(t.lower.as_str(), "normally" | "usually" | "typically" | "traditionally" | "customarily" | "ordinarily"))
                .is_some_and(|k| toks[start.saturating_sub(4) + k..start].iter().any(|t| matches!(t.lower.as_str(), "in" | "during" | "over" | "to" | "as" | "through" | "throughout" | "until" | "by")));
            if recurs || usually {
                let name = resolve::season_word(&value[7..]);
                on_last_day = Some(format!("any year's {name}: the sentence tells what {}", if recurs { "recurs" } else { "usually happens" }));
                value = format!("XXXX-{}", &value[7..]);
            }
        }
        // "the harvest is good despite a wet spring": a season judged by its weather, in the
        // present tense, is the last one (not "forecasters expect a wet spring").
        if value.starts_with("season:") && value.split(':').count() == 2 && matches!(tense, None | Some(Tense::Present)) && start >= 2 && m.end - m.start == 1
            && matches!(toks[start - 2].lower.as_str(), "a" | "an") && toks[start - 1].kind == Kind::Word && !toks[start - 1].cap && lookup_tok(&toks[start - 1], "weather").is_some()
            && !toks[..start].iter().any(|t| ["expect", "forecast", "predict", "outlook", "likely", "could", "may", "might", "brace", "prepar", "prospect", "fear", "risk", "threat", "chance", "worr", "hope"].iter().any(|w| t.lower.starts_with(w)))
        {
            value = format!("{value}:past");
        }
        // A story told of a past year ("On a bitterly cold night in January 1871, fire broke
        // out ... The fire began shortly after 11 p.m. on Jan. 17"): a month, day, season or
        // holiday named bare in a past-tense sentence is in the year the story is at (see
        // `Context::story_year`), not the reference's.
        let decade = value == "rel:DE:0" && toks[m.start].lower == "the";
        if ctx.story == resolve::Story::Past && tense == Some(Tense::Past) && sentence_year.is_none() && (value.split(':').count() == 2 && (value.starts_with("m:") || value.starts_with("season:")) || value.split(':').count() == 3 && value.starts_with("md:") || value.starts_with("hol:") || decade) {
            let f: Vec<&str> = value.split(':').collect();
            let month = match f[0] {
                "m" | "md" => f[1].parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
                "season" => Some(resolve::season_start(f[1])),
                "hol" => ctx.last.and_then(|(d, _)| resolve::holiday(d.year(), &f[1..])).map(|x| x.month()),
                _ => None,
            };
            // Told forward unless this sentence has named a date already ("arrived on March 4,
            // 1964, after being trapped in ice for most of February") or looks back ("had").
            let forward = !spans.iter().any(|(k, _, _)| resolve::granularity(&out[*k].timex.value).is_some()) && !toks.iter().any(|t| t.lower == "had");
            if let Some(y) = ctx.story_year(month, forward) {
                on_last_day = Some(match (f[0], month) {
                    ("md", Some(mo)) => format!("{} {} of {y}, the year the story is at", resolve::MONTHS[(mo - 1) as usize], f[2].trim_start_matches('0')),
                    ("m", Some(mo)) => format!("{} of {y}, the year the story is at", resolve::MONTHS[(mo - 1) as usize]),
                    ("season", _) => format!("the {} of {y}, the year the story is at", resolve::season_word(f[1])),
                    ("rel", _) => format!("the {}0s, the decade of {y}, the year the story is at", y / 10),
                    _ => format!("the holiday in {y}, the year the story is at"),
                });
                value = match f[0] {
                    "md" => format!("ymd:{y}:{}:{}", f[1], f[2]),
                    "m" => format!("{y:04}-{:0>2}", f[1]),
                    "season" => format!("{y:04}-{}", f[1]),
                    "rel" => format!("{:03}", y / 10),
                    _ => format!("holy:{y}:{}", &value[4..]),
                };
            }
        }
        // "The ship left Valentia on July 13, 1866. In September, the crew recovered the cable":
        // a month opening a past-tense sentence right after a day of a year long past, stated
        // with its year, is a month of the story that day told, though the text opened as news.
        let opens_month = m.start == 1 && toks[0].lower == "in" && m.end - m.start == 1 && toks.get(m.end).is_some_and(|t| t.lower == ",");
        if let (true, Some(Tense::Past), Some(n)) = (opens_month && ctx.story != resolve::Story::Past, tense, value.strip_prefix("m:").and_then(|n| n.parse::<u32>().ok())) {
            let told = out.last().filter(|p| toks[m.start].start.saturating_sub(p.byte.end) < 300)
                .and_then(|p| dated_day(text, p))
                .filter(|&d| ctx.last == Some((d, resolve::Gran::Day)) && ctx.reference.is_some_and(|rf| d.year() <= rf.year() - 2));
            if let Some(d) = told {
                let y = d.year() + i32::from(n < d.month());
                value = format!("{y:04}-{n:02}");
                on_last_day = Some(format!("{} of {y}, the year of {d}, the day the story told last", resolve::MONTHS[n as usize - 1]));
            }
        }
        // "On Wednesday, September 20, 1944, ... On the night of September 25, men were ferried
        // back": a day of the month told in the past, within two months of the day long past
        // the text is telling, once it has named two dates of that year, is in that year.
        if let (Some((mo, dd)), Some(Tense::Past), Some((d, resolve::Gran::Day)), Some(rf)) = (value.strip_prefix("md:").and_then(|v| v.split_once(':')), tense, ctx.last, ctx.reference) {
            let x = NaiveDate::from_ymd_opt(d.year(), mo.parse().unwrap_or(0), dd.parse().unwrap_or(0)).filter(|x| (*x - d).num_days().abs() <= 60);
            if let (Some(x), true, true, None) = (x, told_twice(out, d.year()), d.year() <= rf.year() - 2, &on_last_day) {
                value = ymd(x);
                on_last_day = Some(format!("{} of {}, the year of {d}, the day the story told last", month_day_name(&x.to_string()), x.year()));
            }
        }
        // "He reached Paris in 1962. By the end of the year he was broke": in a past-tense
        // story, "the year" is the earlier one it is telling ("this year" stays this year).
        // Not "the current year", "the rest of the year", nor a forecast ("could double by
        // the end of the year"); and not when the year last named was a comparison ("up from
        // $151 million in 1985. Results for the year ...").
        if value == "rel:Y:0" && tense == Some(Tense::Past) && toks[m.start..m.end].iter().any(|t| t.lower == "the") && toks[m.end - 1].lower.starts_with("year")
            && !toks[m.start..m.end].iter().any(|t| matches!(t.lower.as_str(), "current" | "present" | "this"))
            && !(m.start >= 2 && toks[m.start - 1].lower == "of" && matches!(toks[m.start - 2].lower.as_str(), "rest" | "balance" | "remainder"))
            && !(m.start >= 1 && toks[m.start - 1].lower == "since")
            && !toks.iter().any(|t| matches!(t.lower.as_str(), "will" | "would" | "could" | "may" | "might" | "should" | "expect" | "expects" | "expected" | "forecast" | "forecasts" | "projected" | "predicted" | "estimated"))
            && ctx.last.zip(ctx.reference).is_some_and(|((d, _), r)| {
                // A story runs forward: the year it is telling is the latest it has named.
                let latest = out.iter().filter_map(|p| year_of(&p.timex.value)).filter(|&y| y < r.year()).max();
                d.year() < r.year() && latest == Some(d.year())
            })
            && out.last().is_some_and(|p| {
                let mut from = p.byte.start.saturating_sub(60);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let before = text[from..p.byte.start].to_lowercase();
                year_of(&p.timex.value) == ctx.last.map(|(d, _)| d.year())
                    && !["from ", "against", "compared", "than ", "versus", " vs", "over "].iter().any(|w| before.contains(w))
            })
            && !toks[m.end..(m.end + 3).min(toks.len())].iter().any(|t| t.kind == Kind::Num && t.lower.len() == 4)
        {
            value = "last:Y:0:year".into();
        }
        // "The ship sank in 1751. The survivors spent the winter in Arendal": in a past-tense
        // sentence after a year long past, "the winter" is that year's, as "that winter" is.
        // (Not "the winter of ...", nor a sentence that also speaks of now or ahead.)
        if value.starts_with("season:") && value.split(':').count() == 2 && tense == Some(Tense::Past) && m.end - m.start == 2 && toks[m.start].lower == "the"
            && toks.get(m.end).is_none_or(|t| t.lower != "of")
            && !toks.iter().any(|t| matches!(t.lower.as_str(), "will" | "would" | "could" | "may" | "might" | "should" | "now" | "this" | "last" | "next"))
            && ctx.last.zip(ctx.reference).is_some_and(|((d, _), r)| d.year() <= r.year() - 2)
            && out.last().and_then(|p| year_of(&p.timex.value)) == ctx.last.map(|(d, _)| d.year())
        {
            value = format!("lastseason:{}", &value[7..]);
        }
        // A list of months or days ("in May, June and September of that year"), read below.
        let follows = listed.last().is_some_and(|&(_, pe)| {
            pe < start && start - pe <= 2 && toks[pe..start].iter().all(|t| matches!(t.lower.as_str(), "," | "and" | "or"))
        });
        if !follows {
            listed.clear();
        } else if value.starts_with("lastm:") && before_list.is_some() {
            // "that year" is the one named before the list, not its previous item.
            ctx.last = before_list;
        }
        let last_before = ctx.last;
        // "closed on Friday from 10am until mid-afternoon": a part of the day that closes a
        // range is on the day the sentence has named, not the report's day ("by late
        // morning" in a market report still is).
        let late_pod = rule.template == "rel:D:0|T{pod}" && matches!(toks[m.start].lower.as_str(), "mid" | "late" | "early");
        if late_pod && start > 0 && matches!(toks[start - 1].lower.as_str(), "until" | "till" | "to" | "through")
            && sentence_day.is_some() && matches!(ctx.last, Some((_, resolve::Gran::Day)))
        {
            value = value.replacen("rel:", "last:", 1);
        }
        // "Rain will spread during Tuesday morning and turn to snow by late afternoon", "voted on
        // Tuesday night to raise charges from January, after a meeting that ran until 11 p.m.":
        // a part of the day or a clock time is on the day its sentence named by date or
        // weekday, though a month was named in between. (Not past a "but": "held the jersey
        // since July 14 but struggled in the early afternoon" is another day's.)
        let contrast = toks[..m.start].iter().any(|t| matches!(t.lower.as_str(), "but" | "while" | "whereas" | "although" | ";"));
        if let Some(d) = named_day.filter(|_| !contrast) {
            let clock_off_day = value.starts_with("last:D:0|hm:") && !matches!(ctx.last, Some((_, resolve::Gran::Day)));
            if late_pod || clock_off_day {
                value = format!("{}{}", ymd(d), &value[value.find('|').unwrap_or(value.len())..]);
                on_named_day = Some(d);
            }
        }
        // "that morning", "that day": the day last named, though a month or a year ("since
        // last year") was named after it. (A bare clock time stays on the reference date.)
        if value.starts_with("last:D:") && toks[m.start].lower == "that" && !matches!(ctx.last, Some((_, resolve::Gran::Day))) {
            if let Some(d) = ctx.last_day {
                ctx.last = Some((d, resolve::Gran::Day));
            }
        }
        // "performs from Tuesday, July 13, through Saturday, July 17, with an extra matinee on
        // Saturday at 3 p.m.": the day its sentence named on that weekday. (Not the end of a
        // range it opened: "bought from Sept. 14 to Thursday". The reference date and "Dec. 9,
        // a Tuesday" are read as before, with their own words.)
        let range_end = || start > 0 && matches!(toks[start - 1].lower.as_str(), "to" | "through" | "until" | "till" | "-" | "and") && toks[..start].iter().any(|t| matches!(t.lower.as_str(), "from" | "between"));
        let (wd, at) = value.split_once('|').map_or((value.clone(), String::new()), |(w, t)| (w.to_owned(), t.to_owned()));
        // (A day found for the mention keeps the time of day it was named with.)
        let on_day = |x: NaiveDate| if at.is_empty() { ymd(x) } else { format!("{}|{at}", ymd(x)) };
        if let (Some(n), Some(d)) = (wd.strip_prefix("wd:").and_then(|n| n.parse::<u32>().ok()), named_day.filter(|&d| !contrast && Some(d) != ctx.reference && toks[start.saturating_sub(1)].lower != "a" && !range_end())) {
            // (Not the day something was said on, which is gone by: "retroactive to Jan. 1, the
            // employers said in a statement Saturday evening".)
            let said_on = toks[start.saturating_sub(5)..start].iter().any(|t| matches!(t.lower.as_str(), "said" | "told" | "announced" | "stated"));
            let across = said_on && ctx.reference.is_some_and(|rf| d > rf);
            // (Or another day it named by its date: "on February 13 and 14, the Friday and
            // Saturday before the holiday".)
            let on_weekday = |x: &NaiveDate| x.weekday().number_from_monday() == n;
            let d = if on_weekday(&d) { d } else { dated_here.iter().rev().copied().find(|x| on_weekday(x) && (*x - d).num_days().abs() <= 6).unwrap_or(d) };
            if on_weekday(&d) && !across {
                value = on_day(d);
                on_last_day = Some(format!("the {} its sentence named before, {d}", d.format("%A")));
            }
        }
        // "Ramadan is expected to begin on the evening of Tuesday, February 17. If the moon is
        // seen on Tuesday evening, ...": the day the text named by its date on that weekday,
        // when it lies within a week of the reference on the side the tense allows.
        if let (Some(n), Some(rf)) = (wd.strip_prefix("wd:").and_then(|n| n.parse::<u32>().ok()), ctx.reference) {
            let dated = ctx.dated_days.iter().rev().copied().find(|&d| d.weekday().number_from_monday() == n && d != rf && (d - rf).num_days().abs() <= 6
                && !(d > rf && tense == Some(Tense::Past) || d < rf && tense == Some(Tense::Future)));
            if let Some(d) = dated.filter(|_| on_last_day.is_none() && toks[start.saturating_sub(1)].lower != "a" && !range_end()) {
                value = on_day(d);
                on_last_day = Some(format!("the {} the text named by its date, {d}", d.format("%A")));
            }
        }
        // "This week, the town is marking the anniversary with a wreath-laying on Saturday",
        // "colder air returning early next week, with frost again by next Tuesday": a weekday
        // in a sentence that has named this week or the next is that week's, on the side of the
        // reference its tense allows.
        let rel_wd = wd.strip_prefix("wdrel:").and_then(|r| r.split_once(':')).filter(|(_, r)| matches!(*r, "0" | "+1"));
        let n = wd.strip_prefix("wd:").map(|n| (n, "")).or(rel_wd).and_then(|(n, r)| Some((n.parse::<u32>().ok()?, r)));
        let week = spans.iter().rev().take(20).find_map(|(k, _, _)| {
            let v = &out[*k].timex.value;
            let (y, w) = v.split_once("-W").filter(|(y, w)| y.len() == 4 && w.len() == 2)?;
            NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)
        });
        if let (Some((n, r)), Some(monday), Some(rf), None) = (n, week, ctx.reference, &on_last_day) {
            let x = resolve::add_days(monday, i64::from(n) - 1);
            // (This week or the next: "a week or so ago, he picked Saturday night as the time
            // to start" is no Saturday of the week he picked it in.)
            let offset = (monday - rf).num_days();
            let fits = !(x > rf && tense == Some(Tense::Past) || x < rf && tense == Some(Tense::Future)) && (r != "+1" || offset >= 1) && x != rf;
            if fits && (-6..=7).contains(&offset) && toks[start.saturating_sub(1)].lower != "a" && !range_end() {
                value = on_day(x);
                on_last_day = Some(format!("the {} of the week its sentence named, {}", x.format("%A"), resolve::iso_week(x)));
            }
        }
        // "... the first fast will be Wednesday, February 18. If not, it will begin a day later,
        // on Thursday": a weekday told as later or earlier than the day last named is the next
        // or previous one from it.
        if let (Some(n), Some((d, resolve::Gran::Day))) = (wd.strip_prefix("wd:").and_then(|n| n.parse::<u32>().ok()), ctx.last) {
            let shift = told_from_last(toks, m.start);
            // ("a day later" has already moved the story to the day it counts to.)
            let counted = usize::from(!shift.is_some_and(|(_, counted)| counted));
            let x = match shift {
                Some(("later", _)) => d.iter_days().skip(counted).take(7).find(|x| x.weekday().number_from_monday() == n),
                Some(("earlier", _)) => d.iter_days().rev().skip(counted).take(7).find(|x| x.weekday().number_from_monday() == n),
                _ => None,
            };
            if let Some(x) = x.filter(|_| on_last_day.is_none()) {
                value = on_day(x);
                on_last_day = Some(if x == d {
                    format!("the {} the text counted to, {d}", x.format("%A"))
                } else {
                    format!("the {} {} {d}, the day last mentioned", x.format("%A"), if x > d { "after" } else { "before" })
                });
            }
        }
        // "The landings began on September 17, 1944. By early evening a battalion had reached
        // the bridge ... Hundreds were taken prisoner on Tuesday morning": told in the past
        // right after a day long past, a bare part of the day is that day's. A bare weekday is
        // the first on or after it, within two days, once the text has named two dates of that
        // year, or in the sentence that named the day ("Eighty years ago today, on a bright
        // Sunday afternoon"); not after one date of a life ("born on July 4, 1950. On Tuesday
        // he announced his retirement").
        if let (None, Some(Tense::Past), Some((d, resolve::Gran::Day)), Some(rf)) = (&on_last_day, tense, ctx.last, ctx.reference) {
            let near = out.last().is_some_and(|p| toks[m.start].start.saturating_sub(p.byte.end) < 300);
            let told = told_twice(out, d.year());
            if d.year() <= rf.year() - 2 && near {
                let x = match wd.strip_prefix("wd:").and_then(|n| n.parse::<u32>().ok()) {
                    Some(n) => d.iter_days().take(if told { 3 } else { usize::from(!dated_here.is_empty() || sentence_day.is_some()) }).find(|x| x.weekday().number_from_monday() == n),
                    None => (wd == "rel:D:0" && !at.is_empty()).then_some(d),
                };
                if let Some(x) = x {
                    value = on_day(x);
                    on_last_day = Some(format!("{}, the day a story of {} is at (past tense)", if x == d { format!("the day last named, {d}") } else { format!("the {} after {d}", x.format("%A")) }, d.year()));
                }
            }
        }
        // "Kiprop won the marathon on Sunday. ... Temperatures rose to 17C by midday": a bare
        // noon told in the past is the day the story named, as a clock time is. (Not after
        // "yesterday" or "last night", which market reports name to compare: "stood unchanged
        // from last night at midday".)
        // (Nor "by the midday close", a market's session.)
        // So is dawn or dusk: "Castagne died on Thursday ... since a stroke last month, and died
        // shortly before dawn" (the day last named, though a month was named since).
        let sun = matches!(value.as_str(), "rel:D:0|TMO" | "rel:D:0|TEV" | "last:D:0|TMO" | "last:D:0|TEV") && matches!(toks[m.start].lower.as_str(), "dawn" | "daybreak" | "sunrise" | "dusk" | "nightfall" | "sunset");
        let recent = |d: NaiveDate| ctx.reference.is_some_and(|rf| d < rf && (rf - d).num_days() <= 7);
        let story_day = match ctx.last {
            Some((d, resolve::Gran::Day)) if recent(d) => Some(None),
            Some((_, resolve::Gran::Month | resolve::Gran::Year)) if sun => ctx.last_day.filter(|&d| recent(d)).map(Some),
            _ => None,
        };
        if let Some(day) = story_day.filter(|_| {
            (value == "rel:D:0|T12:00" || sun) && m.end - m.start == 1 && tense == Some(Tense::Past) && !ctx.last_deictic
                && !(m.start > 0 && matches!(toks[m.start - 1].lower.as_str(), "the" | "'s" | "\u{2019}s" | "its" | "a"))
        }) {
            value = match day {
                Some(d) => {
                    on_last_day = Some(format!("that time of {d}, the day last named (past tense)"));
                    on_day(d)
                }
                None => value.replacen("rel:", "last:", 1),
            };
        }
        // "The strike had ended only two days earlier, on May 12": a day of the month told as
        // earlier or later than the date last named is the one nearest it.
        if let (Some((mo, dd)), Some((d, _))) = (wd.strip_prefix("md:").and_then(|v| v.split_once(':')), ctx.last) {
            let told = told_from_last(toks, m.start).is_some();
            let near = |y: i32| NaiveDate::from_ymd_opt(y, mo.parse().ok()?, dd.parse().ok()?);
            let x = (d.year() - 1..=d.year() + 1).filter_map(near).min_by_key(|x| (*x - d).num_days().abs());
            if let Some(x) = x.filter(|_| told && on_last_day.is_none() && !mo.contains('.') && !dd.contains('.')) {
                value = on_day(x);
                on_last_day = Some(format!("{}, the one nearest {d}, the date last mentioned", month_day_name(&x.to_string())));
            }
        }
        // "The festival runs from Friday, June 19, to Sunday, June 21. A family day will take
        // place on the Sunday": the one of the days just named, not the coming one.
        if let (Some(n), Some((d, resolve::Gran::Day))) = (value.strip_prefix("wd:").and_then(|n| n.parse::<i64>().ok()), ctx.last) {
            if m.start > 0 && toks[m.start - 1].lower == "the" && (1..=7).contains(&n) {
                let x = resolve::nearest_weekday(d, chrono::Weekday::try_from(n as u8 - 1).unwrap_or(chrono::Weekday::Mon));
                value = ymd(x);
                on_last_day = Some(format!("the {} nearest {d}, the day last mentioned", x.format("%A")));
            }
        }
        // "reached the first checkpoint in 3:58", "ran the course in 2:08": a time taken, not a
        // clock time.
        if m.end - m.start == 1 && m.start >= 2 && toks[m.start - 1].lower == "in" {
            // (A small hour may have been read as p.m. already: "3:58" is no "3:58 p.m." here.)
            let hm = value.strip_prefix("last:D:0|hm:").map(|v| v.trim_end_matches("pm").trim_end_matches("am")).and_then(|v| v.strip_suffix(':')).and_then(|v| v.split_once(':'));
            let taken = || toks[m.start.saturating_sub(8)..m.start - 1].iter().any(|t| {
                matches!(t.lower.as_str(), "reached" | "finished" | "ran" | "run" | "completed" | "covered" | "clocked" | "won" | "crossed" | "finish" | "complete" | "reach" | "cover" | "swam" | "cycled" | "rode")
            });
            if let Some((h, mm)) = hm.filter(|_| taken()) {
                let num = |x: &str| x.parse::<u32>().unwrap_or(0);
                // "covered the next five kilometres in 14:22", "ran the mile in 3:58": minutes
                // and seconds; a race of hours is told in hours under ten ("in 2:08").
                let short = toks[m.start.saturating_sub(12)..m.start].iter().any(|t| matches!(t.lower.as_str(), "mile" | "lap" | "laps" | "metres" | "meters" | "split" | "splits"));
                value = if num(h) >= 10 || short { format!("dhms:0:{}:{}", num(h), num(mm)) } else { format!("dhms:{}:{}:0", num(h), num(mm)) };
                kind = TimexType::Duration;
            }
        }
        // "at 10:32:15", "until 14:05:30": a clock time, not a time taken.
        if let Some(hms) = value.strip_prefix("dhms:") {
            if m.start > 0 && matches!(toks[m.start - 1].lower.as_str(), "at" | "from" | "until" | "till" | "by" | "before" | "after" | "since" | "around" | "about" | "approximately") {
                let f: Vec<u32> = hms.split(':').map(|x| x.parse().unwrap_or(99)).collect();
                if f.len() == 3 && f[0] <= 24 {
                    value = format!("last:D:0|hm:{:02}:{:02}.{:02}:", f[0], f[1], f[2]);
                    kind = TimexType::Time;
                }
            }
        }
        // A document that says its fiscal year ends in June counts its quarters from July
        // ("the second quarter, which ended Dec. 31") and names fiscal years by their end.
        if let Some(resolve::FiscalEnd { month: e, quarters }) = ctx.fiscal_end {
            let fiscal = toks[m.start..m.end].iter().any(|t| matches!(t.lower.as_str(), "fiscal" | "financial") || t.lower.starts_with("fy"));
            let f: Vec<&str> = value.split(':').collect();
            let year_q = value.len() == 7 && value.as_bytes()[4..6] == *b"-Q" && value[..4].bytes().all(|b| b.is_ascii_digit());
            if f.len() == 2 && f[0] == "q" && (quarters || fiscal) {
                value = format!("q:{}:{e}", f[1]);
            } else if fiscal && f.len() == 2 && f[0] == "half" {
                value = format!("fyh:{}:{e}", f[1]);
            } else if fiscal && value.len() == 7 && value.as_bytes()[4..6] == *b"-H" && value[..4].bytes().all(|b| b.is_ascii_digit()) {
                value = format!("fyh:{}:{e}:{}", &value[6..], &value[..4]);
            } else if fiscal && year_q {
                value = format!("fyq:{}:{e}:{}", &value[6..], &value[..4]);
            } else if fiscal && value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
                value = format!("fy:{e}:{value}");
            } else if fiscal && f.len() == 3 && f[..2] == ["rel", "Y"] {
                // "the fiscal year that ended last March", "sales rose 4% in the fiscal
                // year": the one over, not the one under way.
                let k: i32 = f[2].parse().unwrap_or(0);
                let ended = toks[m.end..].iter().take(3).any(|t| t.lower == "ended");
                // ("the rest of the fiscal year", "reaffirmed its outlook for the fiscal year": the
                // one still under way.)
                let under_way = toks[m.start.saturating_sub(2)..m.start].iter().any(|t| matches!(t.lower.as_str(), "rest" | "remainder" | "balance"))
                    || m.start >= 2 && toks[m.start - 1].lower == "for"
                        && matches!(toks[m.start - 2].lower.as_str(), "outlook" | "guidance" | "forecast" | "forecasts" | "target" | "targets" | "plan" | "plans" | "budget" | "estimate" | "estimates");
                let over = k == 0 && !under_way && !toks[m.start..m.end].iter().any(|t| matches!(t.lower.as_str(), "current" | "this" | "present"))
                    && (ended || tense == Some(Tense::Past));
                value = format!("fyrel:{e}:{}", if over { -1 } else { k });
            } else if fiscal && f.len() >= 3 && f[..2] == ["last", "Y"] {
                // "the previous fiscal year": the fiscal year before the one last named.
                if let (Some((d, resolve::Gran::Year)), Ok(k)) = (ctx.last, f[2].parse::<i32>()) {
                    value = format!("fy:{e}:{}", d.year() + k);
                }
            }
        }
        // "Christmas fell on a Thursday", "never on a Sunday": some Thursday, not a particular
        // one ("a Sunday night service" is still that Sunday's).
        // ("a Saturday night in October 1956": a part of that day too.)
        let some_weekday = value.strip_prefix("wd:").and_then(|n| n.split('|').next()?.parse::<usize>().ok()).filter(|_| {
            let function_word = |w: &str| {
                matches!(w, "and" | "or" | "but" | "for" | "in" | "at" | "to" | "of" | "with" | "when" | "as" | "after" | "before" | "because" | "while" | "than" | "so" | "if" | "this" | "that" | "last" | "next")
            };
            m.start > 0 && matches!(toks[m.start - 1].lower.as_str(), "a" | "one") && !toks.get(m.end).is_some_and(|t| t.kind == Kind::Word && !t.cap && !function_word(&t.lower))
        });
        // "on New Year's Day, a Thursday": the day just named, told by its weekday.
        let apposed = some_weekday.filter(|_| m.start >= 2 && toks[m.start - 2].lower == ",").and_then(|n| {
            let before = out.last().filter(|p| p.byte.end == toks[m.start - 2].start)?;
            let d = day_of(&before.timex.value)?;
            (d.weekday().number_from_monday() as usize == n).then_some(d)
        });
        // "Boxing Day, Dec. 26, is a weekday here": the date that names the holiday just named.
        let apposed = apposed.or_else(|| {
            let (mm, dd) = value.strip_prefix("md:")?.split_once(':')?;
            let (mm, dd): (u32, u32) = (mm.parse().ok()?, dd.parse().ok()?);
            if m.start < 2 || toks[m.start - 1].lower != "," {
                return None;
            }
            let before = out.last().filter(|p| p.byte.end == toks[m.start - 2].end)?;
            let d = day_of(&before.timex.value)?;
            (d.month() == mm && d.day() == dd).then_some(d)
        });
        // "The May deficit compares with ... the corresponding month of 1986": a month the
        // sentence names before, tagged or not, is the month meant; the first, its subject's
        // ("unchanged in March compared with February but lower than in the same month in 1986").
        if value.starts_with("samein:") && value.ends_with(":M") {
            if let Some(mm) = toks[..m.start].iter().filter(|t| t.cap && !t.all_caps).find_map(|t| lookup_tok(t, "month")) {
                value = format!("{value}:{mm}");
            }
        }
        // "the second day running", "a third day in a row": the day the run has reached, not
        // one counted from something that began.
        if value.starts_with("evday:") && toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "running" | "straight") || t.lower == "in" && toks.get(m.end + 2).is_some_and(|u| u.lower == "row")) {
            value.push_str(":run");
        }
        let day_before = ctx.last_day;
        let mut r = match (some_weekday, apposed) {
            (_, Some(d)) if value.starts_with("md:") => {
                let mut r = ctx.resolve(&ymd(d), tense);
                r.explanation = Some(format!("the day named just before, {d}"));
                r
            }
            (_, Some(d)) => {
                let mut r = ctx.resolve(&ymd(d), tense);
                r.explanation = Some(format!("the day named just before, {d}, a {}", resolve::WEEKDAYS[d.weekday().num_days_from_monday() as usize]));
                r
            }
            (Some(n), None) => {
                let mut r = Context::new(None, 60).resolve(&value, tense);
                // ("a Saturday night, not a particular one".)
                let part = toks[start + 1..m.end].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
                r.explanation = resolve::WEEKDAYS.get(n.wrapping_sub(1)).map(|w| if part.is_empty() { format!("a {w}, not a particular one") } else { format!("a {w} {part}, not a particular one") });
                r
            }
            (None, None) => ctx.resolve(&value, tense),
        };
        // "airs the same night at 11:35", "returned that evening at 7:30": a clock with no a.m.
        // or p.m. right after a part of day is in it.
        if value.starts_with("last:D:0|hm:") && value.ends_with(':') && r.value.len() == 16 && m.start >= 1 && toks[m.start - 1].lower == "at" {
            let before = out.last().filter(|p| m.start >= 2 && p.byte.end == toks[m.start - 2].end);
            let pod = before.and_then(|p| p.timex.value.get(10..).map(str::to_owned));
            let h = r.value[11..13].parse::<u32>().unwrap_or(0);
            let pm = match pod.as_deref() {
                Some("TNI") => (6..12).contains(&h),
                Some("TEV") => (1..12).contains(&h),
                Some("TAF") => (1..7).contains(&h),
                _ => false,
            };
            // ("Sunday night at 2:30": the small hours after it.)
            let small_hours = pod.as_deref() == Some("TNI") && h < 6;
            if let (true, Some(p)) = (pm || small_hours, before) {
                let night = &p.timex.value[..10];
                let day = if small_hours { day_of(night).map(|d| resolve::add_days(d, 1).to_string()).unwrap_or_else(|| night.to_owned()) } else { night.to_owned() };
                r.value = format!("{day}T{:02}{}", if pm { h + 12 } else { h }, &r.value[13..]);
                r.explanation = Some(format!("{} on {day}, in the {} of {night} just named", &r.value[11..], resolve::pod_word(&p.timex.value[11..]).unwrap_or("part of the day")));
            }
        }
        // "is scheduled to report fourth-quarter earnings on Feb. 2", said in January: results
        // are reported for a quarter that has begun, so last year's when this year's is ahead.
        if value.starts_with("q:") && tense != Some(Tense::Past) && reports_results(toks, m.start, m.end) {
            // (Only one ended within four months: results come out within weeks of a quarter's
            // end. A calendar quarter further back is likely a fiscal one: "expects to report
            // earnings for its third quarter", said in March.)
            let begun = ctx.clone().resolve(&value, Some(Tense::Past));
            let ended = match resolve::granularity(&begun.value) {
                Some((q, resolve::Gran::Quarter)) => q.checked_add_months(chrono::Months::new(3)),
                _ => None,
            };
            let recent = ended.zip(ctx.reference).is_some_and(|(e, rf)| (rf - e).num_days() <= 120);
            if begun.value != r.value && recent {
                let begun = ctx.resolve(&value, Some(Tense::Past));
                let words = begun.explanation.as_deref().map(|e| e.replace(" (past tense)", ", as results are reported only for a quarter begun"));
                r = Resolved { explanation: words, ..begun };
            }
        }
        // "The next morning, registration opens at noon": noon of the day that opens the
        // sentence, not the reference date's.
        if value == "rel:D:0|T12:00" {
            if let Some(d) = scene_day.filter(|&d| Some(d) != ctx.reference) {
                value = format!("{}|T12:00", ymd(d));
                r = ctx.resolve(&value, tense);
                r.explanation = Some(format!("noon of {d}, the day that opens the sentence"));
            }
        }
        // "The season runs through Nov. 30. The next advisory will be issued at 5 p.m.": a
        // period's last day is no day the story is at; a bare clock in a later sentence that
        // names no day is the reference date's.
        let after_period_end = ctx.period_end.is_some_and(|(e, _)| ctx.last == Some((e, resolve::Gran::Day))) && sentence_day.is_none() && spans.is_empty();
        // (The day named before the period's end is the one the story is at: "reported results
        // on Tuesday for the quarter that ended September 30. Its call began at 4:30 p.m.")
        if value.starts_with("last:D:0|hm:") && after_period_end && ctx.reference.is_some() {
            let before = ctx.period_end.and_then(|(_, before)| before);
            value = match before {
                Some(d) => format!("{}{}", ymd(d), &value[value.find('|').unwrap_or(value.len())..]),
                None => value.replacen("last:", "rel:", 1),
            };
            r = ctx.resolve(&value, tense);
            r.explanation = match before {
                Some(d) => Some(format!("that time of {d}, the day named before the end of a period")),
                None => r.explanation.map(|e| format!("{e} (the day last named ends a period)")),
            };
        }
        // "16:20 Update: ...", "15:05 - Crowds gather": a clock opening a line is a live
        // report's time stamp, on the day of the report, not on the day the last entry named.
        if value.starts_with("last:D:0|hm:") && line_start(text, toks[m.start].start)
            && toks.get(m.end).is_some_and(|n| matches!(n.lower.as_str(), ":" | "-" | "\u{2013}" | "\u{2014}" | "|") || n.cap)
        {
            value = value.replacen("last:", "rel:", 1);
            r = ctx.resolve(&value, tense);
            r.explanation = r.explanation.map(|e| format!("{e} (a time stamp opening a line)"));
        }
        // "By 10:30 p.m. [Tuesday] ... in the early hours of the morning": after an evening or
        // night on the day last named, the early hours are the next day's.
        // (So is a dawn after a night: "The heaviest snow is likely overnight. By dawn ...".)
        let dawn = m.end - m.start == 1 && matches!(toks[m.start].lower.as_str(), "dawn" | "daybreak" | "sunrise");
        if value == "last:D:0|TMO" && (dawn || toks[m.start..m.end].iter().any(|t| t.lower == "hours")) {
            let evening = out.last().is_some_and(|p| {
                let v = &p.timex.value;
                v.len() > 11 && r.value.get(..10) == v.get(..10) && (v.ends_with("TEV") || v.ends_with("TNI") || v.get(11..13).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h >= 18))
            });
            if let (true, Some(d)) = (evening, day_of(&r.value)) {
                let next = resolve::add_days(d, 1);
                r.value = format!("{next}TMO");
                let night = out.last().is_some_and(|p| p.timex.value.ends_with("TNI"));
                r.explanation = Some(format!("{next}, the day after the {} of {d}", if night { "night" } else { "evening" }));
            }
        }
        if let Some(d) = on_named_day {
            r.explanation = Some(format!("that time of {d}, the day the sentence names"));
        }
        if let Some(why) = on_last_day {
            r.explanation = Some(why);
        }
        // A clock time in a past-tense sentence is not on a day still ahead ("will report on
        // Feb. 12. ... Shares closed at 3:45 p.m.", "a memo sent at 6:45 a.m." after "the sale
        // runs through Saturday"): it is the reference date's.
        // Nor is one in a present or future one on a day gone by ("Rivers burst their banks on
        // Tuesday. The next forecast is due at 4pm").
        if value.starts_with("last:D:0|hm:") && tense.is_some() {
            if let (Some(d), Some(rf)) = (day_of(&r.value), ctx.reference) {
                // (A day this sentence named keeps its times: "the speech on Tuesday starts at 1530 GMT".)
                let wrong_side = if tense == Some(Tense::Past) { d > rf } else { d < rf && sentence_day != Some(d) };
                // ("The launch is set for Saturday. Engineers completed a test on Wednesday. ...
                // The window opens at 6:42 a.m.": the day ahead the story named last, unless
                // the reference date was named since.)
                let ahead = (wrong_side && tense != Some(Tense::Past)).then(|| {
                    out.iter().rev().take(6).filter(|p| toks[m.start].start.saturating_sub(p.byte.end) < 400)
                        .filter(|p| p.timex.kind == TimexType::Date || p.timex.kind == TimexType::Time)
                        .find_map(|p| day_of(&p.timex.value).filter(|&x| x >= rf))
                        .filter(|&x| x > rf && (x - rf).num_days() <= 31)
                }).flatten();
                if let Some(x) = ahead {
                    value = format!("{}{}", ymd(x), &value[value.find('|').unwrap_or(value.len())..]);
                    r = ctx.resolve(&value, tense);
                    r.explanation = Some(format!("that time of {x}, the day ahead last mentioned"));
                } else if wrong_side {
                    value = value.replacen("last:", "rel:", 1);
                    r = ctx.resolve(&value, tense);
                }
            }
        }
        // "cleared the Commons late on Wednesday night, setting up a showdown next month. MPs
        // voted at 11:47 p.m.", "Overnight, crews pulled 230 people from homes. A man died
        // shortly after 2 a.m.": a clock time in the night or evening last named is that
        // night's, its small hours on the next day, though a month was named in between.
        // ("Ibarra led for much of the evening, but Ferrer overtook him shortly after 1 a.m.";
        // "look tonight, in the last two hours before sunrise".)
        let dawn = value == "last:D:0|TMO" && matches!(toks[m.start].lower.as_str(), "dawn" | "daybreak" | "sunrise");
        if (value.starts_with("last:D:0|hm:") || dawn) && on_named_day.is_none() {
            let night = out.iter().rev().take(4).find(|p| day_of(&p.timex.value).is_some())
                .filter(|p| toks[m.start].start.saturating_sub(p.byte.end) < 1500)
                .and_then(|p| Some((day_of(&p.timex.value)?, p.timex.value.get(10..)?.to_owned())));
            // (A day this sentence names is its own, unless it is that night's.)
            let night = night.filter(|(d, pod)| sentence_day.is_none_or(|s| s == *d && matches!(pod.as_str(), "TNI" | "TEV" | "TMO")));
            let hour = if r.value.ends_with("TMO") { Some(5) } else { r.value.get(11..13).and_then(|h| h.parse::<u32>().ok()) };
            let dawn_after_night = || out.iter().rev().take(4).find(|p| p.timex.value.ends_with("TNI")).and_then(|p| day_of(&p.timex.value));
            if let (Some((d, pod)), Some(h)) = (night, hour) {
                let day = match pod.as_str() {
                    "TNI" | "TEV" if h >= 18 => Some(d),
                    "TNI" if h < 6 => d.succ_opt(),
                    // (An evening's small hours only in its own sentence: a story may go back
                    // to the small hours before it.)
                    "TEV" if h < 6 && sentence_day == Some(d) => d.succ_opt(),
                    // ("that night ... just before dawn, between 3 a.m. and 5 a.m.": the
                    // morning's hours, after its dawn.)
                    "TMO" if h < 12 && dawn_after_night().is_some_and(|n| n.succ_opt() == Some(d)) => Some(d),
                    _ => None,
                };
                if let Some(x) = day.filter(|x| day_of(&r.value) != Some(*x)) {
                    value = format!("{}{}", ymd(x), &value[value.find('|').unwrap_or(value.len())..]);
                    r = ctx.resolve(&value, tense);
                    r.explanation = Some(if pod == "TMO" { format!("that time of {d}, the morning after the night last mentioned") } else if x == d { format!("that time of {d}, the night last mentioned") } else { format!("that time of {x}, in the night after {d}") });
                }
            }
        }
        // "Last year it was 78 by noon", "Last year's night drew 700 people, though clouds rolled
        // in after midnight": a time of some day in the year the sentence opened with.
        // ("In 2021, most results were declared by late evening": a bare part of the day too.)
        let bare_pod = matches!(value.as_str(), "rel:D:0|TMO" | "rel:D:0|TAF" | "rel:D:0|TEV" | "rel:D:0|TNI");
        let bare_time = sentence_day.is_none() && on_named_day.is_none() && (bare_clock_value(&value) || bare_pod || value.starts_with("rel:D:-1|T24:00")) && m.end - m.start <= 3;
        let scene = bare_time.then(|| sentence_scene.clone().or_else(|| sentence_year.and_then(|y| Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?, format!("{y}, the year the sentence names")))))).flatten();
        if let Some((from, to, words)) = scene {
            if let Some(t) = r.value.get(10..).filter(|t| t.starts_with('T') && day_of(&r.value).is_some_and(|d| d < from || d > to)) {
                r.value = format!("{:04}-XX-XX{t}", from.year());
                r.explanation = Some(format!("that time of a day in {words}; which day the text does not say"));
            }
        }
        if looks_back {
            r.explanation = r.explanation.map(|e| e.replace("(past tense)", "(results are reported once it is over)"));
        }
        // "Feb. 30", "April 31": no such day, so not a date (and nothing to anchor on).
        if impossible_day(&r.value) {
            ctx.last = last_before;
            i = m.end;
            continue;
        }
        if let Some(note) = order_note {
            r.explanation = Some(format!("stated in the text, {note}"));
        }
        // "In 2019, the firm moved on March 5": the year the sentence named, not the tense's.
        // (Not in a clause about what is still ahead: "Its rival, in 2018, moved; it will open
        // a plant on March 5".)
        let gone = |y: i32| tense == Some(Tense::Future) && ctx.reference.is_some_and(|rf| y < rf.year());
        // So does a year right after it: "held in October in 2021", "through the summer in 1988".
        let year_after = toks.get(m.end).filter(|t| t.lower == "in").and_then(|_| year_at(toks, m.end + 1));
        // "a week off in February starting with the 2026-27 school year": a month of the split
        // year the sentence names, by when that kind of year begins.
        let month_named = value.strip_prefix("m:").or_else(|| value.strip_prefix("md:")).and_then(|v| v.split(':').next()?.parse::<u32>().ok());
        let in_split = month_named.filter(|_| !value.contains("..")).and_then(|n| split_year(toks).map(|(y, first)| if n >= first { y } else { y + 1 }));
        let from_split = year_after.is_none() && sentence_year.filter(|&y| !gone(y)).is_none() && in_split.is_some();
        // "Last winter's season peaked in the week after Thanksgiving and faded by
        // mid-January": a winter that opens the sentence holds its months, November's year
        // or the next January's.
        let in_winter = sentence_winter.filter(|_| sentence_year.is_none()).map(|y| {
            let hol_month = value.strip_prefix("hol:").or_else(|| value.strip_prefix("holwkr:").and_then(|v| v.split_once(':').map(|(_, h)| h)))
                .and_then(|h| resolve::holiday(y, &h.split(':').collect::<Vec<_>>()).map(|d| d.month()));
            match month_named.or(hol_month) {
                Some(n) if n <= 6 => y + 1,
                _ => y,
            }
        });
        let scene = year_after.or(sentence_year.filter(|&y| !gone(y))).or(in_split).or(in_winter);
        if let Some(y) = scene.filter(|&y| year_of(&r.value).is_some_and(|v| v != y)) {
            let in_stated = |v: &str| {
                let f: Vec<&str> = v.split(':').collect();
                match f[0] {
                    "md" if f.len() >= 3 => Some(format!("ymd:{y}:{}:{}", f[1], f[2])),
                    "m" if f.len() == 2 => f[1].parse::<u32>().ok().map(|m| format!("{y:04}-{m:02}")),
                    "season" if f.len() >= 2 => Some(format!("{y:04}-{}", f[1])),
                    "hol" if f.len() >= 2 => Some(format!("holy:{y}:{}", f[1..].join(":"))),
                    "weekof" if f.len() == 3 => Some(format!("weekof:{y}:{}:{}", f[1], f[2])),
                    "holwkr" if f.len() >= 3 => Some(format!("holwkry:{y}:{}", f[1..].join(":"))),
                    _ => None,
                }
            };
            // ("Dec. 9-10": both ends in that year.)
            let stated = match value.split_once("..") {
                Some((a, b)) => in_stated(a).zip(in_stated(b)).map(|(a, b)| format!("{a}..{b}")),
                None => in_stated(&value),
            };
            let f: Vec<&str> = value.split("..").next().unwrap_or_default().split(':').collect();
            if let Some(t) = stated {
                let in_year = ctx.resolve(&t, tense);
                if year_of(&in_year.value) == Some(y) && !impossible_day(&in_year.value) {
                    let what = match f[0] {
                        "md" | "m" => month_day_name(&in_year.value),
                        "season" => "the season".to_owned(),
                        // ("the week of December 11 of 2023": the day the rule put the week by.)
                        "weekof" => format!("the week of {}", month_day_name(&format!("{y:04}-{:0>2}-{:0>2}", f[1], f[2]))),
                        "holwkr" => format!("the week {} the holiday", if f[1].starts_with('-') { "before" } else { "after" }),
                        _ => "the holiday".to_owned(),
                    };
                    let why = if from_split { "in the split year the sentence names" } else { "the year the sentence names" };
                    r = Resolved { explanation: Some(format!("{what} of {y}, {why}")), ..in_year };
                }
            }
        }
        // "a loss for the first quarter of last year, blamed on a spike in January and
        // February": months within the quarter the sentence named are that quarter's.
        // (Only a quarter begun: "cut fourth-quarter output from the level agreed in December"
        // is last December. Not a month whose year follows: "January to March this year".)
        let begun = |q: NaiveDate| ctx.reference.is_some_and(|rf| q <= rf);
        let year_follows = || toks[m.end..(m.end + 4).min(toks.len())].iter().any(|t| t.lower == "year" || t.kind == Kind::Num && t.lower.len() == 4);
        if let (Some(q), Some(n)) = (sentence_quarter.filter(|&q| begun(q) && !year_follows()), value.strip_prefix("m:").and_then(|n| n.parse::<u32>().ok())) {
            if (q.month()..q.month() + 3).contains(&n) && year_of(&r.value).is_some_and(|y| y != q.year()) {
                let v = format!("{:04}-{n:02}", q.year());
                r = Resolved { explanation: Some(format!("{} of {}, in the quarter named before", month_day_name(&v), q.year())), ..ctx.resolve(&v, tense) };
            }
        }
        // Plans are told in order: "begins on 12 April and finishes on 21 July", "ends on 26
        // March, two days before Easter Sunday", said in June, are next year's July and Easter
        // once the day before them is. A day the sentence names ahead is not followed by one
        // already gone.
        let ahead = sentence_day.filter(|&s| tense == Some(Tense::Future) && sentence_year.is_none() && ctx.reference.is_some_and(|rf| s > rf));
        if let (Some(s), Some(y), Some(d)) = (ahead, year_of(&r.value), day_of(&r.value)) {
            let f: Vec<&str> = value.split(':').collect();
            // (Both ends of a range: "run June 5-25".)
            let shift = |v: &str| {
                let f: Vec<&str> = v.split(':').collect();
                match f[0] {
                    "md" if f.len() >= 3 => Some(format!("ymd:{}:{}:{}", y + 1, f[1], f[2])),
                    "hol" if f.len() >= 2 => Some(format!("holy:{}:{}", y + 1, f[1..].join(":"))),
                    _ => None,
                }
            };
            let next = match value.split_once("..") {
                Some((a, b)) => shift(a).zip(shift(b)).map(|(a, b)| format!("{a}..{b}")),
                None => shift(&value),
            };
            // (Also a holiday gone by in a list of days ahead: "off on Thanksgiving and Martin
            // Luther King Jr. Day", said in late January. Not any day: a day gone by may well
            // be one a plan moves from, "extended until April 8 from March 18".)
            let gone = f[0] == "hol" && ctx.reference.is_some_and(|rf| d < rf);
            // (Nor a record date, which comes before the payment: "payable Jan. 3 to stock of
            // record Nov. 16".)
            let record = toks[start.saturating_sub(3)..start].iter().any(|t| t.lower == "record");
            // (Nor a day in a clause of its own, with its own "will": "A conference will be held
            // on January 22, and the curators will give talks from October 14".)
            let own_clause = toks[start.saturating_sub(20)..start].windows(2).rposition(|w| w[0].lower == "," && matches!(w[1].lower.as_str(), "and" | "but" | "while"))
                .is_some_and(|c| toks[start.saturating_sub(20) + c..start].iter().any(|t| matches!(t.lower.as_str(), "will" | "'ll" | "would" | "shall")));
            if let Some(t) = next.filter(|_| d < s && (s.year() > y || gone) && !record && !own_clause) {
                let moved = ctx.resolve(&t, tense);
                if day_of(&moved.value).is_some_and(|x| x >= s) {
                    let what = if f[0] == "md" { month_day_name(&moved.value) } else { "the holiday".to_owned() };
                    r = Resolved { explanation: Some(format!("{what} of {}, after {s}, the day named before it", y + 1)), ..moved };
                }
            }
        }
        // A weekday without a tense is the one nearest a day the sentence has just named
        // ("opens at 15:00 Saturday and closes on Sunday"), not the reference date's nearest.
        // Only a day within the week around the reference date: news names a weekday only
        // for such days ("the final, on May 30, ... tickets go on sale on Friday").
        let near_reference = |s: NaiveDate| ctx.reference.is_none_or(|rf| (s - rf).num_days().abs() <= 7);
        if value.starts_with("wd:") && matches!(tense, None | Some(Tense::Present)) {
            if let (Some(d), Some(s)) = (day_of(&r.value), sentence_day.filter(|&s| near_reference(s))) {
                let near = resolve::nearest_weekday(s, d.weekday());
                if near != d {
                    r.value = format!("{near}{}", &r.value[10..]);
                    r.anchor = Some(s.to_string());
                    r.explanation = Some(format!("the {} nearest {s}, the day named before it", near.format("%A")));
                    ctx.last = Some((near, resolve::Gran::Day));
                }
            }
        }
        // The day that closes a range comes after the one that opens it. A range that opens in
        // the past ("closed from Wednesday to Monday") opens a week earlier; one that opens on
        // or after the reference date closes a week later; a time of day before the opening
        // one is the next day's.
        let mut opened_by: Option<usize> = None;
        let in_range = closes_range.is_some();
        if let Some((k, _, first, bare_weekday, bare_clock)) = closes_range {
            let clock = |v: &str| v.len() == 16 && v.as_bytes()[10] == b'T';
            let names_day = !bare_clock_value(&value) && day_of(&r.value).is_some();
            if bare_clock && names_day {
                // "from 9am to 3pm Friday", "7 a.m. to 8 p.m. Tuesday": the opening time is on
                // the day named at the close (the day before, past midnight: "10pm to 6am Friday").
                if let (Some(d), Some(at)) = (day_of(&r.value), first.find('T')) {
                    let overnight = clock(&r.value) && first[at..] >= r.value[10..];
                    // "On Saturday afternoon ... closed from 1 p.m. until late Sunday evening":
                    // a time in the part of the day the sentence named the day before by is
                    // that day's.
                    let hour = first.get(at + 1..at + 3).and_then(|h| h.parse::<u32>().ok());
                    let in_pod = match (named_pod.as_deref(), hour) {
                        (Some("MO"), Some(h)) => (5..12).contains(&h),
                        (Some("AF"), Some(h)) => (12..18).contains(&h),
                        (Some("EV"), Some(h)) => (17..22).contains(&h),
                        (Some("NI"), Some(h)) => !(5..20).contains(&h),
                        _ => false,
                    };
                    let day_before = resolve::add_days(d, -1);
                    let on_named = !overnight && in_pod && named_day == Some(day_before);
                    let day = if overnight || on_named { day_before } else { d };
                    let t = &mut out[k].timex;
                    t.value = format!("{day}{}", &first[at..]);
                    t.anchor = Some(d.to_string());
                    t.explanation = Some(match (overnight, on_named) {
                        (false, false) => format!("that time of {day}, the day that closes the range"),
                        (true, _) => format!("that time of {day}, the night before {d}, which closes the range"),
                        (false, true) => format!("that time of {day}, the day named before, in the part of it named"),
                    });
                }
            } else if week_named {
                // "between Tuesday and Friday next week": the opening day is in the week named.
                if let (true, Some(d), Some(f)) = (bare_weekday, day_of(&r.value), day_of(&first)) {
                    let back = d.weekday().num_days_from_monday() as i64 - f.weekday().num_days_from_monday() as i64;
                    if back >= 0 {
                        let x = resolve::add_days(d, -back);
                        let t = &mut out[k].timex;
                        t.value = format!("{x}{}", &t.value[10..]);
                        t.anchor = Some(d.to_string());
                        t.explanation = Some(format!("the {} of the week of {d}, the day that closes the range", x.format("%A")));
                    }
                }
            } else if month_or_day(&value) {
                // "from April 1 to September": the closing month or day comes after the opening
                // one. A range that opens before the reference date ("ran from November to
                // February") opens a year earlier; one that opens after it closes a year later.
                let n = first.len().min(r.value.len());
                if n >= 7 && first.as_bytes()[0].is_ascii_digit() && first.as_bytes()[4] == b'-' && r.value.as_str() < &first[..n] {
                    let opened_before = ctx.reference.is_some_and(|rf| first.as_str() < rf.to_string().as_str());
                    if opened_before {
                        if let Some(v) = shift_year(&first, -1) {
                            let t = &mut out[k].timex;
                            t.explanation = Some(format!("a year before {first}, as the range closes in {}", r.value));
                            t.value = v;
                        }
                    } else if let Some(v) = shift_year(&r.value, 1) {
                        r.explanation = Some(format!("the first {} after {first}, which opens the range", month_day_name(&r.value)));
                        r.anchor = Some(first[..first.len().min(10)].to_owned());
                        r.value = v;
                    }
                }
            } else {
                // (Only a bare opening time moves with the day named after the close: "9pm
                // Friday until noon on Sunday" keeps its Friday.)
                if clock(&r.value) && clock(&first) && bare_clock {
                    opened_by = Some(k);
                }
                // "kicks off at 2 p.m. and the late game at 4:30": a clock with no a.m. or p.m.
                // after an afternoon one is in the same half of the day, if that keeps it later.
                let hour = |v: &str| v.get(11..13).and_then(|h| h.parse::<u32>().ok());
                if value.contains("|hm:") && value.ends_with(':') && clock(&r.value) && clock(&first) && r.value[..10] == first[..10] {
                    if let (Some(h), Some(hf)) = (hour(&r.value), hour(&first)) {
                        if (1..12).contains(&h) && hf >= 12 && h + 12 > hf {
                            r.value = format!("{}{:02}{}", &r.value[..11], h + 12, &r.value[13..]);
                            r.explanation = Some(format!("{} on {}: after {}, so past noon", &r.value[11..], &r.value[..10], &first[11..]));
                        }
                    }
                }
                if clock(&r.value) && clock(&first) && r.value[..10] == first[..10] && r.value <= first {
                    // "from 10pm to 6am": past midnight.
                    if let Some(d) = day_of(&r.value) {
                        r.value = format!("{}{}", resolve::add_days(d, 1), &r.value[10..]);
                        r.explanation = Some(format!("the day after {d}, past midnight from {first}"));
                    }
                } else if let (Some(mut d), Some(mut f)) = (day_of(&r.value), day_of(&first)) {
                    if d < f && ctx.reference.is_some_and(|rf| f < rf) {
                        while d <= f {
                            f = resolve::add_days(f, -7);
                        }
                        let t = &mut out[k].timex;
                        t.value = format!("{f}{}", &t.value[10..]);
                        t.anchor = Some(d.to_string());
                        t.explanation = Some(format!("the {} before {d}, the day that closes the range", f.format("%A")));
                    } else if d < f {
                        while d <= f {
                            d = resolve::add_days(d, 7);
                        }
                        r.value = format!("{d}{}", &r.value[10..]);
                        r.anchor = Some(f.to_string());
                        // ("on Wednesday and Thursday" is a list, not a range.)
                        let what = if toks[m.start - 1].lower == "and" { "the day listed before it" } else { "the day that opens the range" };
                        r.explanation = Some(format!("the {} after {f}, {what}", d.format("%A")));
                        ctx.last = Some((d, resolve::Gran::Day));
                    } else if bare_weekday && (d - f).num_days() >= 7 {
                        // "was moved from Saturday afternoon to Sunday morning", said on a
                        // Thursday: the two days of one weekend, the opening one in the week
                        // before the close, not a past verb's Saturday a week earlier.
                        while (d - f).num_days() >= 7 {
                            f = resolve::add_days(f, 7);
                        }
                        let t = &mut out[k].timex;
                        t.value = format!("{f}{}", &t.value[10..]);
                        t.anchor = Some(d.to_string());
                        t.explanation = Some(format!("the {} before {d}, the day that closes the range", f.format("%A")));
                    }
                }
            }
            let first = &out[k].timex.value;
            if clock(first) && clock(&r.value) && first[..10] != r.value[..10] {
                ctx.clock_range = Some((first.clone(), r.value.clone()));
            }
        }
        // "from noon today until 6 a.m. Thursday. Winds will be strongest between 2 p.m. and
        // 4 p.m.": a bare clock after a range that runs into the next day lies within it, on
        // the day that opens the range when the closing day's would fall past its end.
        if value.starts_with("last:D:0|hm:") && r.value.len() == 16 {
            if let Some((first, end)) = ctx.clock_range.as_ref().filter(|(_, e)| e[..10] == r.value[..10] && r.value > *e) {
                let within = format!("{}{}", &first[..10], &r.value[10..]);
                if within >= *first {
                    r.explanation = Some(format!("that time of {}, within the range from {first} to {end}", &first[..10]));
                    r.value = within;
                    ctx.last = resolve::granularity(&r.value[..10]);
                }
            }
        } else if !in_range {
            ctx.clock_range = None;
        }
        // "stretched past midnight before the race was called at 1:30 a.m.": a bare morning
        // clock right after a midnight (the end of day D, TimeML's DT24:00) is D+1's.
        if value.starts_with("last:D:0|hm:") && !in_range {
            let after_midnight = out.last().is_some_and(|p| p.timex.value.ends_with("T24:00") && p.timex.value.get(..10) == r.value.get(..10));
            let morning = r.value.len() == 16 && r.value.get(11..13).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h < 12);
            if let (true, true, Some(d)) = (after_midnight, morning, day_of(&r.value)) {
                let next = resolve::add_days(d, 1);
                r.value = format!("{next}{}", &r.value[10..]);
                r.explanation = Some(format!("that time of {next}, after the midnight that ended {d}"));
                ctx.last = Some((next, resolve::Gran::Day));
            }
        }
        // A list of months or days is in calendar order. An item without a year that would fall
        // before the one listed ahead of it is a year later ("meets in October, January and
        // July"); a year written on the last item holds for the list ("in March and April 1986").
        if month_or_day(&value) {
            if let Some(&(k, _)) = listed.last() {
                let pv = out[k].timex.value.clone();
                if let Some(v) = shift_year(&r.value, 1).filter(|_| pv.len() == r.value.len() && r.value < pv) {
                    r.value = v;
                    // ("May, June/July": the range moves with its first month.)
                    r.end_value = r.end_value.as_deref().map(|e| shift_year(e, 1).unwrap_or_else(|| e.to_owned()));
                    r.anchor = Some(pv[..pv.len().min(10)].to_owned());
                    r.explanation = Some(format!("the first {} after {pv}, listed before it", month_day_name(&r.value)));
                    ctx.last = resolve::granularity(&r.value);
                }
            }
            if listed.is_empty() {
                before_list = last_before;
            }
            listed.push((out.len(), m.end));
        } else {
            // A month or day with its year written ("April 1986", "April 4, 1986", "April last year").
            let dated = (rule.template.contains("{year}") || rule.template.contains("{yy}") || value.starts_with("my:") || value.starts_with("lastm:"))
                && r.value.len() >= 7 && r.value.as_bytes()[4] == b'-' && r.value[5..7].bytes().all(|c| c.is_ascii_digit());
            if let (true, Some(mut y)) = (follows && dated, year_of(&r.value)) {
                let mut next = r.value.clone();
                for &(k, _) in listed.iter().rev() {
                    let t = &mut out[k].timex;
                    // "November, December and January 1987": an item after the next one in the
                    // calendar is in the year before.
                    let n = t.value.len().min(next.len());
                    if t.value.len() >= 7 && t.value[5..n] > next[5..n] {
                        y -= 1;
                    }
                    if year_of(&t.value) != Some(y) {
                        t.value = format!("{y:04}{}", &t.value[4..]);
                        t.explanation = Some(format!("{} of {y}, the year the list ends in", month_day_name(&t.value)));
                    }
                    next = t.value.clone();
                }
            }
            listed.clear();
        }
        if kind == TimexType::Set {
            // "twice a week", "three times a year": how often, then the period.
            let often = match toks[m.start].lower.as_str() {
                "once" => Some("once".to_owned()),
                "twice" => Some("twice".to_owned()),
                "thrice" => Some("three times".to_owned()),
                n if toks.get(m.start + 1).is_some_and(|t| t.lower == "times") => Some(format!("{n} times")),
                n if m.end - m.start == 4 && matches!(toks[m.start + 1].lower.as_str(), "days" | "nights" | "hours" | "weekend" | "weekends" | "weeks") => Some(format!("{n} {}", toks[m.start + 1].lower)),
                // "two or three days a week".
                n if m.end - m.start == 6 && matches!(toks[m.start + 3].lower.as_str(), "days" | "nights") => Some(format!("{n} {} {} {}", toks[m.start + 1].lower, toks[m.start + 2].lower, toks[m.start + 3].lower)),
                _ => None,
            };
            let every = match toks[m.end - 1].lower.as_str() {
                "season" => Some("every season".to_owned()),
                // "the first Monday of each month", "the first and third Thursdays of the month",
                // "the first Saturday and Sunday of every month": the days as written.
                "month" if r.value == "P1M" && toks[m.start..m.end].iter().any(|t| lookup_tok(t, "weekday").is_some() || lookup_tok(t, "weekdays").is_some()) => {
                    let of = (m.start..m.end).rfind(|&k| toks[k].lower == "of").unwrap_or(m.end);
                    let from = (m.start..of).find(|&k| !matches!(toks[k].lower.as_str(), "the" | "every" | "each")).unwrap_or(of);
                    let days: Vec<&str> = toks[from..of].iter().map(|t| if lookup_tok(t, "ord").is_some() || t.lower == "and" { t.lower.as_str() } else { &text[t.start..t.end] }).collect();
                    Some(format!("the {} of every month", days.join(" ")))
                }
                // "weekdays" (Monday to Friday), "weekday mornings", "Mondays through Thursdays".
                _ if r.value.starts_with("XXXX-WXX-") && r.end_value.as_deref().is_some_and(|e| e.starts_with("XXXX-WXX-")) => {
                    let every_first = resolve::set_words(&r.value).unwrap_or_default();
                    Some(day_span(&every_first, &r.value, r.end_value.as_deref().unwrap_or_default()))
                }
                // "from 9am to 5pm daily".
                _ if r.value.starts_with("XXXX-XX-XXT") && r.end_value.as_deref().is_some_and(|e| e.starts_with("XXXX-XX-XXT")) => {
                    r.end_value.as_deref().map(|e| format!("every day from {} to {}", &r.value[11..], &e[11..]))
                }
                _ => resolve::set_words(&r.value),
            };
            // "every other Thursday", "alternate Fridays": the value names the day only.
            let other = toks[m.start..m.end].iter().any(|t| matches!(t.lower.as_str(), "other" | "alternate"));
            let every = every.map(|e| if other && !e.starts_with("every other") { e.replacen("every ", "every other ", 1) } else { e });
            r.explanation = match (often, every) {
                (Some(o), Some(e)) => Some(format!("{o} {}", e.replacen("every ", "a ", 1).replacen("a hour", "an hour", 1))),
                (None, Some(e)) => Some(e),
                (_, None) => r.explanation,
            };
        }
        // "three days later", "a week earlier": TimeML keeps an amount of time, but the reader
        // wants the day too; the card gives it, counted from the date last mentioned.
        // So does "will be back in two weeks", counted from the reference date.
        let later = toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "later" | "earlier"));
        let mut moved_to: Option<String> = None;
        let ahead = start == m.start && start > 0 && toks[start - 1].lower == "in" && tense == Some(Tense::Future);
        if kind == TimexType::Duration && (later || ahead) {
            // ("24 hours earlier", "48 hours later": whole days.)
            let days = r.value.strip_prefix("PT").and_then(|v| v.strip_suffix('H')).and_then(|h| h.parse::<i64>().ok()).filter(|h| *h > 0 && h % 24 == 0).map(|h| format!("{}D", h / 24));
            let amount = days.as_deref().or_else(|| r.value.strip_prefix('P').filter(|v| !v.starts_with('T')));
            let split = amount.and_then(|v| v.find(|c: char| !c.is_ascii_digit()).map(|k| v.split_at(k)));
            if let Some((n, unit)) = split.filter(|(n, u)| !n.is_empty() && matches!(*u, "D" | "W" | "M" | "Y")) {
                let sign = if ahead || toks[m.end].lower == "later" { "+" } else { "-" };
                let saved = (ctx.last, ctx.last_quarter);
                // A week later is a day, seven after.
                let (unit, n) = match (unit, n.parse::<i64>()) {
                    ("W", Ok(k)) => ("D".to_owned(), (k * 7).to_string()),
                    _ => (unit.to_owned(), n.to_owned()),
                };
                let from = if ahead { "rel" } else { "last" };
                let day = ctx.resolve(&format!("{from}:{unit}:{sign}{n}"), tense);
                // (A month counted from a year, "in 1889 ... a month later", is no month known.)
                let fine = day.value.len() >= match unit.as_str() {
                    "D" => 10,
                    "M" => 7,
                    _ => 4,
                };
                let anchored = |w: &String| fine && w.ends_with(if ahead { "the reference date" } else { "the date last mentioned" });
                // A story told in order moves on: "Three days later he left. The next day ..."
                // is the day after the leaving. (Not "will be back in two weeks".)
                if ahead || !day.explanation.as_ref().is_some_and(anchored) {
                    (ctx.last, ctx.last_quarter) = saved;
                } else {
                    moved_to = Some(day.value.clone());
                }
                if let Some(why) = day.explanation.filter(anchored) {
                    let words = r.explanation.take().unwrap_or_default();
                    r.explanation = Some(format!("{words}; {why}: {}", day.value));
                }
            }
        }
        // "the first nine months", "the six months": a part of the year the report is about
        // ("the past two months" is not).
        if kind == TimexType::Duration && toks[start].lower == "the" && r.value.ends_with('M') && r.value.starts_with('P')
            && toks.get(start + 1).is_some_and(|t| lookup_tok(t, "rel").is_none() && !matches!(t.lower.as_str(), "last" | "past" | "next" | "few"))
            && r.value[1..r.value.len() - 1].parse::<u32>().is_ok_and(|n| (2..12).contains(&n))
        {
            ctx.part_of_year();
        }
        if kind == TimexType::Date {
            // "the three months to December": a calendar quarter, named by the month it ends.
            let months_to = start >= 3 && matches!(toks[start - 1].lower.as_str(), "to" | "ended" | "ending" | "through")
                && matches!(toks[start - 2].lower.as_str(), "months" | "month") && matches!(toks[start - 3].lower.as_str(), "three" | "3");
            // So is "the April-June period".
            let months = |v: &str| resolve::granularity(v).filter(|g| g.1 == resolve::Gran::Month).map(|g| g.0);
            match (months(&r.value), r.end_value.as_deref().map(months)) {
                (Some(d), None) if months_to => ctx.quarter_ending(d),
                // ("the three months to March 31": by the quarter's last day.)
                (None, None) if months_to => {
                    let last_day = resolve::granularity(&r.value).filter(|g| g.1 == resolve::Gran::Day && g.0.succ_opt().is_some_and(|n| n.day() == 1));
                    if let Some((d, _)) = last_day {
                        ctx.quarter_ending(d);
                    }
                }
                (Some(d), Some(Some(e))) if d.month() % 3 == 1 && d.checked_add_months(chrono::Months::new(2)) == Some(e) => ctx.quarter_ending(e),
                _ => {}
            }
        }
        // A fiscal quarter that is not a calendar one ("its fiscal first quarter", August to
        // October) is written by its months; the calendar quarter that holds most of them
        // stood for it while resolving, so "a year earlier" and "the prior quarter" find it.
        // (Where only quarters called fiscal are, so is only such a one.)
        let fiscal_named = r.explanation.as_deref().is_some_and(|x| x.starts_with("fiscal quarter"));
        if let Some(resolve::FiscalEnd { month: e, .. }) = ctx.fiscal_end.filter(|f| f.month % 3 != 0 && (f.quarters || fiscal_named)) {
            if let (Some((start_m, end_m, _)), None, TimexType::Date) = (fiscal_months(&r.value, e), &r.end_value, kind) {
                r.explanation = r.explanation.map(|x| match x.starts_with("fiscal quarter") {
                    true => x,
                    // ("the year before 2019-Q3" is before August to October 2019.)
                    false => x.split(' ').map(|w| {
                        let q = w.trim_end_matches([',', ')', ';']);
                        fiscal_months(q, e).map_or(w.to_owned(), |(_, _, words)| w.replacen(q, &words, 1))
                    }).collect::<Vec<_>>().join(" "),
                });
                r.value = start_m;
                r.end_value = Some(end_m);
            }
        }
        let modifier = modifier.or_else(|| rule.modifier.clone());
        // "mid-2024": "the middle of 2024, stated in the text", not "the middle of stated ...".
        let explanation = r.explanation.map(|e| match modifier.is_some() && e == "stated in the text" {
            // ("the end of the 2025-26 season": of the whole range.)
            true => match &r.end_value {
                Some(end) => format!("{} to {end}, stated in the text", r.value),
                None => format!("{}, stated in the text", r.value),
            },
            false => e,
        });
        // A clock time's mod says what the words before it did: "shortly after 9:15 p.m.".
        let clocked = kind == TimexType::Time && clock_template(&value);
        // "late afternoon": the end of the afternoon, not of its day.
        let pod = r.value.rsplit_once('T').and_then(|(_, c)| match c {
            "MO" => Some("morning"),
            "AF" => Some("afternoon"),
            "EV" => Some("evening"),
            "NI" => Some("night"),
            "DT" => Some("daytime"),
            _ => None,
        });
        let explanation = explanation.map(|e| match (modifier.as_deref(), pod) {
            (Some("START"), Some(w)) => format!("the start of the {w}, {e}"),
            (Some("END"), Some(w)) => format!("the end of the {w}, {e}"),
            (Some("MID"), Some(w)) => format!("the middle of the {w}, {e}"),
            _ => e,
        });
        let explanation = explanation.map(|e| match modifier.as_deref().filter(|m| pod.is_none() || !matches!(*m, "START" | "END" | "MID")) {
            Some("APPROX") if clocked => format!("{e}, at about that time"),
            Some("AFTER") if clocked => format!("{e}, shortly after that time"),
            Some("BEFORE") if clocked => format!("{e}, shortly before that time"),
            Some("START") => format!("the start of {e}"),
            Some("END") => format!("the end of {e}"),
            Some("MID") => format!("the middle of {e}"),
            Some("APPROX") => format!("about {e}"),
            Some("MORE_THAN") => format!("more than {e}"),
            Some("LESS_THAN") => format!("less than {e}"),
            Some("EQUAL_OR_MORE") => format!("at least {e}"),
            Some("EQUAL_OR_LESS") => format!("at most {e}"),
            _ => e,
        });
        // A time of day is written after a "T" ("2021-12-30T15:00", "XXXX-XX-XXTMO"); "FUTURE_REF"
        // has a T but no time.
        let of_day = r.value.contains('T') && !r.value.starts_with('P') && !r.value.ends_with("_REF");
        let label = if kind == TimexType::Time || (kind != TimexType::Duration && of_day) {
            Label::Time
        } else {
            Label::Date
        };
        let second = second_day(toks, m.end, &r.value, r.end_value.is_none() && rule.template.contains("{day}"));
        let firsts = if kind == TimexType::Duration && modifier.is_none() { shared_unit(toks, start, &r.value) } else { Vec::new() };
        // "7 p.m. on Friday", "10:30 a.m. on Jan. 5": the clock time is on the day named next.
        if let Some((k, end, opener, _)) = clock.take() {
            // (A day, or a part of one: "3pm on Tuesday afternoon".)
            let part_of_day = r.value.len() == 13 && r.value.as_bytes()[10] == b'T' && r.value.as_bytes()[11..].iter().all(u8::is_ascii_uppercase);
            let named = (r.value.len() == 10 || part_of_day).then(|| day_of(&r.value)).flatten();
            // "9:30 a.m. New York time on Monday": a place's time may come between.
            let between = toks.get(end..start.saturating_sub(1)).unwrap_or(&[]);
            // (So may a second zone: "9 p.m. ET/PT on Tuesday".)
            let place_time = between.is_empty()
                || between.len() == 2 && between[0].lower == "/" && lookup_tok(&between[1], "zone").is_some()
                // (Or a comma: "will close early, at 4 p.m., on Christmas Eve".)
                || between.len() == 1 && between[0].lower == ","
                || between.len() <= 4 && between.last().is_some_and(|t| t.lower == "time") && between[..between.len() - 1].iter().all(|t| t.cap);
            // "10:15 local time tomorrow": a day right after the time is its day too.
            let on = start > end && toks[start - 1].lower == "on" && place_time || start == end && toks.get(m.end).is_none_or(|t| t.lower != "'s");
            if let (Some(named), Some(was)) = (named.filter(|_| on), day_of(&out[k].timex.value)) {
                // The range's opening time ("from 9 a.m. to 5 p.m. on Monday") moves with it,
                // as many days before as it was.
                for idx in opener.into_iter().chain([k]) {
                    let t = &mut out[idx].timex;
                    if let (Some(at), Some(d)) = (t.value.find('T'), day_of(&t.value)) {
                        let day = resolve::add_days(named, (d - was).num_days());
                        // "9-11 a.m. on Dec. 3": the range's end moves with it.
                        if let Some(e) = t.end_value.as_mut() {
                            if let (Some(eat), Some(ed)) = (e.find('T'), day_of(e)) {
                                *e = format!("{}{}", resolve::add_days(day, (ed - d).num_days()), &e[eat..]);
                            }
                        }
                        t.value = format!("{day}{}", &t.value[at..]);
                        t.anchor = Some(named.to_string());
                        t.explanation = Some(match day == named {
                            true => format!("that time of {day}, the day named after it"),
                            false => format!("that time of {day}, by the day named after it"),
                        });
                    }
                }
            } else if on && opener.is_none() && r.value.len() == 10 && r.value.ends_with("-XX") && r.value.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                // "by dawn the next day", in a story of the past: a day of a month, which one
                // the text does not say.
                let t = &mut out[k].timex;
                if let Some(at) = t.value.find('T') {
                    t.value = format!("{}{}", r.value, &t.value[at..]);
                    t.anchor = r.anchor.clone();
                    t.explanation = Some(format!("that time of a day in {}, the day named after it; which day the text does not say", &r.value[..7]));
                }
            }
        }
        // Noon, midnight, dawn, lunchtime and dusk follow the day named after them as clock times do.
        let bare_clock = bare_clock_value(&value);
        if bare_clock || bare_clock_value(&rule.template) || matches!(rule.template.as_str(), "last:D:0|TMO" | "last:D:0|TEV" | "last:D:0|TMI") {
            clock = Some((out.len(), m.end, opened_by, start));
        }
        // (A set, "from 9am to 5pm daily", opens no range of dates.)
        // ("on Wednesday and Thursday" lists days in order: the second follows the first.)
        // (Only ahead: a past "on Tuesday and Monday" need not be told in order.)
        let listed_days = tense == Some(Tense::Future) && value.starts_with("wd:") && start > 0 && toks[start - 1].lower == "on" && toks.get(m.end).is_some_and(|t| t.lower == "and")
            && toks.get(m.end + 1).is_some_and(|t| lookup_tok(t, "weekday").is_some());
        if (start > 0 && matches!(toks[start - 1].lower.as_str(), "from" | "between") || bare_clock || listed_days) && kind != TimexType::Set {
            range_first = Some((out.len(), m.end, r.value.clone(), value.starts_with("wd:"), bare_clock));
        }
        // A year that opens the sentence sets its scene: "In 2019, ...", "Last year, ...".
        // Not one further in ("a program approved in 1987 ... had bought shares through
        // Sept. 29"), nor "the 2019 law".
        // ("\"In 2023 we ran out by the second week of December,\" she said": after a quote mark too.)
        let quoted = start == 2 && matches!(toks[0].lower.as_str(), "\"" | "\u{201c}" | "'");
        let scene = (start == 1 || quoted) && matches!(toks[start - 1].lower.as_str(), "in" | "during" | "throughout" | "by")
            || (start == 0 || start == 1 && matches!(toks[0].lower.as_str(), "\"" | "\u{201c}" | "'")) && (value.starts_with("rel:Y:") || value.starts_with("ago:"))
                // ("Last year's fire season was quiet, but forecasters said in May ...": a
                // year that qualifies a noun sets no scene.)
                && toks.get(m.end).is_none_or(|t| !matches!(t.lower.as_str(), "'s" | "\u{2019}s" | "'"))
            // (Or set off by commas: "The last strike, in 2018, began on Sept. 7".)
            || start >= 2 && toks[start - 1].lower == "in" && toks[start - 2].lower == "," && toks.get(m.end).is_some_and(|t| t.lower == ",")
            // (Or told day by day after it: "will meet eight times in 2026, on October 28-29".)
            || start >= 1 && toks[start - 1].lower == "in" && toks.get(m.end).is_some_and(|t| t.lower == ",")
                && toks.get(m.end + 1).is_some_and(|t| matches!(t.lower.as_str(), "on" | "in")) && toks.get(m.end + 2).is_some_and(|t| lookup_tok(t, "month").is_some());
        // So does a year a clause of "when" tells of: "reminded him of 2010, when heavy rain in
        // late spring ...", "last year's fireworks, when Diwali fell in mid-November".
        let when_after = toks[m.end..(m.end + 5).min(toks.len())].windows(2).any(|w| w[0].lower == "," && w[1].lower == "when")
            && toks[m.end..(m.end + 3).min(toks.len())].iter().all(|t| t.kind == Kind::Word && !t.cap || matches!(t.lower.as_str(), "," | "'s" | "\u{2019}s"));
        // (A fiscal year is no calendar year: "The fiscal year began on October 1", said in
        // August, began last October.)
        let fiscal = toks[start..m.end].iter().any(|t| matches!(t.lower.as_str(), "fiscal" | "financial"));
        // (Nor a split year, whose months fall in either: "In the 2022-23 season, ... in early
        // February".)
        let split = toks[start..m.end].iter().any(|t| t.kind == Kind::Num && t.lower.contains(['-', '/', '\u{2013}']));
        if (scene || when_after) && !fiscal && !split && r.value.len() == 4 && r.value.bytes().all(|b| b.is_ascii_digit()) {
            sentence_year = year_of(&r.value);
            sentence_scene = None;
        }
        // So does a month of a year long past named with its year in a past-tense sentence: "The
        // ship left Canton in January 1751 and was lost on October 2".
        let long_past = |y: i32| ctx.reference.is_some_and(|rf| y <= rf.year() - 2);
        // (Named as the time of what happened, after "in"; not "since August 1985", "the same
        // month of 1985" or an index's base, "December, 1978 equals 100".)
        // (Or a season of it: "The attempt in the summer of 1865 ended on August 2".)
        let month_of_year = lookup_tok(&toks[start], "month").is_some() && r.value.len() == 7 && r.value.bytes().enumerate().all(|(k, b)| k == 4 || b.is_ascii_digit());
        let season_of_year = r.value.len() == 7 && matches!(&r.value[5..], "SP" | "SU" | "FA") && r.value[..4].bytes().all(|b| b.is_ascii_digit());
        if tense == Some(Tense::Past) && start >= 1 && matches!(toks[start - 1].lower.as_str(), "in" | "during") && (month_of_year || season_of_year)
            && toks[start..m.end].iter().any(|t| t.lower == r.value[..4]) && year_of(&r.value).is_some_and(long_past)
        {
            sentence_year = year_of(&r.value);
            sentence_scene = None;
        }
        // So does the year or season a sentence opens on by pointing back: "That spring had
        // been the wettest in living memory: rain fell on 24 days in April". (Not a winter,
        // which runs into the next year.)
        // ("The following year", not "The summer term begins on 12 April".)
        let pointed = start == 0 && (toks[0].lower == "that" || toks[0].lower == "the" && toks.get(1).is_some_and(|t| matches!(t.lower.as_str(), "following" | "next" | "previous" | "prior" | "same"))) && !m.end.checked_sub(1).is_some_and(|e| toks[e].lower.starts_with("winter"))
            && (r.value.len() == 4 || r.value.len() == 7 && matches!(&r.value[5..], "SP" | "SU" | "FA"));
        if pointed && year_of(&r.value).is_some() && r.value[..4].bytes().all(|b| b.is_ascii_digit()) {
            sentence_year = year_of(&r.value);
            sentence_scene = None;
        }
        // (A season or a month that opens it sets the scene too: "Last summer, two deals were
        // ratified after midnight", "In March 2024, ... by 6 p.m.".)
        let opens_scene = start == 0 || start == 1 && matches!(toks[0].lower.as_str(), "in" | "during" | "throughout" | "by" | "\"" | "\u{201c}");
        if opens_scene && toks.get(m.end).is_some_and(|t| t.lower == ",") && r.value.len() == 7 {
            // (Its year, when written, is the sentence's: "By the autumn of 1918, forces were
            // retreating after the offensive that started on August 8".)
            if toks[start..m.end].iter().any(|t| t.lower == r.value[..4]) && !r.value.ends_with("-WI") {
                sentence_year = year_of(&r.value);
            }
            let months = |v: &str| match &v[5..] {
                "SP" => Some((3, 3, "the spring")),
                "SU" => Some((6, 3, "the summer")),
                "FA" => Some((9, 3, "the autumn")),
                "WI" => Some((12, 3, "the winter")),
                mm => mm.parse::<u32>().ok().filter(|m| (1..=12).contains(m)).map(|m| (m, 1, resolve::MONTHS[m as usize - 1])),
            };
            if let (Some(y), Some((first, n, name))) = (year_of(&r.value), months(&r.value)) {
                let from = NaiveDate::from_ymd_opt(y, first, 1);
                let to = from.and_then(|f| f.checked_add_months(chrono::Months::new(n))).and_then(|d| d.pred_opt());
                if let (Some(from), Some(to)) = (from, to) {
                    sentence_scene = Some((from, to, format!("{name} of {y}, the time the sentence names")));
                }
            }
        }
        if opens_scene && toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "," | "'s" | "\u{2019}s")) && r.value.len() == 7 && r.value.ends_with("-WI") {
            sentence_winter = year_of(&r.value);
        }
        // So does "Two years later, in June, ...": June of the year the story has moved to.
        if let Some(v) = moved_to.filter(|_| start == 0) {
            sentence_year = year_of(&v);
            sentence_scene = None;
        }
        // So does a full date that opens it: "On March 3, 2019, it moved, and on April 5 ...".
        let stated_year = r.value.get(..4).filter(|y| r.value.len() == 10 && toks[start..m.end].iter().any(|t| t.lower == *y));
        let opens = start <= 1 && (start == 0 || toks[0].lower == "on") && toks.get(m.end).is_some_and(|t| t.lower == ",");
        if opens && stated_year.is_some() {
            sentence_year = year_of(&r.value);
            sentence_scene = None;
        }
        // (Named, not counted back: "the same period a year earlier" is a comparison.)
        if let Some((q, resolve::Gran::Quarter)) = resolve::granularity(&r.value) {
            sentence_quarter = (!["last", "ago", "same"].iter().any(|p| value.starts_with(p))).then_some(q);
        }
        // "since it began on Thursday", "The trial opens Monday": the day something that runs
        // for days began. "at stumps on the fourth day on Sunday": the day counted is the day
        // named with it, and tells when the thing began.
        if let Some(d) = day_of(&r.value).filter(|_| r.value.len() == 10) {
            let k = before_on(toks, start);
            // (So does a run of days: "is scheduled for Dec. 14-15, with a decision at 2 p.m. on
            // the second day".)
            let run = r.end_value.as_deref().and_then(day_of).is_some_and(|e| e > d && (e - d).num_days() <= 14);
            if run || k > 0 && matches!(toks[k - 1].lower.as_str(), "began" | "begun" | "begins" | "begin" | "started" | "starts" | "opened" | "opens") {
                ctx.event_start = Some(d);
            }
            if let Some((e, n, _)) = event_day.take().filter(|(_, _, end)| toks[*end..start].iter().all(|t| matches!(t.lower.as_str(), "on" | ","))) {
                ctx.event_start = d.checked_sub_days(chrono::Days::new(n - 1));
                out[e].timex.value = d.to_string();
                out[e].timex.anchor = Some(d.to_string());
                out[e].timex.explanation = Some(format!("{}, the day named with it", resolve::nth_day(n)));
            }
        }
        if let Some(d) = day_of(&r.value).filter(|_| !bare_clock) {
            sentence_day = Some(d);
            if opens {
                scene_day = Some(d);
            }
            // (A day named by its date or weekday, not "yesterday" or "last night".)
            // (So is a one-day holiday: "New Year's Eve, when fireworks start at midnight".)
            if value.starts_with("md:") || value.starts_with("wd:") || value.starts_with("lastwd:") || value.starts_with("wdrel:") || value.starts_with("ymd:") || value.starts_with("hol") && r.end_value.is_none() || value.starts_with(|c: char| c.is_ascii_digit()) {
                named_day = Some(d);
                if value.starts_with("md:") || value.starts_with("ymd:") || value.starts_with(|c: char| c.is_ascii_digit()) {
                    ctx.dated_days.push(d);
                    dated_here.push(d);
                }
                named_early = modifier.as_deref() == Some("START") || r.value.ends_with("TMO");
                named_pod = r.value.get(11..).filter(|p| r.value.as_bytes()[10] == b'T' && p.bytes().all(|b| b.is_ascii_uppercase())).map(str::to_owned);
            }
        }
        // "by the end of fiscal 2026": the fiscal year's last month, not its first.
        if modifier.as_deref() == Some("END") && value.starts_with("fy") && r.end_value.is_some() {
            r.value = r.end_value.take().unwrap_or_default();
        }
        // "It was the morning of June 12, 1995. ... fields had been underwater since Memorial
        // Day. The mayor ordered the evacuation at 4:15 a.m.": what had happened before the day
        // the story is at (a day gone by) does not move it there.
        if let (Some(prev), Some(d)) = (day_before, day_of(&r.value)) {
            if d < prev && ctx.reference.is_some_and(|rf| prev < rf) && past_perfect_before(toks, start) {
                ctx.last = Some((prev, resolve::Gran::Day));
            }
        }
        // "The first polls closed at 6 p.m. on Tuesday. The last closed at 1 a.m.": a small hour
        // told after that day's evening is in the night that follows it, the next day's.
        let mut explanation = explanation;
        if bare_clock && r.from_last {
            if let Some((d, hour)) = day_of(&r.value).zip(r.value.get(11..13).and_then(|h| h.parse::<u32>().ok())) {
                let evening = |v: &str| v.get(11..).is_some_and(|c| matches!(c, "EV" | "NI") || c.get(..2).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| (18..24).contains(&h)));
                let told = out.iter().rev().take_while(|p| day_of(&p.timex.value).is_none_or(|x| x == d)).find(|p| day_of(&p.timex.value) == Some(d) && evening(&p.timex.value));
                // ("its tally would continue overnight and should be complete by about 6 a.m.":
                // after a whole night, the early morning too.)
                let night = told.is_some_and(|p| p.timex.value.ends_with("TNI"));
                if let (true, true, Some(next)) = (hour < if night { 10 } else { 6 }, told.is_some(), d.succ_opt()) {
                    r.value = format!("{next}{}", &r.value[10..]);
                    explanation = Some(match night {
                        true => format!("the morning after the night of {d}, the date last mentioned: {next}"),
                        false => format!("the night after the evening of {d}, the date last mentioned: {next}"),
                    });
                }
            }
        }
        // "kept a Monday-night residency", "Sunday-morning services": a weekday's time that
        // recurs, as what it names does.
        let recurring_slot = m.end - start == 2 && toks[start + 1].hyphen_before && value.starts_with("wd:") && value.contains("|T")
            && toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "residency" | "residencies" | "slot" | "slots" | "series" | "league" | "leagues" | "services" | "classes" | "lessons" | "broadcasts"));
        let slot = recurring_slot.then(|| Some((value.get(3..4)?.parse::<u32>().ok()?, r.value.get(10..)?.to_owned()))).flatten();
        // ("overnight" is as bare: "will close overnight, ... Sunday through Thursday nights".)
        let bare = (bare_clock || bare_clock_value(&rule.template) || m.end - start == 1 && toks[start].lower == "overnight") && kind == TimexType::Time
            || value.starts_with("wd:") && !value.contains('|') && m.end - start == 1;
        event_day = resolve::event_day(&value).map(|(n, _)| n).filter(|&n| n >= 1).map(|n| (out.len(), n, m.end));
        spans.push((out.len(), start..m.end, bare));
        out.push(TemporalMention {
            byte: toks[start].start..toks[m.end - 1].end,
            label,
            timex: Timex {
                kind,
                value: r.value,
                modifier,
                end_value: r.end_value,
                anchor: r.anchor,
                explanation,
            },
        });
        if let (Some((n, pod)), Some(p)) = (slot, out.last_mut()) {
            weekday_set(&mut p.timex, n, &pod);
        }
        // "gathered on Monday to mark the landing of the cable on July 27, 1866. The ceremony
        // began at 10 a.m.": a day long past that an anniversary marks is remembered, not a day
        // the story is at, which stays the recent day named before it.
        let remembered = out.last().and_then(|p| dated_day(text, p));
        if let (Some(d), Some((before, resolve::Gran::Day)), Some(rf)) = (remembered, last_before, ctx.reference) {
            let marks = || toks[start.saturating_sub(10)..start].iter().any(|t| {
                matches!(t.lower.as_str(), "mark" | "marks" | "marked" | "marking" | "commemorate" | "commemorates" | "commemorated" | "commemorating" | "anniversary" | "celebrate" | "celebrates" | "celebrated" | "celebrating" | "remember" | "remembers" | "remembered" | "remembering")
            });
            if d.year() <= rf.year() - 2 && (rf - before).num_days().abs() <= 7 && marks() {
                ctx.last = last_before;
            }
        }
        // "was meant to seize the bridges and end the war by Christmas. The first gliders
        // touched down shortly after 1 p.m.": a day set as a goal is not the day the story is
        // at, which stays the day named before it.
        let goal = start >= 1 && toks[start - 1].lower == "by" && toks[start.saturating_sub(40)..start - 1].iter().any(|t| {
            matches!(t.lower.as_str(), "meant" | "planned" | "aimed" | "intended" | "hoped" | "expected" | "promised" | "vowed" | "pledged" | "sought" | "wanted" | "designed")
        });
        if goal && matches!(last_before, Some((_, resolve::Gran::Day))) && out.last().is_some_and(|p| day_of(&p.timex.value).is_some()) {
            ctx.last = last_before;
        }
        if let Some((d, resolve::Gran::Day)) = ctx.last {
            ctx.last_day = Some(d);
        }
        let runs = |k: usize| matches!(toks[k].lower.as_str(), "runs" | "run" | "running" | "lasts" | "last" | "lasting" | "continues" | "continue" | "extends" | "extend");
        // ("the quarter that ended September 30, 2021", "the year ending Dec. 31" too.)
        let period_noun = |k: usize| matches!(toks[k].lower.as_str(), "quarter" | "year" | "period" | "half" | "month" | "months" | "weeks" | "week");
        let ended = start >= 2 && matches!(toks[start - 1].lower.as_str(), "ended" | "ending" | "ends")
            && (period_noun(start - 2) || start >= 3 && matches!(toks[start - 2].lower.as_str(), "that" | "which") && period_noun(start - 3));
        // "struck late on Tuesday, and 300 aftershocks had shaken the region by Thursday
        // morning": a tally's closing day, after a perfect, is not the day the story is at.
        let tally = start >= 1 && toks[start - 1].lower == "by" && day_before.is_some()
            && toks[start.saturating_sub(10)..start - 1].iter().any(|t| matches!(t.lower.as_str(), "had" | "have" | "has"));
        let ends_period = ended || tally || start >= 2 && matches!(toks[start - 1].lower.as_str(), "through" | "until" | "till" | "thru") && (start.saturating_sub(4)..start - 1).any(runs);
        // (Not a season's first day: "began June 1 and runs through Nov. 30".)
        ctx.period_end = ctx.last.filter(|&(_, g)| ends_period && g == resolve::Gran::Day).map(|(e, _)| (e, day_before.filter(|&d| (ended || tally) && d != e)));
        i = m.end;
        if let Some((k, day)) = second {
            let t = &toks[k];
            dated_here.extend(day_of(&day));
            out.push(TemporalMention {
                byte: t.start..t.end,
                label: Label::Date,
                timex: Timex {
                    kind: TimexType::Date,
                    value: day,
                    modifier: None,
                    end_value: None,
                    anchor: None,
                    explanation: Some("a second day of the month just named".into()),
                },
            });
            i = k + 1;
        }
        for (k, value) in firsts {
            let t = &toks[k];
            let words = resolve::duration_words(&value);
            let explanation = format!("{}, in the unit named after it)", words.strip_suffix(')').unwrap_or(&words));
            out.push(TemporalMention {
                byte: t.start..t.end,
                label: Label::Date,
                timex: Timex { kind: TimexType::Duration, value, modifier: None, end_value: None, anchor: None, explanation: Some(explanation) },
            });
        }
    }
    clocks_dated_after(toks, &spans, out);
    overnight_dated_after(toks, &spans, out);
    quotes_dated(toks, &spans, out, ctx.reference);
    weeks_dated_after(toks, &spans, out);
    quarters_listed(toks, &spans, out);
    weekdays_of_week(toks, &spans, out);
    weekday_spans(toks, &spans, out);
    recur_with_sets(toks, &spans, out);
    habitual_times(toks, &spans, out);
}

/// Quarters listed with another mention: "in the second quarter and the fourth quarter of
/// next year" share the year the last one names; "the first cut in April and a second in the
/// third quarter", said in December, is after that April.
fn quarters_listed(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    let quarter = |v: &str| v.len() == 7 && v.as_bytes()[5] == b'Q' && v[..4].bytes().all(|b| b.is_ascii_digit());
    for w in spans.windows(2) {
        let ((a, ra, _), (b, rb, _)) = (&w[0], &w[1]);
        let Some(between) = toks.get(ra.end..rb.start) else { continue };
        let (va, vb) = (out[*a].timex.value.clone(), out[*b].timex.value.clone());
        // (The year said once for both: "of next year", "of 2026".)
        let of_year = toks[rb.clone()].iter().any(|t| t.lower == "of") && !toks[ra.clone()].iter().any(|t| t.lower == "of" || t.kind == Kind::Num);
        if between.len() == 1 && between[0].lower == "and" && quarter(&va) && quarter(&vb) && of_year && va[..4] != vb[..4] {
            out[*a].timex.value = format!("{}{}", &vb[..4], &va[4..]);
            out[*a].timex.explanation = Some(format!("quarter {} of {}, the year named for both", &va[6..], &vb[..4]));
            continue;
        }
        // (A second event told after a first: "in April and a second in the third quarter".)
        let then = between.len() <= 5 && between.first().is_some_and(|t| t.lower == "and") && between.iter().all(|t| t.kind == Kind::Word && !t.cap)
            && toks[rb.clone()].iter().all(|t| matches!(t.lower.as_str(), "the" | "first" | "second" | "third" | "fourth" | "quarter"))
            && toks[rb.clone()].iter().any(|t| matches!(t.lower.as_str(), "first" | "second" | "third" | "fourth"));
        // (Only one the first has gone past into the next year: "rose in December 2024 and
        // fell in the first quarter" may well be that year's.)
        if let (true, Some((first, _)), Some((q, _))) = (then && quarter(&vb), resolve::granularity(&va), resolve::granularity(&vb)) {
            let ends = q.checked_add_months(chrono::Months::new(3)).unwrap_or(q);
            if ends <= first && first.year() > q.year() {
                if let Some(next) = shift_year(&vb, 1) {
                    out[*b].timex.value = next.clone();
                    out[*b].timex.explanation = Some(format!("quarter {} of {}, after {va}, named before it", &vb[6..], &next[..4]));
                }
            }
        }
    }
}

/// "scheduled a hearing for the following week, on January 21": a week the day set after it
/// falls in is that day's week, whatever the week was counted from.
fn weeks_dated_after(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    for w in spans.windows(2) {
        let ((a, ra, _), (b, rb, _)) = (&w[0], &w[1]);
        let apposed = toks.get(ra.end..rb.start).is_some_and(|t| t.len() == 2 && t[0].lower == "," && t[1].lower == "on");
        let week = resolve::granularity(&out[*a].timex.value).filter(|&(_, g)| g == resolve::Gran::Week && out[*a].timex.kind == TimexType::Date);
        let (Some((monday, _)), Some(d)) = (week, day_of(&out[*b].timex.value).filter(|_| apposed && out[*b].timex.value.len() == 10)) else { continue };
        // (Only a week a little off: "last week, on Monday" two weeks back is not this.)
        if (d - monday).num_days().abs() <= 14 {
            let iso = d.iso_week();
            let value = format!("{:04}-W{:02}", iso.year(), iso.week());
            if value != out[*a].timex.value {
                out[*a].timex.value = value;
                out[*a].timex.explanation = Some(format!("the week of {d}, the day named after it"));
            }
        }
    }
}

/// "The agency's 8 p.m. EDT update on Thursday", "the 4 p.m. deadline on Friday", "at 1 p.m.,
/// the following day": a bare clock time whose noun is dated right after it, or that a day
/// follows after a comma, is on that day, not the one last mentioned.
fn clocks_dated_after(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    // (The mentions dated here, for the bracket below.)
    let mut dated = Vec::new();
    for w in spans.windows(2) {
        let ((a, ra, bare), (b, rb, _)) = (&w[0], &w[1]);
        // (Spans may overlap: a second mention found inside the first.)
        let Some(between) = toks.get(ra.end..rb.start) else { continue };
        let noun = between.len() >= 2 && between.len() <= 4 && between[between.len() - 1].lower == "on"
            && between[..between.len() - 1].iter().all(|t| t.kind == Kind::Word && !t.cap && !matches!(t.lower.as_str(), "and" | "or" | "but" | "until" | "till" | "to" | "before" | "after" | "from" | "by" | "each" | "every"));
        // (Or set off by a comma: "will close early, at 1 p.m., the following day".)
        // (A clock's hour: not "Overnight, Wednesday/Thursday and week-fixed", a money market's terms.)
        let hour = out[*a].timex.value.get(11..12).is_some_and(|h| h.bytes().all(|b| b.is_ascii_digit()));
        let apposed = between.len() == 1 && between[0].lower == "," && hour
            // (Or closing a bracket: "at 13:30 local time (05:30 GMT) on Friday".)
            || hour && between.first().is_some_and(|t| t.lower == ")") && (between.len() == 1 || between.len() == 2 && between[1].lower == "on");
        let (clock, day) = (&out[*a].timex, &out[*b].timex);
        if !(*bare && (noun || apposed) && clock.kind == TimexType::Time && day.kind == TimexType::Date && day.value.len() == 10) {
            continue;
        }
        if let (Some(d), Some(t)) = (day_of(&day.value), clock.value.get(10..).filter(|t| t.starts_with('T'))) {
            dated.push(*a);
            if day_of(&clock.value) != Some(d) {
                out[*a].timex.value = format!("{d}{t}");
                out[*a].timex.explanation = Some(format!("that time of {d}, the day named after it"));
            }
        }
    }
    // "at 13:30 local time (05:30 GMT) on Friday": the time before the bracket is on the day of
    // the one inside it.
    for w in spans.windows(2).rev() {
        let ((a, ra, bare), (b, rb, _)) = (&w[0], &w[1]);
        let bracket = toks.get(ra.end..rb.start).is_some_and(|t| t.len() == 1 && t[0].lower == "(");
        let (clock, inner) = (&out[*a].timex, &out[*b].timex);
        if !(*bare && bracket && clock.kind == TimexType::Time && inner.kind == TimexType::Time && dated.contains(b)) {
            continue;
        }
        if let (Some(d), Some(t)) = (day_of(&inner.value), clock.value.get(10..).filter(|t| t.starts_with('T'))) {
            if day_of(&clock.value) != Some(d) {
                out[*a].timex.value = format!("{d}{t}");
                out[*a].timex.explanation = Some(format!("that time of {d}, the day named after it"));
            }
        }
    }
}

/// "suspended services for six hours overnight ... and resumed at 6 a.m. on Wednesday": a bare
/// "overnight" is the night before the morning its sentence names next, not the night before
/// the reference date.
fn overnight_dated_after(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    for (k, (a, ra, _)) in spans.iter().enumerate() {
        if !(ra.end - ra.start == 1 && toks[ra.start].lower == "overnight" && out[*a].timex.value.ends_with("TNI")) {
            continue;
        }
        // The next mention with a day, when it is a time of that day's morning. (Not a date:
        // "Overnight, Wednesday/Thursday and week-fixed" are a money market's terms.)
        let Some((b, _, _)) = spans[k + 1..].iter().find(|(b, _, _)| day_of(&out[*b].timex.value).is_some()) else { continue };
        let next = &out[*b].timex;
        let morning = next.value.get(10..).is_some_and(|t| t == "TMO" || t.get(1..3).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h < 12));
        if let Some(night) = day_of(&next.value).filter(|_| morning).and_then(|d| d.pred_opt()) {
            if day_of(&out[*a].timex.value) != Some(night) {
                out[*a].timex.value = format!("{night}TNI");
                out[*a].timex.explanation = Some(format!("the night of {night}, before the morning its sentence names after it"));
            }
        }
    }
}

/// A quotation mark: straight, curly or TeX-style.
fn quote_mark(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "\"" | "\u{201c}" | "\u{201d}" | "``" | "''")
}

/// "told reporters on Saturday: \"We need a deal today, not tomorrow\"": a today, tomorrow,
/// yesterday or tonight inside a quote counts from the day the words were said, when the
/// sentence dates the saying, outside the quote, to an earlier day than the reference date.
fn quotes_dated(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention], reference: Option<NaiveDate>) {
    let Some(reference) = reference else { return };
    // Whether each token is inside a quote: straight marks toggle, curly and TeX-style ones
    // open or close.
    let mut open = false;
    let inside: Vec<bool> = toks
        .iter()
        .map(|t| {
            let was = open;
            match t.lower.as_str() {
                "\"" => open = !open,
                "\u{201c}" | "``" => open = true,
                "\u{201d}" | "''" => open = false,
                _ => {}
            }
            was && open
        })
        .collect();
    if !inside.iter().any(|&i| i) {
        return;
    }
    let speech = |w: &str| matches!(w, "said" | "told" | "added" | "wrote" | "declared" | "insisted" | "warned" | "announced" | "stated" | "tweeted" | "posted" | "explained" | "argued" | "replied" | "conceded" | "acknowledged" | "promised" | "vowed" | "pledged" | "remarked" | "recalled");
    // The day of the saying: a day before the reference date, outside the quote, with a verb
    // of saying a few words before or after it and no quote mark between.
    let mut said_on = None;
    for (b, rb, _) in spans {
        let Some(d) = day_of(&out[*b].timex.value).filter(|&d| d < reference) else { continue };
        if rb.clone().any(|k| inside[k]) {
            continue;
        }
        let before = toks[rb.start.saturating_sub(5)..rb.start].iter().rev().take_while(|t| !quote_mark(t)).any(|t| speech(&t.lower));
        let after = toks.get(rb.end..).unwrap_or_default().iter().take(6).take_while(|t| !quote_mark(t)).any(|t| speech(&t.lower));
        if before || after {
            if said_on.is_some_and(|s| s != d) {
                return;
            }
            said_on = Some(d);
        }
    }
    let Some(said) = said_on else { return };
    for (a, ra, _) in spans {
        let deictic = toks[ra.clone()].iter().any(|t| matches!(t.lower.as_str(), "today" | "tomorrow" | "yesterday" | "tonight"));
        let t = &out[*a].timex;
        let Some(day) = day_of(&t.value).filter(|_| deictic && inside[ra.start] && t.end_value.is_none()) else { continue };
        let k = (day - reference).num_days();
        if k.abs() > 1 {
            continue;
        }
        let Some(new) = said.checked_add_signed(chrono::Duration::days(k)) else { continue };
        let how = match k {
            -1 => "the day before",
            0 => "the day of",
            _ => "the day after",
        };
        let t = &mut out[*a].timex;
        t.value = format!("{new}{}", &t.value[10..]);
        t.anchor = Some(said.to_string());
        t.explanation = Some(format!("{how} {said}, the day the quoted words were said"));
    }
}

/// "The office is open Monday through Friday", "trading hours run ..., Monday to Friday":
/// in a sentence about opening hours, a span of weekdays is every such week's, a set. So is
/// a weekday listed before a set of weekdays ("Friday and Saturday nights").
fn weekday_spans(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    // A bare weekday's day ("Monday"), for the passes below.
    let weekday = |t: &Timex, r: &Range<usize>| (t.kind == TimexType::Date && r.end - r.start == 1 && lookup_tok(&toks[r.start], "weekday").is_some()).then(|| day_of(&t.value)).flatten();
    // "has cut its Sunday hours": the hours of every Sunday.
    for (a, ra, _) in spans {
        if let Some(d) = weekday(&out[*a].timex, ra).filter(|_| toks.get(ra.end).is_some_and(|n| n.lower == "hours")) {
            weekday_set(&mut out[*a].timex, d.weekday().number_from_monday(), "");
        }
    }
    // "Friday and Saturday nights": a weekday listed before a set of weekdays shares it;
    // "Sunday through Thursday nights" opens a span of them.
    for w in spans.windows(2) {
        let ((a, ra, _), (b, rb, _)) = (&w[0], &w[1]);
        let next_to = rb.start == ra.end + 1;
        let span = next_to && matches!(toks[ra.end].lower.as_str(), "through" | "to" | "-" | "thru");
        let listed = next_to && matches!(toks[ra.end].lower.as_str(), "and" | "or" | ",") || span;
        let plural = rb.end - rb.start == 2 && lookup_tok(&toks[rb.start], "weekday").is_some() && lookup_tok(&toks[rb.end - 1], "pods").is_some();
        let set = &out[*b].timex;
        let Some(suffix) = set.value.strip_prefix("XXXX-WXX-").filter(|_| set.kind == TimexType::Set && set.end_value.is_none()).and_then(|v| v.get(1..)).map(str::to_owned) else { continue };
        let t = &out[*a].timex;
        let Some(d) = day_of(&t.value).filter(|_| listed && plural && t.kind == TimexType::Date && ra.end - ra.start == 1 && lookup_tok(&toks[ra.start], "weekday").is_some()) else { continue };
        let until = span.then(|| out[*b].timex.value.clone());
        let t = &mut out[*a].timex;
        weekday_set(t, d.weekday().number_from_monday(), &suffix);
        if let Some(last) = until {
            t.explanation = Some(day_span(&resolve::set_words(&t.value).unwrap_or_default(), &t.value, &last));
            t.end_value = Some(last);
            // The span's last day names the same nights.
            let whole = t.clone();
            out[*b].timex = whole;
        }
    }
    // "every Tuesday or Wednesday": a weekday listed after a set of one is a set too.
    for w in spans.windows(2) {
        let ((a, ra, _), (b, rb, _)) = (&w[0], &w[1]);
        let listed = rb.start == ra.end + 1 && matches!(toks[ra.end].lower.as_str(), "or" | "and");
        let every = matches!(toks[ra.start].lower.as_str(), "every" | "each") && out[*a].timex.kind == TimexType::Set && out[*a].timex.value.starts_with("XXXX-WXX-");
        if let Some(d) = weekday(&out[*b].timex, rb).filter(|_| listed && every && ra.end - ra.start == 2) {
            let t = &mut out[*b].timex;
            weekday_set(t, d.weekday().number_from_monday(), "");
        }
    }
    if !hours_sentence(toks) {
        return;
    }
    for w in spans.windows(2) {
        let ((a, ra, _), (b, rb, _)) = (&w[0], &w[1]);
        let to = rb.start == ra.end + 1 && matches!(toks[ra.end].lower.as_str(), "through" | "to" | "-" | "until" | "thru");
        let this = ra.start > 0 && matches!(toks[ra.start - 1].lower.as_str(), "this" | "next" | "last" | "coming");
        let (Some(da), Some(db)) = (weekday(&out[*a].timex, ra), weekday(&out[*b].timex, rb)) else { continue };
        if !to || this {
            continue;
        }
        let (na, nb) = (da.weekday().number_from_monday(), db.weekday().number_from_monday());
        let t = &mut out[*a].timex;
        weekday_set(t, na, "");
        t.end_value = Some(format!("XXXX-WXX-{nb}"));
        t.explanation = Some(day_span(&resolve::set_words(&t.value).unwrap_or_default(), &t.value, &format!("XXXX-WXX-{nb}")));
        // The range's last day names the same days, so the clock times after it ("Monday to
        // Friday, 9 a.m. to 5 p.m.") are every one of them.
        let whole = t.clone();
        out[*b].timex = whole;
    }
}

/// "on Tuesday and Wednesday of last week": weekdays listed before a week named after them
/// are in that week. ("the week of Nov. 18, with half days on Thursday and Friday of that
/// week": "that week" is the one named before the weekdays, not the weekdays' own.)
fn weekdays_of_week(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    let monday_of = |v: &str| match resolve::granularity(v)? {
        (d, resolve::Gran::Week | resolve::Gran::Day) => Some(d.week(chrono::Weekday::Mon).first_day()),
        _ => None,
    };
    for j in (1..spans.len()).rev() {
        let (c, rc, _) = &spans[j];
        if !(rc.start > 0 && toks[rc.start - 1].lower == "of" && matches!(resolve::granularity(&out[*c].timex.value), Some((_, resolve::Gran::Week)))) {
            continue;
        }
        // The weekdays listed right before "of".
        let mut listed = Vec::new();
        let mut end = rc.start - 1;
        for (k, (a, ra, _)) in spans[..j].iter().enumerate().rev() {
            let next_to = ra.end <= end && ra.end - ra.start == 1 && toks[ra.end..end].iter().all(|t| matches!(t.lower.as_str(), "and" | "or" | ","));
            match toks.get(ra.start).filter(|_| next_to && out[*a].timex.kind == TimexType::Date).and_then(|t| lookup_tok(t, "weekday")).and_then(|w| w.parse::<u64>().ok()) {
                Some(wd) => listed.push((k, wd)),
                None => break,
            }
            end = ra.start;
        }
        let Some(&(first, _)) = listed.last() else { continue };
        let that = toks[rc.start].lower == "that";
        let before = (that && first > 0).then(|| out[spans[first - 1].0].timex.value.clone());
        let Some(monday) = before.as_deref().map_or_else(|| monday_of(&out[*c].timex.value), monday_of) else { continue };
        let week = format!("{}-W{:02}", monday.iso_week().year(), monday.iso_week().week());
        if that {
            let t = &mut out[*c].timex;
            t.explanation = Some(format!("the week of {monday}, named before the weekdays"));
            t.value.clone_from(&week);
        }
        for (k, wd) in listed {
            let d = monday + chrono::Days::new(wd - 1);
            let t = &mut out[spans[k].0].timex;
            t.value = d.to_string();
            t.explanation = Some(format!("the {} of {week}, the week named after it", d.format("%A")));
        }
    }
}

/// Makes a mention of one day every such weekday (N, Monday = 1), with the part of the day
/// or time `suffix` ("TNI") it keeps.
fn weekday_set(t: &mut Timex, n: u32, suffix: &str) {
    t.kind = TimexType::Set;
    t.value = format!("XXXX-WXX-{n}{suffix}");
    t.anchor = None;
    t.explanation = resolve::set_words(&t.value);
}

/// "The stages typically finish at 5 p.m.", "switches off apps between 11 p.m. and 7 a.m. by
/// default", "sessions on the first Monday of every month, from 10 a.m. to 2 p.m.": a clock
/// time in a sentence about what usually or repeatedly happens is on no one day. Not when the
/// sentence names the day it is on ("usually opens at 9 a.m., but on Friday opened at 10"), nor
/// one a set's day names ("at 10 a.m. on Monday, within the daily limit"). Such a time is a
/// set of times, as "every day at 9 a.m." is.
fn habitual_times(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    const USUALLY: &[&str] = &["typically", "usually", "normally", "generally", "routinely", "customarily", "ordinarily", "habitually", "regularly", "always"];
    let by_default = toks.windows(2).any(|w| w[0].lower == "by" && w[1].lower == "default");
    // ("On strike days, only a skeleton service will run between 7:30 a.m. and 6:30 p.m.":
    // days of a kind, each of them.)
    let kind_of_days = toks.windows(3).any(|w| matches!(w[0].lower.as_str(), "on" | "during") && w[1].kind == Kind::Word && !w[1].cap && !matches!(w[1].lower.as_str(), "the" | "those" | "these" | "both" | "two" | "three" | "several" | "some" | "many" | "few" | "alternate")
        && matches!(w[2].lower.as_str(), "days" | "nights" | "evenings" | "mornings"));
    // (Not across a "but": "could normally see 100 meteors an hour, but this year the moon
    // will rise around 10 p.m." is one night's.)
    // (The nearest such word on either side decides; positions are sorted, so a long text
    // costs a search per clock.)
    let at = |f: fn(&str) -> bool| toks.iter().enumerate().filter(|(_, t)| f(&t.lower)).map(|(k, _)| k).collect::<Vec<_>>();
    let (usual_words, contrasts) = (at(|w| USUALLY.contains(&w)), at(|w| matches!(w, "but" | "however" | "whereas" | "except")));
    let usually = by_default || kind_of_days || !usual_words.is_empty();
    let usual_at = |r: &Range<usize>| {
        let k = usual_words.partition_point(|&u| u < r.start);
        let clear = |a: usize, b: usize| contrasts.partition_point(|&c| c < a) == contrasts.partition_point(|&c| c < b);
        by_default || kind_of_days || k > 0 && clear(usual_words[k - 1], r.start) || usual_words.get(k).is_some_and(|&u| clear(r.start, u))
    };
    // (A set of days or longer: "reviewed every 30 minutes and at 1000 GMT were withdrawn" is
    // one morning's.)
    // (Not a set inside a quote the clock is outside of: "'... every Sunday for 30 years,'
    // Whitmore told him during the hearing, which began at 9:30 a.m.")
    let sets: Vec<&Range<usize>> = spans.iter().filter(|(k, _, _)| out[*k].timex.kind == TimexType::Set && !out[*k].timex.value.starts_with("PT")).map(|(_, r, _)| r).collect();
    let recurs_at = |r: &Range<usize>| sets.iter().any(|s| {
        let between = if s.end <= r.start { s.end..r.start } else { r.end..s.start.max(r.end) };
        !toks[between].iter().any(quote_mark)
    });
    let recurs = !sets.is_empty();
    // (Not the days that bound a season of service: "every Tuesday and Saturday from Dec. 15
    // through March 28, departing at 7:40 a.m." recurs within them.)
    let bound = |r: &Range<usize>| recurs && r.start > 0 && matches!(toks[r.start - 1].lower.as_str(), "from" | "between" | "through" | "until" | "till" | "to" | "-");
    let days: Vec<NaiveDate> = spans.iter().filter(|(k, r, bare)| !(bound(r) || *bare && out[*k].timex.kind == TimexType::Time)).filter_map(|(k, _, _)| day_of(&out[*k].timex.value)).collect();
    // "A curfew from 8 p.m. to 6 a.m., imposed on Jan. 2, will stay": its hours are every
    // night's, when no clock time is tied to a day ("from 10pm to 6am Friday" is one night).
    let clocks = spans.iter().filter(|(k, _, _)| out[*k].timex.kind == TimexType::Time);
    // ("imposed a 9 p.m. curfew": the clock that names the curfew is every night's too.)
    let names_curfew = |r: &Range<usize>| toks.get(r.end).is_some_and(|t| matches!(t.lower.as_str(), "curfew" | "curfews"));
    let curfew = toks.iter().any(|t| matches!(t.lower.as_str(), "curfew" | "curfews"))
        && (clocks.clone().count() >= 2 || clocks.clone().any(|(_, r, _)| names_curfew(r))) && clocks.clone().all(|(_, _, bare)| *bare);
    // "issues updates every six hours, at 00:00, 06:00, 12:00 and 18:00 UTC": the clock times
    // listed right after a set of hours are its times, on no one day.
    for (i, (k, r, _)) in spans.iter().enumerate() {
        if !(out[*k].timex.kind == TimexType::Set && out[*k].timex.value.starts_with("PT")) {
            continue;
        }
        let mut end = r.end;
        for (c, rc, bare) in &spans[i + 1..] {
            // (Not "reviewed every 30 minutes and at 1000 GMT were withdrawn": one morning's.)
            let joined = rc.start >= end && toks[end..rc.start].iter().all(|t| matches!(t.lower.as_str(), "," | "at" | "and" | "or"))
                && (end > r.end || !toks[end..rc.start].iter().any(|t| matches!(t.lower.as_str(), "and" | "or")));
            let t = &mut out[*c].timex;
            if !(joined && *bare && t.kind == TimexType::Time && day_of(&t.value).is_some()) {
                break;
            }
            recurring_time(t);
            end = rc.end;
        }
    }
    // "with shift changes at 07:00, 15:00 and 23:00", "screenings at 2 p.m. and 7 p.m.",
    // "pick-ups between 22:00 and 05:00": two or more clock times listed for things that recur
    // are their times, on no one day.
    const RECURRING: &[&str] = &[
        "changes", "shifts", "departures", "sailings", "updates", "briefings", "bulletins", "services", "screenings", "showings", "performances", "tours",
        "sessions", "prayers", "feeds", "feedings", "shows", "masses", "broadcasts", "newscasts", "pickups", "deliveries", "collections",
    ];
    for i in 0..spans.len() {
        let (_, r, _) = &spans[i];
        // (The lexer splits "pick-ups" in two.)
        let noun = |k: usize| match toks[k].hyphen_before && k > 0 {
            true => format!("{}{}", toks[k - 1].lower, toks[k].lower),
            false => toks[k].lower.clone(),
        };
        if !(r.start >= 2 && matches!(toks[r.start - 1].lower.as_str(), "at" | "between" | "from") && RECURRING.contains(&noun(r.start - 2).as_str())) {
            continue;
        }
        let mut list = vec![i];
        for j in i + 1..spans.len() {
            let (prev, next) = (&spans[j - 1].1, &spans[j].1);
            if next.start < prev.end || !toks[prev.end..next.start].iter().all(|t| matches!(t.lower.as_str(), "," | "and" | "or" | "to" | "until" | "till" | "-")) || next.start == prev.end {
                break;
            }
            list.push(j);
        }
        let clocks = |j: &usize| spans[*j].2 && out[spans[*j].0].timex.kind == TimexType::Time && day_of(&out[spans[*j].0].timex.value).is_some();
        if list.len() < 2 || !list.iter().all(clocks) {
            continue;
        }
        for j in list {
            recurring_time(&mut out[spans[j].0].timex);
        }
    }
    // "will close overnight until late April": every night until then.
    let nights_until = |k: usize, r: &Range<usize>| {
        toks[r.clone()].len() == 1 && toks[r.start].lower == "overnight" && toks.get(r.end).is_some_and(|t| matches!(t.lower.as_str(), "until" | "till" | "through"))
            && spans.iter().find(|(_, n, _)| n.start == r.end + 1).is_some_and(|(n, _, _)| {
                let v = &out[*n].timex.value;
                out[*n].timex.kind == TimexType::Date && day_of(&out[k].timex.value).is_some_and(|d| day_of(v).map_or(v.len() < 10, |e| e > d + chrono::Days::new(1)))
            })
    };
    let nightly: Vec<usize> = spans.iter().filter(|(k, r, _)| nights_until(*k, r)).map(|(k, _, _)| *k).collect();
    for &k in &nightly {
        let t = &mut out[k].timex;
        t.kind = TimexType::Set;
        t.value = "XXXX-XX-XXTNI".into();
        t.anchor = None;
        t.explanation = Some("night, on no one day: every night until then".into());
    }
    if !(recurs || curfew || usually && days.is_empty()) {
        return;
    }
    // ("moderate country movement overnight" beside a "weekly" figure is one night's: only
    // nights that recur make "overnight" every night's.)
    let nights = spans.iter().any(|(k, _, _)| out[*k].timex.kind == TimexType::Set && out[*k].timex.value.contains('T'));
    for (k, r, bare) in spans {
        if recurs && !(curfew || usually && days.is_empty()) && !recurs_at(r) || toks[r.start].lower == "overnight" && !(nights || usually) {
            continue;
        }
        if !(recurs || curfew || usual_at(r)) {
            continue;
        }
        let t = &mut out[*k].timex;
        if !bare || t.kind != TimexType::Time || day_of(&t.value).is_none_or(|d| days.contains(&d) && !(curfew && names_curfew(r))) {
            continue;
        }
        if !t.value.contains('T') {
            continue;
        }
        recurring_time(t);
        // (A range of the clock keeps its end: "from 1800 to 2100 hrs".)
        t.end_value = t.end_value.as_deref().and_then(|e| e.find('T').map(|a| format!("XXXX-XX-XX{}", &e[a..])));
        let at = t.value.find('T').unwrap_or(0);
        let when = resolve::pod_word(&t.value[at + 1..]).unwrap_or(&t.value[at + 1..]);
        t.explanation = Some(format!("{when}, on no one day: the sentence tells what {}", if recurs || curfew || kind_of_days { "recurs" } else { "usually happens" }));
    }
}

/// Makes a clock time on a day one of the times something recurs at, on no one day.
fn recurring_time(t: &mut Timex) {
    let Some(at) = t.value.find('T') else { return };
    t.kind = TimexType::Set;
    t.value = format!("XXXX-XX-XX{}", &t.value[at..]);
    t.anchor = None;
    t.explanation = Some(format!("{}, on no one day: one of the times that recur", &t.value[at + 1..]));
}

/// "daily from 10am to 8pm", "from 9am to 5pm every Saturday", "9am to 5pm on weekdays": clock
/// times joined to a set (by "from", "to", "on", a dash ...) recur with it, on no one date; so
/// do weekdays listed after a set of one ("every Monday and Thursday"). `spans` marks bare
/// clock times and bare weekdays.
fn recur_with_sets(toks: &[Tok], spans: &[(usize, Range<usize>, bool)], out: &mut [TemporalMention]) {
    // ("daily departures at 6:30 p.m.": a set before its noun links to the clock after it.)
    let sets: Vec<bool> = spans.iter().map(|(k, r, _)| out[*k].timex.kind == TimexType::Set && r.end - r.start == 1).collect();
    let linked = |i: usize| {
        let (a, b) = (&spans[i - 1].1, &spans[i].1);
        a.end <= b.start && b.start - a.end <= 2
            && (toks[a.end..b.start].iter().all(|t| matches!(t.lower.as_str(), "from" | "to" | "-" | "until" | "till" | "through" | "and" | "on" | "," | "between" | "at"))
                || sets[i - 1] && b.start - a.end == 2 && toks[a.end].kind == Kind::Word && !toks[a.end].cap && toks[a.end + 1].lower == "at")
    };
    let mut g = 0;
    while g < spans.len() {
        // A group: mentions each linked to the one before.
        let mut e = g + 1;
        while e < spans.len() && linked(e) {
            e += 1;
        }
        let group = &spans[g..e];
        // "every April and October": a month listed after a set of a month is one too.
        let monthly = group.iter().any(|(k, _, _)| {
            let t = &out[*k].timex;
            t.kind == TimexType::Set && t.value.len() == 7 && t.value.starts_with("XXXX-") && t.value[5..].bytes().all(|b| b.is_ascii_digit())
        });
        if monthly {
            for (k, r, _) in group {
                let t = &mut out[*k].timex;
                let listed = r.start > 0 && matches!(toks[r.start - 1].lower.as_str(), "and" | "or" | ",") && r.end - r.start == 1;
                if t.kind == TimexType::Date && listed && t.value.len() == 7 && t.value.as_bytes()[4] == b'-' {
                    t.kind = TimexType::Set;
                    t.value = format!("XXXX-{}", &t.value[5..]);
                    t.anchor = None;
                    t.explanation = resolve::set_words(&t.value);
                }
            }
        }
        // "from 6:30 to 9 p.m. (on weekdays)": an opening clock with no a.m. or p.m. (nor a
        // zero, "06:30") shares the closing one's afternoon if that keeps the range rising.
        for w in group.windows(2) {
            let ((a, ra, true), (b, rb, _)) = (&w[0], &w[1]) else { continue };
            let to = toks[ra.end..rb.start].iter().all(|t| matches!(t.lower.as_str(), "to" | "-" | "until" | "till" | "through"));
            let plain = toks[ra.end - 1].kind == Kind::Num && !toks[ra.end - 1].lower.starts_with('0') && ra.end - ra.start == 1;
            let pm = toks[rb.clone()].iter().any(|t| t.lower.starts_with("p.m") || t.lower == "pm");
            let hour = |v: &str| v.find('T').and_then(|i| v.get(i + 1..i + 3)).and_then(|h| h.parse::<u32>().ok());
            if let (true, true, true, Some(ha), Some(hb)) = (to, plain, pm, hour(&out[*a].timex.value), hour(&out[*b].timex.value)) {
                if (1..12).contains(&ha) && hb >= 12 && ha + 12 < hb {
                    let t = &mut out[*a].timex;
                    if let Some(i) = t.value.find('T') {
                        t.value = format!("{}T{:02}{}", &t.value[..i], ha + 12, &t.value[i + 3..]);
                        if let Some(d) = day_of(&t.value) {
                            t.explanation = Some(format!("{} on {d}: the range closes at {} p.m.", &t.value[i + 1..], hb - 12));
                        }
                    }
                }
            }
        }
        // The days the set recurs on ("XXXX-XX-XX", "XXXX-WXX-6"), and the last weekday of a
        // weekday range ("on weekdays").
        let set_days = |k: usize| {
            let t = &out[k].timex;
            if t.kind != TimexType::Set {
                return None;
            }
            let d = if t.value == "P1D" || t.value.starts_with("XXXX-XX-XX") {
                "XXXX-XX-XX"
            } else if t.value.starts_with("XXXX-WXX-") && t.value.as_bytes().get(9).is_some_and(u8::is_ascii_digit) {
                &t.value[..10]
            } else {
                return None;
            };
            let last = t.end_value.as_deref().filter(|v| v.starts_with("XXXX-WXX-") && v.len() >= 10).map(|v| v[..10].to_owned());
            Some((d.to_owned(), last))
        };
        // Each time takes the set its phrase ends in ("at noon on Saturdays"), else the one
        // before it ("from 6:30 to 9 p.m. on weekdays and at noon on Saturdays").
        // (Its phrase runs on to the next "and": "9 a.m. to 5 p.m. on weekdays and on Saturdays".)
        let phrase_end = |i: usize| (i + 1..group.len()).find(|&j| toks[group[j - 1].1.end..group[j].1.start].iter().any(|t| matches!(t.lower.as_str(), "and" | "," | "or"))).unwrap_or(group.len());
        let days_at: Vec<Option<(usize, String, Option<String>)>> = (0..group.len())
            .map(|i| (i..phrase_end(i)).chain((0..i).rev()).find_map(|j| set_days(group[j].0).map(|(d, l)| (j, d, l))))
            .collect();
        // "on Mondays and Wednesdays from 9 to noon": the time recurs on each weekday listed,
        // which no one value names; the card names them.
        let weekday_list = |j: usize| {
            let one = |k: usize| Some(&out[k].timex).filter(|t| t.kind == TimexType::Set && t.end_value.is_none() && t.value.len() == 10 && t.value.starts_with("XXXX-WXX-")).and_then(|t| resolve::set_words(&t.value));
            // (The last may carry the time: "Mondays and Fridays at 9 a.m.".)
            let timed = Some(&out[group[j].0].timex).filter(|t| t.kind == TimexType::Set && t.end_value.is_none() && t.value.starts_with("XXXX-WXX-") && t.value.get(10..11) == Some("T"));
            let mut days = vec![one(group[j].0).or_else(|| timed.and_then(|t| resolve::set_words(&t.value[..10])))?];
            let mut a = j;
            while a > 0 && toks[group[a - 1].1.end..group[a].1.start].iter().all(|t| matches!(t.lower.as_str(), "and" | "," | "or")) {
                let Some(d) = one(group[a - 1].0) else { break };
                days.insert(0, d);
                a -= 1;
            }
            let days: Vec<&str> = days.iter().map(|d| d.trim_start_matches("every ")).collect();
            (days.len() > 1).then(|| format!("every {} and {}", days[..days.len() - 1].join(", "), days[days.len() - 1]))
        };
        let weekday_lists: Vec<Option<String>> = (0..group.len()).map(weekday_list).collect();
        for (i, (k, _, _)) in group.iter().enumerate() {
            let t = &mut out[*k].timex;
            // (The value stays the span's own weekday, "Saturdays at 8 a.m." XXXX-WXX-6T08:00,
            // as TimeML tags each; the card names the list.)
            if let (Some(l), false) = (&weekday_lists[i], t.value.len() == 10) {
                let clock = t.value[10..].to_owned();
                t.explanation = Some(format!("{l} at {}", &clock[1..]));
            }
        }
        for (i, (k, r, _)) in group.iter().enumerate().filter(|(_, s)| s.2) {
            let Some((j, days, last)) = &days_at[i] else { continue };
            let listed_days = &weekday_lists[*j];
            let days = if listed_days.is_some() { "XXXX-XX-XX" } else { days.as_str() };
            let t = &mut out[*k].timex;
            // "every Monday and Thursday": a weekday listed after a set of weekdays is one.
            if t.kind == TimexType::Date && days.starts_with("XXXX-WXX-") && last.is_none() {
                let listed = r.start > 0 && matches!(toks[r.start - 1].lower.as_str(), "and" | "or" | ",");
                if let Some(d) = day_of(&t.value).filter(|_| listed) {
                    weekday_set(t, d.weekday().number_from_monday(), "");
                }
                continue;
            }
            // (A weekday already made a set of nights, "Sunday through Thursday nights", has
            // no clock to share.)
            let Some(at) = t.value.find('T').filter(|&a| t.value.as_bytes().get(a + 1).is_some_and(u8::is_ascii_digit)) else { continue };
            let clock = t.value[at..].to_owned();
            // "9-11 a.m. daily": a clock range keeps its end on each day. ("4 to 7 p.m. on
            // weekdays" ends at 19:00 on the range's last day.)
            let until = t.end_value.as_deref().and_then(|e| e.find('T').map(|k| e[k..].to_owned()));
            t.kind = TimexType::Set;
            t.value = format!("{days}{clock}");
            t.end_value = match (&last, &until) {
                (Some(l), u) => Some(format!("{l}{}", u.as_deref().unwrap_or(&clock))),
                (None, Some(u)) => Some(format!("{days}{u}")),
                (None, None) => None,
            };
            t.anchor = None;
            let words = match listed_days {
                Some(l) => Some(format!("{l} at {}", &clock[1..])),
                None => resolve::set_words(&t.value),
            };
            t.explanation = words.map(|w| {
                let w = match &until {
                    Some(u) => format!("{} to {}", w.replacen(" at ", " from ", 1), &u[1..]),
                    None => w,
                };
                match &last {
                    Some(l) => day_span(&w, days, l),
                    None => w,
                }
            });
        }
        g = e;
    }
}

/// Whether a value names a day no calendar has: "2026-02-30", "XXXX-04-31" (any year's,
/// leap years included).
fn impossible_day(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !b[5..7].iter().chain(&b[8..10]).all(u8::is_ascii_digit) {
        return false;
    }
    let year = if &value[..4] == "XXXX" { Some(2000) } else { value[..4].parse().ok() };
    let (month, day) = (value[5..7].parse().unwrap_or(0), value[8..10].parse().unwrap_or(0));
    year.is_some_and(|y| NaiveDate::from_ymd_opt(y, month, day).is_none())
}

/// The months of the fiscal quarter (of a fiscal year ending in month `e`, not a calendar
/// quarter's end) that calendar quarter `value` ("2019-Q3") stands for: its first and last
/// month ("2019-08", "2019-10") and words ("the fiscal quarter of August to October 2019").
fn fiscal_months(value: &str, e: u32) -> Option<(String, String, String)> {
    let (y, q) = match resolve::granularity(value)? {
        (start, resolve::Gran::Quarter) => (start.year(), start.month0() / 3 + 1),
        _ => return None,
    };
    // The fiscal quarters start the month after `e` and every three months on; the one whose
    // middle month falls in calendar quarter q.
    let mid = (3 * q - 2..=3 * q).find(|m| (m + 12 - e) % 3 == 2)?;
    let mid = NaiveDate::from_ymd_opt(y, mid, 1)?;
    let first = mid.checked_sub_months(chrono::Months::new(1))?;
    let last = mid.checked_add_months(chrono::Months::new(1))?;
    let name = |d: NaiveDate| resolve::MONTHS[d.month0() as usize];
    let words = if first.year() == last.year() {
        format!("the fiscal quarter of {} to {} {}", name(first), name(last), last.year())
    } else {
        format!("the fiscal quarter of {} {} to {} {}", name(first), first.year(), name(last), last.year())
    };
    Some((first.format("%Y-%m").to_string(), last.format("%Y-%m").to_string(), words))
}

/// "on April 24 and 25": the bare number after "and" or "or" is a second day of the month just
/// named (TimeML tags it on its own). Returns its token and value.
fn second_day(toks: &[Tok], end: usize, value: &str, day_rule: bool) -> Option<(usize, String)> {
    let ymd = value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-';
    if !day_rule || !ymd || !toks.get(end).is_some_and(|t| matches!(t.lower.as_str(), "and" | "or")) {
        return None;
    }
    let k = end + 1;
    let t = toks.get(k).filter(|t| t.kind == Kind::Num)?;
    // "25" or "25th".
    let l = t.lower.as_str();
    let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| l.strip_suffix(s)).unwrap_or(l);
    let day: u32 = digits.parse().ok().filter(|d| (1..=31).contains(d) && digits.len() <= 2)?;
    // "April 24 and 25 people", "June 3 and 4%", "May 5 and 6, 2020": not a lone day; nor
    // "5 November and 17 December", whose month follows.
    if toks.get(k + 1).is_some_and(|n| n.kind == Kind::Num || lookup_tok(n, "month").is_some() || n.lower == "%" || (n.kind == Kind::Word && !n.cap && !matches!(n.lower.as_str(), "at" | "in" | "on" | "to" | "and" | "when" | "for" | "that" | "with" | "from" | "before" | "after" | "as" | "by")) || n.lower == "," && toks.get(k + 2).is_some_and(|y| y.kind == Kind::Num)) {
        return None;
    }
    let d = value[8..].parse::<u32>().ok()?;
    (day > d).then(|| format!("{}-{day:02}", &value[..7])).filter(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()).map(|v| (k, v))
}

/// "at 12 and 24 weeks", "after 6, 12 and 18 months": the bare numbers listed before a duration
/// share its unit, each an amount of time of its own (TimeML tags each). Not after "between",
/// which makes one range. Returns their tokens and values.
fn shared_unit(toks: &[Tok], start: usize, value: &str) -> Vec<(usize, String)> {
    // One amount in one unit: "P24W", "PT8H".
    let digits = value.trim_start_matches('P').trim_start_matches('T');
    let n_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    let unit = &digits[n_len..];
    if n_len == 0 || unit.len() != 1 || !toks.get(start).is_some_and(|t| t.kind == Kind::Num || lookup_tok(t, "num").is_some()) {
        return Vec::new();
    }
    let prefix = &value[..value.len() - digits.len()];
    // A small count, in digits or words ("two and three years"), not a year ("in 2019 and 3 years").
    let amount = |t: &Tok| -> Option<u32> {
        let n = if t.kind == Kind::Num { t.lower.parse::<u32>().ok() } else { lookup_tok(t, "num").and_then(|v| v.parse().ok()) };
        n.filter(|&n| (1..1000).contains(&n))
    };
    let mut found = Vec::new();
    let mut k = start;
    // "12 and 24 weeks", then "6, 12 and": numbers back to the first.
    // ("two or three weeks" is one vague amount, not two.)
    if k < 2 || toks[k - 1].lower != "and" {
        return found;
    }
    // A list counts up ("three and six months", "30, 91 and 180-day paper"): "at eight and one
    // year at 6-1/2 pct" lists rates.
    let mut above: u32 = digits[..n_len].parse().unwrap_or(0);
    while k >= 2 && (found.is_empty() && toks[k - 1].lower == "and" || !found.is_empty() && toks[k - 1].lower == ",") {
        let Some(n) = amount(&toks[k - 2]).filter(|&n| n < above) else { break };
        found.push((k - 2, format!("{prefix}{n}{unit}")));
        above = n;
        k -= 2;
    }
    // "between 12 and 24 weeks" is one range; "3 and 4 years" after another unit ("2 hours
    // 3 and 4 years") is not a list.
    if k > 0 && (matches!(toks[k - 1].lower.as_str(), "between" | "-") || lookup_tok(&toks[k - 1], "unit").is_some()) {
        found.clear();
    }
    found
}

/// Whether the quarter at `start..end` is one results are reported for: "to report
/// fourth-quarter earnings", "will release results for the third quarter".
fn reports_results(toks: &[Tok], start: usize, end: usize) -> bool {
    const RESULTS: &[&str] = &["earnings", "results", "profit", "profits", "figures", "net", "sales", "revenue"];
    let verb = (start.saturating_sub(5)..start).rev().find(|&k| matches!(toks[k].lower.as_str(), "report" | "reports" | "release" | "releases" | "post" | "posts" | "announce" | "announces" | "publish" | "publishes"));
    verb.is_some_and(|v| toks[v + 1..start].iter().any(|t| RESULTS.contains(&t.lower.as_str())) || toks.get(end).is_some_and(|t| RESULTS.contains(&t.lower.as_str())))
}

/// Whether a past perfect ("had planted", "had been") comes before token `at` in its sentence.
fn past_perfect_before(toks: &[Tok], at: usize) -> bool {
    let from = toks[..at].iter().rposition(|t| matches!(t.lower.as_str(), "." | ";" | "!" | "?")).map_or(0, |k| k + 1);
    (from..at).any(|k| {
        toks[k].lower == "had"
            && toks.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "been" | "already" | "not" | "never" | "long") || n.lower.len() > 3 && (n.lower.ends_with("ed") || n.lower.ends_with("en")))
    })
}

/// Modals that say what may happen: a future cue from themselves on (see `tense_cues`).
const CONDITIONALS: &[&str] = &["could", "might", "may"];

/// Words a bare verb or a participle follows when no tense of its own is meant: "will be held",
/// "to be signed", "could run".
const MODALS: &[&str] = &["will", "would", "shall", "'ll", "to", "can", "could", "may", "might", "must", "should"];

/// Words after which a bare number is a clock's hour ("at 6 this evening", "until four in the
/// morning").
const CLOCK_PREP: &[&str] = &["at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "between", "and", "or", "approximately", "roughly", "nearly", "past"];
/// Words between a number and "a year" that make no measure of it: "65 within a year", "on
/// March 6 for a week" (not "180 km an hour").
const NOT_A_MEASURE: &[&str] = &[
    "within", "in", "for", "over", "as", "about", "than", "after", "before", "of", "by", "and", "or", "to", "at", "on", "from", "under",
    "nearly", "almost", "around", "just", "only", "least", "through", "until", "since", "into", "every", "once", "twice", "up", "down",
];
/// Words after which "last" is the verb: "will last", "and last 48 hours", "usually last".
const BEFORE_VERB_LAST: &[&str] = &["will", "would", "could", "should", "may", "might", "can", "to", "and", "often", "usually", "typically", "normally", "generally", "traditionally"];

/// Whether byte `at` of `text` opens a line (only spaces or tabs before it on its line).
fn line_start(text: &str, at: usize) -> bool {
    let before = text.as_bytes()[..at].iter().rev().find(|&&b| !matches!(b, b' ' | b'\t' | b'\r'));
    before.is_none_or(|&b| b == b'\n')
}

/// Whether the phrase ending at `end` closes on "earlier than" or "later than": "two years
/// earlier than planned" compares; the amount alone is the time.
fn earlier_than(toks: &[Tok], end: usize) -> bool {
    end > 0 && matches!(toks[end - 1].lower.as_str(), "earlier" | "later" | "sooner") && toks.get(end).is_some_and(|t| t.lower == "than")
}

/// Context checks the patterns cannot express: "May" the modal, "March" the noun, "Black
/// Friday", bare numbers that are not years, "fall" the verb.
fn accept(toks: &[Tok], m: &Match) -> bool {
    let g = grammar();
    let first = &toks[m.start];
    let prev = m.start.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(m.end);
    let len = m.end - m.start;
    let has = |k: &str| m.caps.iter().any(|(c, _)| c == k);
    let prev_is = |ws: &[&str]| prev.is_some_and(|p| ws.contains(&p.lower.as_str()));
    if len > 1 && earlier_than(toks, m.end) {
        return false;
    }
    const TEMPORAL_PREP: &[&str] = &[
        "in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "of",
        "during", "before", "after", "through", "from", "to", "end", "beginning", "on", "and",
        "or", "between", "for", "that", "each", "every", "until", "into", "throughout", "starting",
    ];
    // "on 3/9", "since 11/2": a month and day; "3/4 of the vote", "a 24/7 service" are not.
    // ("declining by 1/2 pct", "from 1/4 to 1/2 point": fractions.)
    let amount_after = next.is_some_and(|n| n.kind == Kind::Num || matches!(n.lower.as_str(), "pct" | "percent" | "percentage" | "point" | "points" | "cts" | "cent" | "cents" | "of" | "to" | "%" | "inch" | "inches" | "mile" | "miles"));
    if len == 1 && has("smonth") && (!prev_is(&["on", "since", "until", "till", "before", "after"]) || amount_after) {
        return false;
    }
    if weekday_range_hours(toks, m) || clock_before_weekday_span(toks, m).is_some() {
        return false;
    }
    // "the last business day of the month preceding the delivery month": a month the words
    // after it pick out, not this one (a contract's terms, no day of the calendar).
    if g.rules[m.rule].template.starts_with("dayof:") && g.rules[m.rule].template.contains(":0")
        && next.is_some_and(|n| matches!(n.lower.as_str(), "preceding" | "following" | "before" | "after" | "prior" | "in" | "when"))
    {
        return false;
    }
    // A day counted of something that runs for days: not "first-day sales", "the Seventh Day
    // Adventists", "the first day of fiscal 1988" (a day of a year), nor "from day one" (from
    // the start); "day two" only after "on".
    if g.rules[m.rule].template.starts_with("evday:") {
        let day = &toks[m.end - 1];
        let of_calendar = next.is_some_and(|n| n.lower == "of") && toks.get(m.end + 1).is_some_and(|t| {
            matches!(t.lower.as_str(), "the" | "this" | "next" | "last" | "each" | "every") && toks.get(m.end + 2).is_some_and(|u| matches!(u.lower.as_str(), "month" | "year" | "quarter" | "week" | "fiscal" | "season"))
                || t.lower == "fiscal" || t.kind == Kind::Num || lookup_tok(t, "month").is_some()
        });
        let joined = day.hyphen_before || toks.get(m.end).is_some_and(|t| t.hyphen_before) || first.hyphen_before;
        let counted = first.lower != "day" || prev_is(&["on"]);
        if day.cap && !day.all_caps && m.start > 0 || joined || of_calendar || !counted {
            return false;
        }
    }
    // "the last day of the summit": of something whose days the text may not give.
    if g.rules[m.rule].template == "lastday" && first.lower == "the" && len == 3 && next.is_some_and(|n| n.lower == "of") {
        return false;
    }
    // "The 1970s were lean years", "Those were happy days": years or days described, not an
    // amount of time ("were down for several years" is one).
    if len == 1 && matches!(first.lower.as_str(), "years" | "days" | "months" | "weeks" | "decades") && m.start >= 2 {
        let (adj, verb) = (&toks[m.start - 1], &toks[m.start - 2]);
        if adj.kind == Kind::Word && !adj.cap && !matches!(adj.lower.as_str(), "few" | "several" | "many" | "some" | "recent" | "coming" | "past" | "last" | "next" | "more" | "two" | "three")
            && !TEMPORAL_PREP.contains(&adj.lower.as_str()) && !matches!(adj.lower.as_str(), "within" | "over" | "about" | "nearly" | "almost" | "only" | "just" | "still" | "already" | "not" | "even")
            && lookup_tok(adj, "num").is_none() && matches!(verb.lower.as_str(), "were" | "are" | "was" | "is" | "'re" | "been" | "be")
        {
            return false;
        }
    }
    // "should plan their days around the heat", "spend their days fishing": the object of a
    // verb, not an amount of time ("in their final years", "for his days in office" are times).
    if len == 1 && matches!(first.lower.as_str(), "days" | "weeks" | "years" | "months") && m.start >= 2
        && matches!(toks[m.start - 1].lower.as_str(), "their" | "his" | "her" | "our" | "my" | "your")
        && matches!(toks[m.start - 2].lower.as_str(), "plan" | "plans" | "planned" | "planning" | "spend" | "spends" | "spent" | "spending" | "fill" | "fills" | "filled" | "organize" | "organise" | "structure" | "start" | "starts" | "started" | "begin" | "begins" | "began" | "end" | "ends" | "ended" | "live" | "lived" | "living")
    {
        return false;
    }
    // "in those days", "since those days": a time gone by; "Those days will be made up" names
    // days told of before.
    if len == 2 && first.lower == "those" && toks[m.start + 1].lower == "days" && !prev_is(&["in", "during", "since", "of", "from", "unlike", "like"]) {
        return false;
    }
    // "Minutes from Thursday's session showed", "the minutes of the meeting": a meeting's
    // record ("within minutes of the blast", "the final minutes of the game" are times).
    // ("the minutes will follow three weeks later", "the minutes indicated".)
    if len == 1 && first.lower == "minutes" && next.is_some_and(|n| matches!(n.lower.as_str(), "of" | "from" | "show" | "showed" | "shows" | "showing" | "released" | "say" | "said" | "says"
        | "will" | "would" | "indicated" | "indicate" | "revealed" | "reveal" | "noted" | "suggested" | "suggest" | "published" | "also"))
        && prev.is_none_or(|p| matches!(p.lower.as_str(), "the" | "'s" | "its" | "their" | "," | "\"" | "\u{201c}"))
    {
        return false;
    }
    // "her solo on \"Midnight Ledger\"", "Midnight Express", "Dawn Chorus Records": a capitalized
    // time of day followed by another capitalized word inside a sentence is a title or a name
    // ("at Midnight GMT" still is a time).
    if len == 1 && first.cap && !first.all_caps && m.start > 0 && matches!(first.lower.as_str(), "midnight" | "noon" | "dawn" | "dusk" | "sunrise" | "sunset" | "tonight" | "daybreak" | "nightfall")
        && !matches!(toks[m.start - 1].lower.as_str(), "." | "!" | "?" | ":")
        // ("\"Tonight I want to thank ...\"": the pronoun, not a title's next word.)
        && next.is_some_and(|n| n.kind == Kind::Word && n.cap && n.lower != "i" && lookup_tok(n, "zone").is_none() && !is_calendar_name(&n.lower))
    {
        return false;
    }
    // "The bank lent $5 million": the verb; the season of Lent is written with a capital.
    if len == 1 && first.lower == "lent" && (!first.cap || first.all_caps || m.start == 0 || next.is_some_and(|n| n.kind == Kind::Num || n.lower == "$")) {
        return false;
    }
    // "from 9 to noon": a bare hour is a clock only when it opens a range.
    if has("hour") && len == 3 && matches!(toks[m.end - 1].lower.as_str(), "noon" | "midday" | "midnight") && first.kind == Kind::Num && !prev_is(&["from", "between"]) {
        return false;
    }
    // "surveys showed that evening riders were frustrated": "that" opens a clause whose subject
    // the part of the day describes ("By that evening crowds were ..." is a time).
    if len == 2 && first.lower == "that" && has("pod") && prev.is_some_and(|p| p.kind == Kind::Word && !TEMPORAL_PREP.contains(&p.lower.as_str()) && !matches!(p.lower.as_str(), "at" | "on" | "around" | "about"))
        && next.is_some_and(|n| n.kind == Kind::Word && !n.cap && !matches!(n.lower.as_str(), "he" | "she" | "it" | "they" | "we" | "i" | "you" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "there"))
        && toks.get(m.end + 1).is_some_and(|v| matches!(v.lower.as_str(), "were" | "are" | "was" | "is" | "have" | "has" | "had" | "will" | "would" | "could" | "can" | "should" | "may" | "might" | "do" | "did" | "say" | "said"))
    {
        return false;
    }
    // "12 and 24 weeks" is two amounts (see shared_unit); "between 12 and 24 weeks" one range.
    if has("num2") && has("unit") && !has("unit2") && toks[m.start..m.end].iter().any(|t| t.lower == "and") && !prev_is(&["between"]) {
        return false;
    }
    // "between 0700 and 0730 hours GMT": clock times, not amounts.
    if has("num2") && m.caps.iter().any(|(c, v)| c == "unit" && v == "H") && toks[m.start..m.end].iter().any(|t| t.kind == Kind::Num && t.lower.len() == 4) {
        return false;
    }
    // "two and three-quarter times the prior week's level": a fraction.
    if has("unit") && next.is_some_and(|n| n.lower == "times") {
        return false;
    }
    // "a day's high of 426.50 dlrs": the trading day, no amount of time.
    if len == 2 && first.lower == "a" && toks[m.start + 1].lower == "day" && next.is_some_and(|n| n.lower == "'s")
        && toks.get(m.end + 1).is_some_and(|t| matches!(t.lower.as_str(), "high" | "low" | "highs" | "lows" | "range" | "trading" | "gain" | "loss" | "best" | "worst"))
    {
        return false;
    }
    // "a full year loss", "a full-year dividend": a kind of result, not an amount of time
    // ("in a full year", "took a full day", "a full week off" are).
    if len == 3 && first.lower == "a" && matches!(toks[m.start + 1].lower.as_str(), "full" | "whole")
        && next.is_some_and(|n| n.kind == Kind::Word && !n.cap && !matches!(n.lower.as_str(), "in" | "of" | "and" | "or" | "to" | "for" | "at" | "on" | "before" | "after" | "later" | "earlier" | "ago" | "but" | "than" | "as" | "with" | "without" | "from" | "since" | "until" | "off" | "away" | "long" | "more"))
    {
        return false;
    }
    // "spent one night at Camp 3", "two nights at Camp 2, one night at Camp 3": a stay; not
    // "One night in 1990 he left".
    if len == 2 && first.lower == "one" && toks[m.start + 1].lower == "night" {
        let p = m.start.checked_sub(1).map(|k| toks[k].lower.as_str());
        let listed = matches!(p, Some("," | "and")) && toks[m.start.saturating_sub(8)..m.start].iter().any(|t| t.lower == "nights");
        if !listed && !matches!(p, Some("spent" | "spend" | "spends" | "spending" | "stayed" | "stay" | "stays" | "staying" | "for" | "another" | "only" | "just")) {
            return false;
        }
    }
    // "a 10-second increment": the singular "second" is a unit only joined to its number ("the
    // No. 1 second baseman" is not; "July second" is a day).
    if len == 2 && toks[m.start + 1].lower == "second" && !toks[m.start + 1].hyphen_before && lookup_tok(first, "month").is_none() {
        return false;
    }
    // "waited until the last minute", "at the last second": an idiom, or a game's final
    // minute; not the minute before the reference time.
    if len == 3 && first.lower == "the" && toks[m.start + 1].lower == "last" && matches!(toks[m.start + 2].lower.as_str(), "minute" | "second" | "moment") {
        return false;
    }
    // A meeting's minutes: "minutes released three weeks after", "the FOMC minutes showed",
    // "Minutes of February's meeting", "No conclusions were in the minutes." (Not "within
    // minutes of the statement", "Minutes after the explosion", "the final minutes of trading".)
    if len == 1 && first.lower == "minutes" {
        let nx = next.map_or("", |t| t.lower.as_str());
        let report_verb = matches!(nx, "showed" | "show" | "shows" | "released" | "published" | "revealed" | "indicated" | "said" | "say" | "says" | "are" | "were" | "noted");
        let of_meeting = prev_is(&["fomc", "meeting", "call", "council", "committee", "board", "publishes", "published", "publish", "releases", "released", "release", "issued", "issues"]);
        let the_minutes = prev_is(&["the", "its", "their"]) && matches!(nx, "." | "," | ";" | "of" | "") || first.cap && nx == "of" && !prev_is(&["within", "in", "for"]);
        if report_verb || of_meeting || the_minutes {
            return false;
        }
    }
    // "the same month of 1985", "the same year ago period", "over a year ago the same
    // month": the same month or week of another year, which the words after or before name;
    // "paid tax that same year", "deliveries starting the same month" are the one last
    // mentioned.
    if len == 3 && toks[m.start + 1].lower == "same" && matches!(toks[m.start + 2].lower.as_str(), "year" | "month" | "week" | "weekend") {
        let after: Vec<&str> = toks[m.end..(m.end + 3).min(toks.len())].iter().map(|t| t.lower.as_str()).collect();
        let other_year = matches!(after.first(), Some(&("ago" | "earlier" | "before" | "year" | "-" | "last" | "a")))
            || matches!(after.first(), Some(&("in" | "of" | "for"))) && after.get(1).is_some_and(|w| matches!(*w, "last" | "the" | "a" | "that" | "previous") || w.len() == 4 && w.parse::<u32>().is_ok())
            || matches!(after.first(), Some(&"the")) && after.get(1).is_some_and(|w| matches!(*w, "year" | "previous"));
        let before = toks[m.start.saturating_sub(3)..m.start].iter().any(|t| matches!(t.lower.as_str(), "ago" | "earlier"));
        if other_year || before {
            return false;
        }
    }
    // "the same 1986 month", "the first two 1987 months", "1986 and 1985 years": a year
    // before the unit, not a count of months ("2000 years", a round number, may be one).
    let year_count = toks[m.start..m.end].windows(2).any(|w| {
        w[0].kind == Kind::Num && w[0].lower.len() == 4 && w[0].lower.parse::<u32>().is_ok_and(|y| (1900..=2050).contains(&y) && y % 100 != 0)
            && matches!(w[1].lower.as_str(), "month" | "months" | "years" | "quarter" | "quarters")
    });
    if year_count && m.caps.iter().any(|(c, _)| c == "num") {
        return false;
    }
    // "8 to 11 a.m.", "6:00 to 9:00 p.m.": a range only if it rises within one half of the day
    // ("10 to 2 p.m." crosses noon); "8 and 11 a.m." is one only after "between" ("at 8 and 11
    // a.m." is two).
    let clocks = has("clock") && has("clock2") && has("ampm");
    if (first.kind == Kind::Num && has("hour") && (has("hour2") || has("clock")) || clocks) && len >= 4
        && matches!(toks[m.start + 1].lower.as_str(), "to" | "until" | "till" | "through" | "and")
    {
        let val = |k: &str| m.caps.iter().find(|(c, _)| c == k).and_then(|(_, v)| v.split(':').next()?.parse::<u32>().ok());
        let (a, b) = match clocks {
            true => (val("clock").unwrap_or(0), val("clock2").unwrap_or(0)),
            false => (val("hour").unwrap_or(0), val("hour2").or_else(|| val("clock")).unwrap_or(0)),
        };
        if !(a < b && b < 12) || (toks[m.start + 1].lower == "and" && !prev_is(&["between"])) {
            return false;
        }
    }
    // "to 11.30 hrs", "at 15.00 hrs local time": a clock written with a stop, not 11.3 hours.
    if has("dec") && matches!(toks[m.end - 1].lower.as_str(), "hrs" | "hr" | "hours" | "hour") && first.lower.split_once('.').is_some_and(|(_, f)| f.len() == 2) {
        return false;
    }
    // An era is written in capitals ("44 BC", "AD 79"), or with stops ("b.c."): "100 ad
    // campaigns" is advertising. "1250 and 1150 B.C." is a range only after "between".
    if g.rules[m.rule].template.starts_with("bc") || g.rules[m.rule].template.starts_with("ad:") {
        let era = |t: &Tok| matches!(t.lower.as_str(), "bc" | "bce" | "ad" | "ce");
        if toks[m.start..m.end].iter().any(|t| era(t) && !t.all_caps) || has("numd2") && len >= 4 && toks[m.start + 1].lower == "and" && !prev_is(&["between"]) {
            return false;
        }
    }
    // "versus 292,000 week ago", "vs 78,000 qtr prior": a count of head or dollars beside
    // the period it compares with; a count of time takes the plural ("1,250 hours").
    if toks[m.start..m.end].iter().any(|t| t.kind == Kind::Num && t.lower.contains(','))
        && toks[m.start..m.end].iter().any(|t| lookup_tok(t, "unit").is_some() && !t.lower.ends_with('s'))
    {
        return false;
    }
    // "it wouldn't last five years", "expected to last two weeks": the verb, not "the last
    // five years" (the amount alone is found from the next word).
    if first.lower == "last" && len >= 3 && g.rules[m.rule].kind == TimexType::Duration && prev.is_some_and(|p| BEFORE_VERB_LAST.contains(&p.lower.as_str()) || matches!(p.lower.as_str(), "t" | "not" | "never" | "would" | "will" | "'ll")) {
        return false;
    }
    // "52 weeks a year earlier", "six weeks a year ago": the amount, then a date.
    if g.rules[m.rule].kind == TimexType::Set && len >= 3 && matches!(toks[m.end - 2].lower.as_str(), "a" | "per")
        && next.is_some_and(|n| matches!(n.lower.as_str(), "ago" | "earlier" | "later" | "before" | "after"))
    {
        return false;
    }
    // "stay another week" is an amount of time; "1987 will be another year of growth", "just
    // another day", "on another day" name one, and "another quarter" in earnings news is one
    // ("a relic of another century" is no amount either; "stand for another century" is).
    if len == 2 && first.lower == "another" {
        let be = |t: &Tok| matches!(t.lower.as_str(), "be" | "is" | "was" | "were" | "been" | "being" | "'s" | "are");
        let before = &toks[m.start.saturating_sub(2)..m.start];
        if before.iter().any(be) || prev_is(&["just", "on", "some", "any", "one", "of"]) || next.is_some_and(|n| matches!(n.lower.as_str(), "of" | "when"))
            || matches!(toks[m.end - 1].lower.as_str(), "quarter" | "weekend" | "century" | "millennium") && !prev_is(&["for"]) || toks[m.end - 1].lower.ends_with('s')
        {
            return false;
        }
    }
    // "the current two-week holiday": "current" says which holiday, not how long; the amount
    // of time is found from the next word.
    let lead = if first.lower == "the" { toks.get(m.start + 1).unwrap_or(first) } else { first };
    if lead.lower == "current" && g.rules[m.rule].kind == TimexType::Duration {
        return false;
    }
    // "publishes minutes of its December meeting": the record of a meeting, not time.
    let last = &toks[m.end - 1];
    if last.lower == "minutes" && toks[m.start..m.end].iter().all(|t| !matches!(t.kind, Kind::Num)) && len <= 2
        && toks[m.end..(m.end + 6).min(toks.len())].iter().any(|t| matches!(t.lower.as_str(), "meeting" | "meetings"))
    {
        return false;
    }
    // "weekend passes sold out", "the weekend edition": a kind of ticket or paper.
    if last.lower == "weekend" && next.is_some_and(|n| matches!(n.lower.as_str(), "pass" | "passes" | "ticket" | "tickets" | "edition" | "editions" | "supplement" | "shift" | "shifts" | "getaway" | "getaways" | "warrior" | "warriors" | "bag")) {
        return false;
    }
    // "second half March shipment" is trade jargon for a half month; "FIRST HALF FEB 28", a
    // half year that ended on a day.
    if len == 3 && matches!(first.lower.as_str(), "first" | "second" | "last") && toks[m.start + 1].lower == "half" && has("month")
        && next.is_some_and(|n| n.kind == Kind::Num)
    {
        return false;
    }
    // "the winter solstice", "the spring equinox": a day, not the season.
    if next.is_some_and(|n| matches!(n.lower.as_str(), "solstice" | "equinox")) {
        return false;
    }
    // "gaining a minute and a half a day", "an hour a week": how much each day, a rate.
    if len == 2 && matches!(first.lower.as_str(), "a" | "an" | "per")
        && prev.is_some_and(|p| p.lower == "half" || lookup_tok(p, "unit").is_some() || lookup_tok(p, "punit").is_some())
    {
        return false;
    }
    // "held here annually": every year. "rise 8.5% annually", "10,000 units annually": a rate,
    // untagged as "visitors a day" is.
    if len == 1 && first.lower == "annually"
        && toks[m.start.saturating_sub(4)..m.start].iter().any(|t| t.kind == Kind::Num || matches!(t.lower.as_str(), "%" | "percent" | "pct"))
    {
        return false;
    }
    // "the first year of the contract", "in the first week,": how long. Not a clause that says
    // which one ("1986 was the first year South Korea had a surplus", "February, the first month
    // in which ...") nor a point in it ("at the end of the first year").
    if len == 3 && first.lower == "the" && matches!(toks[m.start + 1].lower.as_str(), "first" | "opening" | "initial")
        && g.rules[m.rule].kind == TimexType::Duration
    {
        let clause = next.is_some_and(|n| n.kind == Kind::Word && !matches!(n.lower.as_str(), "of" | "after" | "and" | "or" | "to" | "for" | "at" | "on" | "in"))
            || next.is_some_and(|n| n.lower == "in") && toks.get(m.end + 1).is_some_and(|t| matches!(t.lower.as_str(), "which" | "that"));
        let point = m.start >= 2 && toks[m.start - 1].lower == "of" && matches!(toks[m.start - 2].lower.as_str(), "end" | "start" | "beginning" | "middle" | "close");
        if clause || point {
            return false;
        }
    }
    // "2 hours 15 minutes" with no "and" adds up only when the second unit is the next smaller
    // one and its count is a number: "24 hours a day" is a rate, "1 year 2 years" a list.
    let summed = g.rules[m.rule].template.starts_with("dur2:");
    let rank = |k: &str| m.caps.iter().find(|(c, _)| c == k).map(|(_, u)| resolve::unit_rank(u)).filter(|&r| r < 7);
    // Amounts add up only from the larger unit down: "six months, one year and two years" is
    // a list.
    if summed {
        let ranks: Vec<Option<usize>> = ["unit", "unit2", "unit3"].iter().filter(|k| m.caps.iter().any(|(c, _)| c == *k)).map(|k| rank(k)).collect();
        if !ranks.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a < b)) {
            return false;
        }
    }
    if summed && !toks[m.start..m.end].iter().any(|t| t.lower == "and") {
        // (Weeks are skipped: "3 years 2 months 5 days".)
        let next = |a: Option<usize>, b: Option<usize>| matches!((a, b), (Some(a), Some(b)) if b == a + 1 || a == 1 && b == 3);
        let adjacent = next(rank("unit"), rank("unit2")) && (!m.caps.iter().any(|(c, _)| c == "unit3") || next(rank("unit2"), rank("unit3")));
        let counted = toks[m.start + 2..m.end].iter().find(|t| t.lower != ",").is_some_and(|t| !matches!(t.lower.as_str(), "a" | "an"));
        if !adjacent || !counted {
            return false;
        }
    }
    // "four o'clock": an hour of the clock face, not "fifty o'clock" or "several o'clock".
    if toks[m.start..m.end].iter().any(|t| t.lower == "o'clock")
        && m.caps.iter().any(|(c, v)| c == "num" && !v.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h)))
    {
        return false;
    }
    // "paid quarterly", not "a quarterly dividend" (nor a headline's "SETS QUARTERLY").
    let function_word = |n: &Tok| matches!(n.lower.as_str(), "and" | "or" | "but" | "in" | "since" | "from" | "to" | "at" | "on" | "until" | "by" | "with" | "for" | "as" | "instead" | "rather" | "thereafter" | "after" | "before");
    if len == 1 && first.lower == "quarterly" && (first.all_caps || next.is_some_and(|n| (n.kind == Kind::Word && !(function_word(n) && prev.is_some_and(|p| !matches!(p.lower.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "your" | "and" | "or" | "," | "both" | "of" | "future" | "recent" | "latest" | "past" | "regular" | "first")))) || n.kind == Kind::Num)) {
        return false;
    }
    // "open days", "polling days", "the dog days", "half days", "2021 and 2022 model years":
    // a kind of day or year, not an amount of them;
    // "2.1 billion hours" is an amount, but not "some hours".
    if len == 1 && matches!(first.lower.as_str(), "days" | "nights" | "weeks" | "hours" | "years" | "minutes" | "months")
        && prev.is_some_and(|p| {
            matches!(p.lower.as_str(), "open" | "match" | "school" | "working" | "business" | "polling" | "training" | "sick" | "rest" | "snow" | "race" | "game"
                | "trading" | "feast" | "dog" | "salad" | "glory" | "halcyon" | "opening" | "visiting" | "office" | "light" | "man" | "person" | "million" | "billion" | "thousand" | "trillion"
                | "extended" | "normal" | "regular" | "usual" | "reduced" | "operating" | "longer" | "shorter" | "flexible" | "unsocial"
                | "half" | "model" | "release" | "inservice" | "in-service" | "dead" | "slow" | "busy" | "quiet" | "planning" | "makeup")
                // "Those days will be made up": days already named, not an amount ("in those
                // days" is a time gone by, a rule of its own).
                || matches!(p.lower.as_str(), "those" | "these") && first.lower == "days"
        })
        // (Not "three and one-half years".)
        && !(prev.is_some_and(|p| p.lower == "half") && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "-" | "one" | "and" | "a"))
    {
        return false;
    }
    // "He was arrested that October.": that year's October; but "said that February orders
    // fell", "said that Thursday's vote", "noted that June yen futures set a high": a clause
    // whose subject has a month or a weekday.
    if len == 2 && first.lower == "that" && (has("month") || has("weekday"))
        && next.is_some_and(|n| matches!(n.lower.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}") || n.kind != Kind::Punct && !matches!(n.lower.as_str(), "when" | "as" | "in" | "at" | "on" | "and" | "but" | "after" | "before" | "while" | "until"
            | "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "his" | "her" | "their" | "its" | "there" | "for" | "with" | "of"))
    {
        return false;
    }
    // "assume that Wednesday and Friday will be hit": a clause whose subject lists days.
    if len == 2 && first.lower == "that" && has("weekday") && next.is_some_and(|n| matches!(n.lower.as_str(), "and" | "or"))
        && toks.get(m.end + 1).is_some_and(|t| lookup_tok(t, "weekday").is_some())
        && prev.is_some_and(|p| matches!(p.lower.as_str(), "assume" | "assumes" | "assumed" | "said" | "says" | "say" | "believe" | "believes" | "think" | "thinks" | "thought"
            | "expect" | "expects" | "expected" | "know" | "knew" | "hope" | "hopes" | "warned" | "warn" | "warns" | "noted" | "added" | "announced" | "predicted" | "ensure"
            | "suggest" | "suggested" | "suggests" | "fear" | "feared" | "fears" | "confirmed" | "means" | "meant" | "mean" | "reported" | "decided" | "agreed"))
    {
        return false;
    }
    // "our busiest months", "the coldest days": a kind of month or day, not an amount of them.
    // ("in the darkest hours just before dawn")
    if len == 1 && matches!(first.lower.as_str(), "days" | "weeks" | "months" | "years" | "nights" | "hours" | "minutes")
        && prev.is_some_and(|p| p.kind == Kind::Word && (p.lower.len() > 5 && p.lower.ends_with("est") || matches!(p.lower.as_str(), "best" | "worst")))
    {
        return false;
    }
    // "Ticket holders for affected days", "on designated days": which days, not how many.
    if len == 1 && matches!(first.lower.as_str(), "days" | "nights" | "dates")
        && prev.is_some_and(|p| matches!(p.lower.as_str(), "affected" | "designated" | "selected" | "specified" | "nominated" | "named" | "chosen" | "certain" | "particular" | "specific" | "alternate" | "strike" | "match" | "market" | "trading" | "working" | "business"))
    {
        return false;
    }
    // "the days will be noticeably longer", "the nights are getting colder": daylight and
    // weather, not an amount of days.
    if len == 1 && matches!(first.lower.as_str(), "days" | "nights") && prev_is(&["the"])
        && next.is_some_and(|n| matches!(n.lower.as_str(), "will" | "are" | "were" | "get" | "grow" | "become" | "became" | "stay" | "remain" | "'ll" | "have" | "had"))
        && toks[m.end..(m.end + 6).min(toks.len())].iter().any(|t| {
            matches!(t.lower.as_str(), "longer" | "shorter" | "warmer" | "colder" | "cooler" | "hotter" | "darker" | "lighter" | "brighter" | "milder" | "wetter" | "drier")
        })
    {
        return false;
    }
    // "working 14-hour days", "two-week shifts": the days the hours fill, not some days.
    if len == 1 && matches!(first.lower.as_str(), "days" | "nights" | "weeks" | "shifts") && prev_is(&["hour", "day", "week", "minute"]) {
        return false;
    }
    // "extended its cafe hours", "during office hours": the hours something is open.
    // ("keeps the same hours", "cut their hours": the hours kept, not an amount of them.)
    if len == 1 && first.lower == "hours" && prev_is(&[
        "cafe", "opening", "office", "business", "trading", "visiting", "store", "shop", "library", "museum", "operating", "banking", "school",
        "service", "peak", "off-peak", "polling", "clinic", "pharmacy", "bar", "pub", "restaurant", "club", "counter", "desk", "weekday", "weekend",
        "gate", "same", "their", "our", "his", "her", "its", "your", "my",
    ]) {
        return false;
    }
    // "the day" alone is a date only "later in the day", "earlier in the day" or "throughout
    // the day"; not "the day before the plunge" (which "the day before" reads) or "seize the day".
    if len == 2 && first.lower == "the" && toks[m.start + 1].lower == "day" && g.rules[m.rule].template == "last:D:0" {
        let later_in = prev_is(&["in"]) && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "later" | "earlier");
        // ("Rescuers worked through the day", not "through the day's news"; "during the day" is
        // as often a habit: "Moslems fast during the day".)
        let across = prev_is(&["through"]) && next.is_none_or(|n| !n.cap && !matches!(n.lower.as_str(), "'s" | "\u{2019}s" | "of" | "when" | "that" | "which" | "on" | "in"));
        if !(later_in || across || prev_is(&["throughout"])) {
            return false;
        }
    }
    // "its fiscal year ends on the Saturday closest to January 31": a rule, not a day.
    if len == 1 && has("weekday") && prev_is(&["the"]) && next.is_some_and(|n| matches!(n.lower.as_str(), "closest" | "nearest" | "nearer")) {
        return false;
    }
    // "run on a Sunday schedule", "the Sunday edition", "add a Sunday shift": a kind of day's, not a date.
    if len == 1 && has("weekday") && prev_is(&["a", "the", "its", "their"])
        && next.is_some_and(|n| matches!(n.lower.as_str(), "schedule" | "schedules" | "timetable" | "timetables" | "school" | "edition" | "editions" | "paper" | "papers" | "supplement" | "shift" | "shifts"))
    {
        return false;
    }
    // "on strike days", "on match days": a kind of day, not an amount of them.
    if len == 1 && matches!(first.lower.as_str(), "days" | "nights" | "weeks" | "weekends") && m.start >= 2
        && toks[m.start - 2].lower == "on" && prev.is_some_and(|p| p.kind == Kind::Word && !p.cap && !matches!(p.lower.as_str(), "few" | "several" | "many" | "some" | "recent" | "those" | "these" | "the" | "all" | "most" | "other" | "alternate" | "consecutive" | "both" | "successive" | "separate" | "different" | "two" | "three"))
    {
        return false;
    }
    // "at 6 this evening", "by 10 tomorrow morning": a bare hour is a clock only after a word
    // that says so; "the index rose 6 this morning" is a number.
    if has("hour") && !has("ampm") && !has("hour2") && !toks[m.start..m.end].iter().any(|t| t.lower == "o'clock")
        && g.rules[m.rule].template.contains(":00:") && !g.rules[m.rule].template.ends_with(":00:pm") && !g.rules[m.rule].template.ends_with(":00:am")
        && !prev_is(CLOCK_PREP)
    {
        return false;
    }
    // "at four in the morning", "until ten at night"; "scored three in the afternoon" is a count.
    if has("num") && g.rules[m.rule].template.contains("|hm:{num}") && !toks[m.start..m.end].iter().any(|t| t.lower == "o'clock")
        && !(prev_is(CLOCK_PREP) || prev_is(&["since"]))
    {
        return false;
    }
    // "both voting days", "the affected weeks": days of a kind, not an amount of them ("the
    // coming days", "the remaining weeks" are).
    if len == 1 && matches!(first.lower.as_str(), "days" | "weeks" | "months" | "nights" | "weekends")
        && prev.is_some_and(|p| p.kind == Kind::Word && !p.cap && p.lower.len() > 4 && (p.lower.ends_with("ing") || p.lower.ends_with("ed"))
            && lookup_tok(p, "timing").is_none())
        // After a determiner the word is an adjective: "ended weeks of talks" keeps its weeks.
        && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "the" | "both" | "those" | "these" | "all" | "its" | "their" | "his" | "her" | "our" | "each" | "such" | "of" | "with" | "on" | "in")
    {
        return false;
    }
    // "Celebrations traditionally last 15 days", "and last 48 hours": the verb is no part of
    // the amount of time (which is matched again without it).
    if first.lower == "last" && g.rules[m.rule].template.starts_with("dur:") {
        let verb_before = prev.is_some_and(|p| {
            let w = p.lower.as_str();
            BEFORE_VERB_LAST.contains(&w)
                || p.kind == Kind::Word && !p.cap && w.len() > 3 && (w.ends_with("ly") || w.ends_with('s') && !w.ends_with("ss") && !matches!(w, "this" | "was" | "has" | "its" | "his" | "hers" | "ours" | "theirs" | "yours" | "whereas" | "always" | "perhaps" | "plus" | "minus" | "thus"))
        });
        if verb_before {
            return false;
        }
    }
    // "in midweek", "by midweek"; not "468 dlrs midweek and 518 dlrs on weekends" (a fare).
    if len == 1 && first.lower == "midweek" && !prev_is(&["in", "by", "until", "till", "since", "before", "after", "from", "at", "on", "through"]) {
        return false;
    }
    // "the week before the election", "the day after the vote": "before" starts a phrase of its
    // own; "the week before." ends one.
    if len == 3 && first.lower == "the" && matches!(toks[m.start + 1].lower.as_str(), "week" | "day") && next.is_some_and(|n| n.kind != Kind::Punct) {
        let w = toks[m.start + 2].lower.as_str();
        if w == "before" || w == "after" {
            return false;
        }
    }
    // "2 dlrs a year before." ends a phrase; in "a year before the vote" the "before" starts
    // one of its own.
    if len >= 2 && toks[m.end - 1].lower == "before" && matches!(toks[m.end - 2].lower.as_str(), "year" | "years")
        && next.is_some_and(|n| n.kind != Kind::Punct && !matches!(n.lower.as_str(), "and" | "but" | "when" | "while"))
    {
        return false;
    }
    // Whether the next word is one a phrase used as an adjective would describe: a word in
    // lower case that does not open a clause or phrase of its own.
    let describes_next = || next.is_some_and(|n| {
        n.kind == Kind::Word && !n.cap && !matches!(n.lower.as_str(), "and" | "or" | "but" | "as" | "is" | "are" | "was" | "were" | "will"
            | "would" | "could" | "may" | "might" | "should" | "to" | "for" | "at" | "in" | "on" | "of" | "than" | "that" | "because"
            | "if" | "while" | "when" | "with" | "it" | "they" | "we" | "he" | "she" | "the" | "a" | "an" | "there" | "though"
            // ("grounded overnight by 9-meter waves", "in effect overnight from 10 p.m.")
            | "by" | "from" | "into" | "until" | "till" | "after" | "before" | "during" | "across" | "through")
    });
    // "scored 12 points in the fourth quarter", "trailed in the second half": a part of a
    // game, not of a year. The words around say which.
    let template = &g.rules[m.rule].template;
    if (template == "q:{ord}" || template == "half:{ord}") && !toks[m.start..m.end].iter().any(|t| t.lower == "fiscal") {
        let around = &toks[m.start.saturating_sub(25)..(m.end + 15).min(toks.len())];
        let sport = |t: &Tok| {
            // Not "points" (an index's) or "overtime" (work's).
            matches!(t.lower.as_str(), "scored" | "scoring" | "goal" | "goals" | "touchdown" | "touchdowns" | "halftime" | "half-time"
                | "trailed" | "trailing" | "rebounds" | "assists" | "yards" | "inning" | "innings" | "quarterback" | "possession"
                | "penalty" | "whistle" | "buzzer" | "basket" | "baskets" | "free-throw" | "interception" | "sacks" | "fumble" | "kickoff"
                | "referee" | "striker" | "goalkeeper" | "midfielder" | "winger" | "substitute" | "equaliser" | "equalizer" | "equalised" | "equalized" | "stoppage"
                | "marathon" | "race" | "halfway" | "lap" | "laps" | "splits" | "runner" | "runners")
        };
        // "ran the second half in just over 62 minutes": a half timed in minutes is a race's.
        let timed = toks[m.end..(m.end + 6).min(toks.len())].iter().any(|t| matches!(t.lower.as_str(), "minutes" | "seconds" | "minute"));
        // "The second half began at 16:05": a part of a year does not begin at a clock time.
        let clocked = matches!(next.map(|n| n.lower.as_str()), Some("began" | "begins" | "started" | "starts" | "resumed" | "resumes" | "kicked" | "kicks"))
            && toks[m.end + 1..(m.end + 5).min(toks.len())].iter().any(|t| t.kind == Kind::Num && clock_hm(&t.lower).is_some() || lookup_tok(t, "ampm").is_some() || t.lower == "noon");
        if clocked {
            return false;
        }
        // "the index fell 12 points in the second half of the year" names the year.
        if (around.iter().any(sport) || timed) && next.is_none_or(|n| n.lower != "of") {
            return false;
        }
    }
    // "this fiscal policy": "fiscal" alone is the year only as a noun.
    if toks[m.end - 1].lower == "fiscal" && describes_next() {
        return false;
    }
    // "Hours: 9:00-17:00": a label, not some hours.
    if len == 1 && template.starts_with("dur:X:") && next.is_some_and(|n| n.lower == ":") {
        return false;
    }
    // "closes on the 15th", "due by the 1st of the month": a day of the month only after a
    // preposition of time and at a phrase's end ("the 15th floor", "the 3rd Infantry", "the
    // 21st century" are not days, nor is "the 1st of each month" one day).
    if template.starts_with("dom:") {
        let ends = next.is_none_or(|n| {
            n.kind == Kind::Punct && n.lower != "-"
                || matches!(n.lower.as_str(), "and" | "or" | "but" | "at" | "when" | "to" | "through" | "until" | "if" | "so" | "because" | "after" | "before" | "with")
        });
        if !prev_is(&["on", "by", "until", "till", "since", "before", "after", "from", "through", "to", "between"]) || !ends {
            return false;
        }
    }
    // "access to the short term capital market": "short term" describes the noun after it
    // ("in the near term prices fell" is still a time).
    if len == 3 && first.lower == "the" && toks[m.end - 1].lower == "term" && !prev_is(&["in", "over", "for", "during", "into", "beyond", "within"]) && describes_next() {
        return false;
    }
    // "the overnight rate", "overnight losses": a kind of loan or loss, not a night;
    // "became famous overnight", "it will not happen overnight": suddenly, not at night.
    // So is "overnight" after a negation ("will not be accomplished overnight").
    let negated = toks[m.start.saturating_sub(6)..m.start].iter().any(|t| matches!(t.lower.as_str(), "not" | "n't" | "never" | "cannot"));
    if len == 1 && first.lower == "overnight" && (describes_next() || negated || prev_is(&[
        "famous", "rich", "successful", "success", "sensation", "star", "almost", "virtually", "literally", "practically",
        "happen", "happened", "changed", "change", "changes", "disappear", "disappeared", "vanished",
    ])) {
        return false;
    }
    // "three quarters of the staff": a share of something, not of a year ("the first three
    // quarters of the year" is one).
    if matches!(toks[m.end - 1].lower.as_str(), "quarter" | "quarters") && next.is_some_and(|n| n.lower == "of") {
        let det = toks.get(m.end + 1).is_some_and(|t| matches!(t.lower.as_str(), "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these" | "a"));
        let temporal = toks.get(m.end + 2).is_some_and(|t| !t.lex.is_empty() || matches!(t.lower.as_str(), "year" | "fiscal" | "decade" | "century" | "period" | "season"));
        if det && !temporal {
            return false;
        }
    }
    // "the New Year": the holiday, often, or a season of parties; "the new year" is a year.
    if len == 3 && first.lower == "the" && toks[m.start + 1].lower == "new" && toks[m.start + 2].lower == "year" && toks[m.start + 1].cap {
        return false;
    }
    // "high noon comes today": a decisive moment, not twelve o'clock.
    if len == 1 && first.lower == "noon" && prev_is(&["high"]) {
        return false;
    }
    // "0.01 ct", "5.50 ct": cents, not a clock in Central time.
    if len == 2 && first.kind == Kind::Num && first.lower.contains('.') && toks[m.start + 1].lower == "ct" {
        return false;
    }
    // "in the early hours of Saturday": the night before dawn, not an amount of time.
    if len == 1 && first.lower == "hours" && prev_is(&["early", "small", "wee"]) && next.is_some_and(|n| n.lower == "of") {
        return false;
    }
    // "office hours", "opening hours": a schedule, not an amount of time.
    if len == 1 && first.lower == "hours" && prev_is(&["office", "opening", "business", "visiting", "working", "trading", "banking", "school", "peak", "rush", "operating", "store", "shop", "waking", "daylight", "licensing", "surgery", "core", "flexible", "unsocial", "antisocial"]) {
        return false;
    }
    // "after-hours trading", "off-hours": a kind of thing, not an amount of time.
    if len == 1 && first.hyphen_before && prev_is(&["after", "off", "out", "non"]) {
        return false;
    }
    // "at dawn", "before dusk": a time of day only after a preposition, in lower case ("Dawn"
    // is a name, "sunset clause" a kind of clause).
    if len == 1 && matches!(first.lower.as_str(), "dawn" | "daybreak" | "sunrise" | "dusk" | "nightfall" | "sunset")
        && (first.cap || !prev_is(&["at", "before", "after", "until", "till", "by", "since", "from", "around", "near", "toward", "towards"]))
    {
        return false;
    }
    // "the second half of trading", "of the match": half of something else ("the first half of
    // the year" and "of 2026" are rules of their own).
    if toks[m.end - 1].lower == "half" && next.is_some_and(|n| n.lower == "of") {
        return false;
    }
    // "scored early in the second half": a half of a match, when the sentence is about one.
    const MATCH_WORDS: &[&str] = &[
        "scored", "score", "scoring", "goal", "goals", "halftime", "minute", "penalty", "kickoff", "whistle",
        "trailing", "touchdown", "touchdowns", "equaliser", "equalizer", "striker", "goalkeeper", "quarterback", "innings", "rebounds",
    ];
    if toks[m.end - 1].lower == "half" && len <= 3 && toks.iter().any(|t| MATCH_WORDS.contains(&t.lower.as_str())) {
        return false;
    }
    // "a first-half penalty", "a second-half goal": a half of a match, not of a year.
    if len <= 3 && toks[m.end - 1].lower == "half" && next.is_some_and(|n| {
        matches!(n.lower.as_str(), "penalty" | "penalties" | "goal" | "goals" | "strike" | "header" | "try" | "tries" | "equaliser" | "equalizer"
            | "substitute" | "substitution" | "stoppage" | "injury" | "opener" | "winner" | "brace" | "touchdown" | "touchdowns" | "red" | "yellow" | "whistle" | "hat-trick")
    }) {
        return false;
    }
    // "the current account", "current assets": terms of accounts, not the present; nor
    // "current meters", the water's or the wire's.
    if len == 1 && first.lower == "current" && next.is_some_and(|n| {
        matches!(n.lower.as_str(), "account" | "accounts" | "assets" | "liabilities" | "ratio" | "yield" | "yields" | "coupon" | "cost" | "costs" | "dollars" | "dollar"
            | "meter" | "meters" | "velocity" | "density" | "amplitude" | "draw" | "rating")
    }) {
        return false;
    }
    // "it feels very current", "a more recent study": a quality, compared or graded.
    if len == 1 && matches!(first.lower.as_str(), "current" | "recent")
        && prev_is(&["very", "so", "too", "more", "most", "less", "least", "quite", "feels", "feel", "seems", "seem", "looks", "sounds", "remains", "stays"])
    {
        return false;
    }
    // "hourly workers", "the hourly wage": paid by the hour, not every hour.
    if len == 1 && first.lower == "hourly" && next.is_some_and(|n| matches!(n.lower.as_str(), "workers" | "worker" | "employees" | "employee" | "wage" | "wages" | "pay" | "rate" | "rates" | "staff" | "labor" | "labour")) {
        return false;
    }
    // "winter wheat", "spring plantings": a kind of crop, not a time.
    if has("season") && next.is_some_and(|n| matches!(n.lower.as_str(), "wheat" | "wheats" | "crop" | "crops" | "grain" | "grains" | "barley" | "rye" | "rapeseed" | "plantings" | "planting" | "sowings" | "sowing" | "sown" | "kill" | "varieties" | "feed" | "pasture" | "pastures")) {
        return false;
    }
    // "a summer school", "winter clothing", "the Summer Olympics": a kind of thing, not a time.
    if (len == 1 || len == 2 && (first.lower == "the" || first.kind == Kind::Num)) && has("season") && next.is_some_and(|n| matches!(n.lower.as_str(), "school" | "schools" | "camp" | "camps" | "job" | "jobs" | "internship" | "internships" | "olympics" | "games" | "clothing" | "clothes" | "wear" | "coat" | "coats" | "tyres" | "tires" | "collection" | "collections" | "blockbuster" | "blockbusters" | "resort" | "resorts" | "residence" | "palace" | "cottage" | "cottages" | "uniform" | "uniforms" | "squash" | "vegetables" | "fruit" | "hat" | "hats" | "boots"
        // ("a panel on winter storms", "summer vacation plans": a kind of storm or holiday.)
        | "storm" | "storms" | "vacation" | "vacations" | "potato" | "potatoes" | "fashion" | "fashions" | "dress" | "dresses" | "shoes" | "sports" | "tourists" | "tourism" | "home" | "homes" | "house" | "houses" | "reading")) {
        return false;
    }
    // "A late-night cabaret series", "late-night television": a kind of show, not tonight.
    let late_night = len == 2 && matches!(first.lower.as_str(), "late" | "all") && toks[m.start + 1].lower == "night" && toks[m.start + 1].hyphen_before;
    if (late_night || len == 1 && first.lower == "overnight") && next.is_some_and(|n| matches!(n.lower.as_str(), "show" | "shows" | "host" | "hosts" | "comedy" | "comedian" | "comedians" | "cabaret" | "series" | "television" | "tv" | "talk" | "snack" | "snacks" | "bus" | "buses" | "service" | "services" | "bar" | "bars" | "party" | "parties" | "programme" | "programmes" | "program" | "programs" | "train" | "trains" | "flight" | "flights" | "shopping" | "diner"
        | "dance" | "dancing" | "tent" | "venue" | "venues" | "club" | "clubs" | "stage" | "menu" | "hours" | "opening" | "openings" | "transport" | "radio"
        | "economy" | "drinking" | "slot" | "slots" | "screening" | "screenings" | "market" | "markets" | "cafe" | "cafes" | "restaurant" | "restaurants")) {
        return false;
    }
    // "January-March" and "April/May", not two months side by side.
    if two_month_names(toks, m) && !toks[m.start + 1].hyphen_before {
        return false;
    }
    // "end-March", but "Periods end January 31": the verb, before a full date.
    if len == 2 && first.lower == "end" && has("month") && next.is_some_and(|n| n.kind == Kind::Num) {
        return false;
    }
    // A lone month name.
    if len == 1 && has("month") {
        // "<MAY>", "MAY <MA>": a stock ticker, or the company that carries one.
        if prev.is_some_and(|p| p.lower == "<") || next.is_some_and(|n| n.lower == "<") {
            return false;
        }
        let w = first.lower.as_str();
        if w.len() <= 4 && !matches!(w, "may" | "june" | "july") {
            return false; // "Jan" alone is a name; abbreviations need a day or year.
        }
        // "after a cold March", "a wet May": weather or trade that describes the month.
        let described = prev.is_some_and(|p| !p.cap && matches!(p.lower.as_str(), "cold" | "colder" | "wet" | "wetter" | "dry" | "drier" | "warm" | "warmer" | "mild" | "milder" | "hot" | "hotter" | "rainy" | "snowy" | "chilly" | "cool" | "cooler" | "sunny" | "stormy" | "frigid" | "soggy" | "freezing" | "busy" | "quiet" | "record" | "slow" | "strong" | "weak"))
            && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "a" | "an" | "the" | "this" | "last");
        // "at the March meeting", "the May contract": a capital March or May naming what is
        // held or due in it (the walk is "the march on Washington").
        let names_event = first.cap && !first.all_caps && prev.is_some_and(|p| matches!(p.lower.as_str(), "the" | "its" | "their" | "this" | "next" | "last"))
            && next.is_some_and(|n| matches!(n.lower.as_str(), "meeting" | "meetings" | "session" | "deadline" | "election" | "vote" | "referendum" | "contract" | "delivery" | "auction" | "summit" | "figures" | "data" | "report" | "payroll" | "payrolls" | "budget" | "policy"
                | "survey" | "poll" | "decision" | "hearing" | "statement" | "minutes" | "issue" | "sales" | "reading" | "release" | "trial" | "launch"));
        // "in February, May, August and November": a month among months.
        let listed = m.start >= 2 && matches!(toks[m.start - 1].lower.as_str(), "," | "and" | "or") && lookup_tok(&toks[m.start - 2], "month").is_some()
            || toks.get(m.end).is_some_and(|n| matches!(n.lower.as_str(), "," | "and" | "or")) && toks.get(m.end + 1).is_some_and(|n| n.cap && lookup_tok(n, "month").is_some());
        if matches!(w, "may" | "march") && !first.all_caps && !described && !names_event && !listed && !prev_is(TEMPORAL_PREP) && prev.is_none_or(|p| lookup_tok(p, "month").is_none()) {
            return false;
        }
        // A headline's "PREFERRED MAY BE CUT", "FED MAY RAISE RATES": the verb.
        if w == "may" && next.is_some_and(|n| grammar().is_verb(&n.lower)) && !prev_is(TEMPORAL_PREP) {
            return false;
        }
    }
    if has("weekday") && len <= 2 {
        let wd = toks[m.start..m.end].iter().find(|t| lookup_tok(t, "weekday").is_some());
        if let Some(wd) = wd {
            if wd.lower.len() <= 5 && !wd.lower.ends_with("day") && toks.get(m.end).is_none_or(|t| t.lower != ".") {
                return false; // "Sat", "Wed" need their dot.
            }
        }
        // "Black Friday", "Mark Friday": a weekday inside a name.
        if prev.is_some_and(|p| p.cap && lookup_tok(p, "notday").is_some()) {
            return false;
        }
        // "The Sunday Times": an article, the weekday, a capitalized word.
        if prev.is_some_and(|p| p.lower == "the") && next.is_some_and(|n| n.kind == Kind::Word && n.cap && n.lex.is_empty()) {
            return false;
        }
    }
    // A bare four-digit number is a year only in the modern range or after a preposition,
    // and not before a unit of measure.
    if len == 1 && has("year") && first.kind == Kind::Num {
        let y: u32 = m.caps.iter().find(|(c, _)| c == "year").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        // "to 1115 to 1330 local time": a clock opening a range of clock times, not the year 1115.
        let clock_word = |t: &Tok| lookup_tok(t, "zone").is_some() || matches!(t.lower.as_str(), "local" | "hrs" | "hours");
        let clock_range = toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "to" | "-" | "and"))
            && toks.get(m.end + 1).is_some_and(|t| t.kind == Kind::Num && t.lower.len() == 4)
            && toks.get(m.end + 2).is_some_and(clock_word);
        // "until 1305 Central Time", "to 1500 local": a clock; "fell 508 points to 1738": a level.
        let clock_after = toks.get(m.end).is_some_and(|t| clock_word(t) || matches!(t.lower.as_str(), "central" | "eastern" | "pacific" | "mountain"));
        let level = toks[m.start.saturating_sub(4)..m.start].iter().any(|t| matches!(t.lower.as_str(), "points" | "point" | "pct" | "percent" | "index"));
        // "The poet (1898-1971)": a lifetime, unless both ends could be clock times ("1130-1230").
        let hhmm = |v: u32| v / 100 <= 23 && v % 100 <= 59;
        let y2: Option<u32> = m.caps.iter().find(|(c, _)| c == "year2").and_then(|(_, v)| v.parse().ok());
        let lifetime = y2.is_some_and(|y2| !(hhmm(y) && hhmm(y2))) && !clock_after && !level && (prev_is(&["(", "["]) || prev_is(TEMPORAL_PREP));
        let unit = |t: &Tok| matches!(t.lower.as_str(), "%" | "percent" | "people" | "points" | "feet" | "meters" | "miles" | "tons" | "units" | "shares" | "troops" | "votes" | "cars" | "workers" | "jobs" | "dollars" | "yen" | "hours" | "pounds");
        // "from roughly 1403 to 1435", "the reigns, roughly 1403 to 1435": a hedged year after a
        // preposition or opening a range of later years.
        // (Not "in roughly 1400 to 1500 feet of water".)
        let to_num = toks.get(m.end).is_some_and(|t| matches!(t.lower.as_str(), "to" | "-"));
        let later_year = to_num && toks.get(m.end + 1).and_then(|t| t.lower.parse::<u32>().ok()).is_some_and(|y2| y2 > y && y2 - y <= 150);
        let hedged = prev_is(&["about", "around", "roughly", "approximately", "circa", "c."])
            && (m.start >= 2 && TEMPORAL_PREP.contains(&toks[m.start - 2].lower.as_str()) || later_year)
            && !(to_num && toks.get(m.end + 2).is_some_and(unit));
        // "The 1866 success", "the lost 1865 cable": an older year naming a singular thing after
        // a determiner. A count takes a plural ("the 1500 workers"); "the 1500 block" is an address.
        // ("The existing 1190 mainframe", "the scheduled 1330 start", "the 1500 listed
        // companies", "the CYBER 1809 model" are not.)
        let noun = |n: &Tok| n.kind == Kind::Word && !n.cap && n.lower.len() > 2 && (!n.lower.ends_with('s') || n.lower.ends_with("ss")) && !n.lower.ends_with("ed") && !unit(n)
            && !matches!(n.lower.as_str(), "block" | "mile" | "foot" | "meter" | "metre" | "yard" | "acre" | "ton" | "tonne" | "hour" | "minute" | "degree" | "pound" | "dollar" | "point" | "page" | "unit" | "number" | "model" | "version" | "start" | "of" | "and" | "or" | "to" | "for");
        // ("the 1865 and 1866 voyages": the first of two such years.)
        let coordinated = next.is_some_and(|n| matches!(n.lower.as_str(), "and" | "or")) && toks.get(m.end + 1).is_some_and(|t| t.kind == Kind::Num && t.lower.len() == 4)
            && toks.get(m.end + 2).is_some_and(|t| t.kind == Kind::Word && !t.cap && !unit(t));
        let premodifier = (1000..1900).contains(&y)
            && prev.is_some_and(|p| determiner(&p.lower) || m.start >= 2 && determiner(&toks[m.start - 2].lower) && p.kind == Kind::Word && !p.cap && !p.lower.ends_with("ing") && !p.lower.ends_with("ed"))
            && (coordinated || next.is_some_and(noun));
        if !(1900..=2050).contains(&y) && !lifetime && (clock_range || clock_after || level || !(prev_is(TEMPORAL_PREP) || hedged || premodifier)) {
            return false;
        }
        // "date codes 2010 through 2252": a far year closing a range is a code's number.
        if y > 2200 && prev_is(&["through", "to", "thru", "-"]) {
            return false;
        }
        // "between 1900 and 2300 hours": even a modern year opens a range of clock times.
        if clock_range && hhmm(y) && toks[m.end + 1].lower.parse::<u32>().is_ok_and(hhmm) {
            return false;
        }
        if prev.is_some_and(|p| matches!(p.lower.as_str(), "$" | "#" | "no" | "no." | "number" | "series" | "flight" | "route" | "room" | "article" | "section" | "page" | "pages" | "pp" | "lines" | "verses" | "model" | "suite" | "apt" | "apt." | "gate" | "platform" | "bus" | "flights" | "code" | "codes")) {
            return false;
        }
        // "Flight SK 2028", "the return flight, SK 2029": an airline's code and flight number.
        let airline = prev.is_some_and(|p| p.all_caps && p.kind == Kind::Word && p.lower.len() == 2 && !matches!(p.lower.as_str(), "in" | "by" | "of" | "to" | "at" | "on" | "as" | "is" | "or" | "if" | "ad" | "bc" | "ce" | "up" | "so" | "no" | "us" | "uk" | "eu" | "un"));
        if airline && toks[m.start.saturating_sub(6)..m.start].iter().any(|t| matches!(t.lower.as_str(), "flight" | "flights")) {
            return false;
        }
        // "whose farm sits at 2030 County Road 9", "2024 Elm Street": a house number.
        let street = |t: &Tok| t.cap && matches!(t.lower.as_str(), "road" | "rd" | "street" | "st" | "avenue" | "ave" | "boulevard" | "blvd" | "drive" | "dr" | "lane" | "ln" | "highway" | "way" | "court" | "place" | "terrace" | "parkway" | "pike");
        if next.is_some_and(|n| n.kind == Kind::Word && n.cap) && toks[m.end..(m.end + 3).min(toks.len())].iter().any(street) {
            return false;
        }
        // "Kopp's 1987 Chevrolet Cavalier", "his 1995 Ford to work": a model year, part of the
        // car's name. "his 1990 Anheuser earnings projection" is the year of the earnings.
        let possessive = prev.is_some_and(|p| matches!(p.lower.as_str(), "'s" | "his" | "her" | "their" | "my" | "our" | "your"));
        let ends_name = |t: Option<&Tok>| t.is_none_or(|t| t.kind != Kind::Word || t.cap || matches!(t.lower.as_str(),
            "was" | "is" | "to" | "in" | "on" | "at" | "and" | "with" | "that" | "which" | "had" | "has" | "from" | "for" | "into" | "when" | "after"));
        if possessive && next.is_some_and(|n| n.kind == Kind::Word && n.cap && n.lex.is_empty()) && ends_name(toks.get(m.end + 1)) {
            return false;
        }
        if let Some(n) = next {
            if unit(n) {
                return false;
            }
            if n.kind == Kind::Num && !n.glued {
                return false;
            }
        }
    }
    // "New Year" is the holiday; "a new year of growth" is not.
    if len == 2 && first.lower == "new" && toks[m.start + 1].lower == "year" && !(first.cap && toks[m.start + 1].cap && !first.all_caps) {
        return false;
    }
    // "The last day of classes", "the next day of talks": a day of something else, not the
    // day before or after (the month's own days have rules of their own).
    if g.rules[m.rule].template == "last:D:{rel}" && next.is_some_and(|n| n.lower == "of") {
        return false;
    }
    // "in the last week of the spring term", "the final month of the season": the end of
    // something else, not the week or month before ("the last week of March" has a rule).
    let the_last = len == 3 && first.lower == "the" && toks[m.start + 1].lower == "last" && g.rules[m.rule].template == "rel:{sunit}:-1"
        || len == 2 && first.lower == "last" && prev_is(&["the"]) && matches!(g.rules[m.rule].template.as_str(), "rel:W:{rel}" | "rel:M:{rel}");
    if the_last && next.is_some_and(|n| n.lower == "of") && matches!(toks[m.end - 1].lower.as_str(), "week" | "month") {
        return false;
    }
    // "ending British Summer Time", "adopted summer time", "SUMMER/WINTER TIME CHANGES": the
    // clock's setting, not the season ("in the summer time" is one).
    let clock_setting = |k: usize| toks.get(k).is_some_and(|t| t.lower == "time")
        || toks.get(k).is_some_and(|t| t.lower == "/") && toks.get(k + 1).is_some_and(|t| lookup_tok(t, "season").is_some()) && toks.get(k + 2).is_some_and(|t| t.lower == "time");
    if has("season") && len == 1 && matches!(first.lower.as_str(), "summer" | "winter") && clock_setting(m.end)
        && !prev.is_some_and(|p| matches!(p.lower.as_str(), "the" | "this" | "that" | "last" | "next" | "each" | "every" | "in" | "during"))
    {
        return false;
    }
    // "fall" / "spring" alone are verbs and nouns more often than seasons.
    if has("season") && len <= 2 {
        let s = toks[m.start..m.end].iter().find(|t| lookup_tok(t, "season").is_some());
        if s.is_some_and(|s| matches!(s.lower.as_str(), "fall" | "spring")) && m.end - m.start <= 2 && !has("year") && !has("rel") {
            // "in the spring", "this fall", but not "from the spring" or "prices fall".
            let article = first.lower == "the" || prev.is_some_and(|p| p.lower == "the");
            let at = if first.lower == "the" || !article { m.start.checked_sub(1) } else { m.start.checked_sub(2) };
            let before = at.map(|p| &toks[p]);
            let before_for = at.and_then(|p| p.checked_sub(1)).map(|p| &toks[p]);
            // "that spring", "every spring": the word that makes it a season is in the match.
            // "Spring is still nine weeks away": the subject of a sentence about its coming.
            // ("Fall is my favorite season" is any fall.)
            let coming = |k: usize| toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "still" | "here" | "near" | "coming" | "over" | "around" | "approaching" | "almost" | "nearly"));
            let subject = m.start == 0 && first.cap && next.is_some_and(|n| {
                matches!(n.lower.as_str(), "will" | "arrives" | "arrived" | "begins" | "began" | "starts" | "comes" | "came") || matches!(n.lower.as_str(), "is" | "was") && coming(m.end + 1)
            });
            // "blamed a cold spring", "after the wet spring": weather says it is the season.
            let weather = s.is_some_and(|s| s.lower == "spring") && before.is_some_and(|p| lookup_tok(p, "weather").is_some())
                && at.and_then(|p| p.checked_sub(1)).is_some_and(|p| matches!(toks[p].lower.as_str(), "a" | "the" | "this" | "last" | "that"))
                && next.is_none_or(|n| !matches!(n.lower.as_str(), "water" | "waters" | "of" | "fed" | "near"));
            let ok = subject || weather || matches!(first.lower.as_str(), "that" | "every" | "each") || before.is_some_and(|p| {
                matches!(p.lower.as_str(), "in" | "during" | "since" | "until" | "till" | "by" | "through" | "over" | "throughout" | "before" | "after")
                    // "well into the spring", not "into the spring range".
                    || p.lower == "into" && next.is_none_or(|n| n.kind != Kind::Word || n.cap)
                    // "scheduled for the spring"; not "the reason for the fall".
                    || p.lower == "for" && before_for.is_some_and(|w| matches!(w.lower.as_str(), "scheduled" | "planned" | "set" | "slated" | "due" | "expected" | "pencilled" | "penciled" | "booked" | "postponed" | "delayed" | "deferred"))
                    || (!article && matches!(p.lower.as_str(), "this" | "last" | "next" | "early" | "late" | "mid" | "that" | "each" | "every"))
                    // "at the start of spring", "by the end of the fall" (not "the start of spring
                    // activities", "the end of the Spring session").
                    || p.lower == "of" && before_for.is_some_and(|w| matches!(w.lower.as_str(), "start" | "beginning" | "end" | "middle" | "onset" | "arrival" | "rest" | "remainder"))
                        && next.is_none_or(|n| n.kind != Kind::Word || matches!(n.lower.as_str(), "and" | "or" | "but" | "when" | "as" | "in" | "to" | "with" | "on" | "at" | "this" | "last" | "next" | "that" | "until" | "before" | "after"))
            });
            if !ok {
                return false;
            }
            // "of"; "the Spring 1987" is read as "Spring 1987".
            if next.is_some_and(|n| n.lower == "of" || n.kind == Kind::Num) {
                return false;
            }
        }
    }
    // "in the morning", "during the afternoon": a time of the day the story is at. Not "the
    // evening news", "spent the evening", "the morning of the vote". ("By the afternoon people
    // had given up", "In the morning we left": a clause's subject may follow.)
    // "in the afternoons"; not "the nights at the opera".
    if len == 2 && first.lower == "the" && has("pods") && !prev_is(&["in", "during"]) {
        return false;
    }
    // "in the past two seasons", "the past few games": a count of something not a time.
    if len == 2 && first.lower == "the" && toks[m.start + 1].lower == "past"
        && next.is_some_and(|n| n.kind == Kind::Num || lookup_tok(n, "num").is_some() || matches!(n.lower.as_str(), "few" | "several" | "couple" | "dozen" | "many"))
    {
        return false;
    }
    // "spend the evening watching movies": a time of that day too.
    let spend = prev_is(&["spend", "spent", "spends", "spending"]);
    // "led for much of the evening", "the rest of the morning". ("Showers are forecast for the
    // afternoon" is one.)
    let part_of = prev_is(&["of"]) && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "much" | "most" | "part" | "rest" | "remainder");
    // ("storms forecast for the afternoon arrive early": the word after is the clause's verb.)
    let slated = prev_is(&["for"]) && m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "forecast" | "forecasts" | "predicted" | "expected" | "scheduled" | "planned" | "slated" | "booked");
    if len == 2 && first.lower == "the" && has_pod_only(g, m) && !spend && !slated
        && (!(prev_is(&["in", "into", "during", "by", "until", "till", "since", "through", "throughout", "for"]) || part_of) || next.is_some_and(|n| n.kind == Kind::Word && !n.cap && !matches!(n.lower.as_str(), "and" | "to" | "when" | "as" | "before" | "after" | "with" | "at" | "in" | "on" | "for" | "but" | "while"
            | "we" | "he" | "she" | "they" | "it" | "i" | "you" | "people" | "there" | "the" | "a" | "an" | "his" | "her" | "their" | "our" | "its" | "most" | "many" | "some" | "all" | "crowds" | "police" | "officials" | "prices" | "shares")))
    {
        return false;
    }
    // "a good year", "a difficult quarter": one judged, not an amount of time ("two lean
    // years" is one).
    if len == 3 && matches!(first.lower.as_str(), "a" | "an" | "one") && lookup_tok(&toks[m.start + 1], "judged").is_some() {
        return false;
    }
    // Ages ("6-year-old") and fractions ("three-quarters") are not durations.
    if has("unit") && next.is_some_and(|n| n.hyphen_before && matches!(n.lower.as_str(), "old" | "olds")) {
        return false;
    }
    if m.caps.iter().any(|(c, v)| c == "unit" && v == "Q") && toks[m.start..m.end].iter().any(|t| t.hyphen_before && t.lower == "quarters") {
        return false;
    }
    // "inspect such quarters", "living quarters": alone, a place.
    if len == 1 && first.lower == "quarters" {
        return false;
    }
    // '60 alone, "their 30s": not dates.
    if len == 1 && has("yy") && !prev_is(TEMPORAL_PREP) {
        return false;
    }
    if has("decade") && first.lower.len() <= 4 && !first.lower.starts_with('\'') && prev_is(&["their", "his", "her", "my", "our", "your", "its", "early", "mid", "late"]) {
        return false;
    }
    // "Temperatures should climb into the 30s", "highs in the upper 20s": degrees.
    if has("decade") && toks[m.start..m.end].iter().find(|t| t.kind == Kind::Num && t.lower.ends_with('s')).is_some_and(|t| t.lower.len() <= 4 && !t.lower.starts_with('\''))
        && toks[m.start.saturating_sub(12)..(m.end + 4).min(toks.len())].iter().any(|t| {
            matches!(t.lower.as_str(), "temperature" | "temperatures" | "degrees" | "highs" | "lows" | "mercury" | "thermometer" | "fahrenheit" | "celsius" | "chill" | "chills")
        })
        && !prev_is(&["since"])
    {
        return false;
    }
    // "its Sunday hours", "opening hours", "during business hours": when a place is open,
    // not an amount of time.
    if len == 1 && first.lower == "hours" && prev.is_some_and(|p| {
        lookup_tok(p, "weekday").is_some() || lookup_tok(p, "season").is_some()
            || matches!(p.lower.as_str(), "opening" | "business" | "office" | "visiting" | "operating" | "trading" | "store" | "library" | "extended" | "regular" | "normal" | "reduced" | "holiday" | "weekend" | "weekday" | "evening" | "morning" | "its" | "their" | "our")
    }) {
        return false;
    }
    // "in her late seventies": an age.
    const POSSESSIVE: &[&str] = &["their", "his", "her", "my", "our", "your", "its", "'s"];
    if has("decadew") {
        let age_at = |end: usize| {
            let k = if end > 0 && matches!(toks[end - 1].lower.as_str(), "early" | "mid" | "late") { end - 1 } else { end };
            k > 0 && POSSESSIVE.contains(&toks[k - 1].lower.as_str())
        };
        // (And "in their fifties and sixties": the second age too.)
        let k = if prev_is(&["early", "mid", "late"]) { m.start - 1 } else { m.start };
        let listed = k >= 2 && matches!(toks[k - 1].lower.as_str(), "and" | "or" | "to") && lookup_tok(&toks[k - 2], "decadew").is_some() && age_at(k - 2);
        if age_at(m.start) || listed {
            return false;
        }
    }
    // A hyphenated compound goes on ("The year-earlier", "five-year-old"): let a later,
    // longer reading or nothing take it.
    // ("the 1950s-era span", "2008-era rules": the era is that decade's or year's.)
    let era = next.is_some_and(|n| matches!(n.lower.as_str(), "era" | "style" | "vintage")) && toks[m.end - 1].lower.starts_with(|c: char| c.is_ascii_digit());
    if next.is_some_and(|n| n.hyphen_before && n.kind == Kind::Word && !matches!(n.lower.as_str(), "long")) && !era {
        return false;
    }
    // ("The 1950s-era span": the article is the span's.)
    if era && first.lower == "the" {
        return false;
    }
    // "a day-long meeting": the article is the meeting's; "day-long" is found at the next token.
    if len == 2 && matches!(first.lower.as_str(), "a" | "an") && next.is_some_and(|n| n.hyphen_before && n.lower == "long") {
        return false;
    }
    // Ages: "52 years old".
    if has("unit") && next.is_some_and(|n| matches!(n.lower.as_str(), "old" | "older" | "younger" | "of")) && toks[m.end - 1].lower.ends_with('s') && next.is_some_and(|n| n.lower != "of") {
        return false;
    }
    // "52 years old" was turned down above; "years" alone after its number is not an amount of
    // time either.
    if len == 1 && has("punit") && (prev.is_some_and(|p| p.kind == Kind::Num || lookup_tok(p, "num").is_some()) || next.is_some_and(|n| n.lower == "old")) {
        return false;
    }
    // "three-quarters", "last-minute": parts of a hyphenated word, not expressions.
    if first.hyphen_before && prev.is_some_and(|p| lookup_tok(p, "num").is_some()) {
        return false;
    }
    // ("ten-minute", "45-minute" are counts.)
    if toks[m.end - 1].hyphen_before && toks[m.end - 1].lower == "minute" && !(m.end >= 2 && (toks[m.end - 2].kind == Kind::Num || lookup_tok(&toks[m.end - 2], "num").is_some())) {
        return false;
    }
    // "VOA Today", "High Noon": a capitalized common word after a capitalized one is a name.
    // "USA Today", "VOA Today": after an acronym too.
    if first.cap && !first.all_caps && prev.is_some_and(|p| p.kind == Kind::Word && p.cap && (!p.all_caps || p.lower.len() <= 4) && p.lex.is_empty())
        && ["today", "tonight", "tomorrow", "noon", "now", "midnight", "yesterday"].contains(&first.lower.as_str())
    {
        return false;
    }
    // Rates ("$1.76 a year", "700 seats a week") are not durations; "41 percent a week
    // earlier" is a time.
    // ("10 barrels a day or less" too.)
    let bounded = len == 4 && toks[m.start + 2].lower == "or";
    if (len == 2 || bounded) && matches!(first.lower.as_str(), "a" | "an") && (has("unit") || has("sunit")) && next.is_none_or(|n| !matches!(n.lower.as_str(), "earlier" | "later")) {
        if let Some(p) = prev {
            let plural = p.kind == Kind::Word && p.lower.len() > 3 && p.lower.ends_with('s')
                && !matches!(p.lower.as_str(), "this" | "thus" | "plus" | "less" | "unless" | "across" | "perhaps" | "always" | "was" | "has" | "does" | "towards" | "afterwards"
                    // verbs of how long ("lasts a month", "takes a week")
                    | "lasts" | "takes" | "spends" | "needs" | "requires" | "stays" | "remains" | "waits" | "continues" | "persists" | "lives"
                    // ... or that a span of time has passed or is given ("marks a decade since")
                    | "marks" | "spans" | "covers" | "celebrates" | "commemorates" | "allows" | "gives" | "gets" | "adds" | "saves");
            // ("80 billion marks a year": the currency.)
            let currency = p.lower == "marks" && m.start >= 2 && (toks[m.start - 2].kind == Kind::Num || matches!(toks[m.start - 2].lower.as_str(), "million" | "billion" | "mln" | "bln" | "thousand"));
            // ("took others a decade": how long it took them.)
            let took = m.start >= 2 && matches!(toks[m.start - 2].lower.as_str(), "took" | "take" | "takes" | "taking" | "taken");
            // ("six a day", "two dozen a year": a count each day or year.)
            let count = lookup_tok(p, "num").is_some() || p.lower == "dozen";
            // ("180 km an hour", "40 kg a week": a measure's unit after its number.)
            let measure = p.kind == Kind::Word && !p.cap && m.start >= 2 && next.is_none_or(|n| n.lower != "of")
                && !NOT_A_MEASURE.contains(&p.lower.as_str()) && toks[m.start - 2].kind == Kind::Num;
            // ("The discovery comes a decade after ...": how long after, not each decade.)
            let gap = next.is_some_and(|n| matches!(n.lower.as_str(), "after" | "before" | "since"))
                && m.start >= 2 && toks[m.start - 2].kind == Kind::Word && !matches!(toks[m.start - 2].lower.as_str(), "million" | "billion" | "mln" | "bln" | "thousand" | "dozen");
            if p.kind == Kind::Num || count || measure || plural && !took && !gap || currency || matches!(p.lower.as_str(), "%" | "percent" | "million" | "billion" | "times" | "twice" | "once" | "cents" | "dollars") {
                return false;
            }
        }
    }
    // "This Week", "Person of the Year": a capitalized unit inside a sentence is a name.
    if !g.rules[m.rule].template.starts_with("hol") && toks[m.start..m.end].iter().enumerate().any(|(k, t)| m.start + k > 0 && t.cap && !t.all_caps && lookup_tok(t, "unit").is_some()) {
        return false;
    }
    // "a second", "a quarter of": fractions, not durations.
    if has("unit") && len == 2 && matches!(first.lower.as_str(), "a" | "an")
        && m.caps.iter().any(|(c, v)| c == "unit" && v == "Q") {
            return false;
        }
    true
}

/// A rule for "the morning" and the like: a part of the day with nothing to anchor it but the
/// story's last day.
fn has_pod_only(g: &grammar::Grammar, m: &Match) -> bool {
    let t = &g.rules[m.rule].template;
    t.starts_with("last:D:0|T") && !t.contains('{')
}

/// Premodifiers TimeML keeps in the extent: "early", "late", "mid", "the end of" ... Returns
/// the new first token and the TIMEX3 mod.
fn premodifier(toks: &[Tok], start: usize, kind: TimexType, value: &str) -> (usize, Option<String>) {
    if kind == TimexType::Duration || kind == TimexType::Set || start == 0 || value.ends_with("_REF") {
        return (start, None);
    }
    // (A range's length is no day's: "the start of the 2026/27 tax year" is "2026..2027".)
    let day_level = value.starts_with("wd") || value.starts_with("md") || value.starts_with("rel:D") || value.split("..").next().unwrap_or(value).len() >= 10;
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let p = start - 1;
    let single = |s: &str| -> Option<&'static str> {
        match s {
            "early" | "earlier" => Some("START"),
            "late" | "later" => Some("END"),
            "mid" => Some("MID"),
            _ => None,
        }
    };
    // "late on Friday", "early on Monday morning": as "late Friday" is. (Not after a verb of a
    // scheduled event, which "early"/"late" may qualify: "can be redeemed early on April 10",
    // "the train arrived late on Friday"; but "the talks stalled late on Thursday".)
    let verb_before = p >= 2 && toks[p - 2].kind == Kind::Word && !toks[p - 2].cap && {
        let v = w(p - 2);
        matches!(v, "be" | "is" | "are" | "was" | "were" | "been" | "being" | "came" | "ran" | "left" | "went" | "began" | "begun" | "paid" | "repaid" | "got")
            || ["arriv", "com", "run", "runn", "leav", "start", "finish", "clos", "open", "end", "shut", "go", "stay", "work", "redeem", "deliver", "pay", "repay", "fil", "land", "depart", "retir", "matur", "return", "begin", "submit", "submitt", "launch", "releas", "ship", "shipp", "vot", "report", "settl", "expir"]
                .iter()
                .any(|stem| v.strip_prefix(stem).is_some_and(|rest| matches!(rest, "" | "e" | "s" | "es" | "ed" | "d" | "ing")))
    };
    // ("close three hours early on Friday": how early, not when on the day.)
    let amount_before = p >= 2 && matches!(w(p - 2), "minute" | "minutes" | "hour" | "hours" | "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years");
    if day_level && w(p) == "on" && p >= 1 && matches!(w(p - 1), "early" | "late") && !verb_before && !amount_before {
        return (p - 1, single(w(p - 1)).map(str::to_owned));
    }
    if let Some(m) = single(w(p)) {
        // "earlier this week": TimeML keeps "earlier"/"later" only for months and years.
        // (Nor before a split year: "his earlier 1987/88 borrowing target".)
        if matches!(w(p), "earlier" | "later") && (day_level || value.contains(":W:") || value.contains(":WE:") || value.contains("..")) {
            return (start, None);
        }
        // ("the early 1950s", "the late 19th century": a decade or a century keeps its "the".)
        let decade = (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) || value.starts_with("cent:");
        let s = if p >= 1 && w(p - 1) == "the" && decade { p - 1 } else { p };
        return (s, Some(m.to_owned()));
    }
    // "the end of", "the beginning of", "the middle of", "the start of"
    if w(p) == "of" && p >= 1 && !day_level {
        let m = match w(p - 1) {
            "end" | "close" => Some("END"),
            "beginning" | "start" | "dawn" => Some("START"),
            "middle" => Some("MID"),
            _ => None,
        };
        if let Some(m) = m {
            let s = if p >= 2 && w(p - 2) == "the" { p - 2 } else { p - 1 };
            return (s, Some(m.to_owned()));
        }
        // "the final days of 2025", "the first weeks of January": the end or start of it.
        if p >= 2 && matches!(w(p - 1), "days" | "weeks" | "months" | "hours") {
            let m = match w(p - 2) {
                "final" | "last" | "closing" | "dying" => Some("END"),
                "first" | "opening" | "early" => Some("START"),
                _ => None,
            };
            if let Some(m) = m {
                let s = if p >= 3 && w(p - 3) == "the" { p - 3 } else { p - 2 };
                return (s, Some(m.to_owned()));
            }
        }
    }
    (start, None)
}

/// The year a four-digit number at `k` states ("in 1929", "Good Friday, 1916"), not one
/// followed by another number ("1987 1986" in a table).
fn year_at(toks: &[Tok], k: usize) -> Option<i32> {
    toks.get(k).filter(|t| t.kind == Kind::Num && t.lower.len() == 4 && toks.get(k + 1).is_none_or(|n| n.kind != Kind::Num))
        .and_then(|t| t.lower.parse::<i32>().ok()).filter(|y| (1000..=2200).contains(y))
}

/// Whether a template names a clock time: "hm:9:15:pm", or noon or midnight.
fn clock_template(value: &str) -> bool {
    value.contains("hm:") || value.ends_with("T12:00") || value.ends_with("T24:00")
}

/// Quantifiers TimeML keeps in the extent of durations and "ago" dates: "nearly two years",
/// "more than four hours", "at least 72 hours". ("about" and "over" stay outside, as in
/// TimeBank.)
fn approximator(toks: &[Tok], start: usize, kind: TimexType, value: &str) -> Option<(usize, &'static str)> {
    if start == 0 {
        return None;
    }
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let p = start - 1;
    // "fasts stretched past 16 hours", "ran well past an hour": beyond the amount, not the
    // last stretch of it ("over the past 16 hours").
    let beyond = matches!(w(p), "went" | "ran" | "run" | "runs" | "go" | "goes" | "last" | "lasts" | "stretch" | "stretches" | "extend" | "extends" | "well" | "just" | "long" | "going" | "running" | "lasting" | "stretching")
        || w(p).len() > 3 && w(p).ends_with("ed") && toks[p].kind == Kind::Word;
    if kind == TimexType::Duration && w(start) == "past" && beyond {
        return Some((start, "MORE_THAN"));
    }
    // "around 10:30 p.m.", "shortly after 9:15 p.m.", "around midnight": a clock time's mod.
    // "around" right before the clock is in the extent, as TimeBank keeps it; the rest stay
    // out as prepositions do.
    if kind == TimexType::Time && clock_template(value) {
        let at = if w(p) == "at" && p >= 1 { p - 1 } else { p };
        return match (w(at.saturating_sub(1)), w(at)) {
            (_, "about" | "around" | "approximately" | "roughly") => Some((if at == p { p } else { start }, "APPROX")),
            ("shortly" | "just" | "soon", "after") => Some((start, "AFTER")),
            ("shortly" | "just", "before") => Some((start, "BEFORE")),
            // "not before 7 p.m." in an order of play; "no later than 5 p.m.", a bound in words.
            ("not", "before") => Some((start, "ON_OR_AFTER")),
            ("not", "after") => Some((start, "ON_OR_BEFORE")),
            ("earlier" | "sooner", "than") if at >= 2 && w(at - 2) == "no" => Some((at - 2, "ON_OR_AFTER")),
            ("later", "than") if at >= 2 && w(at - 2) == "no" => Some((at - 2, "ON_OR_BEFORE")),
            _ => None,
        };
    }
    // "no earlier than Feb. 12", "no later than March": a bound, the words in the extent.
    if kind == TimexType::Date && p >= 2 && w(p) == "than" && w(p - 2) == "no" {
        match w(p - 1) {
            "earlier" | "sooner" => return Some((p - 2, "ON_OR_AFTER")),
            "later" => return Some((p - 2, "ON_OR_BEFORE")),
            _ => {}
        }
    }
    // "around Nov. 1", "on or about May 5": a day, approximately. "about" alone is as often
    // the topic's preposition ("wrote about May 4, 1970").
    let hedge = |p: usize| match w(p) {
        "around" | "approximately" | "roughly" | "circa" | "c." | "ca." => true,
        "about" => p >= 1 && matches!(w(p - 1), "or" | "on" | "at" | "by" | "from" | "until" | "till" | "to" | "since" | "in"),
        _ => false,
    };
    // ("around Sept. 10 each year": so is a day of every year.)
    let yearly = kind == TimexType::Set && value.len() == 10 && value.starts_with("XXXX-") && value.as_bytes()[7] == b'-';
    if kind == TimexType::Date && (value.starts_with("md:") || value.len() == 10 && day_of(value).is_some()) || yearly {
        return hedge(p).then_some((p, "APPROX"));
    }
    // "around 3000 BC", "from about 1200 BC", "circa AD 500": a year, approximately.
    let year = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) || value.starts_with("bc:") || value.starts_with("ad:");
    if kind == TimexType::Date && year {
        // (Not "hold around 1986 levels", "around 1986's 140 billion marks": a year's figure.)
        let mut end = start + 1;
        while matches!(w(end), "bc" | "b.c." | "bce" | "ad" | "a.d." | "ce") {
            end += 1;
        }
        let figure = w(end) == "'s" || toks.get(end).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lower.len() > 3 && !matches!(t.lower.as_str(), "when" | "with" | "from" | "until" | "after" | "before" | "because" | "while" | "though" | "although" | "since" | "onwards" | "onward"));
        // (Nor "roughly 1403 to 1435": the hedge covers the range, not its first year.)
        let range = matches!(w(end), "to" | "-" | "and" | "through") && toks.get(end + 1).is_some_and(|t| t.kind == Kind::Num);
        if figure || range {
            return None;
        }
        return hedge(p).then_some((p, "APPROX"));
    }
    // "roughly every six weeks": a rate, approximately.
    if kind == TimexType::Set && w(start) == "every" && matches!(w(p), "roughly" | "about" | "approximately" | "around") {
        return Some((p, "APPROX"));
    }
    // "about 2 million years ago" (PAST_REF) is approximate as "about 3 years ago" is.
    let deep_time = value == "PAST_REF" && matches!(w(start + 1), "million" | "billion");
    if !(kind == TimexType::Duration || value.starts_with("ago:") || deep_time) {
        return None;
    }
    // "at least another two weeks", "more than a further month": the amount is still bounded.
    if kind == TimexType::Duration && matches!(w(p), "another" | "further" | "additional") {
        let from = if w(p) != "another" && p >= 1 && w(p - 1) == "a" { p - 1 } else { p };
        return approximator(toks, from, kind, value).filter(|(s, _)| *s < from);
    }
    // "over as long as 72 months": a bound, in the extent; "as little as five minutes" the other.
    if w(p) == "as" && p >= 2 && w(p - 2) == "as" {
        match w(p - 1) {
            "long" | "many" | "much" => return Some((p - 2, "EQUAL_OR_LESS")),
            "little" | "few" | "short" => return Some((p - 2, "EQUAL_OR_MORE")),
            _ => {}
        }
    }
    match w(p) {
        // "just under 11 hours": less, the words in the extent.
        "under" if p >= 1 && matches!(w(p - 1), "just" | "slightly") => return Some((p - 1, "LESS_THAN")),
        // "just over one minute", "slightly over two hours": more ("over two years" alone is as
        // often the span things happened over).
        // (Not "rose slightly over the past two months".)
        "over" if p >= 1 && matches!(w(p - 1), "just" | "slightly") && w(start) != "the" => return Some((p - 1, "MORE_THAN")),
        // ("a little over an hour", "a little under two weeks".)
        "over" | "under" if p >= 2 && w(p - 1) == "little" && w(p - 2) == "a" && w(start) != "the" => return Some((p - 2, if w(p) == "over" { "MORE_THAN" } else { "LESS_THAN" })),
        // ("nearly two years": a little less.)
        "nearly" | "almost" => return Some((p, "LESS_THAN")),
        "to" if p >= 1 && w(p - 1) == "close" => return Some((p - 1, "LESS_THAN")),
        // "in under 16 minutes" (not "under the five-year pact", "under a day's high").
        "under" if p >= 1 && matches!(w(p - 1), "in" | "for" | "took" | "lasted" | "within" | "to" | "of") && w(start) != "the" => return Some((p, "LESS_THAN")),
        "than" if p >= 1 => {
            let m = match w(p - 1) {
                "more" => "MORE_THAN",
                "less" | "fewer" => "LESS_THAN",
                _ => return None,
            };
            if p >= 2 && w(p - 2) == "no" {
                return Some((p - 2, if m == "MORE_THAN" { "EQUAL_OR_LESS" } else { "EQUAL_OR_MORE" }));
            }
            return Some((p - 1, m));
        }
        "least" if p >= 1 && w(p - 1) == "at" => return Some((p - 1, "EQUAL_OR_MORE")),
        "to" if p >= 1 && w(p - 1) == "up" => return Some((p - 1, "EQUAL_OR_LESS")),
        // "about a decade": approximate, but these corpora leave the word out of the extent
        // twice as often as they keep it.
        "about" | "around" | "approximately" | "roughly" => return Some((start, "APPROX")),
        _ => {}
    }
    None
}

/// Whether a template leaves the year to the tense: a quarter, month, season or day named
/// without one ("q:4", "m:3", "season:SU", "md:3:5").
fn value_underspecified(v: &str) -> bool {
    ["q:", "m:", "season:", "md:", "half:"].iter().any(|p| v.starts_with(p))
}

/// The day a value starts with ("2024-11-29", "2024-11-29T19:00"), if it names one.
fn day_of(v: &str) -> Option<NaiveDate> {
    v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The day a mention names when the text states it with its year ("July 27, 1866"), not a
/// day found by counting from another ("Monday").
fn dated_day(text: &str, p: &TemporalMention) -> Option<NaiveDate> {
    let v = &p.timex.value;
    (v.len() == 10 && text.get(p.byte.clone()).is_some_and(|t| t.contains(&v[..4]))).then(|| day_of(v)).flatten()
}

/// Whether the text has named two dates of year `y` lately (among its last 50 mentions, so a
/// long text costs no more per mention): a story it is telling, not one date of a life ("born
/// on July 4, 1950").
fn told_twice(out: &[TemporalMention], y: i32) -> bool {
    out.iter().rev().take(50).filter(|p| year_of(&p.timex.value) == Some(y)).take(2).count() >= 2
}

/// Per token: the index of its sentence within the lexed span. The pipeline's sentences may
/// be whole paragraphs; a tense cue in the next sentence must not decide this one's dates.
fn clauses(toks: &[Tok]) -> Vec<usize> {
    const ABBREV: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "corp", "inc", "co", "ltd", "jr",
        "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "mt", "ft", "lt", "col", "sgt", "prof", "rev", "u.s", "u.n",
        // States as news abbreviates them ("Birmingham, Ala., killed").
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
        "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ];
    let mut out = Vec::with_capacity(toks.len());
    let mut id = 0;
    for (i, t) in toks.iter().enumerate() {
        out.push(id);
        // A semicolon joins clauses whatever follows ("on Tuesday; early voting ended Friday").
        let end = t.lower == ";"
            || matches!(t.lower.as_str(), "." | "!" | "?")
                && !(t.lower == "." && i > 0 && ABBREV.contains(&toks[i - 1].lower.as_str()))
                && toks.get(i + 1).is_none_or(|n| (n.cap || n.kind == Kind::Punct) && n.lower != ",");
        if end {
            id += 1;
        }
    }
    out
}

/// Where the phrase naming a day at token `start` begins: at an "on" before it, if any.
fn before_on(toks: &[Tok], start: usize) -> usize {
    if start > 0 && toks[start - 1].lower == "on" { start - 1 } else { start }
}

/// "a day later, on Thursday", "two days earlier, on May 12", "Later, Friday": whether the
/// day at token `start` is told as later or earlier than the day last named, which word says
/// so, and whether an amount counted to it ("a day later").
fn told_from_last(toks: &[Tok], start: usize) -> Option<(&'static str, bool)> {
    let k = before_on(toks, start);
    if !(k >= 2 && toks[k - 1].lower == ",") {
        return None;
    }
    let shift = match toks[k - 2].lower.as_str() {
        "later" => "later",
        "earlier" => "earlier",
        _ => return None,
    };
    Some((shift, k >= 3 && lookup_tok(&toks[k - 3], "unit").is_some()))
}

/// A split year of a kind the sentence names ("the 2026-27 school year", "the 2026/27 tax
/// year"): its first calendar year and the month it begins in.
fn split_year(toks: &[Tok]) -> Option<(i32, u32)> {
    toks.windows(3).find_map(|w| {
        // (The lexer keeps "2026-27" and "2026/27" one number.)
        let (a, b) = w[0].lower.split_once(['-', '/', '\u{2013}']).filter(|_| w[0].kind == Kind::Num)?;
        let y: i32 = a.parse().ok().filter(|_| a.len() == 4)?;
        let next: i32 = b.parse().ok()?;
        let follows = match b.len() {
            2 => next == (y + 1) % 100,
            4 => next == y + 1,
            _ => false,
        };
        // (A sports season runs from late summer: "the 2022-23 season", "the 2022-23 ski season";
        // not a crop's, "the 1987/88 season, which begins June 1".)
        let sport = !w[0].lower.contains('/');
        let first = match (w[1].lower.as_str(), w[2].lower.as_str()) {
            ("school" | "academic", "year") => 8,
            ("tax", "year") => 4,
            ("season", _) if sport => 7,
            ("ski" | "snow" | "winter" | "football" | "hockey" | "basketball" | "soccer" | "rugby" | "league" | "racing" | "skiing", "season") if sport => 7,
            _ => return None,
        };
        follows.then_some((y, first))
    })
}

/// What a futures contract is for ("July corn", "the December contract", "March delivery").
const COMMODITIES: &[&str] = &[
    "corn", "soybeans", "soybean", "soyoil", "soymeal", "wheat", "oats", "barley", "sorghum", "canola", "rapeseed", "rice", "cotton", "sugar", "coffee", "cocoa",
    "cattle", "feeders", "hogs", "bellies", "crude", "gasoline", "brent", "wti", "copper", "platinum", "palladium", "silver", "rubber", "lumber", "futures",
    "contract", "contracts", "delivery", "deliveries", "options", "t-bonds", "bonds", "meal",
];

/// Words in -ing that are nouns in news ("the meeting ended"), not a verb an adjective in -ed
/// can follow.
const ING_NOUNS: &[&str] = &["morning", "evening", "meeting", "building", "spring", "hearing", "offering", "ruling", "earnings", "trading", "spending", "lending", "funding", "financing", "housing", "shipping", "filing", "listing", "opening", "closing", "holding", "holdings", "bombing", "shooting", "killing", "landing", "warning", "briefing", "signing", "sitting", "setting", "rating", "ratings", "ceiling", "during", "nothing", "something", "anything", "everything", "being", "according", "including", "following", "pending", "remaining", "outstanding", "accounting", "banking", "mining", "refining", "processing", "manufacturing", "marketing", "advertising", "restructuring", "training", "programming", "polling", "voting", "bidding", "borrowing", "buying", "selling", "wedding", "painting", "ending", "beginning", "standing", "bearing", "crossing", "uprising", "gathering", "proceeding", "proceedings"];

/// Whether a word is a determiner: what follows it is a noun, not a verb.
fn determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "their" | "its" | "his" | "her" | "our" | "your" | "my" | "this" | "these" | "those")
}

/// Per token: the tense its word signals, if any.
fn tense_cues(toks: &[Tok]) -> Vec<Option<Tense>> {
    // "won't", "didn't": the lexer leaves "won" ' "t"; "won" there is "will", not a win.
    let negated = |i: usize| toks.get(i + 1).is_some_and(|a| matches!(a.lower.as_str(), "'" | "\u{2019}")) && toks.get(i + 2).is_some_and(|t| t.lower == "t");
    let mut out: Vec<Option<Tense>> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if t.kind != Kind::Word {
                return None;
            }
            let w = t.lower.as_str();
            // "no earlier than Feb. 12" bounds a date; it says nothing of the past.
            if matches!(w, "earlier" | "later") && i > 0 && matches!(toks[i - 1].lower.as_str(), "no" | "not") {
                return None;
            }
            if negated(i) {
                return match w {
                    "won" => Some(Tense::Future),
                    "didn" | "hadn" | "wasn" | "weren" => Some(Tense::Past),
                    "isn" | "aren" => Some(Tense::Present),
                    // "Don't wait until Thursday night": an imperative that opens its sentence
                    // or quote looks ahead.
                    "don" if i == 0 || matches!(toks[i - 1].lower.as_str(), "\"" | "\u{201c}" | "``" | "." | ":") => Some(Tense::Future),
                    _ => None,
                };
            }
            // "Temperatures should climb on Saturday": a forecast ("should have" looks back);
            // "must send their payment by Thursday", an obligation ahead.
            if w == "should" || w == "must" {
                return toks.get(i + 1).filter(|n| !matches!(n.lower.as_str(), "have" | "'ve")).map(|_| Tense::Future);
            }
            // "rates could ease over the winter", "might step down in June": a conditional
            // looks ahead; "could not be reached Wednesday", "could be located" tell what was
            // possible, and "could have" looks back.
            // ("could give no reason" is one too.)
            if CONDITIONALS.contains(&w) && !t.cap {
                let no = toks[i + 1..(i + 4).min(toks.len())].iter().any(|n| matches!(n.lower.as_str(), "no" | "none" | "nothing"));
                // ("may be allowed to return Tuesday" looks ahead; "could be" is a past may,
                // and "may be because" no event.)
                let passive = |k: usize| toks.get(k).is_some_and(|p| p.lower == "able" || p.lower.len() > 3 && (p.lower.ends_with("ed") || p.lower.ends_with("en")));
                return toks.get(i + 1).filter(|n| !no && n.kind == Kind::Word && !matches!(n.lower.as_str(), "have" | "'ve" | "not" | "never" | "only" | "also" | "still" | "hardly" | "barely" | "n't") && (n.lower != "be" || w != "could" && passive(i + 2))).map(|_| Tense::Future);
            }
            // "would likely be held in late January": a participle after "be" tells no tense;
            // the verb before it does.
            let after_be = || toks[..i].iter().rev().find(|t| !t.lower.ends_with("ly") && !matches!(t.lower.as_str(), "also" | "not" | "still" | "again" | "then")).is_some_and(|t| t.lower == "be");
            let cue = match w {
                // "ends on the last day of summer", "its last game": an ordinal, no past.
                "last" if i > 0 && determiner(&toks[i - 1].lower) => None,
                // "originally planned for the spring, was delayed": the first plan's date tells
                // no tense; the clause's verb does ("will now open in the autumn").
                "planned" | "scheduled" | "slated" | "due" | "expected" | "set" if i > 0 && matches!(toks[i - 1].lower.as_str(), "originally" | "initially") => None,
                // "A vote planned for Tuesday evening was pulled", "a session set for 10 p.m.
                // Saturday was postponed": a plan called off may have been for a day gone by or
                // ahead; the nearer one.
                "planned" | "scheduled" | "slated" | "set" if toks.get(i + 1).is_some_and(|n| n.lower == "for")
                    && (i + 2..(i + 8).min(toks.len())).find(|&k| toks[k].kind == Kind::Punct || matches!(toks[k].lower.as_str(), "was" | "were" | "has" | "have" | "had"))
                        .is_some_and(|k| matches!(toks[k].lower.as_str(), "was" | "were" | "has" | "have" | "had") && toks.get(k + 1).is_some_and(|v| v.lower.ends_with("ed") || matches!(v.lower.as_str(), "been" | "called" | "put" | "cut" | "shut"))) => Some(Tense::Present),
                // "after missing an interest payment due June 16": a missed payment's due date
                // tells no tense; the clause's verb does ("The report, due Friday" looks ahead).
                "due" if i > 0 && toks[i - 1].kind == Kind::Word && !toks[i - 1].cap && toks[i - 1].lower.len() > 3
                    && !matches!(toks[i - 1].lower.as_str(), "been" | "being" | "also" | "still" | "were" | "become" | "became" | "come" | "fall" | "falls" | "fell") && !toks[i - 1].lower.ends_with("ly")
                    && toks[i.saturating_sub(8)..i - 1].iter().any(|t| matches!(t.lower.as_str(), "missed" | "missing" | "skipped" | "skipping" | "defaulted" | "defaulting")) => None,
                // "due to tax-induced buying", "due to the weather": a cause, not a plan ("due to
                // expire").
                "due" if toks.get(i + 1).is_some_and(|n| n.lower == "to")
                    && toks.get(i + 2).is_some_and(|n| n.kind != Kind::Word || n.cap || determiner(&n.lower) || n.lower.ends_with("ing") || n.lower.ends_with("ed") || toks.get(i + 3).is_some_and(|h| h.hyphen_before)) => None,
                "will" | "shall" | "'ll" | "ll" | "tomorrow" | "expect" | "expects" | "expected" | "await" | "awaits" | "awaiting" | "scheduled" | "plans" | "plan" | "planned" | "planning" | "upcoming" | "next" | "going" | "due" | "soon" | "intends" | "aims" | "would" => Some(Tense::Future),
                "said" | "was" | "were" | "had" | "did" | "ago" | "since" | "yesterday" | "told" | "last" | "began" | "came" | "went" | "took" | "made" | "rose" | "fell" | "met" | "spoke" | "held" | "won" | "lost" | "left" | "sold" | "bought" | "paid" | "saw" | "gave" | "got" | "found" | "knew" | "thought" | "felt" | "became" | "earlier" | "previous" | "agreed" | "reported" | "announced"
                | "flew" | "ran" | "fled" | "fought" | "struck" | "wrote" | "broke" | "stood" | "sent" | "led" | "kept" | "brought" | "built" | "caught" | "chose" | "drew" | "drove" | "grew" | "hid" | "meant" | "rang" | "sang" | "sank" | "shook" | "shot" | "sat" | "slept" | "spent" | "stole" | "swore" | "taught" | "tore" | "threw" | "understood" | "woke" | "wore" | "withdrew" | "began," | "forgot" | "overtook" | "undertook" | "arose" | "dealt" | "fed" | "heard" | "lay" | "lent" | "lit" | "quit" | "sought" | "spoken" | "stuck" | "swept" | "underwent" | "wound" | "became," | "died" | "sued" | "owed" | "vied" => Some(Tense::Past),
                // "He let an employee go", "it cut rates": a verb whose past is its present,
                // after a subject that would make its present "lets", "cuts".
                "let" | "put" | "cut" | "hit" | "shut" | "spread" | "cost" | "hurt" | "cast" | "burst" | "split" | "shed"
                    if i > 0 && matches!(toks[i - 1].lower.as_str(), "he" | "she" | "it") => Some(Tense::Past),
                "is" | "are" | "says" | "say" | "am" => Some(Tense::Present),
                // ("\"We cannot wait until the autumn,\" the minister told reporters": a quote's
                // own present, nearer than the telling.)
                "cannot" => Some(Tense::Present),
                // "was likely to wait until the spring": what is likely lies ahead.
                "likely" | "unlikely" if toks.get(i + 1).is_some_and(|n| n.lower == "to") => Some(Tense::Future),
                // "I'll be there Thursday": the lexer keeps a contraction whole.
                _ if w.ends_with("'ll") || w.ends_with("\u{2019}ll") => Some(Tense::Future),
                // (Not the noun: "1.7 million returns had been filed", "tax returns were due".)
                "returns" if i > 0 && (toks[i - 1].kind == Kind::Num || determiner(&toks[i - 1].lower)
                    || matches!(toks[i - 1].lower.as_str(), "tax" | "million" | "billion" | "thousand" | "investment" | "annual" | "total" | "higher" | "lower" | "strong" | "weak" | "poor" | "fund" | "stock" | "of" | "for" | "and" | "on")
                    || toks.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "were" | "are" | "was" | "is" | "had" | "have" | "has" | "fell" | "rose" | "will" | "would" | "could" | "may" | "must" | "should" | "filed" | "received" | "processed"))) => None,
                // "confirmed that the show returns in the spring": a schedule told in the present.
                "returns" | "resumes" | "premieres" | "reopens" => Some(Tense::Future),
                // "Tickets go on sale at 10 a.m. on Monday".
                "sale" if i >= 2 && toks[i - 1].lower == "on" && matches!(toks[i - 2].lower.as_str(), "go" | "goes") => Some(Tense::Future),
                "takes" if toks.get(i + 1).is_some_and(|n| n.lower == "effect") => Some(Tense::Future),
                // "listed him as probable for Friday": a player's status for the next game.
                "probable" | "questionable" | "doubtful" | "eligible" | "ineligible" if toks.get(i + 1).is_some_and(|n| n.lower == "for") => Some(Tense::Future),
                // (Not a passive in the present: "if Thursday's attempt is also scrubbed".)
                _ if w.ends_with("ed") && toks[..i].iter().rev().find(|t| !matches!(t.lower.as_str(), "also" | "not" | "still" | "again" | "now" | "just" | "being" | "then") && !t.lower.ends_with("ly"))
                    .is_some_and(|t| matches!(t.lower.as_str(), "is" | "are" | "am" | "be")) => None,
                // (Not the participle of what comes next: "will be held on Saturday, followed by a
                // lunch".)
                // ("on Wednesday evening, followed hours later by a meteor shower")
                "followed" if i > 0 && toks[i - 1].lower == "," && toks[i + 1..(i + 5).min(toks.len())].iter().any(|n| n.lower == "by") => None,
                // (Not an adjective: "their first estimated payment", "the revised plan", "calling
                // for scattered thunderstorms". An earnings note's "loss for discontinued
                // operations" does tell of a period over.)
                _ if w.ends_with("ed") && w != "discontinued" && i > 0 && matches!(toks[i - 1].lower.as_str(), "for" | "with" | "of" | "amid" | "despite" | "without" | "into" | "about" | "from") => None,
                // ("will publish detailed figures", "release revised data", "expect scattered
                // showers": after a verb.)
                _ if w.ends_with("ed") && i > 0 && matches!(toks[i - 1].lower.as_str(), "publish" | "release" | "issue" | "provide" | "give" | "offer" | "present" | "produce" | "deliver" | "submit" | "file" | "post" | "announce" | "unveil" | "expect" | "expects" | "forecast" | "forecasts" | "predict" | "predicts" | "bring" | "brings" | "see" | "sees" | "face" | "faces") => None,
                // ("would begin inspecting damaged buildings", "will open air-conditioned
                // shelters": an adjective before its noun, after a verb's -ing or as a compound.)
                _ if w.ends_with("ed") && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word && !n.cap && n.lower.len() > 2 && !n.lower.ends_with("ly") && !matches!(n.lower.as_str(), "the" | "a" | "an" | "on" | "in" | "at" | "by" | "for" | "to" | "from" | "with" | "into" | "after" | "before" | "until" | "since" | "and" | "or" | "but" | "its" | "his" | "her" | "their" | "this" | "that" | "up" | "down" | "out" | "off" | "higher" | "lower" | "back" | "over" | "about" | "again" | "earlier" | "later" | "late" | "early" | "ahead" | "flat" | "last" | "here" | "there" | "him" | "them" | "it" | "was" | "were" | "had" | "has" | "is" | "are"))
                    && (t.hyphen_before && i > 0 && toks[i - 1].lower.len() > 2 && !matches!(toks[i - 1].lower.as_str(), "pre" | "mis" | "out" | "over" | "under" | "cross" | "double" | "triple" | "fast" | "test" | "back" | "hand" | "spot" | "short")
                        || i > 0 && toks[i - 1].kind == Kind::Word && !toks[i - 1].cap && toks[i - 1].lower.len() > 5 && toks[i - 1].lower.ends_with("ing") && !ING_NOUNS.contains(&toks[i - 1].lower.as_str())) => None,
                // ("and admitted students have until May 1", "registered voters are urged": an
                // adjective on a clause's subject, a present verb after the noun.)
                _ if w.ends_with("ed") && (i == 0 || matches!(toks[i - 1].lower.as_str(), "," | "and" | "but" | "while" | "where" | "if"))
                    && !matches!(w, "warned" | "added" | "noted" | "claimed" | "stated" | "confirmed" | "insisted" | "argued" | "predicted" | "explained" | "estimated" | "complained" | "urged" | "suggested" | "revealed" | "acknowledged" | "denied" | "replied" | "declared" | "indicated" | "signaled" | "signalled")
                    && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word && !n.cap && n.lower.len() > 3 && n.lower.ends_with('s') && !n.lower.ends_with("ss"))
                    && toks.get(i + 2).is_some_and(|n| matches!(n.lower.as_str(), "have" | "are" | "will" | "can" | "must" | "may" | "should" | "need" | "get" | "receive" | "pay")) => None,
                // ("the top-seeded Pistons", "the long-delayed vote": a compound after its article.)
                _ if w.ends_with("ed") && (i > 0 && determiner(&toks[i - 1].lower) || i > 1 && (matches!(toks[i - 1].lower.as_str(), "first" | "second" | "final" | "new") || t.hyphen_before) && determiner(&toks[i - 2].lower)) => None,
                _ if w.len() > 4 && w.ends_with("ed") && w.is_ascii() && !matches!(w, "indeed" | "hundred" | "need" | "preferred" | "unidentified" | "undisclosed" | "unnamed" | "unspecified" | "so-called" | "based" | "speed" | "united" | "limited" | "proceed" | "exceed" | "succeed" | "feed" | "breed" | "seed") => Some(Tense::Past),
                _ => None,
            };
            cue.filter(|c| *c != Tense::Past || !after_be())
        })
        .collect();
    // "The stock hit a record on Wednesday", "the company cut 500 jobs": a verb whose past is
    // its bare form, after a singular subject ("it", "the stock") and before its object, is a
    // past ("hits" would be the present). Not a noun ("a big hit on Wednesday"); not "set",
    // whose object is often the date ahead ("its board set an April 21 meeting").
    for i in 1..toks.len() {
        if out[i].is_some() || !matches!(toks[i].lower.as_str(), "hit" | "cut" | "put" | "beat" | "shut" | "cost" | "hurt" | "spread" | "split" | "shed" | "upset") {
            continue;
        }
        let p = toks[i - 1].lower.as_str();
        let singular = matches!(p, "he" | "she" | "it")
            || toks[i - 1].kind == Kind::Word && !toks[i - 1].cap && p.len() > 2 && (!p.ends_with('s') || p.ends_with("ss") || p.ends_with("us"))
                && toks[i.saturating_sub(4)..i - 1].iter().rev().find(|t| t.kind != Kind::Word || t.cap || matches!(t.lower.as_str(), "the" | "its" | "his" | "her" | "their" | "our"))
                    .is_some_and(|t| matches!(t.lower.as_str(), "the" | "its" | "his" | "her" | "their" | "our" | "'s"));
        let object = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Num || matches!(n.lower.as_str(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "back" | "off" | "out" | "up" | "down" | "more" | "about" | "nearly" | "almost" | "some")
        });
        if singular && object {
            out[i] = Some(Tense::Past);
        }
    }
    // "Bookings for July open on Monday", "Sales for Thursday remain below target": the verb
    // after "<plural noun> for <month or weekday>" is the clause's present.
    for i in 3..toks.len() {
        let v = toks[i].lower.as_str();
        let base = toks[i].kind == Kind::Word && !toks[i].cap && v.len() > 2 && !v.ends_with('s') && !v.ends_with("ed") && !v.ends_with("ing") && !v.ends_with("ly");
        let dated = (lookup_tok(&toks[i - 1], "month").is_some() || lookup_tok(&toks[i - 1], "weekday").is_some()) && toks[i - 1].cap;
        let subject = toks[i - 3].kind == Kind::Word && toks[i - 3].lower.len() > 3 && toks[i - 3].lower.ends_with('s') && !toks[i - 3].lower.ends_with("ss");
        if out[i].is_none() && base && dated && toks[i - 2].lower == "for" && subject
            && (grammar().is_verb(v) || matches!(v, "remain" | "stand" | "look" | "appear" | "seem" | "show" | "continue" | "begin" | "start" | "go" | "run" | "sell"))
        {
            out[i] = Some(Tense::Present);
        }
    }
    // "will have their first term reports sent home in mid-November", "will have shipped by
    // May": a participle after "will have" (or "get") looks ahead with it.
    for i in 0..toks.len().saturating_sub(1) {
        if !(matches!(toks[i].lower.as_str(), "will" | "'ll" | "shall") && matches!(toks[i + 1].lower.as_str(), "have" | "get")) {
            continue;
        }
        let reach = (i + 8).min(toks.len());
        let clause_end = (i + 2..reach).find(|&k| toks[k].kind != Kind::Word || matches!(toks[k].lower.as_str(), "and" | "but" | "that" | "which" | "who")).unwrap_or(reach);
        for cue in &mut out[i + 2..clause_end] {
            if *cue == Some(Tense::Past) {
                *cue = None;
            }
        }
    }
    // "did not resume until March", "sales had risen by the end of March": the auxiliary's past
    // is its verb's, which may stand nearer the date. (Not a passive: "had been given until
    // April 22" is a deadline then ahead.)
    for i in 0..toks.len() {
        if !(matches!(toks[i].lower.as_str(), "did" | "had") || matches!(toks[i].lower.as_str(), "didn" | "hadn") && negated(i)) {
            continue;
        }
        let verb = (i + 1..(i + 5).min(toks.len()))
            .find(|&k| !matches!(toks[k].lower.as_str(), "not" | "'" | "\u{2019}" | "t" | "never" | "also" | "already" | "just"));
        if let Some(k) = verb.filter(|&k| toks[k].kind == Kind::Word && !toks[k].cap && out[k].is_none() && toks[k].lower != "been") {
            out[k] = Some(Tense::Past);
        }
    }
    // "is to resume", "set to expire": arrangements ahead. "had been due to expire", "had
    // been scheduled for": a plan that lay ahead of a past moment, so itself past.
    for i in 0..toks.len() {
        let next_to = toks.get(i + 1).is_some_and(|n| n.lower == "to");
        let w = toks[i].lower.as_str();
        if matches!(w, "due" | "scheduled" | "expected" | "planned" | "set")
            && toks[i.saturating_sub(3)..i].iter().rev().find(|t| !matches!(t.lower.as_str(), "been" | "not" | "also" | "originally" | "previously")).is_some_and(|t| t.lower == "had")
        {
            out[i] = Some(Tense::Past);
        } else if next_to && matches!(w, "is" | "are" | "set") {
            out[i] = Some(Tense::Future);
        }
    }
    // "was bailed to appear on the 18th", "ordered to return on Monday": what someone is told
    // to do lies ahead of the telling, and in news after the day of the report.
    // ("ordered her to surrender her passport by Friday", "urged residents to stay home":
    // the one told may stand between.)
    // So does what is advised: "recommended heading out on Monday night", "suggested meeting
    // on Thursday".
    for i in 0..toks.len().saturating_sub(1) {
        if matches!(toks[i].lower.as_str(), "recommended" | "recommends" | "suggested" | "suggests" | "proposed" | "proposes" | "advised" | "advises" | "urged" | "urges")
            && toks[i + 1].kind == Kind::Word && !toks[i + 1].cap && toks[i + 1].lower.len() > 4 && toks[i + 1].lower.ends_with("ing")
        {
            out[i + 1] = Some(Tense::Future);
            continue;
        }
        let directive = matches!(toks[i].lower.as_str(), "bailed" | "remanded" | "summoned" | "ordered" | "told" | "instructed" | "directed" | "required" | "bound" | "invited" | "urged" | "asked" | "advised" | "encouraged");
        if !directive {
            continue;
        }
        let object = |t: &Tok| t.kind == Kind::Word && !matches!(t.lower.as_str(), "to" | "that" | "and" | "or" | "but" | "on" | "in" | "at" | "by" | "for");
        let Some(to) = (i + 1..(i + 4).min(toks.len())).take_while(|&k| toks[k].lower == "to" || object(&toks[k])).find(|&k| toks[k].lower == "to") else { continue };
        if toks.get(to + 1).is_some_and(|v| v.kind == Kind::Word && !v.cap) && out[to + 1].is_none() {
            out[to + 1] = Some(Tense::Future);
        }
    }
    // "last" the verb is no past: "and last 48 hours, until Thursday", "will last until May".
    for i in 0..toks.len() {
        if toks[i].lower == "last" && out[i] == Some(Tense::Past) {
            let next = toks.get(i + 1);
            let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
            let verb = next.is_some_and(|n| n.kind == Kind::Num || matches!(n.lower.as_str(), "for" | "until" | "till" | "through" | "into" | "longer" | "beyond" | "about" | "several" | "many" | "a" | "an"))
                || prev.is_some_and(|p| BEFORE_VERB_LAST.contains(&p));
            if verb && prev != Some("the") {
                out[i] = None;
            }
        }
    }
    // "could stretch into Wednesday", "may continue until Friday": how far something may yet
    // run is ahead, though the sentence began in the past.
    for i in 0..toks.len().saturating_sub(2) {
        if CONDITIONALS.contains(&toks[i].lower.as_str()) && !toks[i].cap {
            let run = matches!(toks[i + 1].lower.as_str(), "stretch" | "continue" | "last" | "extend" | "run" | "drag" | "spill" | "go" | "persist" | "linger");
            if let Some(k) = (i + 2..(i + 4).min(toks.len())).find(|&k| matches!(toks[k].lower.as_str(), "into" | "until" | "till" | "through" | "past" | "beyond")).filter(|_| run) {
                out[k] = Some(Tense::Future);
            }
            // "might not survive until the summer", "may stay shut until Friday": whatever may
            // hold until a time, that time is ahead; so is what may be done by or before one
            // ("traffic could be restored by Saturday").
            if let Some(k) = (i + 2..(i + 6).min(toks.len())).take_while(|&k| toks[k].kind == Kind::Word && !matches!(toks[k].lower.as_str(), "and" | "but" | "or"))
                .find(|&k| matches!(toks[k].lower.as_str(), "until" | "till" | "by" | "before"))
            {
                out[k] = Some(Tense::Future);
            }
        }
    }
    // "15 weeks, up from 13 weeks in the autumn": what a figure rose or fell from is past.
    for i in 1..toks.len() {
        if toks[i].lower == "from" && matches!(toks[i - 1].lower.as_str(), "up" | "down") && out[i].is_none() {
            out[i] = Some(Tense::Past);
        }
    }
    // "has been set for Thursday": a date set for is ahead.
    for i in 0..toks.len().saturating_sub(1) {
        if toks[i].lower == "set" && toks[i + 1].lower == "for" && out[i].is_none() {
            out[i] = Some(Tense::Future);
        }
    }
    // "a still unspecified date", "the expanded program": an -ed word after an article or a
    // possessive is an adjective, not a past tense ("this", "that", "some" may be pronouns:
    // "this happened Friday"). So are "the lost days", "the spent fuel".
    for i in 1..toks.len() {
        if out[i] != Some(Tense::Past) || !(toks[i].lower.ends_with("ed") || matches!(toks[i].lower.as_str(), "lost" | "spent")) {
            continue;
        }
        let before = toks[i.saturating_sub(3)..i].iter().rev().find(|t| !(t.lower.ends_with("ly") || matches!(t.lower.as_str(), "still" | "not" | "yet" | "so" | "very" | "long" | "well" | "newly")));
        if before.is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the" | "its" | "their" | "his" | "our" | "my" | "your" | "'s")) {
            out[i] = None;
        }
        // "The weekend looks unsettled", "the road remains closed": an adjective after a
        // linking verb, whose own tense stands ("is" is marked present above).
        let linking = toks[i - 1].lower.as_str();
        if matches!(linking, "looks" | "look" | "seems" | "seem" | "appears" | "appear" | "remains" | "remain" | "stays" | "stay" | "feels" | "feel" | "sounds" | "becomes" | "become" | "is" | "are" | "be") {
            out[i] = None;
        }
    }
    // "if needed", "as expected", "unless delayed": a clause cut short, not a time.
    for i in 1..toks.len() {
        if out[i].is_some() && toks[i].lower.ends_with("ed") && matches!(toks[i - 1].lower.as_str(), "if" | "as" | "unless" | "where" | "when") {
            out[i] = None;
        }
    }
    // "Lawmakers have until Friday": a deadline ahead ("had until" one behind). So is the end
    // of a state the present perfect has begun: "have issued a warning until noon on Sunday",
    // "has been closed until Monday".
    for i in 1..toks.len() {
        if matches!(toks[i].lower.as_str(), "until" | "till") {
            let perfect = toks[i.saturating_sub(8)..i].iter().rev().take_while(|t| !matches!(t.lower.as_str(), "," | "." | ";" | "had" | "was" | "were"))
                .any(|t| matches!(t.lower.as_str(), "has" | "have"));
            match toks[i - 1].lower.as_str() {
                "have" | "has" => out[i] = Some(Tense::Future),
                "had" => out[i] = Some(Tense::Past),
                _ if perfect => out[i] = Some(Tense::Future),
                _ => {}
            }
        }
    }
    // "postponed until Tuesday", "extended its deadline until Friday": a date things were
    // moved to lies ahead, whatever the tense of the verb that moved them.
    for i in 0..toks.len() {
        // ("moved up to Wednesday evening", "pushed back to Thursday", "brought forward to May")
        let moved = matches!(toks[i].lower.as_str(), "moved" | "pushed" | "brought" | "bumped" | "shifted" | "switched")
            && toks.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "up" | "back" | "forward" | "to"));
        if moved || matches!(toks[i].lower.as_str(), "postponed" | "delayed" | "deferred" | "extended" | "adjourned" | "rescheduled" | "postpones" | "delays" | "defers" | "extends" | "adjourns") {
            if let Some(k) = (i + 1..(i + 5).min(toks.len())).find(|&k| {
                matches!(toks[k].lower.as_str(), "until" | "till") && !moved
                    || toks[k].lower == "to" && toks.get(k + 1).is_some_and(|n| lookup_tok(n, "month").is_some() || lookup_tok(n, "weekday").is_some())
            }) {
                out[k] = Some(Tense::Future);
            }
        }
        // "a storm forecast for Sunday night", "an estimated time of arrival of 3:30 p.m. on
        // Wednesday", "its ETA is Friday": what is forecast or estimated lies ahead.
        // ("Clouds are forecast to roll in from Friday evening")
        let forecast = matches!(toks[i].lower.as_str(), "forecast" | "forecasted" | "predicted") && toks.get(i + 1).is_some_and(|n| n.lower == "for" || n.lower == "to");
        let arrival = toks[i].lower == "eta"
            || matches!(toks[i].lower.as_str(), "arrival" | "departure" | "completion") && toks[i.saturating_sub(3)..i].iter().any(|t| matches!(t.lower.as_str(), "estimated" | "expected" | "scheduled"));
        if forecast || arrival {
            out[i] = Some(Tense::Future);
        }
        // "has warned of heavy traffic on Wednesday": a warning just given is of what lies ahead.
        if matches!(toks[i].lower.as_str(), "warned" | "cautioned") && i > 0 && matches!(toks[i - 1].lower.as_str(), "has" | "have")
            && toks.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "of" | "about" | "that"))
        {
            out[i + 1] = Some(Tense::Future);
        }
    }
    // "The festival opens in June", "the offer expires Dec. 1", "the law takes effect in May":
    // the simple present of an arrangement looks ahead. Not a noun ("two meets", "housing
    // starts", "Friday closes of 142.35").
    let g = grammar();
    for i in 0..toks.len() {
        let w = toks[i].lower.as_str();
        if out[i].is_some() || toks[i].kind != Kind::Word || !g.is_scheduling(w) {
            continue;
        }
        let next = toks.get(i + 1).map(|n| n.lower.as_str());
        let particle = match w {
            "kicks" => next == Some("off"),
            "takes" | "take" => matches!(next, Some("effect" | "office" | "place" | "over")),
            "goes" | "go" => matches!(next, Some("into" | "on" | "live")),
            _ => true,
        };
        let before = toks[i.saturating_sub(3)..i]
            .iter()
            .rev()
            .find(|t| !matches!(t.lower.as_str(), "not" | "n't" | "never" | "also" | "then" | "only" | "just" | "formally" | "officially" | "again"));
        let noun = before.is_some_and(|t| {
            t.kind == Kind::Num
                || t.lower.ends_with("family")
                || is_calendar_name(&t.lower)
                || matches!(t.lower.as_str(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "'s" | "housing" | "home" | "unit" | "bank" | "two" | "three" | "several" | "many" | "few" | "fits" | "and")
        });
        // "Qtr ends Jan 31", "its fiscal year begins April 1", "the rainy season normally
        // starts in May": the bounds of a period, which recur, or of one being reported on.
        let subject = toks[i.saturating_sub(4)..i]
            .iter()
            .rev()
            .find(|t| !matches!(t.lower.as_str(), "which" | "that" | "," | "officially" | "formally" | "also" | "only"));
        let period = subject.is_some_and(|t| {
            matches!(t.lower.as_str(), "qtr" | "quarter" | "year" | "yr" | "period" | "half" | "month" | "week" | "season" | "normally" | "usually" | "typically" | "generally" | "always" | "often" | "traditionally")
        });
        // A bare form needs a plural subject right before it ("Talks resume", "they begin"):
        // "let the offensive begin" is an infinitive.
        let plural_subject = before.is_some_and(|t| {
            let p = t.lower.as_str();
            t.kind == Kind::Word && (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss") && !p.ends_with("us") && p != "does" || matches!(p, "they" | "we" | "you" | "who"))
        });
        // "a futures close had supported prices": a bare form before a verb is a noun.
        let verb_next = toks.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "had" | "has" | "have" | "was" | "were" | "is" | "are" | "will" | "would"));
        // ("kept restaurants open overnight", "left the doors open": the object's state, after
        // the verb that set it.)
        let object = i >= 2 && toks[i.saturating_sub(4)..i - 1].iter().rev().take_while(|t| t.kind == Kind::Word)
            .any(|t| matches!(t.lower.as_str(), "kept" | "keep" | "keeps" | "keeping" | "left" | "leave" | "leaves" | "leaving" | "held" | "hold" | "holds" | "holding" | "found" | "declared" | "ordered" | "wanted" | "want" | "wants"));
        if particle && !noun && !period && (w.ends_with('s') || plural_subject && !verb_next && !object) {
            out[i] = Some(Tense::Future);
        }
    }
    // "a warning, valid until noon Friday", "the offer remains open through May": what holds
    // until a date lasts till then, whatever verb issued it ("was valid until" did not).
    for i in 1..toks.len() {
        if matches!(toks[i].lower.as_str(), "until" | "till" | "through")
            && matches!(toks[i - 1].lower.as_str(), "valid" | "effective" | "open" | "good" | "available" | "force" | "effect")
            && !toks[i.saturating_sub(4)..i - 1].iter().any(|t| matches!(t.lower.as_str(), "was" | "were" | "been" | "had" | "did" | "didn" | "wasn" | "weren" | "hadn"))
        {
            out[i] = Some(Tense::Future);
        }
    }
    // "which runs through Saturday", "that ends on Friday": a verb in the present after a
    // relative pronoun.
    for i in 1..toks.len() {
        let w = toks[i].lower.as_str();
        if out[i].is_none() && matches!(toks[i - 1].lower.as_str(), "which" | "that" | "who") && w.len() > 3 && w.ends_with('s')
            && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("'s") && toks[i].kind == Kind::Word && !toks[i].cap
        {
            out[i] = Some(Tense::Present);
        }
    }
    // "the plan", "its plans": nouns, not intentions; "next to": a place.
    for i in 0..toks.len() {
        if toks[i].lower == "next" && toks.get(i + 1).is_some_and(|n| n.lower == "to") {
            out[i] = None;
        }
    }
    // "vacation plans", "a hastily planned trip": an intention only when something is planned
    // to happen ("plans to sell", "planned to pay", "a rally planned for Saturday").
    for i in 0..toks.len() {
        let next = toks.get(i + 1).map(|n| n.lower.as_str());
        let intent = match toks[i].lower.as_str() {
            "plan" | "plans" => next == Some("to"),
            "planned" | "planning" => matches!(next, Some("to" | "for")),
            _ => continue,
        };
        if !intent {
            out[i] = None;
        }
    }
    // "The backlog has cleared after peaking in January": what a past or perfect clause says
    // came before it is past too, the cue right at the time named.
    for i in 1..toks.len().saturating_sub(1) {
        let w = toks[i + 1].lower.as_str();
        let gerund = w.len() > 5 && w.ends_with("ing") && !matches!(w, "morning" | "evening" | "during" | "spring" | "nothing" | "something" | "everything" | "anything" | "building" | "meeting" | "hearing" | "ruling" | "funding" | "opening" | "closing" | "signing" | "shooting" | "bombing" | "landing" | "trading" | "according");
        if matches!(toks[i].lower.as_str(), "after" | "before") && gerund && out[i + 1].is_none()
            && toks[..i].iter().zip(&out[..i]).any(|(t, c)| *c == Some(Tense::Past) || matches!(t.lower.as_str(), "has" | "have"))
            && !out[..i].contains(&Some(Tense::Future))
        {
            out[i + 1] = Some(Tense::Past);
        }
    }
    // A participle after a modal or "to" is not a past tense: "will be held", "to be signed",
    // "could be delayed".
    for (i, cue) in out.iter_mut().enumerate() {
        if *cue != Some(Tense::Past) {
            continue;
        }
        // (Nor an adjective after a verb that follows one: "will run reduced service", "to
        // offer discounted fares"; "due to tax-induced buying" is no infinitive.)
        let verb = i >= 2 && toks[i - 1].kind == Kind::Word && !toks[i - 1].cap && !toks[i - 1].lower.ends_with("ed")
            && MODALS.contains(&toks[i - 2].lower.as_str()) && toks[i - 2].lower != "shall"
            && !(toks[i - 2].lower == "to" && i >= 3 && matches!(toks[i - 3].lower.as_str(), "due" | "owing" | "thanks" | "according" | "prior" | "up" | "back" | "compared" | "related" | "contrary" | "close" | "next"));
        for t in toks[i.saturating_sub(4)..if verb { i - 1 } else { i }].iter().rev() {
            match t.lower.as_str() {
                "be" | "been" | "being" | "not" | "also" | "then" | "now" | "soon" | "quickly" => continue,
                // ... nor after a present "is": "when the case is heard in May".
                w if MODALS.contains(&w) || matches!(w, "is" | "are" | "am") => {
                    *cue = None;
                    break;
                }
                _ => break,
            }
        }
    }
    out
}

/// The tense for a mention at tokens `a..b`, and how far its cue is: the nearest cue in the
/// same clause, a cue after the mention counting double (news puts the verb first: "said
/// Friday", "will meet on Friday"). A "should" after it does not outweigh a past before it:
/// "the deal, announced on Wednesday, should put" leaves Wednesday past. With them, whether
/// the cue before it was a promise it lies ahead of, and so told no tense.
fn tense_at(toks: &[Tok], cues: &[Option<Tense>], clause: &[usize], a: usize, b: usize) -> (Option<Tense>, usize, bool) {
    const REACH: usize = 40;
    let mut best: Option<(usize, Tense)> = None;
    let here = clause[a];
    let lo = a.saturating_sub(REACH);
    // (Not the verb of a relative clause set off before it: "Chelsea, who won the trophy in
    // July, face a busy autumn".)
    // (Not a list's comma inside the clause: "who stepped down as chairman, president and
    // chief executive in March".)
    let close = (lo..a).rev().find(|&k| toks[k].lower == ",").filter(|&c| !toks[c + 1..a].iter().any(|t| matches!(t.lower.as_str(), "and" | "or")));
    let open = close.and_then(|c| (lo..c).rev().find(|&k| toks[k].lower == ",")).filter(|&o| matches!(toks[o + 1].lower.as_str(), "who" | "which" | "whose"));
    let relative = |k: usize| open.zip(close).is_some_and(|(o, c)| (o..=c).contains(&k));
    // (Nor the verb of a clause before ", and the ...": "is already fully booked, and the
    // season runs until mid-April".)
    let new_clause = |k: usize| k + 2 < a && toks[k].lower == "," && matches!(toks[k + 1].lower.as_str(), "and" | "but") && matches!(toks[k + 2].lower.as_str(), "the" | "its" | "their" | "his" | "her");
    let before = (lo..a).rev().take_while(|&k| clause[k] == here && !new_clause(k)).filter(|&k| !relative(k)).find_map(|k| cues[k].map(|c| (a - k, c)));
    // "has promised to pass the law before mid-July": what was promised lies ahead of the
    // promise, so a date after its infinitive takes no tense from it ("On Thursday, the firm
    // offered to acquire" does, as does "agreed on March 2 to pay").
    let promise = |k: usize| {
        matches!(toks[k].lower.as_str(), "promised" | "pledged" | "vowed" | "agreed" | "decided" | "hoped" | "wanted" | "intended" | "threatened" | "offered" | "voted" | "resolved" | "undertook" | "aimed")
            && toks.get(k + 1).is_some_and(|n| n.lower == "to")
            && toks.get(k + 2).is_some_and(|n| n.kind == Kind::Word && !n.cap && !determiner(&n.lower) && !matches!(n.lower.as_str(), "some" | "all" | "be" | "in" | "on" | "at" | "by" | "for" | "with" | "from" | "of" | "into" | "about" | "over" | "under" | "after" | "before" | "last" | "next" | "and" | "or" | "date"))
    };
    let promised = before.is_some_and(|(d, _)| promise(a - d));
    let before = before.filter(|_| !promised);
    let hi = (b + REACH).min(cues.len());
    // (A conditional looks ahead from itself only: "grew 10 pct in April, but that could
    // accelerate" leaves April past.)
    // (Nor past a reason or concession that follows: "the third on Sept. 17, because Sept. 15
    // is a Saturday".)
    let aside = |k: usize| k > b && toks[k - 1].lower == "," && matches!(toks[k].lower.as_str(), "because" | "although" | "though" | "whereas");
    let after = (b.min(cues.len())..hi).take_while(|&k| clause[k] == here && !aside(k)).filter(|&k| !CONDITIONALS.contains(&toks[k].lower.as_str())).find_map(|k| cues[k].map(|c| (k, c)));
    // (Nor a closing attribution when the clause has a verb of its own: "The shower peaks on
    // Tuesday night and into Wednesday, astronomers said".)
    let attribution = |k: usize| {
        matches!(toks[k].lower.as_str(), "said" | "says" | "say" | "reported" | "added" | "noted" | "announced" | "told")
            && (k.saturating_sub(3)..k).any(|j| toks[j].lower == ",")
            // ("officials said on Wednesday night", "said in a statement late Tuesday".)
            // (Up to a clause after it: "announced on Monday, declaring five days of mourning".)
            && toks[k + 1..].iter().take(4).take_while(|t| !matches!(t.lower.as_str(), "," | ";")).all(|t| {
                t.kind != Kind::Word || t.cap
                    || matches!(t.lower.as_str(), "on" | "today" | "yesterday" | "tonight" | "night" | "morning" | "afternoon" | "evening" | "late" | "early" | "earlier" | "in" | "a" | "statement")
            })
    };
    // (Nor the verb of a second predicate when the date's own has one: "were shut over the
    // weekend and are expected to reopen".)
    let coordinated = |k: usize| k == b + 1 && toks[b].lower == "and" && before.is_some_and(|(d, _)| d <= 8);
    // (Nor a participle set off after it when the clause has a verb before: "will open on
    // Tuesday, staffed from 9 a.m.".)
    let participle = |k: usize| k > b && toks[k - 1].lower == "," && toks[k].lower.ends_with("ed")
        && toks.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "from" | "by" | "with" | "in" | "at" | "on" | "for" | "until" | "through"));
    // (Nor the verb of a relative clause the date opens when the clause has a verb before:
    // "issued a storm warning on Monday afternoon that runs until Friday".)
    let relative_after = |k: usize| k > b && b < toks.len() && matches!(toks[b].lower.as_str(), "that" | "which");
    let after = after.filter(|&(k, _)| !(toks[k].lower == "should" && before.is_some_and(|(_, t)| t == Tense::Past) || before.is_some() && (attribution(k) || coordinated(k) || participle(k) || relative_after(k)))).map(|(k, t)| (2 * (k + 1 - b), t));
    // (A date inside a "that" clause whose own verb follows it and looks ahead takes that
    // verb's tense, not the reporting verb's: "assumed that its second quarter ... would be
    // the slowest".)
    // (Not the pronoun: "equal to that of the third quarter".)
    let complementizer = |j: usize| {
        toks[j].lower == "that" && toks.get(j + 1).is_none_or(|n| n.lower != "of")
            && !matches!(toks[j - 1].lower.as_str(), "to" | "than" | "like" | "as" | "at" | "in" | "on" | "for" | "with" | "of" | "from" | "by" | "and" | "or")
    };
    let before = before.filter(|&(d, _)| !(after.is_some_and(|(_, t)| t == Tense::Future) && (a - d + 1..a).any(complementizer)));
    for (d, t) in [before, after].into_iter().flatten() {
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, t));
        }
    }
    match best {
        Some((d, t)) => (Some(t), d, promised),
        None => (None, usize::MAX, promised),
    }
}

/// Whether `word` is a month's, a weekday's (or weekdays': "Saturdays") or a one-word
/// holiday's name ("January", "friday", "Easter").
pub(crate) fn is_calendar_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    resolve::MONTHS.iter().chain(&resolve::WEEKDAYS).any(|w| w.eq_ignore_ascii_case(word))
        || grammar().lookup(&lower, "holiday").is_some()
        || grammar().lookup(&lower, "weekdays").is_some()
}

/// Whether the text counts weeks of the year by number: "ISO week 1", "epidemiological week
/// 44", "epi week 5".
fn iso_weeks(text: &str) -> bool {
    use std::sync::OnceLock;
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["iso week", "epidemiological week", "epi week"]).expect("fixed patterns")
    });
    finder.find_iter(text).any(|hit| text[hit.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the text is Canadian news: it names Canadian places at least twice and more often
/// than it names the United States.
fn canadian(text: &str) -> bool {
    use std::sync::OnceLock;
    const CANADA: &[&str] = &[
        "Canada", "Canadian", "Ontario", "Quebec", "Qu\u{e9}bec", "Ottawa", "Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton",
        "Winnipeg", "Halifax", "Alberta", "Manitoba", "Saskatchewan", "British Columbia", "Nova Scotia", "New Brunswick", "Newfoundland",
    ];
    const US: &[&str] = &["U.S.", "United States", "American", "Washington", "Congress", "New York", "California", "Texas", "Florida"];
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(CANADA.iter().chain(US)).expect("fixed patterns"));
    let (mut ca, mut us) = (0, 0);
    for hit in finder.find_iter(text) {
        // (Whole words, or their plurals: "Canadians", not "Canadair".)
        let rest = &text[hit.end()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        if text[..hit.start()].chars().next_back().is_some_and(char::is_alphanumeric) || rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        if hit.pattern().as_usize() < CANADA.len() {
            ca += 1;
        } else {
            us += 1;
        }
    }
    ca >= 2 && ca > us
}

/// The month a document's fiscal year ends in, when the text says so ("its fiscal year ends
/// June 30", "the financial year ending 31 March") and it is not December. A fiscal year
/// that ended years before the reference date may since have changed ("Following the fiscal
/// year ended March 31, 1985, it changed to a calendar year").
fn fiscal_year_end(text: &str, reference: Option<NaiveDate>) -> Option<resolve::FiscalEnd> {
    use std::sync::OnceLock;
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["fiscal year", "financial year"]).expect("fixed patterns")
    });
    for hit in finder.find_iter(text) {
        let rest = &text[hit.end()..text.floor_char_boundary(hit.end() + 60)];
        // "the first four months of the fiscal year, ending Sept 30": the months end then.
        let part_of = text[..hit.start()].trim_end().rsplit(char::is_whitespace).nth(1).is_some_and(|w| w.eq_ignore_ascii_case("of"));
        if part_of && rest.trim_start().starts_with(',') {
            continue;
        }
        // The words before, back to the sentence's start: "Its Japanese unit, whose fiscal
        // year ends on March 31" is not the company's; a government's fiscal year has its
        // fiscal years, but quarters in its news are usually the economy's calendar ones.
        let before = text[text.ceil_char_boundary(hit.start().saturating_sub(80))..hit.start()].rsplit(['.', '!', '?', '\n']).next().unwrap_or("").to_lowercase();
        let before: Vec<&str> = before.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
        if before.iter().any(|w| matches!(w.trim_end_matches("'s"), "unit" | "units" | "subsidiary" | "subsidiaries" | "division" | "affiliate" | "arm")) {
            continue;
        }
        let public = before.iter().any(|w| matches!(w.trim_end_matches("'s"), "government" | "federal" | "state" | "budget" | "treasury" | "country" | "nation" | "national" | "ministry" | "city" | "council" | "agency"));
        let mut words = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
            .skip_while(|w| matches!(w.as_str(), "s" | "that" | "which" | "normally" | "officially" | "now" | "also" | "always") || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
        let verb = words.next();
        // "fiscal year 2021, which ran from October 1, 2020, to September 30, 2021": the year
        // ends in the month after "to".
        let ran = verb.as_deref().is_some_and(|w| matches!(w, "ran" | "runs" | "run" | "running" | "spans" | "spanned"));
        if !ran && !verb.is_some_and(|w| matches!(w.as_str(), "ends" | "ended" | "ending" | "end" | "closes" | "closed" | "closing")) {
            continue;
        }
        let words: Vec<String> = if ran {
            let words: Vec<String> = words.take(10).collect();
            match words.iter().position(|w| matches!(w.as_str(), "to" | "through" | "until")) {
                Some(k) if words.first().is_some_and(|w| w == "from") => words[k + 1..].to_vec(),
                _ => continue,
            }
        } else {
            words.take(8).collect()
        };
        // ("ends on the Saturday closest to January 31": in January, give or take days.)
        let words: Vec<&str> = words.iter().map(String::as_str).filter(|w| !matches!(*w, "on" | "in" | "at" | "the" | "last" | "this" | "next" | "closest" | "nearest") && grammar().lookup(w, "weekday").is_none()).collect();
        let month_at = |k: usize| words.get(k).and_then(|w| grammar().lookup(w, "month")).and_then(|m| m.parse::<u32>().ok());
        let Some((mut at, mut month)) = (0..3).find_map(|i| month_at(i).map(|m| (i, m))) else {
            continue;
        };
        // "changed its fiscal year end from Aug 31 to Dec 31": the year ends in the new month.
        if at > 0 && words[at - 1] == "from" {
            if let Some((k, m)) = (at + 1..(at + 4).min(words.len())).find(|&k| words[k] == "to").and_then(|k| month_at(k + 1).map(|m| (k + 1, m))) {
                (at, month) = (k, m);
            }
        }
        // A year of 52 or 53 weeks ending in a month's first days ("ended Feb. 1", "ending
        // in early March") is the previous month's.
        let small_day = |w: &&str| w.parse::<u32>().is_ok_and(|d| (1..=7).contains(&d)) || matches!(*w, "one" | "two" | "three" | "first" | "early");
        let early = words[..at].contains(&"early") || words.get(at + 1).is_some_and(small_day) || at > 0 && small_day(&words[at - 1]);
        let month = if early { month - 1 } else { month };
        let year = words[..(at + 3).min(words.len())].iter().find_map(|w| w.parse::<i32>().ok().filter(|y| (1000..10000).contains(y)));
        let stale = matches!((year, reference), (Some(y), Some(r)) if y < r.year() - 1);
        if (1..12).contains(&month) && !stale {
            return Some(resolve::FiscalEnd { month, quarters: !public });
        }
    }
    None
}

/// The ordinals quarters are named by, in order.
const QUARTER_ORDS: [&str; 4] = ["first", "second", "third", "fourth"];

/// A company's fiscal year told by when one of its fiscal quarters ends: "its fiscal fourth
/// quarter, which ends Sept. 30" is a year that ends in September.
fn fiscal_quarter_end(text: &str) -> Option<resolve::FiscalEnd> {
    use std::sync::OnceLock;
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let pats = QUARTER_ORDS.iter().flat_map(|o| [format!("fiscal {o} quarter"), format!("{o} fiscal quarter"), format!("fiscal {o}-quarter")]);
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(pats.collect::<Vec<_>>()).expect("fixed patterns")
    });
    for hit in finder.find_iter(text) {
        // (Three patterns for each ordinal, in order.)
        let n = (hit.pattern().as_usize() / 3) as u32 + 1;
        let stop = text.floor_char_boundary(hit.end() + 40);
        let mut words = text[hit.end()..stop].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
            .skip_while(|w| matches!(w.as_str(), "which" | "that"));
        let stated = words.next().is_some_and(|w| matches!(w.as_str(), "ends" | "ended" | "ending"));
        let after = if stated {
            &text[hit.end()..stop]
        } else {
            // "earnings rose in the fiscal first quarter. … For the quarter ended Sept. 30,":
            // the next quarter named, if it is "the quarter" and told by its end, is the same one.
            let stop = text.floor_char_boundary(hit.end() + 400);
            let window = text[hit.end()..stop].to_lowercase();
            let Some(q) = window.find("quarter") else { continue };
            let next = &window[q + "quarter".len()..];
            if !window[..q].trim_end().ends_with(" the") || !["ended ", "ending "].iter().any(|w| next.trim_start().starts_with(w)) {
                continue;
            }
            &text[text.floor_char_boundary(hit.end() + q)..stop]
        };
        let mut words = after.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
            .skip_while(|w| matches!(w.as_str(), "quarter" | "which" | "that" | "ends" | "ended" | "ending" | "on" | "in"));
        let Some(month) = words.next().and_then(|w| grammar().lookup(&w, "month")).and_then(|m| m.parse::<u32>().ok()) else {
            continue;
        };
        // (A quarter of 13 weeks ending in a month's first days, "ended May 2", is the
        // previous month's, as a year's is.)
        let early = words.next().and_then(|w| w.parse::<u32>().ok()).is_some_and(|d| (1..=7).contains(&d));
        let end = (month + 3 * (4 - n) + 12 - u32::from(early) - 1) % 12 + 1;
        // Told only loosely, in a roundup of several companies' results that calls another
        // quarter by its ordinal alone, that one is by the calendar ("Separately, America West
        // reported third-quarter profit"); then only quarters called fiscal are fiscal ones.
        let quarters = stated || !calendar_quarter_besides(text, n);
        return (end != 12).then_some(resolve::FiscalEnd { month: end, quarters });
    }
    None
}

/// Whether the text names a quarter by an ordinal other than `n` without calling it fiscal or
/// saying when it ended ("third-quarter profit" beside "the fiscal first quarter").
fn calendar_quarter_besides(text: &str, n: u32) -> bool {
    use std::sync::OnceLock;
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let pats = QUARTER_ORDS.iter().flat_map(|o| [format!("{o} quarter"), format!("{o}-quarter")]);
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(pats.collect::<Vec<_>>()).expect("fixed patterns")
    });
    finder.find_iter(text).any(|hit| {
        let before = text[text.floor_char_boundary(hit.start().saturating_sub(12))..hit.start()].to_lowercase();
        let after = text[hit.end()..text.floor_char_boundary(hit.end() + 16)].to_lowercase();
        let after = after.trim_start_matches([',', ' ', '\n']).trim_start_matches("which ");
        (hit.pattern().as_usize() / 2) as u32 + 1 != n
            && !before.contains("fiscal")
            && !["ended", "ending", "ends", "of fiscal", "of the fiscal", "of its fiscal"].iter().any(|w| after.starts_with(w))
    })
}

/// Whether `word` names a time zone ("EST") or is a month's, weekday's or holiday's name:
/// after "5 p.m." such a word belongs to the time, not to a new sentence.
pub(crate) fn is_zone_or_calendar(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_calendar_name(word) || grammar().lookup(&lower, "zone").is_some() || grammar().lookup(&lower, "month").is_some()
}

/// The year of a value ("2024-03-04" is 2024).
fn year_of(v: &str) -> Option<i32> {
    v.get(..4).and_then(|y| y.parse().ok())
}

/// A value moved `by` years ("2024-03" by 1 is "2025-03").
fn shift_year(v: &str, by: i32) -> Option<String> {
    year_of(v).map(|y| format!("{:04}{}", y + by, &v[4..]))
}

/// The month and day a value names, in words ("2024-03-04" is "March 4", "2024-03" "March").
fn month_day_name(v: &str) -> String {
    let month = v.get(5..7).and_then(|m| m.parse::<usize>().ok()).and_then(|m| resolve::MONTHS.get(m.wrapping_sub(1)));
    let day = v.get(8..10).and_then(|d| d.parse::<u32>().ok()).map(|d| format!(" {d}")).unwrap_or_default();
    format!("{}{day}", month.unwrap_or(&"such date"))
}

/// Whether a match is two month names and nothing else ("April May", "January-March").
fn two_month_names(toks: &[Tok], m: &Match) -> bool {
    m.end - m.start == 2 && toks[m.start..m.end].iter().all(|t| lookup_tok(t, "month").is_some())
}

/// Whether `word` is a month's name ("March", "september").
pub(crate) fn is_month_name(word: &str) -> bool {
    resolve::MONTHS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether an unresolved value is a clock time with no day of its own ("9am", "noon"): it
/// takes the day last mentioned, or one named next to it.
fn bare_clock_value(value: &str) -> bool {
    // (Not "10 o'clock that night": its part of the day ties it to the day last mentioned.)
    value.starts_with("last:D:0|hm:") && !value.ends_with("{pod}") && !["MO", "AF", "EV", "NI"].iter().any(|p| value.ends_with(p))
        || matches!(value, "rel:D:0|T12:00" | "rel:D:0|T24:00")
}

/// Words for a set that runs over a span of weekdays, from the words for its first day
/// ("every Monday at 09:00", XXXX-WXX-1, XXXX-WXX-4): "every day at 09:00, Monday to
/// Thursday"; Monday to Friday is "every weekday".
fn day_span(every_first: &str, first: &str, last: &str) -> String {
    let day = |v: &str| v.get(9..10).and_then(|d| d.parse::<usize>().ok()).and_then(|d| resolve::WEEKDAYS.get(d.wrapping_sub(1))).copied();
    match (day(first), day(last)) {
        (Some(a), Some(b)) => {
            let noun = if a == "Monday" && b == "Friday" { "weekday" } else { "day" };
            let mut every = every_first.replacen(a, noun, 1);
            // "every night, Sunday to Thursday", not "every day night".
            for pod in ["morning", "afternoon", "evening", "night"] {
                every = every.replacen(&format!("every day {pod}"), &format!("every {pod}"), 1);
            }
            format!("{every}, {a} to {b}")
        }
        _ => every_first.to_owned(),
    }
}

/// A day as a value template ("ymd:2026:6:21"), for a day the context has worked out.
fn ymd(d: NaiveDate) -> String {
    format!("ymd:{}:{}:{}", d.year(), d.month(), d.day())
}

/// A month ("m:9") or a day of a month ("md:9:30") without a year.
fn month_or_day(value: &str) -> bool {
    value.starts_with("m:") || value.starts_with("md:")
}

/// Proposes a document date from the text itself: the first full date (with a year) in the
/// first lines, such as a dateline ("WASHINGTON, Dec. 30, 2021 —") or an ISO date.
pub fn propose_reference_date(text: &str) -> Option<NaiveDate> {
    propose_reference_date_near(text, None).map(|(d, _)| d)
}

/// How a proposed document date was arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proposal {
    /// A full date in the opening lines.
    Text,
    /// A day without a year in the first line ("MANCHESTER, Oct. 3 -"), in the latest year
    /// that does not put it after the reader's date.
    YearAssumed,
    /// No date in the opening: the reader's date.
    Today,
}

/// [`propose_reference_date`], falling back on the reader's date `today` (when known): a
/// dateline's day without a year ("Oct. 3") takes the latest year that keeps it on or before
/// `today`, and a text with no date in its opening is read as of `today`.
pub fn propose_reference_date_near(text: &str, today: Option<NaiveDate>) -> Option<(NaiveDate, Proposal)> {
    propose_reference_date_with(text, today, DateOrder::Auto)
}

/// [`propose_reference_date_near`], reading numeric dates in the given order.
pub fn propose_reference_date_with(text: &str, today: Option<NaiveDate>, order: DateOrder) -> Option<(NaiveDate, Proposal)> {
    let numeric = match text.contains('/') {
        true => order::decide(text, &crate::tokenize::tokenize(text), order),
        false => order::decide("", &[], order),
    };
    propose_decided(text, today, &numeric)
}

/// [`propose_reference_date_with`] with the order already decided.
pub(crate) fn propose_decided(text: &str, today: Option<NaiveDate>, numeric: &order::Numeric) -> Option<(NaiveDate, Proposal)> {
    // Look at the opening only: a dateline or a "published" line is in the first few lines.
    let mut end = text.len().min(600);
    if let Some((k, _)) = text.char_indices().filter(|(_, c)| *c == '\n').nth(4) {
        end = end.min(k);
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = lex::lex(text, 0, end);
    let mut ctx = Context::new(None, 60);
    let mut found = Vec::new();
    tag_sentence(text, &toks, &mut ctx, numeric, &Names::new(text, &[]), &mut found);
    let dates = || found.iter().filter(|m| m.timex.kind == TimexType::Date);
    if let Some(d) = dates().find_map(|m| NaiveDate::parse_from_str(m.timex.value.get(..10)?, "%Y-%m-%d").ok()) {
        return Some((d, Proposal::Text));
    }
    let today = today?;
    // A day with no year only on the first line: a "Dec. 7" further down is what the story is
    // about, not its date.
    let first_line = text.find('\n').unwrap_or(text.len()).min(200);
    let day = dates().filter(|m| m.byte.end <= first_line).find_map(|m| {
        let v = m.timex.value.strip_prefix("XXXX-")?;
        let (mo, d) = v.split_once('-')?;
        Some((mo.parse::<u32>().ok()?, d.parse::<u32>().ok()?))
    });
    if let Some((mo, d)) = day {
        // Feb. 29 may need to go back to a leap year.
        let found = (0..8).map(|k| today.year() - k).filter_map(|y| NaiveDate::from_ymd_opt(y, mo, d)).find(|x| *x <= today);
        if let Some(x) = found {
            return Some((x, Proposal::YearAssumed));
        }
    }
    Some((today, Proposal::Today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, r: &str) -> Vec<(String, String)> {
        let toks = crate::tokenize::tokenize(s);
        let sents = crate::sentences::split(s, &toks);
        tag(s, &toks, &sents, NaiveDate::parse_from_str(r, "%Y-%m-%d").ok())
            .into_iter()
            .map(|m| (s[m.byte].to_owned(), m.timex.value))
            .collect()
    }

    #[test]
    fn basics() {
        assert_eq!(run("He said on Thursday that", "2021-12-30"), [("Thursday".to_owned(), "2021-12-30".to_owned())]);
        assert_eq!(run("Talks will be on January 9-10, 2022.", "2021-12-30")[0].1, "2022-01-09");
    }

    /// The cards' "why" for each mention of `s`, read on `reference`.
    fn explanations_on(s: &str, reference: Option<NaiveDate>) -> Vec<String> {
        let toks = crate::tokenize::tokenize(s);
        let sents = crate::sentences::split(s, &toks);
        tag(s, &toks, &sents, reference).into_iter().filter_map(|m| m.timex.explanation).collect()
    }

    /// The hover card's "why" reads as English for sets, modified stated dates, day offsets and
    /// clock times placed on the day named after them.
    #[test]
    fn explanations() {
        let why = |s: &str| explanations_on(s, NaiveDate::from_ymd_opt(2021, 12, 30));
        for (text, want) in [
            ("It rains every year.", "every year"),
            ("The fair runs every other weekend.", "every other weekend"),
            ("The club meets every other Thursday.", "every other Thursday"),
            ("Staff work from home on alternate Fridays.", "every other Friday"),
            ("He visits every few months.", "every few months"),
            ("It was ruled for centuries.", "some centuries (an amount of time)"),
            ("Kick-off is on Thursday, Dec. 30.", "December 30 of 2021, the year of 2021-12-30 (future tense)"),
            ("Kick-off is on Friday, Dec. 30.", "December 30 of 2022, the year it is a Friday"),
            ("Kick-off is on Sunday, Dec. 30.", "December 30 of 2021, the year of 2021-12-30 (future tense); the text calls it a Sunday, but it is a Thursday"),
            ("\"We will finish this today,\" the minister said on Tuesday.", "the day of 2021-12-28, the day the quoted words were said"),
            ("Pay comes on the first Monday of next month.", "the first Monday of January 2022, from 2021-12-30"),
            ("We meet every Monday morning.", "every Monday morning"),
            ("He visits twice a week.", "twice a week"),
            ("He checks once an hour.", "once an hour"),
            ("Each summer, tourists come.", "every summer"),
            ("The board meets on the first Monday of each month.", "the first Monday of every month"),
            ("Markets open daily.", "every day"),
            ("By mid-2024, prices had doubled.", "the middle of 2024, stated in the text"),
            ("The board met the day before last Tuesday.", "the day before 2021-12-28 (the previous Tuesday from 2021-12-30)"),
            ("They met at 7 p.m. on Monday.", "that time of 2021-12-27, the day named after it"),
        ] {
            let got = why(text);
            assert_eq!(got.first().map(String::as_str), Some(want), "{text}: {got:?}");
        }
    }

    /// "a week later", "24 hours earlier" stay amounts of time (TimeML), and the card gives the day reached,
    /// counted from the date last mentioned; with no date before, no day is made up. "will ...
    /// in three days" counts from the reference date.
    #[test]
    fn amounts_before_later_name_their_day() {
        let why = |s: &str| explanations_on(s, NaiveDate::from_ymd_opt(2026, 3, 29));
        let got = why("The first leg is on April 8, with the return match a week later.");
        assert_eq!(got[1], "one week (an amount of time); 7 days after 2026-04-08, the date last mentioned: 2026-04-15");
        let got = why("Sales fell on March 8. Two days earlier they rose.");
        assert!(got[1].ends_with("2 days before 2026-03-08, the date last mentioned: 2026-03-06"), "{got:?}");
        assert_eq!(why("Two days later they rose."), ["2 days (an amount of time)"]);
        // "in three days" ahead is counted from the reference date; "in two weeks" looking back is not.
        assert_eq!(why("The team will be back in three days."), ["3 days (an amount of time); 3 days after 2026-03-29, the reference date: 2026-04-01"]);
        assert_eq!(why("Prices rose for the first time in two weeks."), ["2 weeks (an amount of time)"]);
        // Whole days counted in hours.
        let got = why("The strike will begin on Friday; 24 hours earlier, unions will vote.");
        assert!(got[1].ends_with("the day before 2026-04-03, the date last mentioned: 2026-04-02"), "{got:?}");
    }

    /// TIME is for expressions with a time of day; "FUTURE_REF" has a "T" but is a date.
    #[test]
    fn labels() {
        for (text, want) in [
            ("More aid is due in the coming weeks.", Label::Date),
            ("They met on Tuesday afternoon.", Label::Time),
            ("The talks resumed at 15:00 GMT.", Label::Time),
            ("Prices are rising now.", Label::Date),
            ("It happened in the past.", Label::Date),
        ] {
            let toks = crate::tokenize::tokenize(text);
            let sents = crate::sentences::split(text, &toks);
            let got: Vec<Label> = tag(text, &toks, &sents, NaiveDate::from_ymd_opt(2021, 12, 30)).into_iter().map(|m| m.label).collect();
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn proposes_with_the_readers_date() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = Some(d("2023-06-15"));
        for (text, now, want) in [
            ("VIENNA, Nov. 30, 2021 (Dateline) - Talks", today, Some(("2021-11-30", Proposal::Text))),
            ("MANCHESTER, England, Oct. 3 (Dateline) - City won.", today, Some(("2022-10-03", Proposal::YearAssumed))),
            ("LONDON, June 1 - Prices rose.", today, Some(("2023-06-01", Proposal::YearAssumed))),
            ("ROME, Feb. 29 - A leap day.", today, Some(("2020-02-29", Proposal::YearAssumed))),
            ("The ministers met on Friday.", today, Some(("2023-06-15", Proposal::Today))),
            // A day named below the first line is the story's, not its date.
            ("Talks resume\nThey first met on Dec. 7.", today, Some(("2023-06-15", Proposal::Today))),
            ("The ministers met on Friday.", None, None),
            ("", today, Some(("2023-06-15", Proposal::Today))),
        ] {
            let got = propose_reference_date_near(text, now);
            assert_eq!(got, want.map(|(v, p)| (d(v), p)), "{text:?}");
        }
    }

    #[test]
    fn proposes_dateline() {
        assert_eq!(propose_reference_date("MOSCOW, Dec. 30, 2021 (Reuters) - Talks"), NaiveDate::from_ymd_opt(2021, 12, 30));
        assert_eq!(propose_reference_date("no date here"), None);
    }
}
