//! The second pass: turns an underspecified value from a rule (`wd:4`, `md:12:07`,
//! `rel:Y:-1`, ...) into a TIMEX3 value, anchored on the reference date (news) or on the last
//! date mentioned (narrative forms such as "a year earlier"), using the sentence's tense, and
//! says why in words. All calendar arithmetic goes through chrono.

use super::calendars;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// Grammatical time of the sentence around a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past ("said", "was", "-ed").
    Past,
    /// Present ("is", "says").
    Present,
    /// Future ("will", "is expected to").
    Future,
}

impl Tense {
    fn words(t: Option<Tense>) -> &'static str {
        match t {
            Some(Tense::Past) => "past tense",
            Some(Tense::Future) => "future tense",
            Some(Tense::Present) => "present tense",
            None => "no tense cue",
        }
    }
}

/// How fine a remembered date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gran {
    /// A day.
    Day,
    /// An ISO week (anchored on its Monday).
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
}

/// The state that crosses mentions: the reference date and the last date mentioned.
#[derive(Clone, Debug)]
pub struct Context {
    /// The document date.
    pub reference: Option<NaiveDate>,
    /// The last resolved date in the text and its granularity.
    pub last: Option<(NaiveDate, Gran)>,
    /// The last day mentioned, kept when a month or year is named after it: "on Monday 9
    /// November. A museum, open since last year, will open that morning" (see `tag_sentence`).
    pub last_day: Option<NaiveDate>,
    /// The last quarter mentioned ("third-quarter"), for "a year ago" in earnings reports.
    pub last_quarter: Option<NaiveDate>,
    /// How many days a month-and-day may lie on the wrong side of the reference before the
    /// tense moves it a year: small when the tense cue is right next to the expression.
    pub margin: i64,
    /// The month the document's fiscal year ends in, when the text says so and it is not
    /// December ("The company's fiscal year ends on June 30"): its quarters and fiscal years
    /// are then not the calendar's.
    pub fiscal_end: Option<FiscalEnd>,
    /// Whether the text tells a story of the past (see [`Story`]).
    pub story: Story,
    /// The last month (or day) the story of the past named ("in January 1871"): a day of that
    /// month named later without a year ("on Jan. 17") is in that month's year.
    pub story_month: Option<NaiveDate>,
    /// Whether the clause being read has a verb in the present or future: news told of a past
    /// date ("a crash on August 12, 1985, ..., the report says") is no story set in the past.
    pub clause_now: bool,
    /// The last clock range that ran into another day ("from noon today until 6 a.m.
    /// Thursday"), as its two ends, while nothing but bare clock times has been named since.
    pub clock_range: Option<(String, String)>,
    /// The last day named, when it was named as the end of a period ("the season runs through
    /// Nov. 30"): no day a later sentence's bare clock time falls on.
    /// With it, the day named before it, if any ("reported on Tuesday for the quarter that
    /// ended Sept. 30"): the day the story is at.
    pub period_end: Option<(NaiveDate, Option<NaiveDate>)>,
    /// Whether the text numbers weeks as ISO or epidemiological weeks ("ISO week 1 of 2025"):
    /// its bare "week 6" is then a week of the calendar, not of a season or a trial.
    pub iso_weeks: bool,
    /// The last week mentioned, pinned or not ("last week ... the same week in 2024").
    pub last_week: Option<NaiveDate>,
    /// Whether the text is Canadian news (see `mod.rs`): its Thanksgiving is October's and its
    /// Labour Day September's.
    pub canada: bool,
    /// The days the text has named by their date ("Tuesday, February 17", "Feb. 17"): a bare
    /// weekday said later within a week of the reference is one of them.
    pub dated_days: Vec<NaiveDate>,
    /// Whether the last date was counted from the reference ("yesterday", "last night"), as
    /// market reports name the day they compare with, not the day they tell of.
    pub last_deictic: bool,
    /// The day something that runs for days began ("since it began on Thursday", "the fourth
    /// day on Sunday"): its "first day" and "day two" count from it.
    pub event_start: Option<NaiveDate>,
}

/// What the text's first dates say it is: news, anchored on the reference date, or a story
/// told of a year well before it ("On a bitterly cold night in January 1871, fire broke out").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Story {
    /// No date mentioned yet.
    #[default]
    Undecided,
    /// The first date was a month or day of a year stated in the text, two or more before the
    /// reference date, in a clause all in the past tense, and nothing has been anchored on the
    /// reference date since.
    Past,
    /// Anything else.
    News,
}

/// The fiscal year a document states (see [`Context::fiscal_end`]).
#[derive(Clone, Copy, Debug)]
pub struct FiscalEnd {
    /// The month it ends in (1-11).
    pub month: u32,
    /// Whether the document's quarters are fiscal ones (a company's, not a government's).
    pub quarters: bool,
}

/// The margin next to a verb that can only be a simple past ("sales rose in December"): a
/// dateline a few days behind, no more; a month that has not begun is then last year's.
pub const STRICT_PAST_MARGIN: i64 = 7;

/// The margin next to a future verb: a day two weeks gone by is not what "will be off on
/// Martin Luther King Jr. Day" means.
pub const FUTURE_MARGIN: i64 = 14;

/// A resolved value.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// TIMEX3 value.
    pub value: String,
    /// Range end, if any.
    pub end_value: Option<String>,
    /// The anchor (ISO).
    pub anchor: Option<String>,
    /// Why, in words.
    pub explanation: Option<String>,
    /// Whether it was counted from the date last mentioned (not the reference date).
    pub from_last: bool,
}

pub(crate) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
pub(crate) const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// Ordinal words by number, for the card ("the first Tuesday of November").
const ORDINALS: &[&str] = &["", "first", "second", "third", "fourth", "fifth"];

impl Context {
    /// A context at the start of a text: nothing mentioned yet.
    pub fn new(reference: Option<NaiveDate>, margin: i64) -> Self {
        Context { reference, last: None, last_day: None, last_quarter: None, margin, fiscal_end: None, story: Story::Undecided, story_month: None, clause_now: false, clock_range: None, period_end: None, iso_weeks: false, last_week: None, canada: false, dated_days: Vec::new(), last_deictic: false, event_start: None }
    }

    /// The year a story of the past is at, for a month (`month`: its own, a season's first or
    /// a holiday's), day, season or holiday named without a year: that of the date last
    /// mentioned, while it is two or more years before the reference and the clause does not
    /// speak in the present ("He turned 89 in September and plans to attend"); for a day of a
    /// month the story named, that month's.
    /// A story told `forward` (the month named in a later sentence, not as a flashback) moves on
    /// to the next year for a month earlier than the one it is at ("left on Dec. 12, 1962. By
    /// mid-January the hut was finished").
    pub fn story_year(&self, month: Option<u32>, forward: bool) -> Option<i32> {
        let r = self.reference?;
        let (d, g) = self.last?;
        if self.story != Story::Past || d.year() > r.year() - 2 || self.clause_now {
            return None;
        }
        if let Some(s) = self.story_month.filter(|s| month == Some(s.month())) {
            return Some(s.year());
        }
        let on = forward && matches!(g, Gran::Day | Gran::Month) && month.is_some_and(|m| m < d.month());
        Some(d.year() + i32::from(on))
    }

