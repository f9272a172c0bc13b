//! The rule engine: the normalization table (`lexicon.tsv`) and the pattern rules
//! (`rules.tsv`), both compiled into the binary and parsed once, and a token-level matcher.
//!
//! A rule is `TYPE <tab> pattern <tab> value template [<tab> mod]`. A pattern is a sequence of
//! elements separated by spaces: a literal (`ago`), alternatives (`last|past`), a class
//! (`@month`, from the lexicon or a number shape), each optionally followed by `?`. A class
//! captures its value under its name (`{month}`; a second capture of one class is
//! `{month2}`), which the template substitutes. The template may stay underspecified
//! (`wd:5`, `md:12:07`, `rel:Y:-1`); [`super::resolve`] anchors it.

use super::lex::{Kind, Tok};
use crate::doc::TimexType;
use rustc_hash::FxHashMap;
use smallvec::{smallvec, SmallVec};
use std::borrow::Cow;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("lexicon.tsv");
const RULES: &str = include_str!("rules.tsv");

/// One element of a pattern.
#[derive(Debug)]
enum Elem {
    /// Any of these lower-case words.
    Lit(Vec<String>),
    /// A class (lexicon or built-in shape).
    Class(Class),
}

/// A class of tokens: a built-in number shape, or a class of the lexicon. (An enum, not the
/// name: matching dispatches on it for every candidate token.)
#[derive(Clone, Debug, PartialEq)]
enum Class {
    Year,
    Yy,
    Day,
    /// A day of the month written as an ordinal in digits ("15th"), never a plain number.
    DayOrd,
    DayRange,
    HourRange,
    Numd,
    /// A decimal amount ("4.5", "13.85"): one or two places, as in "4.5 days".
    Dec,
    Hour,
    Clock,
    /// Two clock times joined by a hyphen, one token ("9:00-17:00").
    ClockRange,
    DotClock,
    Hhmm,
    FyYear,
    /// "FY2025-26": a fiscal year over two calendar years.
    FyRange,
    YearRange,
    Iso,
    IsoTime,
    QuarterYy,
    Slash,
    /// A month and day with a slash and no year ("3/9"); rules accept it only after "on" and
    /// the like (see `accept`), as "3/4" is as often a fraction.
    SlashMd,
    Dotted,
    Decade,
    /// A time taken, hours to seconds ("2:17:50"), one token.
    Hms,
    Num,
    Ord,
    Lexicon(&'static str),
}

impl Class {
    fn new(name: &'static str) -> Class {
        match name {
            "year" => Class::Year,
            "yy" => Class::Yy,
            "day" => Class::Day,
            "dayord" => Class::DayOrd,
            "dayrange" => Class::DayRange,
            "hourrange" => Class::HourRange,
            "numd" => Class::Numd,
            "dec" => Class::Dec,
            "hour" => Class::Hour,
            "clock" => Class::Clock,
            "clockrange" => Class::ClockRange,
            "dotclock" => Class::DotClock,
            "hhmm" => Class::Hhmm,
            "fyyear" => Class::FyYear,
            "fyrange" => Class::FyRange,
            "yearrange" => Class::YearRange,
            "iso" => Class::Iso,
            "isotime" => Class::IsoTime,
            "quarteryy" => Class::QuarterYy,
            "slash" => Class::Slash,
            "slashmd" => Class::SlashMd,
            "dotted" => Class::Dotted,
            "decade" => Class::Decade,
            "hms" => Class::Hms,
            "num" => Class::Num,
            "ord" => Class::Ord,
            other => Class::Lexicon(other),
        }
    }

    /// False only when token `t` cannot start a match of this class (cheap, conservative).
    fn may_match(&self, t: &Tok) -> bool {
        match self {
            Class::Yy | Class::Day | Class::DayOrd | Class::DayRange | Class::HourRange | Class::Numd | Class::Dec | Class::Hour | Class::Clock | Class::ClockRange | Class::DotClock | Class::Hhmm | Class::YearRange | Class::Iso | Class::IsoTime | Class::Slash | Class::SlashMd | Class::Dotted | Class::Decade | Class::Hms => {
                t.kind == Kind::Num
            }
            Class::Year | Class::Num | Class::Ord => true,
            Class::FyYear | Class::FyRange => t.kind == Kind::Word && t.lower.starts_with("fy"),
            Class::QuarterYy => t.kind == Kind::Num && t.lower.len() >= 4,
            Class::Lexicon(c) => t.kind == Kind::Word && lookup_tok(t, c).is_some(),
        }
    }