    /// Follows what kind of text this is (see [`Story`]) after a mention resolved from `raw`.
    fn follow_story(&mut self, raw: &str, r: &Resolved, tense: Option<Tense>) {
        let (Some(rf), Some((d, g))) = (self.reference, granularity(&r.value)) else {
            return;
        };
        let far = d.year() <= rf.year() - 2;
        let stated = raw.as_bytes().get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit));
        match self.story {
            // (A year alone is background in news, "the company, founded in 1902, said", and
            // decides nothing; a story set in a past year names its month or day.)
            Story::Undecided if far && stated && matches!(g, Gran::Month | Gran::Day) && tense == Some(Tense::Past) && !self.clause_now => self.story = Story::Past,
            // (Nor does a dateline, the reference date by its month and day, or "Sixty years ago
            // this week".)
            Story::Undecided if far || raw.starts_with("md:") && r.value == rf.to_string() => {}
            Story::Undecided => self.story = Story::News,
            // (A form that counts from the date last mentioned and fell back on the reference,
            // as a clock time does before its day is named, says nothing of the kind of text.)
            Story::Past if r.anchor.as_deref() == Some(rf.to_string().as_str()) && !raw.starts_with("last:") => self.story = Story::News,
            _ => {}
        }
        if self.story == Story::Past && far && matches!(g, Gran::Month | Gran::Day) {
            self.story_month = Some(d);
        }
    }

    /// Resolves a template value (already substituted) given the sentence tense.
    pub fn resolve(&mut self, raw: &str, tense: Option<Tense>) -> Resolved {
        let (a, b) = match raw.split_once("..") {
            Some((a, b)) => (a, Some(b)),
            None => (raw, None),
        };
        // "January-March" (a span of months): said in March, ahead or behind, it is this
        // year's while its last month has not gone by; the tense decides by the end.
        let months = (a.strip_prefix("m:").and_then(|m| m.parse::<u32>().ok()), b.and_then(|b| b.strip_prefix("m:")).and_then(|m| m.parse::<u32>().ok()));
        let span = match (months, self.reference) {
            ((Some(m1), Some(m2)), Some(d)) if (1..=12).contains(&m1) && (1..=12).contains(&m2) => {
                let mut end = self.resolve_one(&format!("m:{m2}"), tense);
                let mut y2: i32 = end.value.get(..4).and_then(|y| y.parse().ok()).unwrap_or(d.year());
                let mut y1 = if m1 > m2 { y2 - 1 } else { y2 };
                // "expects exports to recover in the July-June season", said in June: ahead, a
                // span that began more than half a year ago is the next one.
                if tense == Some(Tense::Future) && NaiveDate::from_ymd_opt(y1, m1, 1).is_some_and(|b| (d - b).num_days() > 183) {
                    (y1, y2) = (y1 + 1, y2 + 1);
                    end.value = format!("{y2:04}-{m2:02}");
                }
                let mut r = self.resolve_one(&format!("m:{m1}"), tense);
                if r.value.get(..4) != Some(format!("{y1:04}").as_str()) {
                    r.value = format!("{y1:04}-{m1:02}");
                    r.explanation = Some(format!("{} to {} {y2}, by the span's last month ({})", MONTHS[(m1 - 1) as usize], MONTHS[(m2 - 1) as usize], Tense::words(tense)));
                }
                r.end_value = Some(end.value);
                Some(r)
            }
            _ => None,
        };
        let spanned = span.is_some();
        let mut r = span.unwrap_or_else(|| self.resolve_one(a, tense));
        if let (Some(b), false) = (b, spanned) {
            let mut end = self.resolve_one(b, tense).value;
            // "June 15-July 15": each end resolved alone may fall either side of a year's
            // turn; the range ends after it starts, in the start's year or the next.
            let dated = |v: &str| v.len() >= 7 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit);
            // One year written for both ends ("28 December - 2 January 2027") is the end's:
            // the start is in the year before.
            let one_year = dated(a) && dated(b) && a.get(..4) == b.get(..4);
            // "from 2300 to 0300 hrs GMT": a range of the clock on one day runs past midnight.
            let same_day_clock = end.len() > 11 && end.as_bytes()[10] == b'T' && r.value.get(..11) == end.get(..11);
            if same_day_clock && end < r.value {
                if let Some(next) = NaiveDate::parse_from_str(&end[..10], "%Y-%m-%d").ok().and_then(|d| d.succ_opt()) {
                    end = format!("{next}{}", &end[10..]);
                }
            } else if end.len() == r.value.len() && dated(&end) && dated(&r.value) && end < r.value && one_year {
                let y0: i32 = r.value[..4].parse().unwrap_or(0);
                let earlier = format!("{:04}{}", y0 - 1, &r.value[4..]);
                if earlier.len() != 10 || NaiveDate::parse_from_str(&earlier, "%Y-%m-%d").is_ok() {
                    r.value = earlier;
                }
            } else if end.len() == r.value.len() && dated(&end) && dated(&r.value) && end < r.value {
                let y0: i32 = r.value[..4].parse().unwrap_or(0);
                let later = [y0, y0 + 1].into_iter().map(|k| format!("{k:04}{}", &end[4..]));
                // (Feb. 29 moved to a year without one is no date.)
                if let Some(moved) = later.filter(|m| *m >= r.value).find(|m| m.len() != 10 || NaiveDate::parse_from_str(m, "%Y-%m-%d").is_ok()) {
                    end = moved;
                }
            }
            // "70 to 87 months": the card says both amounts.
            if let (Some(from), Some(to)) = (amount_words(&r.value), amount_words(&end)) {
                r.explanation = Some(format!("{from} to {to} (an amount of time)"));
            }
            r.end_value = Some(end);
        }
        // Values computed from the narrative anchor do not move it: "a year earlier", said
        // twice, means the same year both times.
        // But "the next day" moves the story on.
        let next_day = raw.starts_with("last:D:+");
        if (!raw.starts_with("last:") || next_day) && !raw.starts_with("ago:") && !raw.starts_with("yq:") && !raw.starts_with("samein:") {
            // Only a week pinned to a day ("the week to Sunday", "the week of March 6", "the last
            // week of June") is a narrative anchor; "this week" or "the week" is too loose to count from.
            let pinned = raw.starts_with("wkwd:") || raw.starts_with("weekof:") || raw.starts_with("lastweekof:") || raw.starts_with("isow:");
            // (Any week is what "the same week in 2024" takes up.)
            if let Some((d, Gran::Week)) = granularity(&r.value) {
                self.last_week = Some(d);
            }
            // A fiscal year ("2023-07" to "2024-06") is a year for what follows ("the previous
            // fiscal year"), named by the year it ends in.
            let fiscal_year = (raw.starts_with("fy:") || raw.starts_with("fyrel:")).then(|| r.end_value.as_deref().and_then(granularity)).flatten().map(|(d, _)| (d, Gran::Year));
            if let Some(g) = fiscal_year.or_else(|| granularity(&r.value)).filter(|g| g.1 != Gran::Week || pinned) {
                self.last = Some(g);
                self.last_deictic = raw.starts_with("rel:D:");
                if g.1 == Gran::Quarter {
                    self.last_quarter = Some(self.topic_quarter(g.0));
                }
            }
        }
        self.follow_story(raw, &r, tense);
        r
    }

    /// After "the nine months", "the first six months": a report now speaks of part of a year,
    /// so "a year earlier" and "the 1988 period" mean that year, not the quarter reported before.
    /// Only a report about a quarter changes: other narrative anchors stay as they were.
    pub fn part_of_year(&mut self) {
        let Some(q) = self.last_quarter.take() else {
            return;
        };
        self.last = NaiveDate::from_ymd_opt(q.year(), 1, 1).map(|y| (y, Gran::Year));
    }

    /// After "the three months to December": the report is about the calendar quarter that
    /// month ends, so "the same period a year earlier" is that quarter a year before.
    pub fn quarter_ending(&mut self, month: NaiveDate) {
        if month.month().is_multiple_of(3) {
            if let Some(q) = NaiveDate::from_ymd_opt(month.year(), month.month() - 2, 1) {
                self.last = Some((q, Gran::Quarter));
                self.last_quarter = Some(q);
            }
        }
    }

    /// The quarter an earnings report is about, after a mention of quarter `q`: the latest
    /// quarter mentioned that is over by the reference date. A forecast ("the fourth quarter",
    /// "the third quarter of 1990") or a look back ("after a flat second quarter") does not
    /// replace the quarter reported on, so "a year earlier" stays that quarter a year before.
    fn topic_quarter(&self, q: NaiveDate) -> NaiveDate {
        let over = |x: NaiveDate| match (self.reference, x.checked_add_months(Months::new(3))) {
            (Some(d), Some(end)) => end <= d.checked_add_signed(Duration::days(15)).unwrap_or(d),
            _ => true,
        };
        match self.last_quarter {
            Some(p) if over(p) && (!over(q) || p > q) => p,
            _ => q,
        }
    }

    fn resolve_one(&self, raw: &str, tense: Option<Tense>) -> Resolved {
        let (base, suffix) = match raw.split_once('|') {
            Some((b, s)) => (b, Some(s)),
            None => (raw, None),
        };
        // "the day before last Tuesday": BASE~-1 is the day before the day BASE names.
        // "the Wednesday before Thanksgiving": BASE~b3 is the last Wednesday before the day BASE
        // names, BASE~a3 the first after it.
        let (base, weekday_from) = match base.split_once('~') {
            Some((b, n)) if n.starts_with(['a', 'b']) && matches!(n.get(1..), Some("1" | "2" | "3" | "4" | "5" | "6" | "7")) => (b, Some((n.starts_with('a'), weekday(&n[1..])))),
            _ => (base, None),
        };
        let (base, days) = match base.split_once('~') {
            Some((b, n)) => (b, n.trim_start_matches('+').parse::<i64>().ok()),
            None => (base, None),
        };
        // A time of the day the story is at, told in the past, is not on a day still ahead:
        // "Protesters will march on Saturday. Lawyers had worked through the night".
        let ahead = |d: &(NaiveDate, Gran)| d.1 == Gran::Day && self.reference.is_some_and(|r| d.0 > r);
        let base = if base == "last:D:0" && suffix.is_some() && tense == Some(Tense::Past) && self.last.as_ref().is_some_and(ahead) { "rel:D:0" } else { base };
        let mut r = self.base(base, tense);
        let days = days.or_else(|| {
            let (after, wd) = weekday_from?;
            let d = NaiveDate::parse_from_str(r.value.get(..10)?, "%Y-%m-%d").ok()?;
            let x = if after { on_or_after(d.succ_opt()?, wd) } else { on_or_before(d.pred_opt()?, wd) };
            Some((x - d).num_days())
        });
        // "3,200 years ago": year -1180 counts a year 0, which is 1 BC.
        if let Some(y) = r.value.strip_prefix('-').filter(|y| !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit())).and_then(|y| y.parse::<u32>().ok()) {
            r.value = format!("BC{:04}", y + 1);
        }
        if r.explanation.is_none() {
            r.explanation = stated(&r.value);
        }
        if let Some(n) = days.filter(|n| n.abs() <= 366) {
            let day = r.value.get(..10).and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
            if let Some((d, x)) = day.and_then(|d| Some((d, d.checked_add_signed(Duration::days(n))?))) {
                r.value = x.to_string();
                let e = r.explanation.take().unwrap_or_else(|| d.to_string());
                let dir = if n < 0 { "before" } else { "after" };
                r.explanation = Some(match n.abs() {
                    _ if weekday_from.is_some() => format!("the {} {dir} {d} ({e})", WEEKDAYS[x.weekday().num_days_from_monday() as usize]),
                    1 => format!("the day {dir} {d} ({e})"),
                    k => format!("{k} days {dir} {d} ({e})"),
                });
            } else {
                // Counted from a day that is not known: a day, which one unknown.
                r.value = "XXXX-XX-XX".into();
                r.explanation = Some("a day counted from one that is not known".into());
            }
        }
        if let Some(s) = suffix {
            let s = time_suffix(s);
            // Only a day (or an unknown day or weekday) takes a time of day.
            if r.value.len() == 10 || r.value == "XXXX-XX-XX" || r.value.starts_with("XXXX-WXX") {
                r.value.push_str(&s);
            }
        }
        r
    }

    fn base(&self, v: &str, tense: Option<Tense>) -> Resolved {
        // "a decade ago", "two decades ago", "a century ago": the year that many decades or
        // centuries back (as "a year ago" is the year), not the decade or century it falls in.
        if let Some(n) = v.strip_prefix("ago:DE:").and_then(|n| n.parse::<i64>().ok()) {
            return self.base(&format!("rel:Y:{}", n.saturating_mul(10)), tense);
        }
        if let Some(n) = v.strip_prefix("ago:CE:").and_then(|n| n.parse::<i64>().ok()) {
            return self.base(&format!("rel:Y:{}", n.saturating_mul(100)), tense);
        }
        // "New Zealand were bowled out on the first day", "It's the second day of an offensive":
        // a day of something that runs for days, counted from the day it began when the text
        // says; else the day the story is at, or the reference date ("the strike entered its
        // fifth day"). Ahead, with neither, which day is not known ("on his first day in office").
        if let Some((n, run)) = event_day(v).filter(|(n, _)| (1..=366).contains(n)) {
            let nth = nth_day(n);
            let counted = self.event_start.filter(|_| !run).and_then(|d| Some((d, d.checked_add_days(chrono::Days::new(n - 1))?)));
            let story = self.last.filter(|(d, g)| *g == Gran::Day && (tense != Some(Tense::Future) || self.reference.is_none_or(|r| *d > r))).map(|(d, _)| d);
            let (value, anchor, explanation) = match (counted, story, self.reference) {
                (Some((d, x)), _, _) => (x.to_string(), Some(d), format!("{nth} of what began on {d}")),
                (None, Some(d), _) if tense != Some(Tense::Present) => (d.to_string(), Some(d), format!("{nth} of something, taken as {d}, the date last mentioned")),
                (None, _, Some(r)) if tense != Some(Tense::Future) => (r.to_string(), Some(r), format!("{nth} of something, taken as the reference date")),
                _ => ("XXXX-XX-XX".to_owned(), None, format!("{nth} of something; which day the text does not say")),
            };
            return Resolved { value, anchor: anchor.map(|d| d.to_string()), explanation: Some(explanation), ..Default::default() };
        }
        // "that same day" after "last October": a day of that month, which one unknown (not
        // the reference date, as a day with no day mentioned before would be).
        if v == "lastday" {
            if let Some((m, Gran::Month)) = self.last {
                let shown = m.format("%Y-%m").to_string();
                return Resolved {
                    value: format!("{shown}-XX"),
                    anchor: Some(m.to_string()),
                    explanation: Some(format!("a day of {shown}, the month last mentioned")),
                    ..Default::default()
                };
            }
            return self.base("last:D:0", tense);
        }
        // "the last day of the month", "the first day of March": an end of the month or year
        // the rest of the value names.
        if let Some((which, inner)) = v.strip_prefix("dayof:").and_then(|r| r.split_once(':')) {
            let r = self.base(inner, tense);
            // ("the last trading day of the year": the last weekday; the first of a year is
            // after New Year's Day, a holiday on every market.)
            let business = which.ends_with("biz");
            let first = which.starts_with("first");
            let day = match r.value.len() {
                7 => NaiveDate::parse_from_str(&format!("{}-01", r.value), "%Y-%m-%d").ok().map(|d| if first { Some(d) } else { add_months(d, 1).and_then(|x| x.pred_opt()) }),
                4 => r.value.parse::<i32>().ok().map(|y| NaiveDate::from_ymd_opt(y, if first { 1 } else { 12 }, if first { if business { 2 } else { 1 } } else { 31 })),
                _ => None,
            }
            .flatten();
            let weekend = |d: &NaiveDate| d.weekday().number_from_monday() >= 6;
            let day = match (day, business) {
                (Some(mut d), true) => {
                    while weekend(&d) {
                        d = if first { d.succ_opt().unwrap_or(d) } else { d.pred_opt().unwrap_or(d) };
                    }
                    Some(d)
                }
                (d, _) => d,
            };
            let what = if business { "working day" } else { "day" };
            let which = if first { "first" } else { "last" };
            return match day {
                Some(d) => Resolved {
                    value: d.to_string(),
                    explanation: r.explanation.map(|e| format!("the {which} {what} of {}: {e}", if r.value.len() == 7 { "that month" } else { "that year" })),
                    ..r
                },
                None => r,
            };
        }
        let f: Vec<&str> = v.split(':').collect();
        let tw = Tense::words(tense);
        let rf = self.reference;
        let mut out = Resolved { value: v.to_owned(), ..Default::default() };
        let anchor = |d: NaiveDate| Some(d.to_string());
        match f[0] {
            "rel" | "last" | "ago" if f.len() == 3 || f.len() == 4 && matches!(f[3], "same" | "sameday" | "year") => {
                let unit = f[1];
                let n = f[2];
                let (base, from_last) = if f[0] == "last" {
                    // In a report about a quarter, "a year earlier" is that quarter a year before.
                    let last = match (self.last_quarter, unit) {
                        // "the previous fiscal year": a whole year, whatever was named before.
                        _ if f.get(3) == Some(&"year") => self.last.map(|(d, _)| (d, Gran::Year)),
                        // (Not "that year" or "the same day last year", nor once the story has
                        // moved years away: "arrested on 14 April 2023 ... the summer of that year".)
                        (Some(q), "Y") if n != "0" && f.get(3) != Some(&"sameday")
                            && !matches!(self.last, Some((d, Gran::Day | Gran::Month)) if (d.year() - q.year()).abs() >= 2) => Some((q, Gran::Quarter)),
                        // A time of day needs a day: a month or year mentioned last is no anchor.
                        // (The day last named, though, if a year was named since and that day
                        // is the report's week: "held its rate on Wednesday and signalled no cut
                        // before the middle of next year. The decision, announced at 2 p.m.")
                        (_, "D" | "H" | "MIN") => self.last.filter(|(_, g)| *g == Gran::Day).or_else(|| {
                            let recent = |d: NaiveDate| rf.is_some_and(|r| (r - d).num_days().abs() <= 7);
                            // (Or any day of the year named since: "the quake of September 21,
                            // 1999 ... as in 1999, when the quake struck at 1:47 a.m.")
                            // (Or a day ahead, when a quarter was named in passing since: "Sunday's
                            // race starts at 2 p.m. Revenue for the third quarter rose ... a parade
                            // at 1:15 p.m.")
                            self.last_day.filter(|&d| matches!(self.last, Some((y, Gran::Year)) if recent(d) || y.year() == d.year()) || matches!(self.last, Some((_, Gran::Quarter))) && recent(d) && rf.is_some_and(|r| d > r)).map(|d| (d, Gran::Day))
                        }),
                        // "the week before" counts from a day or a week, not from a month's first.
                        // (Or from the week last named, when a month, season or year was named since:
                        // "in the week ending Sunday. Winter wheat, sown last autumn, was down
                        // from the previous week".)
                        (_, "W") => self.last.filter(|(_, g)| matches!(g, Gran::Day | Gran::Week)).or_else(|| {
                            let recent = |d: NaiveDate| rf.is_some_and(|r| (r - d).num_days().abs() <= 31);
                            self.last_week.filter(|&d| recent(d) && self.last.is_some_and(|(_, g)| g > Gran::Week)).map(|d| (d, Gran::Week))
                        }),
                        _ => self.last,
                    };
                    // In a story of the past, a day counted from the month or year it is at
                    // ("in January 1871 ... by dawn the next day") is a day of that month or
                    // year, which one the text does not say, not one by the reference date.
                    let story = self.last.filter(|(d, g)| unit == "D" && n != "0" && *g != Gran::Day && self.story == Story::Past && rf.is_some_and(|r| d.year() <= r.year() - 2));
                    match (last, story) {
                        (Some((d, g)), _) => (Some((d, g)), true),
                        (None, Some((d, g))) => {
                            let shown = if g == Gran::Month { d.format("%Y-%m").to_string() } else { format!("{:04}", d.year()) };
                            out.value = if g == Gran::Month { format!("{shown}-XX") } else { format!("{shown}-XX-XX") };
                            out.anchor = anchor(d);
                            out.explanation = Some(format!("a day of {shown}, the time the story is at; which day the text does not say"));
                            return out;
                        }
                        // "started the program in 2021, the same week we went public": a week
                        // of the year (or month) last named, which one the text does not say.
                        (None, None) if unit == "W" && n == "0" && f.len() == 3 && self.last.is_some_and(|(d, g)| matches!(g, Gran::Month | Gran::Year) && rf.is_some_and(|r| d.year() != r.year())) => {
                            if let Some((d, g)) = self.last {
                                let shown = if g == Gran::Month { d.format("%Y-%m").to_string() } else { format!("{:04}", d.year()) };
                                out.value = format!("{:04}-WXX", d.year());
                                out.anchor = anchor(d);
                                out.explanation = Some(format!("a week of {shown}, the time last mentioned; which week the text does not say"));
                            }
                            return out;
                        }
                        (None, None) => (rf.map(|d| (d, Gran::Day)), false),
                    }
                } else {
                    // "a year ago" in a report about a quarter means that quarter a year ago.
                    match (self.last_quarter, rf) {
                        // ("Twenty years ago" is a year, not a quarter.)
                        // (Not once a later month is named: "productivity in April
                        // was higher than a year ago", after "the three months to March".)
                        (Some(q), Some(_)) if unit == "Y" && f[0] == "ago" && n == "-1"
                            && !matches!(self.last, Some((d, Gran::Month)) if d >= q.checked_add_months(Months::new(3)).unwrap_or(q)) => (Some((q, Gran::Quarter)), true),
                        _ => (rf.map(|d| (d, Gran::Day)), false),
                    }
                };
                let Some((d, g)) = base else {
                    out.value = unknown(unit).to_owned();
                    out.explanation = Some("relative to a date that is not known".into());
                    return out;
                };
                // "500,000 years ago": before any calendar the date library (or TIMEX3) writes.
                let parsed = n.trim_start_matches('+').parse::<i64>().ok().filter(|k| unit != "Y" || k.abs() <= 10_000);
                let Some(k) = parsed else {
                    out.value = if n.starts_with('-') { "PAST_REF" } else { "FUTURE_REF" }.into();
                    out.explanation = Some(format!("an unspecified time {} {d}", if n.starts_with('-') { "before" } else { "after" }));
                    return out;
                };
                // The anchor as it was mentioned: a day, a month, a quarter or a year.
                let shown = match g {
                    Gran::Day => d.to_string(),
                    Gran::Week => iso_week(d),
                    Gran::Month => d.format("%Y-%m").to_string(),
                    Gran::Quarter => quarter(d),
                    Gran::Year => format!("{:04}", d.year()),
                };
                out.anchor = anchor(d);
                let what = if from_last { "the date last mentioned" } else { "the reference date" };
                out.from_last = from_last;
                out.value = shift(d, g, unit, k);
                // "up from $29 million a year earlier", after "the three months to Dec. 31": the
                // same day a year before, as exact as the date it counts from.
                let same_day = matches!(f.get(3), Some(&"same" | &"sameday")) && from_last && unit == "Y" && g == Gran::Day && k < 0;
                if same_day {
                    if let Some(x) = d.checked_sub_months(Months::new(12 * k.unsigned_abs() as u32)) {
                        out.value = x.to_string();
                    }
                }
                let d = shown;
                let dir = if k < 0 { "before" } else { "after" };
                out.explanation = Some(match k.abs() {
                    1 if same_day => format!("the same day a year before {d}, {what}"),
                    n if same_day => format!("the same day {n} years before {d}, {what}"),
                    0 => format!("the {} of {d}, {what}", unit_word(unit)),
                    1 => format!("the {} {dir} {d}, {what}", unit_word(unit)),
                    n => format!("{n} {} {dir} {d}, {what}", plural(unit_word(unit))),
                });
            }
            "wd" if f.len() == 2 => {
                let wd = weekday(f[1]);
                let name = WEEKDAYS[wd.num_days_from_monday() as usize];
                match rf {
                    None => out.value = format!("XXXX-WXX-{}", f[1]),
                    Some(d) => {
                        let before = on_or_before(d, wd);
                        let after = on_or_after(d, wd);
                        let future = match tense {
                            Some(Tense::Future) => true,
                            Some(Tense::Past) => false,
                            // Present or no cue: the nearer one, the past on ties (news reports
                            // what happened).
                            _ => (after - d) < (d - before),
                        };
                        let x = if future { after } else { before };
                        out.value = x.to_string();
                        out.anchor = anchor(d);
                        let why = match tense {
                            Some(Tense::Past) | Some(Tense::Future) => tw.to_owned(),
                            _ => format!("{tw}, so the nearer one"),
                        };
                        out.explanation = Some(if x == d {
                            format!("the reference date itself, a {name} ({why})")
                        } else {
                            format!("the {name} {} {d}, {why}", if future { "after" } else { "before" })
                        });
                    }
                }
            }
            "lastwd" if f.len() == 3 => {
                // "the previous Friday": the one before the day the story is at.
                let wd = weekday(f[1]);
                let name = WEEKDAYS[wd.num_days_from_monday() as usize];
                // ("on Memorial Day and introduce a summer timetable the following Sunday": the
                // day last named, past a season named since.)
                let (base, what) = match (self.last, self.last_day) {
                    (Some((d, Gran::Day)), _) => (Some(d), "the date last mentioned"),
                    (_, Some(d)) => (Some(d), "the day last mentioned"),
                    _ => (rf, "the reference date"),
                };
                match base {
                    None => out.value = format!("XXXX-WXX-{}", f[1]),
                    // "that Thursday" with no day named before: a weekday as any other.
                    Some(_) if f[2] == "0" && what == "the reference date" => return self.base(&format!("wd:{}", f[1]), tense),
                    Some(d) if f[2] == "0" => {
                        // "that Thursday": the one within three days of the day the story is at.
                        let x = nearest_weekday(d, wd);
                        out.value = x.to_string();
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("the {name} nearest {d}, {what}"));
                    }
                    Some(d) => {
                        let x = if f[2] == "+1" { on_or_after(d.succ_opt().unwrap_or(d), wd) } else { on_or_before(d.pred_opt().unwrap_or(d), wd) };
                        out.value = x.to_string();
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("the {name} {} {d}, {what}", if f[2] == "+1" { "after" } else { "before" }));
                    }
                }
            }
            "wdrel" if f.len() == 3 => {
                let wd = weekday(f[1]);
                let name = WEEKDAYS[wd.num_days_from_monday() as usize];
                match rf {
                    None => out.value = format!("XXXX-WXX-{}", f[1]),
                    Some(d) => {
                        let same_week = add_days(d, wd.num_days_from_monday() as i64 - d.weekday().num_days_from_monday() as i64);
                        let x = match f[2] {
                            "-1" => on_or_before(add_days(d, -1), wd),
                            "+1" => on_or_after(add_days(d, 1), wd),
                            // "Tuesday next week": that weekday of the week after.
                            "w-1" => add_days(same_week, -7),
                            "w+1" => add_days(same_week, 7),
                            // "this Friday", said on a Sunday about tickets that go on sale:
                            // the coming one, unless a past verb says it has gone by. (A past
                            // verb does not move one still ahead back: "procedures to be
                            // followed this Friday".)
                            _ if same_week < d && tense != Some(Tense::Past) => on_or_after(d, wd),
                            _ => same_week,
                        };
                        out.value = x.to_string();
                        out.anchor = anchor(d);
                        out.explanation = Some(match f[2] {
                            "w-1" => format!("the {name} of the week before {d}"),
                            "w+1" => format!("the {name} of the week after {d}"),
                            "0" if x == same_week => format!("the {name} of the week of {d}"),
                            "0" if x > d => format!("the coming {name} from {d}, {tw}"),
                            "0" => format!("the {name} before {d}, {tw}"),
                            r => format!("the {} {name} from {d}", rel_word(r)),
                        });
                    }
                }
            }
            "md" if f.len() >= 3 => {
                let (m, day) = (f[1].parse().unwrap_or(1), f[2].parse().unwrap_or(1));
                // "last Oct. 23": the past one whatever the verbs say.
                // ("last July 17", said on April 9, is the July before: no slack for a dateline.)
                // "next April 26": the coming one.
                let forced = f[3..].iter().find(|x| matches!(**x, "past" | "future"));
                let tense = match forced {
                    Some(&"past") => Some(Tense::Past),
                    Some(_) => Some(Tense::Future),
                    None => tense,
                };
                let margin = if forced.is_some() { 0 } else { self.margin };
                // "Sunday, Dec. 7": the weekday named with the date, 1 for Monday.
                let weekday = f[3..].iter().find_map(|x| x.strip_prefix("wd")?.parse::<u32>().ok());
                match rf {
                    None => out.value = format!("XXXX-{m:02}-{day:02}"),
                    Some(d) => {
                        let by_tense = year_by_tense(d, m, day, tense, margin);
                        // When the date does not fall on that weekday in the year the tense
                        // gives, the year next to it where it does (the nearer to the anchor).
                        let on_weekday = |y: i32| NaiveDate::from_ymd_opt(y, m, day).is_some_and(|x| Some(x.weekday().number_from_monday()) == weekday);
                        // ("September 17, 1944 ... On Wednesday, September 20": the year of the
                        // date last named, when the weekday fits it.)
                        let told = self.last.map(|(l, _)| l.year()).filter(|&y| y != by_tense && on_weekday(y));
                        let y = match (weekday, told) {
                            (Some(_), Some(y)) if !on_weekday(by_tense) => y,
                            (Some(_), _) if !on_weekday(by_tense) => [d.year() - 1, d.year(), d.year() + 1]
                                .into_iter()
                                .filter(|&y| on_weekday(y))
                                .min_by_key(|&y| NaiveDate::from_ymd_opt(y, m, day).map_or(i64::MAX, |x| (x - d).num_days().abs()))
                                .unwrap_or(by_tense),
                            _ => by_tense,
                        };
                        match NaiveDate::from_ymd_opt(y, m, day) {
                            Some(x) => {
                                out.value = x.to_string();
                                out.explanation = Some(if y == by_tense {
                                    month_day_words(MONTHS[(m - 1) as usize], Some(day), y, d, tw)
                                } else {
                                    format!("{} {day} of {y}, the year it is a {}", MONTHS[(m - 1) as usize], WEEKDAYS[x.weekday().num_days_from_monday() as usize])
                                });
                                // (No year near fits: say so rather than pass over it.)
                                if let Some(said) = weekday.filter(|_| !on_weekday(y)).and_then(|w| WEEKDAYS.get(w.wrapping_sub(1) as usize)) {
                                    let is = WEEKDAYS[x.weekday().num_days_from_monday() as usize];
                                    out.explanation = out.explanation.map(|e| format!("{e}; the text calls it a {said}, but it is a {is}"));
                                }
                            }
                            None => out.value = format!("{y:04}-{m:02}-{day:02}"),
                        }
                        out.anchor = anchor(d);
                    }
                }
            }
            "m" if f.len() == 2 => {
                let m: u32 = f[1].parse().unwrap_or(1);
                match rf {
                    None => out.value = format!("XXXX-{m:02}"),
                    Some(d) => {
                        // A whole month two months gone is not what "will ... in December" means.
                        let margin = if tense == Some(Tense::Future) { self.margin.min(60) } else { self.margin };
                        // Next to a past verb, a month that has not begun is last year's.
                        let y = match tense {
                            Some(Tense::Past) if margin <= STRICT_PAST_MARGIN => year_by_tense(d, m, 1, tense, 0),
                            _ => year_by_tense(d, m, 15, tense, margin),
                        };
                        out.value = format!("{y:04}-{m:02}");
                        out.anchor = anchor(d);
                        out.explanation = Some(month_day_words(MONTHS[(m - 1) as usize], None, y, d, tw));
                    }
                }
            }
            "mrel" if f.len() == 3 => {
                let m: u32 = f[1].parse().unwrap_or(1);
                match rf {
                    None => out.value = format!("XXXX-{m:02}"),
                    Some(d) => {
                        let y = match f[2] {
                            // "last February", said in March, is a year back: the month just
                            // gone would be "last month".
                            "-1" if m + 1 >= d.month() => d.year() - 1,
                            "+1" if m <= d.month() => d.year() + 1,
                            "-1" | "+1" => d.year(),
                            // "this March": the nearer one, by tense.
                            _ => year_by_tense(d, m, 15, tense, self.margin),
                        };
                        out.value = format!("{y:04}-{m:02}");
                        out.anchor = anchor(d);
                        let name = MONTHS[(m - 1) as usize];
                        out.explanation = Some(match f[2] {
                            "-1" | "+1" => format!("the {} {name} from {d}", rel_word(f[2])),
                            _ => format!("the {name} nearer to {d}, by tense"),
                        });
                    }
                }
            }
            // "the 197th day of 2019": a day counted from the year's start.
            "yday" if f.len() == 3 => {
                let day = f[1].parse::<i32>().ok().zip(f[2].parse::<u32>().ok()).and_then(|(y, n)| NaiveDate::from_yo_opt(y, n));
                match day {
                    Some(d) => {
                        out.value = d.to_string();
                        out.explanation = Some(format!("day {} of {}", f[2], f[1]));
                    }
                    None => out.value = format!("{}-XX-XX", f[1]),
                }
            }
            "my" if f.len() == 3 => {
                let m: u32 = f[1].parse().unwrap_or(1);
                let k: i32 = f[2].trim_start_matches('+').parse().unwrap_or(0);
                match rf {
                    None => out.value = format!("XXXX-{m:02}"),
                    Some(d) => {
                        out.value = format!("{:04}-{m:02}", d.year() + k);
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("{} of {}", MONTHS[(m - 1) as usize], year_from(f[2], d)));
                    }
                }
            }
            // "June 11 of last year": day D of month M in the year R from the reference.
            "mdr" if f.len() == 4 => {
                let (m, day): (u32, u32) = (f[1].parse().unwrap_or(1), f[2].parse().unwrap_or(1));
                let k: i32 = f[3].trim_start_matches('+').parse().unwrap_or(0);
                match rf {
                    None => out.value = format!("XXXX-{m:02}-{day:02}"),
                    Some(d) => {
                        let y = d.year() + k;
                        out.value = NaiveDate::from_ymd_opt(y, m, day).map_or(format!("{y:04}-{m:02}-XX"), |x| x.to_string());
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("{} {day} of {}", MONTHS[(m.clamp(1, 12) - 1) as usize], year_from(f[3], d)));
                    }
                }
            }
            "season" | "srel" if f.len() >= 2 => {
                let s = f[1];
                // "this past spring": the last one, whatever the verbs say.
                let tense = if f.get(2) == Some(&"past") { Some(Tense::Past) } else { tense };
                let start = season_start(s);
                match rf {
                    None => out.value = format!("XXXX-{s}"),
                    Some(d) => {
                        let y = match (f[0], f.get(2).copied(), tense) {
                            // "last spring": the latest one over ("a strike that began last
                            // spring", said in October, is this year's; said in April, last
                            // year's). A spring, summer or autumn that ended within three weeks is
                            // still "this spring", so said in June "last spring" is last year's;
                            // not a winter ("an attempt to take over Diamond Shamrock last winter",
                            // said in March). A winter is named by the year it starts in.
                            ("srel", Some("-1"), _) => {
                                let grace = if s == "WI" { 0 } else { 21 };
                                let over = |y: i32| NaiveDate::from_ymd_opt(y, start, 1).and_then(|x| add_months(x, 3)).is_some_and(|end| add_days(end, grace) <= d);
                                if over(d.year()) { d.year() } else if over(d.year() - 1) { d.year() - 1 } else { d.year() - 2 }
                            }
                            ("srel", Some("+1"), _) => if start > d.month() { d.year() } else { d.year() + 1 },
                            ("season", _, Some(Tense::Past)) if start > d.month() => d.year() - 1,
                            ("season", _, Some(Tense::Future)) if start + 3 <= d.month() => d.year() + 1,
                            // No tense: this year's, but the winter just ending in the first
                            // months, and next year's for a season over for months ("faces
                            // trial in the spring", said in November).
                            ("season", _, None | Some(Tense::Present)) if s == "WI" && d.month() <= 3 => d.year() - 1,
                            ("season", _, None | Some(Tense::Present)) if s != "WI" && start + 2 + 3 < d.month() => d.year() + 1,
                            _ => d.year(),
                        };
                        out.value = format!("{y:04}-{s}");
                        out.anchor = anchor(d);
                        out.explanation = Some(match (f[0], f.get(2).copied()) {
                            ("srel", Some("-1")) => format!("the last {} over {}{d}, in {y}", season_word(s), if s == "WI" { "by " } else { "three weeks or more before " }),
                            (_, Some("past")) => format!("the last {} begun by {d}, in {y}", season_word(s)),
                            _ => format!("the season in {y}, from {d}, {tw}"),
                        });
                    }
                }
            }
            // "that summer": the season of the year the story is at.
            "lastseason" if f.len() == 2 => match self.last {
                Some((d, _)) => {
                    out.value = format!("{:04}-{}", d.year(), f[1]);
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("the season in {}, the year last mentioned", d.year()));
                }
                None => return self.base(&format!("season:{}", f[1]), tense),
            },
            // "The museum opened in 1998. The following spring": the first such season to begin
            // after the period last mentioned; "the preceding winter", the last to end before it.
            "lastsrel" if f.len() == 3 => match self.last {
                Some((d, g)) => {
                    let s = f[1];
                    let y = beside_period(d, g, season_start(s), 3, f[2].starts_with('-'));
                    out.value = format!("{y:04}-{s}");
                    out.anchor = anchor(d);
                    let (which, side) = if f[2].starts_with('-') { ("last", "before") } else { ("first", "after") };
                    out.explanation = Some(format!("the {which} {} {side} {}, the date last mentioned, in {y}", season_word(s), shift(d, g, "D", 0)));
                }
                None => return self.base(&format!("srel:{}:{}", f[1], f[2]), tense),
            },
            // "the following May", "the previous March": the first month M to begin after the
            // period last mentioned ends, or the last to end before it begins.
            "lastmrel" if f.len() == 3 => match (self.last, f[1].parse::<u32>().ok().filter(|m| (1..=12).contains(m))) {
                (Some((d, g)), Some(m)) => {
                    let y = beside_period(d, g, m, 1, f[2].starts_with('-'));
                    out.value = format!("{y:04}-{m:02}");
                    out.anchor = anchor(d);
                    let (which, side) = if f[2].starts_with('-') { ("last", "before") } else { ("first", "after") };
                    out.explanation = Some(format!("the {which} {} {side} {}, the date last mentioned, in {y}", MONTHS[(m - 1) as usize], shift(d, g, "D", 0)));
                }
                _ => return self.base(&format!("mrel:{}:{}", f[1], f[2]), tense),
            },
            // "from Monday 7th", "Thursday the 10th": day D of the month around the reference
            // in which it falls on that weekday.
            "wddom" if f.len() == 3 => {
                let wd = weekday(f[1]);
                let day: u32 = f[2].parse().unwrap_or(1).clamp(1, 31);
                let name = WEEKDAYS[wd.num_days_from_monday() as usize];
                let base = rf.or(self.last.map(|(x, _)| x));
                // The months around the reference in which that day falls on that weekday.
                let pick = base.and_then(|d| {
                    let first = d.with_day(1)?;
                    (-3..=3)
                        .filter_map(|k| add_months(first, k)?.with_day(day))
                        .filter(|v| v.weekday() == wd)
                        .min_by_key(|v| (*v - d).num_days().abs())
                        .map(|v| (d, v))
                });
                match pick {
                    Some((d, v)) => {
                        out.value = v.to_string();
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("the {name} the {day}{} nearest {d}", ordinal_suffix(day)));
                    }
                    None => out.value = format!("XXXX-XX-{day:02}"),
                }
            }
            // "isow:N[:Y]": ISO week N of year Y, or the latest week N by the tense (the
            // next one in the future tense): "week 44", said in February, is last year's.
            "isow" if f.len() >= 2 => {
                let n: u32 = match f[1].parse() {
                    Ok(n @ 1..=53) => n,
                    _ => return self.base("XXXX-WXX", tense),
                };
                let stated = f.get(2).and_then(|y| y.parse::<i32>().ok());
                let week = |y: i32| NaiveDate::from_isoywd_opt(y, n, Weekday::Mon);
                let y = match (stated, rf) {
                    (Some(y), _) => y,
                    (None, None) => {
                        out.value = format!("XXXX-W{n:02}");
                        return out;
                    }
                    (None, Some(d)) => {
                        let this = d.iso_week().year();
                        let now = d.iso_week().week();
                        match tense {
                            // Ahead: the first week N that ended no more than six weeks ago
                            // ("figures for week 9 will be released", said in week 10, is this
                            // year's week 9, whose data are still to come).
                            Some(Tense::Future) => (this - 1..=this + 1)
                                .find(|&y| week(y).is_some_and(|w| (d - w).num_days() <= 7 * 7))
                                .unwrap_or(this + 1),
                            _ if n > now => this - 1,
                            _ => this,
                        }
                    }
                };
                // (Week 53 only in a year that has one.)
                if week(y).is_none() {
                    out.value = format!("{y:04}-WXX");
                    return out;
                }
                out.value = format!("{y:04}-W{n:02}");
                match (stated, rf) {
                    (None, Some(d)) => {
                        out.anchor = anchor(d);
                        let which = if tense == Some(Tense::Future) { "the next, or one ended in the last six weeks, from" } else { "the latest by" };
                        out.explanation = Some(format!("ISO week {n} of {y}, {which} {d} ({tw})"));
                    }
                    _ => out.explanation = Some(format!("ISO week {n} of {y}")),
                }
            }
            // "on the 15th": of the month named last ("In March ... on the 15th"); else of the
            // reference's month or the one next to it, by tense.
            "dom" if f.len() == 2 => {
                let day: u32 = f[1].parse().unwrap_or(1).clamp(1, 31);
                let month_of = |x: NaiveDate, k: i64| {
                    let first = x.with_day(1).unwrap_or(x);
                    add_months(first, k)?.with_day(day)
                };
                // (Not a day the month named last lacks: "In February ... on the 30th".)
                let named = self.last.filter(|(_, g)| *g == Gran::Month).and_then(|(x, _)| Some((x, month_of(x, 0)?)));
                match (named, rf) {
                    (Some((x, v)), _) => {
                        out.value = v.to_string();
                        out.anchor = anchor(x);
                        out.explanation = Some(format!("day {day} of {}, the month last mentioned", x.format("%Y-%m")));
                    }
                    (_, None) => out.value = format!("XXXX-XX-{day:02}"),
                    (_, Some(d)) => {
                        // "The vote is on the 15th": a day named by its number alone is one
                        // coming up unless a past verb says otherwise.
                        let allowed = |v: &NaiveDate| match tense {
                            Some(Tense::Past) => *v <= d,
                            Some(Tense::Future | Tense::Present) => *v >= d,
                            None => true,
                        };
                        let pick = (-1..=1).filter_map(|k| month_of(d, k)).filter(allowed).min_by_key(|v| (*v - d).num_days().abs());
                        match pick {
                            Some(v) => {
                                out.value = v.to_string();
                                out.anchor = anchor(d);
                                let which = if (v.year(), v.month()) == (d.year(), d.month()) {
                                    "the month of"
                                } else if v < d {
                                    "the month before"
                                } else {
                                    "the month after"
                                };
                                out.explanation = Some(format!("day {day} of {which} {d} ({tw})"));
                            }
                            None => out.value = format!("XXXX-XX-{day:02}"),
                        }
                    }
                }
            }
            // "Fifty years ago this week", "ten years ago today": that week, day or month of the
            // year so many years back.
            "agoin" if f.len() == 3 => {
                let n: u32 = f[1].parse().unwrap_or(0);
                match rf.and_then(|d| Some((d, d.checked_sub_months(Months::new(12 * n))?))) {
                    None => out.value = "PAST_REF".into(),
                    Some((d, x)) => {
                        let (value, what) = match f[2] {
                            "W" => (iso_week(x), "week"),
                            "M" => (x.format("%Y-%m").to_string(), "month"),
                            _ => (x.to_string(), "day"),
                        };
                        out.value = value;
                        out.anchor = anchor(d);
                        let years = if n == 1 { "a year".to_owned() } else { format!("{n} years") };
                        out.explanation = Some(format!("the same {what} {years} before {d}, the reference date"));
                    }
                }
            }
            // "the 3rd of next month", "the 24th of this month": a day of a month counted from
            // the reference date.
            "domrel" if f.len() == 3 => {
                let day: u32 = f[1].parse().unwrap_or(1).clamp(1, 31);
                let k: i64 = f[2].trim_start_matches('+').parse().unwrap_or(0);
                match rf {
                    None => out.value = format!("XXXX-XX-{day:02}"),
                    Some(d) => {
                        let month = d.with_day(1).and_then(|x| add_months(x, k));
                        match month.and_then(|x| x.with_day(day)) {
                            Some(v) => {
                                out.value = v.to_string();
                                out.anchor = anchor(d);
                                let which = match k {
                                    0 => "the month of",
                                    -1 => "the month before",
                                    1 => "the month after",
                                    _ => "a month from",
                                };
                                out.explanation = Some(format!("day {day} of {which} {d}, the reference date"));
                            }
                            // "the 31st of next month" in a 30-day month: no such day.
                            None => out.value = month.map_or_else(|| format!("XXXX-XX-{day:02}"), |x| x.format("%Y-%m").to_string()),
                        }
                    }
                }
            }
            // "September of that year": the month in the year last mentioned.
            // "October 19 of that year": that day in the year last mentioned.
            "lastm" if f.len() == 3 => match self.last {
                Some((d, _)) => {
                    let m: u32 = f[1].parse().unwrap_or(1).clamp(1, 12);
                    let day: u32 = f[2].parse().unwrap_or(1);
                    match NaiveDate::from_ymd_opt(d.year(), m, day) {
                        Some(x) => {
                            out.value = x.to_string();
                            out.anchor = anchor(d);
                            out.explanation = Some(format!("{} {day} of {}, the year last mentioned", MONTHS[(m - 1) as usize], d.year()));
                        }
                        None => out.value = format!("{:04}-{m:02}-XX", d.year()),
                    }
                }
                None => return self.base(&format!("md:{}:{}", f[1], f[2]), tense),
            },
            // "the second half of that year", "the third quarter of the same year": that part
            // of the year last mentioned.
            "lastpart" if f.len() == 3 => match self.last {
                Some((d, _)) => {
                    let (unit, word) = if f[1] == "H" { ("H", "half") } else { ("Q", "quarter") };
                    out.value = format!("{:04}-{unit}{}", d.year(), f[2]);
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("{} {} of {}, the year last mentioned", ORDINALS.get(f[2].parse::<usize>().unwrap_or(0)).copied().unwrap_or(f[2]), word, d.year()));
                }
                None => return self.base(&format!("{}:{}", if f[1] == "H" { "half" } else { "q" }, f[2]), tense),
            },
            "lastm" if f.len() == 2 => match self.last {
                Some((d, _)) => {
                    let m: u32 = f[1].parse().unwrap_or(1).clamp(1, 12);
                    out.value = format!("{:04}-{m:02}", d.year());
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("{} of {}, the year last mentioned", MONTHS[(m - 1) as usize], d.year()));
                }
                None => return self.base(&format!("m:{}", f[1]), tense),
            },
            // "the same month of 2019", "the same quarter of 1986": the month or quarter last
            // mentioned, in the year named.
            "samein" if f.len() == 4 => {
                let m: u32 = f[3].parse().unwrap_or(1).clamp(1, 12);
                out.value = format!("{:04}-{m:02}", f[1].parse::<i32>().unwrap_or(0));
                out.explanation = Some(format!("{} of {}, the month its sentence names", MONTHS[(m - 1) as usize], f[1]));
            }
            // "the same week in 2024": the ISO week last mentioned, by number, in that year.
            "samein" if f.len() == 3 && f[2] == "W" => {
                let y: i32 = f[1].parse().unwrap_or(0);
                match self.last.filter(|(_, g)| *g <= Gran::Week).map(|(d, _)| d).or(self.last_week) {
                    Some(d) => {
                        let w = d.iso_week().week();
                        let w = if NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).is_some() { w } else { w - 1 };
                        out.value = format!("{y:04}-W{w:02}");
                        out.anchor = anchor(d);
                        out.explanation = Some(format!("week {w} of {y}, the week last mentioned"));
                    }
                    None => {
                        out.value = format!("{y:04}");
                        out.explanation = stated(&out.value);
                    }
                }
            }
            "samein" if f.len() == 3 => {
                let y: i32 = f[1].parse().unwrap_or(0);
                let want = if f[2] == "Q" { Gran::Quarter } else { Gran::Month };
                let last = match (self.last, self.last_quarter) {
                    (_, Some(q)) if want == Gran::Quarter => Some(q),
                    (Some((d, g)), _) if g <= want && g != Gran::Week => Some(d),
                    _ => None,
                };
                match last {
                    Some(d) => {
                        out.value = shift(d, want, "Y", (y - d.year()) as i64);
                        out.anchor = anchor(d);
                        out.explanation = Some(match want {
                            Gran::Quarter => format!("quarter {} of {y}, the quarter last mentioned", d.month0() / 3 + 1),
                            _ => format!("{} of {y}, the month last mentioned", MONTHS[d.month0() as usize]),
                        });
                    }
                    None => {
                        out.value = format!("{y:04}");
                        out.explanation = stated(&out.value);
                    }
                }
            }
            // "the past three summers": the last N seasons over by the reference date.
            "spast" if f.len() == 3 => {
                let s = f[1];
                let n: i32 = f[2].parse().unwrap_or(1).clamp(1, 100);
                let start = season_start(s) as i32;
                match rf {
                    None => out.value = format!("XXXX-{s}"),
                    Some(d) => {
                        // Winter starts in December and is named by that year.
                        let over = |y: i32| (y * 12 + start + 2) < d.year() * 12 + d.month() as i32;
                        let last = if over(d.year()) { d.year() } else { d.year() - 1 };
                        let first = last - (n - 1);
                        out.value = format!("{first:04}-{s}");
                        out.end_value = (n > 1).then(|| format!("{last:04}-{s}"));
                        out.anchor = anchor(d);
                        let name = season_word(s);
                        out.explanation = Some(match n {
                            1 => format!("the last {name} before {d}"),
                            _ => format!("the last {n} {name}s before {d}, {first} to {last}"),
                        });
                    }
                }
            }
            "mq" if f.len() == 2 => {
                let m: u32 = f[1].parse().unwrap_or(1).clamp(1, 12);
                return self.base(&format!("q:{}", (m - 1) / 3 + 1), tense);
            }
            // "fyq:N:E:Y": quarter N of fiscal year Y ("the second quarter of fiscal 2025").
            "fyq" if f.len() == 4 => {
                // (mod.rs writes only numbers here; anything else is no quarter known.)
                let (Ok(n), Ok(e), Ok(y)) = (f[1].parse::<u32>(), f[2].parse::<u32>(), f[3].parse::<i32>()) else {
                    return self.base("XXXX-QX", tense);
                };
                let (value, words) = fiscal_quarter(y, n.clamp(1, 4), e.clamp(1, 12));
                out.value = value;
                out.explanation = Some(words);
            }
            // "fy:E:Y": fiscal year Y; "fyrel:E:K": the fiscal year K after the reference's.
            "fy" | "fyrel" if f.len() == 3 => {
                let (Ok(e), Ok(k)) = (f[1].parse::<u32>(), f[2].parse::<i32>()) else {
                    return self.base("XXXX", tense);
                };
                let e = e.clamp(1, 12);
                let y = match (f[0], rf) {
                    ("fy", _) => k,
                    (_, Some(d)) => d.year() + i32::from(d.month() > e) + k,
                    (_, None) => return self.base(&format!("rel:Y:{k}"), tense),
                };
                let start = fiscal_quarter_start(y, 1, e);
                let last = start.checked_add_months(Months::new(11)).unwrap_or(start);
                out.value = start.format("%Y-%m").to_string();
                out.end_value = Some(last.format("%Y-%m").to_string());
                if let Some(d) = rf.filter(|_| f[0] == "fyrel") {
                    out.anchor = anchor(d);
                }
                out.explanation = Some(format!("fiscal {y}, {} {} to {} {} (the fiscal year ends in {})", MONTHS[start.month0() as usize], start.year(), MONTHS[last.month0() as usize], last.year(), MONTHS[(e - 1) as usize]));
            }
            // "fyh:N:E": half N of the fiscal year ending in month E, by tense as a quarter is:
            // its six months.
            // ("fyh:N:E:Y": half N of fiscal year Y, "the first half of fiscal 2022".)
            "fyh" if f.len() == 3 || f.len() == 4 => {
                let stated = f.get(3).and_then(|y| y.parse::<i32>().ok());
                let (Ok(n), Ok(e), Some(d)) = (f[1].parse::<u32>(), f[2].parse::<u32>(), rf) else {
                    return match stated {
                        Some(y) => self.base(&format!("{y:04}-H{}", f[1]), tense),
                        None => self.base(&format!("half:{}", f[1]), tense),
                    };
                };
                let (n, e) = (n.clamp(1, 2), e.clamp(1, 12));
                let y0 = d.year() + i32::from(d.month() > e);
                let begins = fiscal_quarter_start(y0, 2 * n - 1, e);
                let ahead = (begins - d).num_days();
                // ("Revenue rose in the first half", said in its second month: the last one.)
                let over = begins.checked_add_months(Months::new(6)).is_some_and(|end| (end - d).num_days() <= 15);
                let y = match (stated, tense) {
                    (Some(y), _) => y,
                    (None, Some(Tense::Past)) if !over => y0 - 1,
                    (None, None | Some(Tense::Present)) if ahead > 180 => y0 - 1,
                    _ => y0,
                };
                let start = fiscal_quarter_start(y, 2 * n - 1, e);
                let last = start.checked_add_months(Months::new(5)).unwrap_or(start);
                out.value = start.format("%Y-%m").to_string();
                out.end_value = Some(last.format("%Y-%m").to_string());
                out.anchor = anchor(d);
                out.explanation = Some(format!(
                    "half {n} of fiscal {y}, {} {} to {} {} (the fiscal year ends in {}{})",
                    MONTHS[start.month0() as usize],
                    start.year(),
                    MONTHS[last.month0() as usize],
                    last.year(),
                    MONTHS[(e - 1) as usize],
                    if stated.is_some() { String::new() } else { format!("; {tw}") }
                ));
            }
            // "q:N": quarter N by tense; "q:N:E": quarter N of a fiscal year ending in month E
            // (a calendar quarter is one of a year ending in December).
            "q" if f.len() == 2 || f.len() == 3 && rf.is_some() => {
                let q = f[1];
                let fiscal = f.get(2).and_then(|e| e.parse::<u32>().ok()).map(|e| e.clamp(1, 12));
                match rf {
                    None => out.value = format!("XXXX-Q{q}"),
                    Some(d) => {
                        // A quarter not yet begun is last year's in a past-tense sentence
                        // ("fourth-quarter profit rose", said in January), and without a cue
                        // when last year's is the nearer. Earnings news looks back: a quarter
                        // already over stays this year's whatever the verbs say ("expects to
                        // release third-quarter results").
                        let n: u32 = q.parse().unwrap_or(1).clamp(1, 4);
                        let e = fiscal.unwrap_or(12);
                        // The (fiscal) year holding the reference date, named by the year it ends in.
                        let y0 = d.year() + i32::from(d.month() > e);
                        let start = fiscal_quarter_start(y0, n, e);
                        let ahead = (start - d).num_days();
                        // "due by the end of the first quarter", said in November: next
                        // year's, once this year's has been over for months.
                        let over = start.checked_add_months(Months::new(3)).map_or(0, |end| (d - end).num_days());
                        let y = match tense {
                            Some(Tense::Past) if ahead > 0 => y0 - 1,
                            None | Some(Tense::Present) if ahead > 180 => y0 - 1,
                            Some(Tense::Future) if over > 120 => y0 + 1,
                            _ => y0,
                        };
                        out.anchor = anchor(d);
                        let (value, words) = match fiscal {
                            Some(e) => fiscal_quarter(y, n, e),
                            None => (format!("{y:04}-Q{q}"), format!("quarter {q} of {y}")),
                        };
                        out.value = value;
                        out.explanation = Some(match (y.cmp(&y0), fiscal) {
                            (std::cmp::Ordering::Equal, None) => format!("quarter {q} of the year of {d}"),
                            (std::cmp::Ordering::Equal, Some(_)) => format!("{words}, the fiscal year of {d}"),
                            (std::cmp::Ordering::Less, _) => format!("{words}, the last one before {d} ({tw})"),
                            (std::cmp::Ordering::Greater, _) => format!("{words}, the next one after {d} ({tw})"),
                        });
                    }
                }
            }
            "we" => match rf {
                None => out.value = "XXXX-WXX-WE".into(),
                Some(d) => {
                    // "the weekend": in a past-tense sentence the one before the date.
                    // In a future one said on a Sunday, the next (that weekend is all but over).
                    let past = tense == Some(Tense::Past) && d.weekday().num_days_from_monday() < 5;
                    let next = tense == Some(Tense::Future) && d.weekday() == Weekday::Sun;
                    let x = if past { add_days(d, -7) } else if next { add_days(d, 7) } else { d };
                    let w = x.iso_week();
                    out.value = format!("{:04}-W{:02}-WE", w.year(), w.week());
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("the weekend {} {d}, {tw}", if past { "before" } else if next { "after" } else { "of the week of" }));
                }
            },
            // "into the new year": the year that begins next, or in its first quarter the one
            // just begun ("the new year began badly", said in February).
            "newyear" => match rf {
                None => out.value = "XXXX".into(),
                Some(d) => {
                    let begun = d.month() <= 3;
                    let y = if begun { d.year() } else { d.year() + 1 };
                    out.value = format!("{y:04}");
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("the year {} {d}", if begun { "just begun on" } else { "that begins after" }));
                }
            },
            "holp" | "holf" if f.len() >= 2 => {
                // "last Thanksgiving", "next Christmas": the one before / after, whatever the
                // verbs say and however near.
                let forced = if f[0] == "holp" { Tense::Past } else { Tense::Future };
                let strict = Context { margin: 0, ..self.clone() };
                out = strict.base(&format!("hol:{}", f[1..].join(":")), Some(forced));
            }
            "holwk" if f.len() >= 2 => {
                // "Easter week": the ISO week of the holiday.
                let inner = self.base(&format!("hol:{}", f[1..].join(":")), tense);
                out = week_of(inner);
            }
            "holwkr" | "holwkry" if f.len() >= 3 => {
                // "the week before Thanksgiving", "the week after Easter": the ISO week one
                // week from the holiday's ("holwkry:2022:+1:..." in a year the text gave).
                let (k, inner) = match f[0] {
                    "holwkry" if f.len() >= 4 => (f[2], self.base(&format!("holy:{}:{}", f[1], f[3..].join(":")), tense)),
                    _ => (f[1], self.base(&format!("hol:{}", f[2..].join(":")), tense)),
                };
                let k: i64 = k.trim_start_matches('+').parse().unwrap_or(0);
                out = match NaiveDate::parse_from_str(&inner.value, "%Y-%m-%d").ok().and_then(|x| x.checked_add_signed(Duration::days(7 * k))) {
                    Some(x) => {
                        let dir = if k < 0 { "before" } else { "after" };
                        let why = inner.explanation.clone().map(|e| format!("the week {dir} that of {} ({e})", inner.value));
                        let w = week_of(Resolved { value: x.to_string(), ..inner });
                        Resolved { explanation: why, ..w }
                    }
                    None => Resolved { value: "XXXX-WXX".into(), ..inner },
                };
            }
            "holwe" if f.get(1) == Some(&"near") => {
                // "the holiday weekend": the long weekend of the public holiday nearest the
                // date (at most three weeks off), one over in a past-tense sentence, one not
                // yet over in a future one.
                let near = rf.and_then(|d| {
                    let days = |x: NaiveDate| (holiday_weekend(x) - d).num_days();
                    let fits = |n: i64| match tense {
                        Some(Tense::Past) => (-21..=0).contains(&n),
                        Some(Tense::Future) => (-1..=21).contains(&n),
                        _ => (-21..=21).contains(&n),
                    };
                    (d.year() - 1..=d.year() + 1)
                        .flat_map(|y| LONG_WEEKENDS.iter().filter_map(move |(name, spec)| Some((*name, holiday(y, &spec.split(':').collect::<Vec<_>>())?))))
                        .filter(|(_, x)| fits(days(*x)))
                        .min_by_key(|(_, x)| days(*x).abs())
                        .map(|(name, x)| (d, name, x))
                });
                out = match near {
                    Some((d, name, x)) => {
                        let w = holiday_weekend(x).iso_week();
                        Resolved {
                            value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
                            anchor: anchor(d),
                            explanation: Some(format!("the weekend of {name}, {x}, the public holiday nearest {d} ({tw})")),
                            ..Default::default()
                        }
                    }
                    None => Resolved { value: "XXXX-WXX-WE".into(), ..Default::default() },
                };
            }
            "holwe" if f.len() >= 2 => {
                // "Memorial Day weekend", "Thanksgiving weekend": the weekend a holiday falls in
                // or, for a Monday or Tuesday holiday, the one just before it.
                let inner = self.base(&format!("hol:{}", f[1..].join(":")), tense);
                out = match NaiveDate::parse_from_str(&inner.value, "%Y-%m-%d") {
                    Ok(x) => {
                        let w = holiday_weekend(x).iso_week();
                        Resolved {
                            value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
                            explanation: inner.explanation.clone().map(|e| format!("the weekend of {e}")),
                            ..inner
                        }
                    }
                    Err(_) => Resolved { value: "XXXX-WXX-WE".into(), ..inner },
                };
            }
            "wkwd" if f.len() == 2 => {
                // "the week to Sunday": the ISO week that ends (or ends near) that weekday, one
                // already over unless the sentence looks ahead.
                let t = if tense == Some(Tense::Future) { tense } else { Some(Tense::Past) };
                out = week_of(self.base(&format!("wd:{}", f[1]), t));
            }
            "weekof" if f.len() == 3 => {
                // "the week of March 6": the ISO week of that day.
                let inner = self.base(&format!("md:{}:{}", f[1], f[2]), tense);
                out = week_of(inner);
            }
            "weekof" if f.len() == 2 => {
                // "the week of 2025-01-06": the ISO date's week.
                out = week_of(Resolved { value: f[1].to_owned(), explanation: Some(f[1].to_owned()), ..Default::default() });
            }
            "weekof" if f.len() == 4 => {
                // "the week of 2025-01-06", "the week of March 6, 2025": that day's ISO week.
                let inner = self.base(&format!("ymd:{}:{}:{}", f[1], f[2], f[3]), tense);
                out = week_of(inner);
            }
            "lastweekof" if f.len() == 2 => {
                // "the last week of June": the ISO week holding most of the month's last seven
                // days (so the one of its fourth-last day), in the year the month has by tense.
                let first = self.base(&format!("md:{}:1", f[1]), tense);
                let fourth_last = NaiveDate::parse_from_str(&first.value, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.checked_add_months(Months::new(1)))
                    .map(|d| add_days(d, -4));
                out = match fourth_last {
                    Some(x) => Resolved {
                        explanation: Some(format!("the last week of {} {}, the ISO week holding most of its last seven days", MONTHS[x.month0() as usize], x.year())),
                        ..week_of(Resolved { value: x.to_string(), ..first })
                    },
                    None => Resolved { value: "XXXX-WXX".into(), ..first },
                };
            }
            // "the first weekend of December", "the last weekend in January": the weekend of
            // that month's Nth (or last) Saturday.
            "nthwe" if f.len() == 3 => {
                // ("the final weekend of the month": of the month last named, or the reference's.)
                let month = (f[2] == "0").then(|| self.last.filter(|(_, g)| matches!(g, Gran::Day | Gran::Month)).map(|(d, _)| d).or(rf)).flatten();
                let mut week = week_of(match month {
                    Some(d) => self.base(&format!("nthwdy:{}:{}:6:{}", d.year(), f[1], d.month()), tense),
                    None => self.base(&format!("nthwd:{}:6:{}", f[1], f[2]), tense),
                });
                if let Some(d) = month {
                    let nth = if f[1] == "-1" { "last" } else { ORDINALS.get(f[1].parse::<usize>().unwrap_or(0)).copied().unwrap_or("nth") };
                    let whose = if self.last.is_some_and(|(x, _)| x == d) { "the month last mentioned" } else { "the month of the reference date" };
                    week.explanation = Some(format!("the week of the {nth} Saturday of {} {}, {whose}", MONTHS[d.month0() as usize], d.year()));
                }
                out = match week.value.starts_with("XXXX") {
                    true => Resolved { value: "XXXX-WXX-WE".into(), ..week },
                    false => Resolved { value: format!("{}-WE", week.value), explanation: week.explanation.map(|e| e.replacen("the week of", "the weekend of", 1)), ..week },
                };
            }
            "weekendof" if f.len() == 3 || f.len() == 4 => {
                // "the weekend of March 8-9": the weekend of that day's ISO week.
                let day = match f.len() {
                    3 => format!("md:{}:{}", f[1], f[2]),
                    _ => format!("ymd:{}:{}:{}", f[1], f[2], f[3]),
                };
                let week = week_of(self.base(&day, tense));
                out = match week.value.starts_with("XXXX") {
                    true => Resolved { value: "XXXX-WXX-WE".into(), ..week },
                    false => Resolved { value: format!("{}-WE", week.value), explanation: week.explanation.map(|e| e.replacen("the week of", "the weekend of", 1)), ..week },
                };
            }
            "ymd" if f.len() == 4 => {
                let (y, m, d): (i32, u32, u32) = (f[1].parse().unwrap_or(0), f[2].parse().unwrap_or(0), f[3].parse().unwrap_or(0));
                out.value = match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(x) => x.to_string(),
                    None => format!("{y:04}-{m:02}"),
                };
            }
            "tq" => {
                // "the quarter", "the latest period": the quarter the report is about, else the
                // last one over.
                match self.last_quarter {
                    Some(q) => {
                        out.value = quarter(q);
                        out.anchor = anchor(q);
                        out.explanation = Some(format!("the quarter under discussion, {}", out.value));
                    }
                    None => return self.base("rel:Q:-1", tense),
                }
            }
            "qend" if f.len() == 3 => {
                // "the quarter ended July 31": the calendar quarter holding most of the three
                // months to that day, in the year by the reference (a report looks back). A
                // fiscal quarter already under discussion stays the one meant.
                let (Some(d), None) = (rf, self.last_quarter) else {
                    return self.base("tq", tense);
                };
                let (m, day) = (f[1].parse().unwrap_or(1), f[2].parse().unwrap_or(1));
                let y = year_by_tense(d, m, day, Some(Tense::Past), self.margin);
                let Some(end) = NaiveDate::from_ymd_opt(y, m, day) else {
                    return self.base("tq", tense);
                };
                let mid = add_days(end, -45);
                out.value = quarter(mid);
                out.anchor = anchor(end);
                out.explanation = Some(format!("the quarter ending {end}, mostly {}", out.value));
            }
            "yq" if f.len() == 2 => {
                // "the 1988 quarter": that year's quarter of the one under discussion.
                out.value = match self.last_quarter {
                    Some(q) => format!("{}-Q{}", f[1], (q.month() - 1) / 3 + 1),
                    None => f[1].to_owned(),
                };
            }
            "ryq" | "ryh" if f.len() == 3 => {
                // "last year's third quarter", "the first half of next year".
                let k: i32 = f[1].trim_start_matches('+').parse().unwrap_or(0);
                let (part, word) = if f[0] == "ryq" { ("Q", "quarter") } else { ("H", "half") };
                out.value = match rf {
                    Some(d) => format!("{:04}-{part}{}", d.year() + k, f[2]),
                    None => format!("XXXX-{part}{}", f[2]),
                };
                out.anchor = rf.map(|d| d.to_string());
                if let Some(d) = rf {
                    let which = match k {
                        0 => "the year of",
                        -1 => "the year before",
                        1 => "the year after",
                        _ => "a year from",
                    };
                    out.explanation = Some(format!("{word} {} of {which} {d}", f[2]));
                }
            }
            "half" if f.len() == 2 => {
                let h = f[1];
                match rf {
                    None => out.value = format!("XXXX-H{h}"),
                    Some(d) => {
                        // "will recover in the first half", said in November, is next year's.
                        // (A past-tense cue does not move a half back as it does a quarter:
                        // half-year news is mostly forecasts that were "said".)
                        let n: u32 = if h == "2" { 2 } else { 1 };
                        let y0 = d.year();
                        let over = NaiveDate::from_ymd_opt(y0, n * 6, 1).and_then(|m| m.checked_add_months(Months::new(1))).map_or(0, |end| (d - end).num_days());
                        let next = tense == Some(Tense::Future) && over > 120;
                        let y = if next { y0 + 1 } else { y0 };
                        out.value = format!("{y:04}-H{h}");
                        out.anchor = anchor(d);
                        out.explanation = Some(if next { format!("half {h} of {y}, the next one after {d} ({tw})") } else { format!("half {h} of the year of {d}") });
                    }
                }
            }
            // "1150 B.C.": TIMEX3 writes a year before the common era "BC1150"; "AD 79" is 0079.
            "bc" | "ad" if f.len() == 2 => {
                if let Ok(n) = f[1].parse::<u32>() {
                    out.value = if f[0] == "bc" { format!("BC{n:04}") } else { format!("{n:04}") };
                    out.explanation = Some(format!("the year {n} {}", if f[0] == "bc" { "BC" } else { "AD" }));
                }
            }
            "bccent" if f.len() == 2 => {
                if let Ok(n) = f[1].parse::<u32>() {
                    if n >= 1 {
                        out.value = format!("BC{:02}", n - 1);
                        out.explanation = Some(format!("the years {n}00 to {}01 BC", n - 1));
                    }
                }
            }
            "cent" if f.len() == 2 => {
                if let Ok(n) = f[1].parse::<u32>() {
                    if n >= 1 {
                        out.value = format!("{:02}", n - 1);
                        out.explanation = Some(format!("the years {}01 to {}00", n - 1, n));
                    }
                }
            }
            // "the third millennium BC" (3000 to 2001 BC) is BC2, as a century BC is BC and its
            // two leading digits; "the second millennium" is 1.
            "mill" | "bcmill" if f.len() == 2 => {
                if let Ok(n) = f[1].parse::<u32>() {
                    if (1..=10).contains(&n) {
                        let bc = f[0] == "bcmill";
                        out.value = format!("{}{}", if bc { "BC" } else { "" }, n - 1);
                        out.explanation = Some(if bc { format!("the years {n}000 to {}001 BC", n - 1) } else { format!("the years {}001 to {n}000", n - 1) });
                    }
                }
            }
            "turn" if f.len() == 2 => {
                // "the turn of the century": the century's turn nearest the reference date;
                // "the turn of the 20th century": 1900.
                let year = match f[1] {
                    "0" => rf.map(|d| (d.year() + 50).div_euclid(100) * 100),
                    n => n.parse::<i32>().ok().filter(|n| *n >= 1).map(|n| (n - 1) * 100),
                };
                match year {
                    Some(y) => {
                        out.value = format!("{y:04}");
                        out.explanation = Some(match (f[1], rf) {
                            ("0", Some(d)) => format!("{y}, the turn of a century nearest {d}"),
                            _ => format!("{y}, the turn of the century"),
                        });
                    }
                    None => out.value = "XXXX".into(),
                }
            }
            // "the turn of the year": the New Year's Day nearest the reference date, or by tense
            // the last one passed (the next one ahead).
            "turny" => {
                let Some(d) = rf else {
                    out.value = "XXXX-01-01".into();
                    return out;
                };
                let y = match tense {
                    Some(Tense::Past) => d.year(),
                    Some(Tense::Future) => d.year() + 1,
                    _ => d.year() + i32::from(d.month() >= 7),
                };
                out.value = format!("{y:04}-01-01");
                out.anchor = anchor(d);
                out.explanation = Some(format!("January 1, {y}, the turn of {} into {y} ({tw})", y - 1));
            }
            "dur" if f.len() == 3 => {
                out.value = duration(f[1], f[2]);
            }
            // "one-year and two-year notes" are two choices, not a sum: only a larger unit
            // then a smaller one adds up.
            "dur2" if (f.len() == 5 || f.len() == 7) && f[2..].iter().step_by(2).zip(f[4..].iter().step_by(2)).any(|(a, b)| unit_rank(a) >= unit_rank(b)) => {
                out.value = duration(f[1], f[2]);
            }
            "dur2" if f.len() == 5 || f.len() == 7 => {
                // "two hours and 42 minutes": PT2H + PT42M = PT2H42M; "2 years and 6 months":
                // P2Y6M. Date parts come before the T, time parts after it.
                let split = |v: &str| -> (String, String) {
                    let body = v.strip_prefix('P').unwrap_or(v);
                    match body.split_once('T') {
                        Some((d, t)) => (d.to_owned(), t.to_owned()),
                        None => (body.to_owned(), String::new()),
                    }
                };
                let (mut d, mut t) = (String::new(), String::new());
                for pair in f[1..].chunks(2) {
                    let (dx, tx) = split(&duration(pair[0], pair[1]));
                    d.push_str(&dx);
                    t.push_str(&tx);
                }
                out.value = if t.is_empty() { format!("P{d}") } else { format!("P{d}T{t}") };
                out.explanation = Some(duration_words(&out.value));
            }
            // "in 2:17:50": a time taken, PT2H17M50S.
            "dhms" if f.len() == 4 => {
                let parts: Vec<u32> = f[1..].iter().map(|x| x.parse().unwrap_or(0)).collect();
                let body: String = parts.iter().zip(["H", "M", "S"]).filter(|(n, _)| **n > 0).map(|(n, u)| format!("{n}{u}")).collect();
                out.value = format!("PT{}", if body.is_empty() { "0S" } else { &body });
                out.explanation = Some(duration_words(&out.value));
            }
            "set" if f.len() == 3 => {
                out.value = duration(f[1], f[2]);
            }
            // "the first Tuesday in November (1990)", "the last Friday of March":
            // `nthwd[y]:[YEAR:]N:WD:MM`, N = -1 for the last. Found as a holiday's day is.
            "nthwd" | "nthwdy" if f.len() >= 4 => {
                let (year, rest) = if f[0] == "nthwdy" { (f[1].parse::<i32>().ok(), &f[2..]) } else { (None, &f[1..]) };
                let (Some(&n), Some(&wd), Some(&m)) = (rest.first(), rest.get(1), rest.get(2)) else { return out };
                let spec: Vec<&str> = if n == "-1" { vec!["lastwd", m, wd] } else { vec!["nth", m, wd, n] };
                self.on_holiday(&mut out, year, &spec, rf, tense, tw, |x| nth_weekday_words(n, x));
            }
            // "the last Friday of the month", "the first Monday of next month": in the month of
            // the anchor, shifted by `K`: `nthwdm:N:WD:K`.
            "nthwdm" if f.len() == 4 => {
                let Some(d) = rf else { return out };
                let k: i64 = f[3].trim_start_matches('+').parse().unwrap_or(0);
                let Some(first) = d.with_day(1).and_then(|x| add_months(x, k)) else { return out };
                let m = first.month().to_string();
                let spec: Vec<&str> = if f[1] == "-1" { vec!["lastwd", &m, f[2]] } else { vec!["nth", &m, f[2], f[1]] };
                if let Some(x) = holiday(first.year(), &spec) {
                    out.value = x.to_string();
                    out.anchor = anchor(d);
                    out.explanation = Some(format!("{}, from {d}", nth_weekday_words(f[1], x)));
                }
            }
            // "Christmas last year", "Ramadan next year": the holiday in that year.
            "holr" if f.len() >= 3 => {
                let k: i32 = f[1].trim_start_matches('+').parse().unwrap_or(0);
                let y = rf.map(|d| d.year() + k);
                self.on_holiday(&mut out, y, &f[2..], rf, tense, tw, |x| format!("the holiday in {}", x.year()));
                if let (Some(d), Some(y)) = (rf, y) {
                    out.anchor = anchor(d);
                    let why = format!("the holiday in {}, {y}", year_from(f[1], d));
                    out.explanation = Some(match out.explanation.take() {
                        Some(cal) => format!("{cal}; {why}"),
                        None => why,
                    });
                }
            }
            "hol" | "holy" => {
                let (year, spec) = if f[0] == "holy" {
                    (f.get(1).and_then(|y| y.parse::<i32>().ok()), &f[2.min(f.len())..])
                } else {
                    (None, &f[1..])
                };
                self.on_holiday(&mut out, year, spec, rf, tense, tw, |x| format!("the holiday in {}", x.year()));
            }
            _ => {}
        }
        out
    }

    /// Sets `out` to a day found like a holiday (`spec`, see [`holiday`]): in `year` when the
    /// text gives it, else the nearest to the anchor, the tense deciding far ones. `words`
    /// names the day found for the card.
    #[allow(clippy::too_many_arguments)]
    fn on_holiday(&self, out: &mut Resolved, year: Option<i32>, spec: &[&str], rf: Option<NaiveDate>, tense: Option<Tense>, tw: &str, words: impl Fn(NaiveDate) -> String) {
        let find = |y: i32| holiday(y, spec);
        match (year, rf) {
            (Some(y), _) => match find(y) {
                Some(x) => {
                    out.value = x.to_string();
                    feast_details(out, spec, x);
                }
                None => out.value = format!("{y:04}"),
            },
            (None, Some(d)) => {
                out.value = match find(d.year()) {
                    Some(x) => {
                        // As for a month and day: the nearest, the tense deciding far ones.
                        let y = year_by_tense(d, x.month(), x.day(), tense, self.margin);
                        let x = find(y).unwrap_or(x);
                        out.explanation = Some(format!("{}, from {d}, {tw}", words(x)));
                        feast_details(out, spec, x);
                        x.to_string()
                    }
                    None => {
                        // A feast whose day is not worked out (a year beyond the calendar's
                        // tables): its year only.
                        out.explanation = Some(format!("the holiday's year, {}, from {d}; its day follows another calendar", d.year()));
                        format!("{:04}", d.year())
                    }
                };
                out.anchor = Some(d.to_string());
            }
            (None, None) => {
                out.value = match holiday(2001, spec) {
                    Some(x) if spec.first().is_some_and(|s| s.contains('-')) => format!("XXXX-{:02}-{:02}", x.month(), x.day()),
                    _ => "XXXX-XX-XX".into(),
                }
            }
        }
    }
}

/// For a feast that lasts days starting on `start`: its last day as the range's end
/// (Hanukkah's eight days, the month of Ramadan, Lent) and, for a feast of another calendar,
/// its date in that calendar for the card.
fn feast_details(out: &mut Resolved, spec: &[&str], start: NaiveDate) {
    // A season of the church year counted from Easter ("easter:-46:46", Lent): its last day.
    if let (Some(&"easter"), Some(days)) = (spec.first(), spec.get(2).and_then(|n| n.parse::<i64>().ok()).filter(|n| *n > 1)) {
        out.end_value = Some(add_days(start, days - 1).to_string());
        return;
    }
    if !spec.first().is_some_and(|c| calendars::is_calendar(c)) {
        return;
    }
    if let Some((_, last)) = calendars::feast(start.year(), spec).filter(|(_, last)| *last > start) {
        out.end_value = Some(last.to_string());
    }
    if let Some(w) = calendars::words(spec, start) {
        let why = out.explanation.take().map(|e| format!("; {e}")).unwrap_or_default();
        out.explanation = Some(format!("{w}{why}"));
    }
}

/// Words for values the text states outright (no anchor needed).
fn stated(v: &str) -> Option<String> {
    let s = match v {
        "PRESENT_REF" => "the present, as of the reference date".to_owned(),
        "PAST_REF" => "an unspecified time in the past".to_owned(),
        "FUTURE_REF" => "an unspecified time in the future".to_owned(),
        _ if v.starts_with('P') => duration_words(v),
        _ if v.starts_with("XXXX") => "not anchored: no reference date, or a recurring time".to_owned(),
        _ if v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit) => "stated in the text".to_owned(),
        _ if v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit()) => format!("the {v}0s"),
        _ if v.len() == 2 && v.bytes().all(|b| b.is_ascii_digit()) => format!("the {v}00s"),
        _ => return None,
    };
    Some(s)
}