    /// The name its captures go by in value templates (`{month}`).
    fn name(&self) -> &'static str {
        match self {
            Class::Year => "year",
            Class::Yy => "yy",
            Class::Day | Class::DayOrd => "day",
            Class::DayRange => "dayrange",
            Class::HourRange => "hourrange",
            Class::Numd => "numd",
            Class::Dec => "dec",
            Class::Hour => "hour",
            Class::Clock => "clock",
            Class::ClockRange => "clockrange",
            Class::DotClock => "dotclock",
            Class::Hhmm => "hhmm",
            Class::FyYear => "fyyear",
            Class::FyRange => "fyrange",
            Class::YearRange => "yearrange",
            Class::Iso => "iso",
            Class::IsoTime => "isotime",
            Class::QuarterYy => "quarteryy",
            Class::Slash => "slash",
            Class::SlashMd => "slashmd",
            Class::Dotted => "dotted",
            Class::Decade => "decade",
            Class::Hms => "hms",
            Class::Num => "num",
            Class::Ord => "ord",
            Class::Lexicon(c) => c,
        }
    }
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// TIMEX3 type.
    pub kind: TimexType,
    elems: Vec<(Elem, bool)>,
    /// Value template.
    pub template: String,
    /// TIMEX3 mod, if the rule sets one.
    pub modifier: Option<String>,
    /// For a rule that starts with a literal ("the year", "the? past @num @unit"): what the
    /// token after it must be able to start, so that the many rules of a common word like
    /// "the" are skipped at once when the next word cannot continue them. None: no such test.
    follow: Option<First>,
}

/// The elements a token can match at the start of a run of pattern elements.
#[derive(Debug, Default)]
struct First {
    words: Vec<String>,
    classes: Vec<Class>,
}

impl First {
    /// The elements the first token of `elems` can match; None when all are optional.
    fn of(elems: &[(Elem, bool)]) -> Option<First> {
        let mut f = First::default();
        for (el, opt) in elems {
            match el {
                Elem::Lit(ws) => f.words.extend(ws.iter().cloned()),
                Elem::Class(c) => f.classes.push(c.clone()),
            }
            if !opt {
                return Some(f);
            }
        }
        None
    }

    /// False only when `t` can match none of the elements (a cheap, conservative test).
    fn may_match(&self, t: &Tok) -> bool {
        self.words.contains(&t.lower) || self.classes.iter().any(|c| c.may_match(t))
    }
}

/// Words that built-in classes match without a lexicon entry: "a few", "a dozen" (`@num`),
/// "nineteen ninety-six" (`@year`).
const BUILTIN_WORDS: &[&str] = &["a", "an", "nineteen"];

/// The captures of one element: at most two ("January 9-10"), kept inline; most matches
/// are tried and dropped, so they should not allocate a list each.
type Caps = SmallVec<[(Name, String); 2]>;

/// A capture's name: the class's (`month`), or with a 2 for the class's second capture in a
/// rule (`month2`, rare). Borrowed, so that a capture costs no allocation for its name.
pub type Name = Cow<'static, str>;

/// Lexicon classes that only tense and headline checks ask about, never a rule.
const APART: [&str; 2] = ["verb", "sched"];

/// The parsed data.
pub struct Grammar {
    lexicon: FxHashMap<String, Vec<(String, String)>>,
    /// Words of the word-only classes ([`APART`]), kept apart: no rule uses them, so tokens
    /// don't carry them.
    /// A word's bits are its classes' positions in [`APART`].
    apart: FxHashMap<String, u8>,
    /// Rules in file order (earlier wins ties).
    pub rules: Vec<Rule>,
    /// Rules by their first element, so a token tries only the rules that can start on it:
    /// by literal word, by class, and those whose first element is optional.
    first_lit: FxHashMap<String, Vec<usize>>,
    first_class: Vec<(Class, Vec<usize>)>,
    first_any: Vec<usize>,
}

/// A match of a rule: token range and captures.
#[derive(Debug, Clone)]
pub struct Match {
    /// Index of the rule.
    pub rule: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Captured class values by name.
    pub caps: Vec<(Name, String)>,
}

/// The grammar, parsed on first use.
pub fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| Grammar::parse(LEXICON, RULES))
}