/// The count and unit word of a one-unit duration value: "P3Y" is ("3", "year").
fn duration_parts(v: &str) -> Option<(&str, &'static str)> {
    let (time, body) = match v.strip_prefix("PT") {
        Some(b) => (true, b),
        None => (false, v.strip_prefix('P')?),
    };
    let split = body.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X')).unwrap_or(body.len());
    let (n, u) = body.split_at(split);
    Some((n, unit_name(time, u)?))
}

/// The word for a duration's unit letter(s), before the "T" (`time` false) or after it.
fn unit_name(time: bool, u: &str) -> Option<&'static str> {
    Some(match (time, u) {
        (false, "Y") => "year",
        (false, "M") => "month",
        (false, "W") => "week",
        (false, "D") => "day",
        (false, "Q") => "quarter",
        (false, "DE") => "decade",
        (false, "CE") => "century",
        (false, "WE") => "weekend",
        (false, "SP" | "SU" | "FA" | "WI") => season_word(u),
        (true, "H") => "hour",
        (true, "M") => "minute",
        (true, "S") => "second",
        _ => return None,
    })
}

/// A unit word's plural: "centuries", "weeks".
fn plural(unit: &str) -> String {
    if unit == "century" { "centuries".to_owned() } else { format!("{unit}s") }
}

/// A recurring time in words: "P1Y" is "every year", "XXXX-WXX-1TMO" "every Monday morning".
pub fn set_words(v: &str) -> Option<String> {
    if let Some((n, unit)) = duration_parts(v) {
        return Some(match n {
            "1" => format!("every {unit}"),
            "X" => format!("every few {}", plural(unit)),
            "2" => format!("every other {unit}"),
            _ => format!("every {n} {}", plural(unit)),
        });
    }
    // A part of day ("every Monday morning") or a clock time ("every Thursday at 08:30").
    let (date, pod) = match v.split_once('T') {
        Some((d, t)) if t.as_bytes().first().is_some_and(u8::is_ascii_digit) => (d, Some(format!("at {t}"))),
        Some((d, t)) => (d, Some(pod_word(t)?.to_owned())),
        None => (v, None),
    };
    let what = if date == "XXXX-WXX-WE" {
        "weekend".to_owned()
    } else if let Some(d) = date.strip_prefix("XXXX-WXX-") {
        let k: usize = d.parse().ok().filter(|k| (1..=7).contains(k))?;
        WEEKDAYS[k - 1].to_owned()
    } else if date == "XXXX-XX-XX" {
        match pod {
            Some(p) if !p.starts_with("at ") => return Some(format!("every {p}")),
            _ => "day".to_owned(),
        }
    } else if let Some(d) = date.strip_prefix("XXXX-XX-") {
        // "the 1st of each month".
        let n: u32 = d.parse().ok().filter(|n| (1..=31).contains(n))?;
        return Some(format!("the {n}{} of every month", ordinal_suffix(n)));
    } else if let Some((m, d)) = date.strip_prefix("XXXX-").and_then(|s| s.split_once('-')) {
        // "Sept. 10 each year".
        let d: u32 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
        format!("{} {d}", MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?)
    } else if let Some(s) = date.strip_prefix("XXXX-") {
        match s {
            "SP" | "SU" | "FA" | "WI" => season_word(s).to_owned(),
            q if q.starts_with('Q') => format!("quarter {}", &q[1..]),
            m => MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?.to_string(),
        }
    } else {
        return None;
    };
    Some(match pod {
        Some(p) => format!("every {what} {p}"),
        None => format!("every {what}"),
    })
}