impl Grammar {
    fn parse(lexicon: &str, rules: &'static str) -> Grammar {
        let mut lex: FxHashMap<String, Vec<(String, String)>> = FxHashMap::default();
        let mut apart: FxHashMap<String, u8> = FxHashMap::default();
        for line in lexicon.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            if let (Some(w), Some(c), Some(v)) = (f.next(), f.next(), f.next()) {
                if let Some(bit) = APART.iter().position(|&a| a == c) {
                    *apart.entry(w.to_owned()).or_default() |= 1 << bit;
                    continue;
                }
                lex.entry(w.to_owned()).or_default().push((c.to_owned(), v.to_owned()));
            }
        }
        let mut out = Vec::new();
        for line in rules.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let kind = match f[0] {
                "DATE" => TimexType::Date,
                "TIME" => TimexType::Time,
                "DURATION" => TimexType::Duration,
                "SET" => TimexType::Set,
                _ => continue,
            };
            let elems = f[1]
                .split_whitespace()
                .map(|e| {
                    let (e, opt) = match e.strip_suffix('?') {
                        Some(x) if !x.is_empty() => (x, true),
                        _ => (e, false),
                    };
                    let el = match e.strip_prefix('@') {
                        Some(c) => Elem::Class(Class::new(c)),
                        None => Elem::Lit(e.split('|').map(str::to_owned).collect()),
                    };
                    (el, opt)
                })
                .collect();
            out.push(Rule {
                kind,
                elems,
                template: f[2].to_owned(),
                modifier: f.get(3).filter(|m| !m.is_empty()).map(|m| (*m).to_owned()),
                follow: None,
            });
        }
        let mut first_lit: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut first_class: Vec<(Class, Vec<usize>)> = Vec::new();
        let mut first_any = Vec::new();
        for (r, rule) in out.iter().enumerate() {
            // A rule is indexed by every element its first token can match: the leading
            // optional elements ("the?") and the first required one. A match consumes at
            // least one token, so a rule with only optional elements is tried everywhere.
            let mut all_optional = true;
            for (el, opt) in &rule.elems {
                match el {
                    Elem::Lit(ws) => {
                        for w in ws {
                            let v = first_lit.entry(w.clone()).or_default();
                            if v.last() != Some(&r) {
                                v.push(r);
                            }
                        }
                    }
                    Elem::Class(c) => match first_class.iter_mut().find(|(k, _)| k == c) {
                        Some((_, v)) if v.last() == Some(&r) => {}
                        Some((_, v)) => v.push(r),
                        None => first_class.push((c.clone(), vec![r])),
                    },
                }
                if !opt {
                    all_optional = false;
                    break;
                }
            }
            if all_optional {
                first_any.push(r);
            }
        }
        for rule in &mut out {
            if let Some((Elem::Lit(_), _)) = rule.elems.first() {
                rule.follow = First::of(&rule.elems[1..]);
            }
        }
        Grammar { lexicon: lex, apart, rules: out, first_lit, first_class, first_any }
    }

    /// The value of `word` in lexicon class `class`.
    pub fn lookup(&self, word: &str, class: &str) -> Option<&str> {
        self.lexicon.get(word)?.iter().find(|(c, _)| c == class).map(|(_, v)| v.as_str())
    }

    /// Whether the lexicon lists `word` (lower case) in `class`, one of [`APART`].
    fn apart_in(&self, word: &str, class: &str) -> bool {
        let bit = APART.iter().position(|&a| a == class).map_or(0, |k| 1u8 << k);
        self.apart.get(word).is_some_and(|b| b & bit != 0)
    }

    /// Whether the lexicon lists `word` (lower case) as a verb ("raise", "be").
    pub fn is_verb(&self, word: &str) -> bool {
        self.apart_in(word, "verb")
    }

    /// Whether the lexicon lists `word` (lower case) as a verb whose simple present, in news,
    /// tells of a thing arranged ahead ("opens", "expires").
    pub fn is_scheduling(&self, word: &str) -> bool {
        self.apart_in(word, "sched")
    }

    /// The lexicon entries of a word (empty when it has none).
    pub fn entries(&self, word: &str) -> &[(String, String)] {
        self.lexicon.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// False when no rule can start at this token (most words), so matching stays cheap.
    pub fn may_start(&self, t: &Tok) -> bool {
        t.kind == Kind::Num
            || !t.lex.is_empty()
            || self.first_lit.contains_key(&t.lower)
            || BUILTIN_WORDS.contains(&t.lower.as_str())
            || (t.kind == Kind::Word && t.lower.starts_with("fy"))
            || !self.first_any.is_empty()
    }

    /// The longest match of any rule starting at token `i` (earlier rules win ties).
    pub fn match_at(&self, toks: &[Tok], i: usize) -> Option<Match> {
        let t = toks.get(i)?;
        let mut cands: Vec<usize> = self.first_any.clone();
        if let Some(v) = self.first_lit.get(&t.lower) {
            cands.extend_from_slice(v);
        }
        for (c, v) in &self.first_class {
            if c.may_match(t) && self.match_class(c, toks, i).is_some() {
                cands.extend_from_slice(v);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<Match> = None;
        let mut caps = Vec::new();
        for r in cands {
            let rule = &self.rules[r];
            if let Some(f) = &rule.follow {
                // The literal takes token i (or, when optional, is skipped and the rest starts
                // at i), so the rest must start at i + 1 or at i.
                let skip = rule.elems[0].1 && f.may_match(t);
                if !skip && !toks.get(i + 1).is_some_and(|n| f.may_match(n)) {
                    continue;
                }
            }
            caps.clear();
            if let Some(end) = self.match_elems(&rule.elems, toks, i, &mut caps) {
                if end > i && best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Match { rule: r, start: i, end, caps: caps.clone() });
                }
            }
        }
        best
    }

    /// Matches `elems` at token `i`; returns the end of the longest way (greedy per element,
    /// backtracking over optional elements).
    fn match_elems(&self, elems: &[(Elem, bool)], toks: &[Tok], i: usize, caps: &mut Vec<(Name, String)>) -> Option<usize> {
        let Some(((el, opt), rest)) = elems.split_first() else {
            return Some(i);
        };
        let mark = caps.len();
        if let Some((n, vals)) = self.match_elem(el, toks, i) {
            for (k, v) in vals {
                // A second capture of a class is `{k}2`, a third `{k}3`.
                let name = match caps.iter().filter(|(c, _)| c.strip_prefix(k.as_ref()).is_some_and(|n| n.is_empty() || n == "2")).count() {
                    0 => k,
                    n => Cow::Owned(format!("{k}{}", n + 1)),
                };
                caps.push((name, v));
            }
            if let Some(e) = self.match_elems(rest, toks, i + n, caps) {
                return Some(e);
            }
            caps.truncate(mark);
        }
        if *opt {
            return self.match_elems(rest, toks, i, caps);
        }
        None
    }

    /// Matches one element at token `i`: (tokens consumed, captures).
    fn match_elem(&self, el: &Elem, toks: &[Tok], i: usize) -> Option<(usize, Caps)> {
        let t = toks.get(i)?;
        match el {
            Elem::Lit(ws) => ws.contains(&t.lower).then(|| (1, Caps::new())),
            Elem::Class(c) => self.match_class(c, toks, i),
        }
    }

    fn match_class(&self, c: &Class, toks: &[Tok], i: usize) -> Option<(usize, Caps)> {
        let t = &toks[i];
        let one = |v: String| Some((1, smallvec![(Cow::Borrowed(c.name()), v)]));
        match c {
            Class::Year => {
                // "nineteen ninety-six", as spoken in broadcast transcripts.
                if t.lower == "nineteen" && i + 1 < toks.len() {
                    if let Some((n, v)) = self.number(toks, i + 1) {
                        let y: u32 = v.first()?.1.parse().ok()?;
                        return (10..100).contains(&y).then(|| (1 + n, smallvec![(Cow::Borrowed("year"), format!("19{y}"))]));
                    }
                }
                let y = plain_int(t, 4)?;
                // A later year ("by 2100", "until 2114") only where a year is asked for: a
                // bare four digits from 2100 are more often a clock ("at 2100 hrs") or a count.
                let far = (2100..=2999).contains(&y)
                    && i > 0 && matches!(toks[i - 1].lower.as_str(), "in" | "by" | "until" | "till" | "since" | "before" | "after" | "beyond" | "through" | "year")
                    // (Not "in 2200 games", "until 2300 GMT", "from 2100 to 2300".)
                    && toks.get(i + 1).is_none_or(|n| !n.lower.starts_with(|c: char| c.is_alphanumeric()) && n.lower != "-"
                        || matches!(n.lower.as_str(), "the" | "or" | "when" | "as" | "if" | "is" | "will" | "would" | "but" | "because" | "at" | "with"));
                ((1000..=2099).contains(&y) || far).then(|| (1, smallvec![(Cow::Borrowed("year"), format!("{y:04}"))]))
            }
            Class::Yy => {
                // '98
                let d = t.lower.strip_prefix('\'')?;
                let y: u32 = d.parse().ok()?;
                one(format!("{}", if y < 30 { 2000 + y } else { 1900 + y }))
            }
            Class::Day => {
                let d = plain_int(t, 2).or_else(|| digit_ordinal(t))?;
                (1..=31).contains(&d).then(|| (1, smallvec![(Cow::Borrowed("day"), format!("{d:02}"))]))
            }
            Class::DayOrd => {
                let d = digit_ordinal(t)?;
                (1..=31).contains(&d).then(|| (1, smallvec![(Cow::Borrowed("day"), format!("{d:02}"))]))
            }
            Class::DayRange => {
                let (a, b) = t.lower.split_once('-')?;
                let (a, b): (u32, u32) = (small(a)?, small(b)?);
                ((1..=31).contains(&a) && (1..=31).contains(&b) && a < b).then(|| {
                    (1, smallvec![(Cow::Borrowed("day"), format!("{a:02}")), (Cow::Borrowed("day2"), format!("{b:02}"))])
                })
            }
            // "8-10" before "p.m.": two hours of the same half of the day.
            Class::HourRange => {
                let (a, b) = t.lower.split_once('-')?;
                let (a, b): (u32, u32) = (small(a)?, small(b)?);
                ((1..=12).contains(&a) && (1..=12).contains(&b) && a < b).then(|| {
                    (1, smallvec![(Cow::Borrowed("hour"), format!("{a:02}")), (Cow::Borrowed("hour2"), format!("{b:02}"))])
                })
            }
            Class::Numd => one(plain_int(t, 5)?.to_string()),
            Class::Dec => {
                let (w, f) = t.lower.split_once('.')?;
                let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
                // "4.50" reads as "4.5" and "2.0" as "2", so a half is always written ".5".
                (digits(w, 4) && digits(f, 2)).then(|| one(format!("{}", t.lower.parse::<f64>().ok()?)))?
            }
            Class::Hour => {
                let h = plain_int(t, 2)?;
                (1..=12).contains(&h).then(|| (1, smallvec![(Cow::Borrowed("hour"), format!("{h:02}"))]))
            }
            Class::Clock => Some((1, smallvec![(Cow::Borrowed("clock"), clock_hm(&t.lower)?)])),
            Class::ClockRange => {
                let (a, b) = t.lower.split_once('-')?;
                let (a, b) = (clock_hm(a)?, clock_hm(b)?);
                (a < b).then(|| (1, smallvec![(Cow::Borrowed("clock"), a), (Cow::Borrowed("clock2"), b)]))
            }
            Class::DotClock => {
                // "17.00 GMT", "7.30 p.m.": a clock written with a dot, as in British and
                // European news (rules ask for a zone, "a.m."/"p.m." or "hours" after it, since
                // "closed at 22.00" is a price).
                let (h, m) = t.lower.split_once('.')?;
                let (h, m): (u32, u32) = (small(h)?, (m.len() == 2).then(|| m.parse().ok()).flatten()?);
                (h < 24 && m < 60).then(|| (1, smallvec![(Cow::Borrowed("clock"), format!("{h:02}:{m:02}"))]))
            }
            Class::YearRange => {
                // "2019-2021", "2019-21", "2022/23": a span of years (a season, a fiscal year).
                let (a, b) = t.lower.split_once(['-', '/'])?;
                if a.len() != 4 || !(b.len() == 2 || b.len() == 4) || !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let y: u32 = a.parse().ok()?;
                let mut y2: u32 = b.parse().ok()?;
                if b.len() == 2 {
                    y2 += y / 100 * 100;
                }
                // A span written in full may be a lifetime ("(1898-1971)").
                let (from, most) = if b.len() == 4 { (1000, 120) } else { (1900, 20) };
                ((from..=2099).contains(&y) && y < y2 && y2 - y <= most).then(|| {
                    (1, smallvec![(Cow::Borrowed("year"), format!("{y:04}")), (Cow::Borrowed("year2"), format!("{y2:04}"))])
                })
            }
            Class::FyYear | Class::FyRange => {
                // "FY2024", "FY24": a fiscal year in one word.
                let d = t.lower.strip_prefix("fy")?;
                if !(d.len() == 2 || d.len() == 4) || !d.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let y: u32 = d.parse().ok()?;
                let y = match d.len() {
                    2 if y < 50 => 2000 + y,
                    2 => 1900 + y,
                    _ => y,
                };
                if !(1900..=2099).contains(&y) {
                    return None;
                }
                // "FY2025-26": April 2025 to March 2026, as India and others count it; the
                // year that ends it follows after a hyphen.
                let end = toks.get(i + 1).filter(|n| n.hyphen_before && d.len() == 4).and_then(|n| plain_int(n, 2).filter(|_| n.lower.len() == 2));
                match (c, end) {
                    (Class::FyRange, Some(e)) if (y + 1) % 100 == e => Some((2, smallvec![(Cow::Borrowed("year"), format!("{y:04}")), (Cow::Borrowed("year2"), format!("{:04}", y + 1))])),
                    (Class::FyYear, _) => Some((1, smallvec![(Cow::Borrowed("year"), format!("{y:04}"))])),
                    _ => None,
                }
            }
            Class::Hhmm => {
                // "1400 GMT": four digits, a 24-hour clock (rules ask for a zone after it).
                if t.lower.len() != 4 {
                    return None;
                }
                let n = plain_int(t, 4)?;
                let (h, m) = (n / 100, n % 100);
                (h < 24 && m < 60).then(|| (1, smallvec![(Cow::Borrowed("clock"), format!("{h:02}:{m:02}"))]))
            }
            Class::Iso => {
                let v: Vec<&str> = t.lower.split('-').collect();
                if v.len() != 3 || v[0].len() != 4 || v[1].len() != 2 || v[2].len() != 2 {
                    return None;
                }
                let d = chrono::NaiveDate::parse_from_str(&t.lower, "%Y-%m-%d").ok()?;
                one(d.format("%Y-%m-%d").to_string())
            }
            Class::IsoTime => {
                // "2025-11-03t14:00:30z": the date and the clock to the second; the zone is
                // left out, as with "14:30 CET".
                let (date, time) = t.lower.split_once('t')?;
                let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
                let clock = time.get(..5)?;
                chrono::NaiveTime::parse_from_str(clock, "%H:%M").ok()?;
                let secs = time.get(5..8).filter(|s| s.starts_with(':')).unwrap_or("");
                // "14:00:99" is no time: the seconds are checked too (":60" is a leap second).
                if !secs.is_empty() {
                    chrono::NaiveTime::parse_from_str(time.get(..8)?, "%H:%M:%S").ok()?;
                }
                let secs = if secs == ":00" { "" } else { secs };
                one(format!("{}T{clock}{secs}", d.format("%Y-%m-%d")))
            }
            Class::QuarterYy => {
                // "3q25", "q1'26", "h2/25", "1h26" (the lexer makes each one token): "2025-Q3".
                let b = t.lower.as_bytes();
                let (unit, n) = match b.get(..2)? {
                    [u @ (b'q' | b'h'), n] | [n, u @ (b'q' | b'h')] if n.is_ascii_digit() => (*u as char, n - b'0'),
                    _ => return None,
                };
                let yy: u32 = t.lower.get(t.lower.len().checked_sub(2)?..)?.parse().ok()?;
                let year = if yy < 30 { 2000 + yy } else { 1900 + yy };
                let (max, letter) = if unit == 'q' { (4, 'Q') } else { (2, 'H') };
                (1..=max).contains(&n).then(|| (1, smallvec![(Cow::Borrowed("quarteryy"), format!("{year}-{letter}{n}"))]))
            }
            Class::Slash => {
                let v: Vec<&str> = t.lower.split('/').collect();
                // 2025/06/30: year first, then month and day, as in East Asian and ISO-like use.
                if v.len() == 3 && v[0].len() == 4 && v[1].len() <= 2 && v[2].len() <= 2 {
                    let (y, m, d): (i32, u32, u32) = (v[0].parse().ok()?, v[1].parse().ok()?, v[2].parse().ok()?);
                    return one(chrono::NaiveDate::from_ymd_opt(y, m, d)?.format("%Y-%m-%d").to_string());
                }
                if v.len() != 3 || v[0].len() > 2 || v[1].len() > 2 || !(v[2].len() == 4 || v[2].len() == 2) {
                    return None;
                }
                let (mut m, mut d, mut y): (u32, u32, i32) = (v[0].parse().ok()?, v[1].parse().ok()?, v[2].parse().ok()?);
                // Month first (US news) unless the first number cannot be a month: 30/12/2021.
                if m > 12 && d <= 12 {
                    std::mem::swap(&mut m, &mut d);
                }
                if v[2].len() == 2 {
                    y += if y < 30 { 2000 } else { 1900 };
                }
                let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
                one(date.format("%Y-%m-%d").to_string())
            }
            Class::SlashMd => {
                let (m, d) = t.lower.split_once('/')?;
                if m.is_empty() || d.is_empty() || m.len() > 2 || d.len() > 2 || !m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let (mut m, mut d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
                // Month first unless the first number cannot be one ("25/12").
                if m > 12 && d <= 12 {
                    std::mem::swap(&mut m, &mut d);
                }
                // (2000 is a leap year: "2/29" is a day.)
                chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
                Some((1, smallvec![(Cow::Borrowed("smonth"), m.to_string()), (Cow::Borrowed("sday"), d.to_string())]))
            }
            Class::Dotted => {
                // 30.12.2021: day first, as written where dots separate dates.
                let v: Vec<&str> = t.lower.split('.').collect();
                if v.len() != 3 || v[0].len() > 2 || v[1].len() > 2 || v[2].len() != 4 {
                    return None;
                }
                let date = chrono::NaiveDate::from_ymd_opt(v[2].parse().ok()?, v[1].parse().ok()?, v[0].parse().ok()?)?;
                one(date.format("%Y-%m-%d").to_string())
            }
            Class::Hms => {
                let mut f = t.lower.split(':');
                let (h, m, sec) = (f.next()?, f.next()?, f.next()?);
                let ok = f.next().is_none() && (1..=2).contains(&h.len()) && m.len() == 2 && sec.len() == 2;
                let (h, m, sec): (u32, u32, u32) = (h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?);
                (ok && m < 60 && sec < 60).then(|| (1, smallvec![(Cow::Borrowed("hms"), format!("{h}:{m}:{sec}"))]))
            }
            Class::Decade => {
                let l = t.lower.trim_end_matches("'s").trim_end_matches('s');
                if l.len() == t.lower.len() {
                    return None;
                }
                if let Some(d) = l.strip_prefix('\'') {
                    let y: u32 = d.parse().ok()?;
                    return (d.len() == 2 && y.is_multiple_of(10)).then(|| (1, smallvec![(Cow::Borrowed("decade"), format!("{}", if y < 30 { 200 + y / 10 } else { 190 + y / 10 }))]));
                }
                if l.len() == 4 {
                    let y: u32 = l.parse().ok()?;
                    // "throughout the 1800s": a hundred years, the century's digits ("18"); the
                    // 2000s are the decade they are in speech.
                    if y.is_multiple_of(100) && (1000..2000).contains(&y) {
                        return Some((1, smallvec![(Cow::Borrowed("decade"), format!("{}", y / 100))]));
                    }
                    return (y.is_multiple_of(10) && (1000..2100).contains(&y)).then(|| (1, smallvec![(Cow::Borrowed("decade"), format!("{}", y / 10))]));
                }
                if l.len() == 2 {
                    let y: u32 = l.parse().ok()?;
                    return y.is_multiple_of(10).then(|| (1, smallvec![(Cow::Borrowed("decade"), format!("{}", 190 + y / 10))]));
                }
                None
            }
            Class::Num => self.number(toks, i),
            Class::Ord => {
                if let Some(d) = digit_ordinal(t) {
                    return one(d.to_string());
                }
                // "the 197th day of 2019": a day of the year may need three digits.
                let three = ["st", "nd", "rd", "th"].iter().find_map(|s| t.lower.strip_suffix(s)).filter(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()));
                if let Some(n) = three.filter(|_| toks.get(i + 1).is_some_and(|d| d.lower == "day")) {
                    return one(n.trim_start_matches('0').to_owned());
                }
                if let Some(tens) = lookup_tok(t, "tens") {
                    if let Some(n) = toks.get(i + 1).and_then(|u| lookup_tok(u, "ord")) {
                        if let (Ok(a), Ok(b)) = (tens.parse::<u32>(), n.parse::<u32>()) {
                            if b < 10 {
                                return Some((2, smallvec![(Cow::Borrowed("ord"), (a + b).to_string())]));
                            }
                        }
                    }
                }
                one(lookup_tok(t, "ord")?.to_owned())
            }
            Class::Lexicon(c) => {
                if t.kind != Kind::Word {
                    return None;
                }
                let v = lookup_tok(t, c)?;
                if matches!(*c, "month" | "weekday" | "weekdays" | "holiday" | "holidayd") && !t.cap {
                    return None;
                }
                one(v.to_owned())
            }
        }
    }

    /// A cardinal: digits, spelled ("twenty four"), "a few", "a couple (of)".
    fn number(&self, toks: &[Tok], i: usize) -> Option<(usize, Caps)> {
        let t = &toks[i];
        let cap = |n: usize, v: String| Some((n, smallvec![(Cow::Borrowed("num"), v)]));
        if t.kind == Kind::Num {
            // "3,200 years ago": thousands grouped with commas.
            let grouped = t.lower.split(',').enumerate().all(|(k, g)| (if k == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 }) && g.bytes().all(|b| b.is_ascii_digit()));
            if grouped && t.lower.contains(',') && t.lower.len() <= 9 {
                return cap(1, t.lower.replace(',', "").parse::<u32>().ok()?.to_string());
            }
            let v = plain_int(t, 6)?;
            return cap(1, v.to_string());
        }
        if t.lower == "a" || t.lower == "an" {
            if let Some(u) = toks.get(i + 1) {
                if u.lower == "few" {
                    return cap(2, "X".into());
                }
                if u.lower == "couple" {
                    let n = if toks.get(i + 2).is_some_and(|o| o.lower == "of") { 3 } else { 2 };
                    return cap(n, "2".into());
                }
                if u.lower == "dozen" {
                    return cap(2, "12".into());
                }
            }
        }
        let v = lookup_tok(t, "num")?;
        // "the next couple of years"
        if t.lower == "couple" && toks.get(i + 1).is_some_and(|o| o.lower == "of") {
            return cap(2, "2".into());
        }
        // "two thousand years", "a hundred years"
        if let Some(u) = toks.get(i + 1) {
            let mul = match u.lower.as_str() {
                "hundred" => 100,
                "thousand" => 1000,
                _ => 0,
            };
            if mul > 0 {
                if let Ok(n) = v.parse::<u32>() {
                    return cap(2, (n * mul).to_string());
                }
            }
        }
        if let Some(tens) = lookup_tok(t, "tens") {
            if let Some(u) = toks.get(i + 1) {
                if let Some(n) = lookup_tok(u, "num").and_then(|n| n.parse::<u32>().ok()).filter(|n| *n < 10) {
                    if u.kind == Kind::Word && u.lower != "a" && u.lower != "an" {
                        return cap(2, (tens.parse::<u32>().ok()? + n).to_string());
                    }
                }
            }
        }
        cap(1, v.to_owned())
    }
}