/// The month a season starts in (winter in December, named by that year).
pub(crate) fn season_start(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The word for a season code ("SU" → "summer").
pub(crate) fn season_word(s: &str) -> &'static str {
    match s {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        _ => "winter",
    }
}

pub(crate) fn pod_word(t: &str) -> Option<&'static str> {
    Some(match t {
        "MO" => "morning",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        "MI" => "midday",
        "DT" => "daytime",
        _ => return None,
    })
}

/// "P3Y" as "3 years (an amount of time)"; "PXW" as "some weeks (an amount of time)".
pub(crate) fn duration_words(v: &str) -> String {
    match amount_words(v) {
        Some(w) => format!("{w} (an amount of time)"),
        None => format!("an amount of time ({v})"),
    }
}

/// An amount in words, "3 days", "some weeks", "one year", when the value reads as one.
fn amount_words(v: &str) -> Option<String> {
    let Some((n, unit)) = duration_parts(v) else {
        return compound_words(v);
    };
    Some(match n {
        "X" => format!("some {}", plural(unit)),
        "1" => format!("one {unit}"),
        _ => format!("{n} {}", plural(unit)),
    })
}

/// Units from the largest: "Y" 0 ... "S" 6 (unknown units last).
/// A duration unit's place from the largest ("Y") to the smallest ("S"); 7 for none.
pub(crate) fn unit_rank(u: &str) -> usize {
    ["Y", "M", "W", "D", "H", "MIN", "S"].iter().position(|x| *x == u).unwrap_or(7)
}

/// A duration of several parts in words: "PT1H30M" is "1 hour and 30 minutes".
fn compound_words(v: &str) -> Option<String> {
    let body = v.strip_prefix('P')?;
    let (mut parts, mut time, mut num) = (Vec::new(), false, String::new());
    for c in body.chars() {
        match c {
            'T' if num.is_empty() => time = true,
            '0'..='9' | '.' => num.push(c),
            _ if !num.is_empty() => {
                let unit = unit_name(time, c.encode_utf8(&mut [0; 4]))?;
                parts.push(if num == "1" { format!("1 {unit}") } else { format!("{num} {}", plural(unit)) });
                num.clear();
            }
            _ => return None,
        }
    }
    let last = parts.pop()?;
    (!parts.is_empty() && num.is_empty()).then(|| format!("{} and {last}", parts.join(", ")))
}

/// `(date, granularity)` of a resolved value, for the narrative anchor.
pub(crate) fn granularity(v: &str) -> Option<(NaiveDate, Gran)> {
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = v[..4].parse().ok()?;
    if b.len() >= 10 {
        if let Ok(d) = NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d") {
            return Some((d, Gran::Day));
        }
    }
    // A week ("2024-W07") anchors what follows ("the week before") on its Monday.
    if b.len() == 8 && b[5] == b'W' {
        let w: u32 = v[6..].parse().ok()?;
        return Some((NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?, Gran::Week));
    }
    if b.len() == 7 && b[5] == b'Q' {
        let q: u32 = v[6..].parse().ok()?;
        return Some((NaiveDate::from_ymd_opt(y, q.clamp(1, 4) * 3 - 2, 1)?, Gran::Quarter));
    }
    // A season ("2005-SP") anchors what follows ("that autumn", "the following year") on its
    // year.
    if b.len() == 7 && matches!(&v[5..], "SP" | "SU" | "FA" | "WI") {
        let m = season_start(&v[5..]);
        return Some((NaiveDate::from_ymd_opt(y, m, 1)?, Gran::Year));
    }
    // So does a half ("2024-H1": "the first half of 2024 ... June of that year").
    if b.len() == 7 && matches!(&v[5..], "H1" | "H2") {
        return Some((NaiveDate::from_ymd_opt(y, if &v[5..] == "H1" { 1 } else { 7 }, 1)?, Gran::Year));
    }
    if b.len() == 7 {
        let m: u32 = v[5..].parse().ok()?;
        return Some((NaiveDate::from_ymd_opt(y, m, 1)?, Gran::Month));
    }
    if b.len() == 4 {
        return Some((NaiveDate::from_ymd_opt(y, 1, 1)?, Gran::Year));
    }
    None
}

/// The year of the first period of `months` months from month `start` to begin after the period
/// mentioned last (`d` at granularity `g`) ends ("the following spring", "the following May"),
/// or, `back`, of the last to end by its start ("the previous autumn").
fn beside_period(d: NaiveDate, g: Gran, start: u32, months: i64, back: bool) -> i32 {
    let begins = |y: i32| NaiveDate::from_ymd_opt(y, start, 1);
    let y = if back {
        (d.year() - 2..=d.year()).rev().find(|&y| begins(y).and_then(|b| add_months(b, months)).is_some_and(|e| e <= d))
    } else {
        // Where the period ends. (A season mentioned last is kept as its first day at year
        // granularity.)
        let end = match g {
            Gran::Week => d.checked_add_signed(Duration::days(7)),
            Gran::Day => d.succ_opt(),
            Gran::Month => add_months(d, 1),
            Gran::Quarter => add_months(d, 3),
            Gran::Year if d.month() != 1 => add_months(d, 3),
            Gran::Year => add_months(d, 12),
        }
        .unwrap_or(d);
        (d.year()..=end.year() + 1).find(|&y| begins(y).is_some_and(|b| b >= end))
    };
    y.unwrap_or(d.year())
}

/// The day number of an `evday:N[:run]` value ("the third day" is 3) and whether it counts a
/// run ("the second day running"), which ignores when the thing began.
pub fn event_day(v: &str) -> Option<(u64, bool)> {
    let rest = v.strip_prefix("evday:")?;
    Some((rest.split(':').next()?.parse().ok()?, rest.ends_with(":run")))
}

/// "the first day", "day 12": the words for the nth day of something.
pub fn nth_day(n: u64) -> String {
    ORDINALS.get(n as usize).filter(|o| !o.is_empty()).map_or_else(|| format!("day {n}"), |o| format!("the {o} day"))
}

/// Underspecified value for a unit when there is no anchor.
fn unknown(unit: &str) -> &'static str {
    match unit {
        "D" | "H" | "MIN" | "S" => "XXXX-XX-XX",
        "W" | "WE" | "FN" => "XXXX-WXX",
        "M" => "XXXX-XX",
        "Q" => "XXXX-QX",
        "DE" => "XXX",
        "CE" => "XX",
        _ => "XXXX",
    }
}

fn unit_word(u: &str) -> &'static str {
    match u {
        "D" => "day",
        "W" => "week",
        "WE" => "weekend",
        "M" => "month",
        "Q" => "quarter",
        "Y" => "year",
        "DE" => "decade",
        "CE" => "century",
        "H" => "hour",
        "MIN" => "minute",
        "FN" => "fortnight",
        _ => "period",
    }
}

/// "the year before 2026-11-29" for "last year" (`-1`), "the year of" (`0`), "the year after" (`+1`).
fn year_from(r: &str, d: NaiveDate) -> String {
    match r {
        "-1" => format!("the year before {d}"),
        "+1" => format!("the year after {d}"),
        _ => format!("the year of {d}"),
    }
}

fn rel_word(r: &str) -> &'static str {
    match r {
        "-1" => "previous",
        "+1" => "next",
        _ => "same-week",
    }
}

/// `d` moved by `n` months, either way (None past the calendar's ends).
fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 { d.checked_add_months(m) } else { d.checked_sub_months(m) }
}

/// The card's words for the `n`th (-1: last) weekday of a month, `x` the day found: "the first
/// Tuesday of November 2026".
fn nth_weekday_words(n: &str, x: NaiveDate) -> String {
    let which = if n == "-1" { "last" } else { ORDINALS.get(n.parse::<usize>().unwrap_or(0)).copied().unwrap_or("nth") };
    format!("the {which} {} of {} {}", WEEKDAYS[x.weekday().num_days_from_monday() as usize], MONTHS[x.month0() as usize], x.year())
}