/// The value of a token in lexicon class `class` (entries were looked up once by the lexer).
pub fn lookup_tok<'a>(t: &'a Tok, class: &str) -> Option<&'a str> {
    t.lex.iter().find(|(c, _)| c == class).map(|(_, v)| v.as_str())
}

/// A token of only ASCII digits, at most `max` of them.
fn plain_int(t: &Tok, max: usize) -> Option<u32> {
    (t.kind == Kind::Num && t.lower.len() <= max && t.lower.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.lower.parse().ok())
        .flatten()
}

fn small(s: &str) -> Option<u32> {
    (s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A clock time "H:MM" or "HH:MM" as "HH:MM" ("9:30" is "09:30"; "24:00" is one, "25:00" not);
/// with seconds, "10:32:15" as "10:32.15" (kept apart from the fields of an `hm:` suffix).
pub(crate) fn clock_hm(s: &str) -> Option<String> {
    let (h, m) = s.split_once(':')?;
    if let Some((m, sec)) = m.split_once(':') {
        let (h, m, sec): (u32, u32, u32) = (small(h)?, m.parse().ok()?, sec.parse().ok()?);
        return (h <= 24 && m < 60 && sec < 60 && s.len() <= 8).then(|| format!("{h:02}:{m:02}.{sec:02}"));
    }
    let (h, m): (u32, u32) = (small(h)?, m.parse().ok()?);
    (h <= 24 && m < 60 && s.len() <= 5).then(|| format!("{h:02}:{m:02}"))
}

/// "7th", "21st".
fn digit_ordinal(t: &Tok) -> Option<u32> {
    let l = &t.lower;
    let n = l.strip_suffix("st").or_else(|| l.strip_suffix("nd")).or_else(|| l.strip_suffix("rd")).or_else(|| l.strip_suffix("th"))?;
    small(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_parses() {
        let g = grammar();
        assert!(g.rules.len() > 50);
        assert_eq!(g.lookup("sept", "month"), Some("09"));
    }
}