/// `d` shifted by `k` units, written at the unit's (or the anchor's coarser) granularity.
fn shift(d: NaiveDate, g: Gran, unit: &str, k: i64) -> String {
    let months = |n: i64| add_months(d, n).unwrap_or(d);
    let k32 = k.clamp(-10_000, 10_000);
    match unit {
        "D" | "H" | "MIN" | "S" => {
            let x = if unit == "D" { d.checked_add_signed(Duration::days(k32)).unwrap_or(d) } else { d };
            match g {
                Gran::Day => x.to_string(),
                Gran::Week => iso_week(x),
                Gran::Month => x.format("%Y-%m").to_string(),
                Gran::Quarter => quarter(x),
                Gran::Year => format!("{:04}", x.year()),
            }
        }
        "W" | "WE" | "FN" => {
            let days = if unit == "FN" { 14 } else { 7 };
            let x = d.checked_add_signed(Duration::days(days * k32)).unwrap_or(d);
            let w = x.iso_week();
            let s = format!("{:04}-W{:02}", w.year(), w.week());
            if unit == "WE" { format!("{s}-WE") } else { s }
        }
        "M" => {
            let x = months(k32);
            match g {
                Gran::Quarter => quarter(x),
                Gran::Year => format!("{:04}", x.year()),
                _ => x.format("%Y-%m").to_string(),
            }
        }
        "Q" => quarter(months(3 * k32)),
        "Y" => {
            let x = months(12 * k32);
            match g {
                // ("a year earlier" after a quarter is that quarter; "that year" is the year.)
                Gran::Quarter if k != 0 => quarter(x),
                _ => format!("{:04}", x.year()),
            }
        }
        "DE" => format!("{:03}", (d.year() as i64 + 10 * k32).div_euclid(10)),
        "CE" => format!("{:02}", (d.year() as i64 + 100 * k32).div_euclid(100)),
        _ => d.to_string(),
    }
}

/// The first day of quarter `n` of the fiscal year that ends in month `e` of year `y`.
fn fiscal_quarter_start(y: i32, n: u32, e: u32) -> NaiveDate {
    // Months after January of the year before: 6 for a year ending in June (July).
    let k = e + 3 * (n - 1);
    NaiveDate::from_ymd_opt(y - 1 + (k / 12) as i32, k % 12 + 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Quarter `n` of fiscal year `y` (ending in month `e`) as a value and its words: the calendar
/// quarter holding most of its three months, as for "the quarter ended Jan. 31" ("2024-Q4"
/// for November to January), so "a year earlier" still finds a quarter.
fn fiscal_quarter(y: i32, n: u32, e: u32) -> (String, String) {
    let start = fiscal_quarter_start(y, n, e);
    let last = start.checked_add_months(Months::new(2)).unwrap_or(start);
    let mid = start.checked_add_months(Months::new(1)).unwrap_or(start);
    let months = if start.year() == last.year() {
        format!("{} to {} {}", MONTHS[start.month0() as usize], MONTHS[last.month0() as usize], last.year())
    } else {
        format!("{} {} to {} {}", MONTHS[start.month0() as usize], start.year(), MONTHS[last.month0() as usize], last.year())
    };
    (quarter(mid), format!("fiscal quarter {n} of fiscal {y} ({months}; the fiscal year ends in {})", MONTHS[(e - 1) as usize]))
}

fn quarter(d: NaiveDate) -> String {
    format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// The year for a month/day without one: the reference year, moved by the tense when the
/// date would otherwise fall on the wrong side of the reference.
fn year_by_tense(d: NaiveDate, m: u32, day: u32, tense: Option<Tense>, margin: i64) -> i32 {
    // The nearest such date; the tense decides only when that one is more than a month away
    // on the wrong side ("said ... June 16" in December is the past June).
    let cands: Vec<NaiveDate> = (d.year() - 1..=d.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day.clamp(1, 28)).map(|x| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(x)))
        .collect();
    let Some(near) = cands.iter().copied().min_by_key(|x| (*x - d).num_days().abs()) else {
        return d.year();
    };
    let gap = (near - d).num_days();
    match tense {
        Some(Tense::Past) if gap > margin => near.year() - 1,
        Some(Tense::Future) if gap < -margin => near.year() + 1,
        _ => near.year(),
    }
}

/// "st", "nd", "rd" or "th", as English writes the ordinal of `n`.
fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// "December 7 of 2021, the year of 2021-12-30 (past tense)"; "the January 12 after
/// 2021-12-30, in 2022 (future tense)".
fn month_day_words(month: &str, day: Option<u32>, y: i32, d: NaiveDate, tw: &str) -> String {
    let what = match day {
        Some(n) => format!("{month} {n}"),
        None => month.to_owned(),
    };
    match y.cmp(&d.year()) {
        std::cmp::Ordering::Equal => format!("{what} of {y}, the year of {d} ({tw})"),
        // The nearest one although the tense points the other way: the verb is too far off.
        std::cmp::Ordering::Less if tw == "future tense" => format!("the {what} before {d}, in {y} (the nearest; the future verb is too far from it to move it)"),
        std::cmp::Ordering::Greater if tw == "past tense" => format!("the {what} after {d}, in {y} (the nearest; the past verb is too far from it to move it)"),
        std::cmp::Ordering::Less => format!("the {what} before {d}, in {y} ({tw})"),
        std::cmp::Ordering::Greater => format!("the {what} after {d}, in {y} ({tw})"),
    }
}

fn weekday(s: &str) -> Weekday {
    match s {
        "1" => Weekday::Mon,
        "2" => Weekday::Tue,
        "3" => Weekday::Wed,
        "4" => Weekday::Thu,
        "5" => Weekday::Fri,
        "6" => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn on_or_before(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (d.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    add_days(d, -(back as i64))
}

fn on_or_after(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let fwd = (wd.num_days_from_monday() + 7 - d.weekday().num_days_from_monday()) % 7;
    add_days(d, fwd as i64)
}

/// The day falling on `wd` nearest `d` (within three days either side; `d` itself if it is one).
pub(crate) fn nearest_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let after = on_or_after(d, wd);
    if (after - d).num_days() <= 3 { after } else { add_days(after, -7) }
}

/// `d` moved by `n` days, or `d` itself at the ends of the calendar (never a panic).
pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(d)
}

/// A time-of-day suffix: `T{pod}` as is, `hm:H:M:AMPM` as `THH:MM`.
fn time_suffix(s: &str) -> String {
    if let Some(rest) = s.strip_prefix("hm:") {
        let f: Vec<&str> = rest.split(':').collect();
        let mut h: u32 = f.first().and_then(|h| h.parse().ok()).unwrap_or(0);
        // "32.15": minutes and seconds.
        let (m, sec) = f.get(1).map_or(("0", None), |m| match m.split_once('.') {
            Some((m, s)) => (m, s.parse::<u32>().ok()),
            None => (m, None),
        });
        let m: u32 = m.parse().unwrap_or(0);
        // "pm", "am", or a part of the day for a bare clock ("6 this evening", "12 tonight");
        // "pmEV": the clock's own word wins.
        let half = f.get(2).map_or("", |x| x.get(..2).unwrap_or(x));
        match half {
            "pm" | "AF" | "EV" if h < 12 => h += 12,
            "NI" if (5..12).contains(&h) => h += 12,
            "NI" if h == 12 => h = 24,
            "am" | "MO" if h == 12 => h = 0,
            _ => {}
        }
        return match sec {
            Some(sec) => format!("T{h:02}:{m:02}:{sec:02}"),
            None => format!("T{h:02}:{m:02}"),
        };
    }
    s.to_owned()
}

/// `P3Y`, `PT2H`, `PXW`; a half is written in the next smaller unit (`P2Y6M`, `PT5H30M`).
fn duration(n: &str, unit: &str) -> String {
    if let Some(whole) = n.strip_suffix(".5") {
        let w: u64 = whole.parse().unwrap_or(0);
        let half = match unit {
            "Y" => Some(("P", "Y", "6M")),
            "D" => Some(("P", "D", "T12H")),
            "H" => Some(("PT", "H", "30M")),
            "MIN" => Some(("PT", "M", "30S")),
            _ => None,
        };
        if let Some((p, u, h)) = half {
            return if w == 0 { format!("{p}{h}") } else { format!("{p}{w}{u}{h}") };
        }
    }
    let num = |mul: f64| -> String {
        match n.parse::<f64>() {
            Ok(x) => {
                let v = x * mul;
                if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") }
            }
            Err(_) => "X".into(),
        }
    };
    match unit {
        "H" => format!("PT{}H", num(1.0)),
        "MIN" => format!("PT{}M", num(1.0)),
        "S" => format!("PT{}S", num(1.0)),
        "DE" => if n == "X" { "PXDE".into() } else { format!("P{}Y", num(10.0)) },
        "CE" => if n == "X" { "PXCE".into() } else { format!("P{}Y", num(100.0)) },
        "ML" => format!("P{}Y", num(1000.0)),
        "FN" => format!("P{}W", num(2.0)),
        "WE" => format!("P{}WE", num(1.0)),
        "NI" => format!("P{}NI", num(1.0)),
        u => format!("P{}{u}", num(1.0)),
    }
}

/// A holiday in year `y`: `MM-DD[:offset]`, `nth:MM:WD:N[:SINCE]` (before year SINCE, the
/// month's last such weekday), `lastwd:MM:WD`, `easter:OFF[:DAYS]` (a season of DAYS days from
/// it, as Lent), `elect`,
/// or a feast of another calendar (`heb:3:25:8`, see [`calendars`]): its first day.
pub(crate) fn holiday(y: i32, spec: &[&str]) -> Option<NaiveDate> {
    let wd = |s: &str| weekday(s);
    let d = match *spec.first()? {
        // "nth:11:4:4:1939": the fourth Thursday of November, since 1939; the last one before.
        "nth" if spec.get(4).and_then(|s| s.parse::<i32>().ok()).is_some_and(|since| y < since) => {
            let m: u32 = spec.get(1)?.parse().ok()?;
            let end = NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_months(Months::new(1))?.pred_opt()?;
            on_or_before(end, wd(spec.get(2)?))
        }
        "nth" => {
            let m: u32 = spec.get(1)?.parse().ok()?;
            let n: u8 = spec.get(3)?.parse().ok()?;
            NaiveDate::from_weekday_of_month_opt(y, m, wd(spec.get(2)?), n)?
        }
        // "onbefore:05:24:1": the Monday on or before May 24 (Victoria Day).
        "onbefore" => {
            let day = NaiveDate::from_ymd_opt(y, spec.get(1)?.parse().ok()?, spec.get(2)?.parse().ok()?)?;
            on_or_before(day, wd(spec.get(3)?))
        }
        "lastwd" => {
            let m: u32 = spec.get(1)?.parse().ok()?;
            let end = NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_months(Months::new(1))?.pred_opt()?;
            on_or_before(end, wd(spec.get(2)?))
        }
        which @ ("easter" | "oeaster") => {
            let off: i64 = spec.get(1).and_then(|o| o.parse().ok()).unwrap_or(0);
            let sunday = if which == "easter" { easter(y) } else { orthodox_easter(y) };
            sunday?.checked_add_signed(Duration::days(off))?
        }
        "elect" => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?.succ_opt()?,
        cal if calendars::is_calendar(cal) => calendars::feast(y, spec)?.0,
        md => {
            let (m, day) = md.split_once('-')?;
            let x = NaiveDate::from_ymd_opt(y, m.parse().ok()?, day.parse().ok()?)?;
            let off: i64 = spec.get(1).and_then(|o| o.parse().ok()).unwrap_or(0);
            x.checked_add_signed(Duration::days(off))?
        }
    };
    Some(d)
}

/// The public holidays that make a long weekend in the United States, for "the holiday
/// weekend" (specs as in [`holiday`]).
const LONG_WEEKENDS: &[(&str, &str)] = &[
    ("New Year's Day", "01-01"),
    ("Martin Luther King Jr. Day", "nth:01:1:3"),
    ("Presidents Day", "nth:02:1:3"),
    ("Easter", "easter:0"),
    ("Memorial Day", "lastwd:05:1"),
    ("Independence Day", "07-04"),
    ("Labor Day", "nth:09:1:1"),
    ("Thanksgiving", "nth:11:4:4:1939"),
    ("Christmas", "12-25"),
];

/// A day of the weekend a holiday makes long: for a Monday or Tuesday holiday the weekend
/// before, else the weekend of its ISO week (Thanksgiving's is the Saturday after).
fn holiday_weekend(x: NaiveDate) -> NaiveDate {
    let back = match x.weekday() {
        Weekday::Mon => 1,
        Weekday::Tue => 2,
        _ => 0,
    };
    add_days(add_days(x, -back).week(Weekday::Mon).first_day(), 5)
}

/// Western Easter Sunday (anonymous Gregorian computus; chrono has no ecclesiastical dates).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar, which
/// runs 13 days ahead from 1900 to 2099 (other years: none).
fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    if !(1900..=2099).contains(&y) {
        return None;
    }
    let d = (19 * (y % 19) + 15) % 30;
    let e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)?.checked_add_signed(Duration::days(13))
}

/// The ISO week of a resolved day ("Easter week", "the week of March 6"); an unknown week when
/// the day did not resolve to a full date.
pub(crate) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn week_of(day: Resolved) -> Resolved {
    match NaiveDate::parse_from_str(&day.value, "%Y-%m-%d") {
        Ok(x) => {
            let w = x.iso_week();
            Resolved {
                value: format!("{:04}-W{:02}", w.year(), w.week()),
                explanation: day.explanation.map(|e| format!("the week of {e}")),
                ..day
            }
        }
        Err(_) => Resolved { value: "XXXX-WXX".into(), ..day },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_by_tense() {
        let mut c = Context::new(Some(d("2021-12-30")), 60);
        assert_eq!(c.resolve("wd:4", Some(Tense::Past)).value, "2021-12-30");
        assert_eq!(c.resolve("wd:5", Some(Tense::Past)).value, "2021-12-24");
        assert_eq!(c.resolve("wd:5", Some(Tense::Future)).value, "2021-12-31");
        assert_eq!(c.resolve("md:01:12", Some(Tense::Future)).value, "2022-01-12");
        assert_eq!(c.resolve("md:06:16", Some(Tense::Past)).value, "2021-06-16");
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2021), Some(d("2021-04-04")));
        assert_eq!(easter(2000), Some(d("2000-04-23")));
        // Orthodox: 2025 fell with the Western date, 2027 five weeks after it.
        assert_eq!(orthodox_easter(2021), Some(d("2021-05-02")));
        assert_eq!(orthodox_easter(2025), Some(d("2025-04-20")));
        assert_eq!(orthodox_easter(2027), Some(d("2027-05-02")));
        assert_eq!(orthodox_easter(1850), None);
    }

    /// When the tense points one way and the nearest date lies the other, the card says why.
    #[test]
    fn nearest_against_the_tense_is_explained() {
        let mut c = Context::new(Some(d("2026-11-29")), 120);
        let r = c.resolve("m:1", Some(Tense::Past));
        assert_eq!(r.value, "2027-01");
        assert_eq!(r.explanation.as_deref(), Some("the January after 2026-11-29, in 2027 (the nearest; the past verb is too far from it to move it)"));
    }
}
