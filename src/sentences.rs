//! Stage 2: sentences, and line-sized units (headlines, captions, bylines) that have none of
//! the punctuation sentences end with.
//!
//! A sentence ends:
//! - after `.`, `!`, `?` or `...` (with any closing quotes or brackets after them) when the
//!   next token starts a sentence: a capital, a digit, an opening quote or bracket;
//! - after an abbreviation that ends in a period ("the U.S.") only when the next word is a
//!   common sentence opener ("The", "He"), since "U.S. President" is one phrase;
//! - at a blank line, always;
//! - at a single line break when the line was ended on purpose (a headline, a caption) or
//!   the next line is indented. In text wrapped at a width (wire copy), a line is ended on
//!   purpose when the next word would have fitted on it; in other text, when it is short.
//!   Either way, a line ending on a comma or a word like "the", or followed by one in lower
//!   case, runs on;
//! - after [`MAX_TOKENS`] tokens, so no stage ever sees an unbounded sentence.

use crate::doc::{Sentence, Token};
use crate::tokenize::is_abbreviation;

/// The longest sentence handed to later stages.
pub const MAX_TOKENS: usize = 256;

/// Lines shorter than this (in characters) end their sentence at a single line break.
const SHORT_LINE: usize = 60;

/// Text wrapped narrower than this is not taken for wrapped prose.
const WRAPPED_MIN: usize = 40;

/// Words that, capitalized after an abbreviation's period, start a new sentence.
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On",
    "At", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "Some",
    "Many", "Most", "After", "Before", "When", "While", "As", "If", "However", "Meanwhile",
];

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | ")" | "]" | "»" | "'\"")
}

fn starts_sentence(t: &str) -> bool {
    let c = t.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '[' | '«' | '-' | '—')
        || !c.is_alphabetic() && !c.is_ascii_punctuation() && !c.is_numeric() // emoji, symbols
}

/// Splits tokens into sentences covering every token once, in order.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    // Byte where the current line's first token starts: leading spaces do not count toward a
    // line's length, on the first line as on the others.
    let mut line_start = tokens.first().map_or(0, |t| t.byte.start);
    let width = wrap_width(text, tokens);
    // The current line's indentation, which takes room on a wrapped line.
    let mut indent = text[..line_start].rsplit(['\n', '\r']).next().map_or(0, |s| s.chars().count());
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if i > start {
            let gap = &text[tokens[i - 1].byte.end..t.byte.start];
            // Line breaks: \n, \r\n or a lone \r (most gaps are one space: no searching then).
            let breaks = if gap == " " {
                0
            } else {
                gap.matches('\n').count() + gap.matches('\r').count().saturating_sub(gap.matches("\r\n").count())
            };
            let boundary = if breaks >= 2 {
                true
            } else if breaks == 1 {
                let line = &text[line_start..tokens[i - 1].byte.end];
                let indented = gap.rsplit(['\n', '\r']).next().is_some_and(|s| !s.is_empty());
                let (last, next) = (&text[tokens[i - 1].byte.clone()], &text[t.byte.clone()]);
                let len = line.chars().count();
                // The wrapping can cut a name in two ("North\nAmerica"): a line that stops on a
                // capitalized word (not a colon, not a table's "N / A") before another.
                let upper = |w: &str| w.starts_with(char::is_uppercase);
                let on_name = upper(last) && last.chars().count() > 1 && last.ends_with(char::is_alphabetic) && upper(next);
                // Wrapped text breaks a line where the next word would not fit (its indentation
                // takes room too); a line the next word would have fitted on was ended on
                // purpose (a headline, a caption).
                let short = match width {
                    // Wrapping is ragged: a line of prose within a quarter of the width ran
                    // out of room however the next word would have fitted.
                    Some(w) => indent + len + 1 + next.chars().count() <= w && !(on_name && (indent + len) * 4 >= w * 3 && is_prose(line)),
                    None => len < SHORT_LINE,
                };
                // A full line of wrapped text ends where the width fell, not where its writer
                // ended it: "the U.S.\nAgriculture Department" runs on as it would mid-line.
                let at_break = width.is_none() || short;
                short && !wraps(last, next) || indented || ends_sentence(text, tokens, start, i, at_break)
            } else {
                i - start >= MAX_TOKENS || ends_sentence(text, tokens, start, i, false)
            };
            if boundary {
                out.push(Sentence { tokens: start..i });
                start = i;
            }
            if breaks >= 1 {
                line_start = t.byte.start;
                indent = gap.rsplit(['\n', '\r']).next().map_or(0, |s| s.chars().count());
            }
        }
        if i - start >= MAX_TOKENS {
            out.push(Sentence { tokens: start..i });
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(Sentence { tokens: start..tokens.len() });
    }
    out
}

/// The width text was wrapped at, when it looks wrapped: the length (in characters, from the
/// first token to the last) that nine lines in ten do not exceed, when that is at least
/// [`WRAPPED_MIN`]. Narrower lines are lists or verse, ended on purpose. Lines under half that
/// (a headline, a dateline, an emoji) tell nothing of the width and are not counted.
fn wrap_width(text: &str, tokens: &[Token]) -> Option<usize> {
    let mut lens = Vec::new();
    let mut line_start = tokens.first()?.byte.start;
    let mut push = |a: usize, b: usize| {
        let n = text[a..b].chars().count();
        if n >= WRAPPED_MIN / 2 {
            lens.push(n);
        }
    };
    for w in tokens.windows(2) {
        let gap = &text[w[0].byte.end..w[1].byte.start];
        if gap != " " && gap.contains(['\n', '\r']) {
            push(line_start, w[0].byte.end);
            line_start = w[1].byte.start;
        }
    }
    push(line_start, tokens[tokens.len() - 1].byte.end);
    if lens.len() < 3 {
        return None;
    }
    lens.sort_unstable();
    let w = lens[lens.len() * 9 / 10];
    (w >= WRAPPED_MIN).then_some(w)
}

/// Whether a line reads as running prose, not a title: a third of its words or more start in
/// lower case ("market in North" is prose; "Talks Over Ukraine Buildup" a title).
fn is_prose(line: &str) -> bool {
    let (mut words, mut lower) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        lower += usize::from(w.chars().next().is_some_and(char::is_lowercase));
    }
    lower * 3 >= words && lower > 0
}

/// Whether a short line ending in `last` runs on into a next line starting with `next`, as
/// wrapped text does ("It applies, until\nJuly 1, to ..."): a line that ends on a comma or a
/// word that cannot end a sentence, or a next line that starts in lower case.
fn wraps(last: &str, next: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "until",
        "since", "beyond", "than", "that", "as", "into", "its", "their", "his", "her",
    ];
    last == "," || FUNCTION_WORDS.contains(&last) || next.chars().next().is_some_and(char::is_lowercase)
        // "due at 1100 hrs EST, March\n24.": a date is not cut in two.
        || crate::time::is_month_name(last) && next.len() <= 4 && next.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a sentence ends before token `next` (tokens `start..next` so far).
fn ends_sentence(text: &str, tokens: &[Token], start: usize, next: usize, at_line_break: bool) -> bool {
    let word = |k: usize| &text[tokens[k].byte.clone()];
    // Step back over closing quotes and brackets to the punctuation that ends the sentence.
    let mut k = next - 1;
    while k > start && is_closer(word(k)) {
        k -= 1;
    }
    let last = word(k);
    let nxt = word(next);
    // A quote or bracket glued to the punctuation closes the sentence; the break comes after.
    if is_closer(nxt) && tokens[next - 1].byte.end == tokens[next].byte.start {
        return false;
    }
    let opens = at_line_break || starts_sentence(nxt);
    // "Nov. 29-Dec. 1": a hyphenated word ending in an abbreviation, its period apart.
    if last == "." && k > start && tokens[k - 1].byte.end == tokens[k].byte.start
        && word(k - 1).rsplit_once('-').is_some_and(|(_, tail)| is_abbreviation(tail))
    {
        return at_line_break || OPENERS.contains(&nxt);
    }
    if matches!(last, "." | "!" | "?" | "..." | "…" | "?!" | "!?") || last.bytes().all(|b| b == b'.') && !last.is_empty() {
        return opens;
    }
    if let Some(stem) = last.strip_suffix('.') {
        // "at 5 p.m. Officials said": a capital after a clock time starts a sentence unless
        // it says which zone or day ("5 p.m. EST", "p.m. Eastern time", "9 a.m. Friday").
        // Capitals prove nothing after "A.M.", whose text may be in title case ("A.M. To").
        if stem == "a.m" || stem == "p.m" {
            // "9:30 a.m. New York time": a place's name, then "time", within a few words.
            let zone_word = |w: &str| ["time", "standard", "daylight"].iter().any(|z| w.eq_ignore_ascii_case(z));
            let names_time = crate::time::is_zone_or_calendar(nxt.trim_end_matches('.'))
                || tokens.iter().skip(next + 1).take(3).map(|t| &text[t.byte.clone()])
                    .take_while(|w| w.chars().all(char::is_alphabetic))
                    .any(zone_word);
            return at_line_break || OPENERS.contains(&nxt)
                || nxt.chars().next().is_some_and(char::is_uppercase) && !names_time;
        }
        if is_abbreviation(stem) {
            return at_line_break || OPENERS.contains(&nxt);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        split(text, &toks)
            .into_iter()
            .map(|s| text[toks[s.tokens.start].byte.start..toks[s.tokens.end - 1].byte.end].to_owned())
            .collect()
    }

    const CASES: &[(&str, &str, &[&str])] = &[
        ("two sentences", "Biden called. Putin answered.", &["Biden called.", "Putin answered."]),
        ("question and quote", "\"Why?\" he asked. Nobody knew.", &["\"Why?\" he asked.", "Nobody knew."]),
        ("quote closes sentence", "He said \"no.\" Then he left.", &["He said \"no.\"", "Then he left."]),
        ("title abbreviation", "Dr. Smith met Mr. Jones.", &["Dr. Smith met Mr. Jones."]),
        ("country abbreviation mid", "The U.S. President spoke.", &["The U.S. President spoke."]),
        ("country abbreviation end", "He flew to the U.S. The talks began.", &["He flew to the U.S.", "The talks began."]),
        ("month abbreviation", "On Dec. 7 they met.", &["On Dec. 7 they met."]),
        ("clock time ends a sentence", "It closed at 5 p.m. Officials said so.", &["It closed at 5 p.m.", "Officials said so."]),
        ("clock time with a zone", "It closed at 5 p.m. EST on Friday.", &["It closed at 5 p.m. EST on Friday."]),
        ("clock time with a day", "It opens at 9 a.m. Friday, Jan. 5.", &["It opens at 9 a.m. Friday, Jan. 5."]),
        ("clock time with a named zone", "It ends at 9 a.m. Eastern time.", &["It ends at 9 a.m. Eastern time."]),
        ("hyphenated abbreviation", "It runs Nov. 29-Dec. 1 in Ulm.", &["It runs Nov. 29-Dec. 1 in Ulm."]),
        ("initials", "George W. Bush spoke.", &["George W. Bush spoke."]),
        ("lowercase after period", "It rose 3. percent later.", &["It rose 3. percent later."]),
        ("decimal", "It rose 3.5 percent. Then fell.", &["It rose 3.5 percent.", "Then fell."]),
        ("headline line", "Biden Warns Putin\n\nIn a call, he spoke.", &["Biden Warns Putin", "In a call, he spoke."]),
        // 59 characters after the leading spaces: short, as it would be after a blank line.
        ("leading spaces not counted", "   on Friday morning the talks between the two men went on now\nDaal won.", &["on Friday morning the talks between the two men went on now", "Daal won."]),
        ("wrapped short line", "The decision was announced late Friday. It applies, until\nJuly 1, to uranium.", &["The decision was announced late Friday.", "It applies, until\nJuly 1, to uranium."]),
        ("date across a line", "Offers will be due at 1100 hrs EST, March\n24. The Mint said so.", &["Offers will be due at 1100 hrs EST, March\n24.", "The Mint said so."]),
        ("wrapped before lower case", "Shares rose\nsharply on Friday.", &["Shares rose\nsharply on Friday."]),
        // Wrapped at 59: the headline's line would have held "Oil", so it ends there; the
        // third line is short only because "Venezuela's" did not fit on it.
        ("wrapped paragraph", "OIL PRICES RISE\nOil prices rose sharply on Monday as traders reacted to the\nnews from Vienna, where the ministers of Saudi Arabia met\nVenezuela's envoys to extend limits on production, dealers\nsaid in London.", &["OIL PRICES RISE", "Oil prices rose sharply on Monday as traders reacted to the\nnews from Vienna, where the ministers of Saudi Arabia met\nVenezuela's envoys to extend limits on production, dealers\nsaid in London."]),
        // Wrapped at 66: "North" ends a line of prose that "America," would have fitted on.
        ("name across a ragged line", "Shares of the company rose sharply on the news that it would open
a new plant, making the city the biggest market in North
America, analysts said on Monday in a note sent to all of their
clients and to the press in the morning, before the market opened.
The company declined to comment on the report, its spokesman said.", &["Shares of the company rose sharply on the news that it would open
a new plant, making the city the biggest market in North
America, analysts said on Monday in a note sent to all of their
clients and to the press in the morning, before the market opened.", "The company declined to comment on the report, its spokesman said."]),
        ("abbreviation at a wrapped line's end", "Shares of the company rose on the news that it would open a\nnew plant in Ohio to serve customers in Canada and the U.S.\nAgriculture Department officials said on Monday in a note\nsent to their clients.", &["Shares of the company rose on the news that it would open a\nnew plant in Ohio to serve customers in Canada and the U.S.\nAgriculture Department officials said on Monday in a note\nsent to their clients."]),
        // Wrapped at 66: "150" would not have fitted after the indentation.
        ("an indented line's room", "The airline said on Monday that it would buy new planes this year.
It said demand for flights to Asia had risen sharply since March.
    Korean Airlines said its fleet of Boeing jets grew to about
150 planes last year, and it expects more growth in the spring.", &["The airline said on Monday that it would buy new planes this year.", "It said demand for flights to Asia had risen sharply since March.", "Korean Airlines said its fleet of Boeing jets grew to about
150 planes last year, and it expects more growth in the spring."]),
        ("list lines", "Apples\nOranges\nPears\nPlums", &["Apples", "Oranges", "Pears", "Plums"]),
        ("caption line", "Russian tank\nRussian tanks are gathering at the border", &["Russian tank", "Russian tanks are gathering at the border"]),
        ("wrapped wire text", "The company said it expected earnings to rise sharply in the\nsecond quarter of the year.", &["The company said it expected earnings to rise sharply in the\nsecond quarter of the year."]),
        ("crlf paragraphs", "One here.\r\n\r\nTwo here.", &["One here.", "Two here."]),
        ("no final punctuation", "Serious and Substantive Tone", &["Serious and Substantive Tone"]),
        ("ellipsis", "He paused... Then spoke.", &["He paused...", "Then spoke."]),
        ("emoji after period", "Great news. 🎉 Party time.", &["Great news.", "🎉 Party time."]),
        ("empty", "", &[]),
    ];

    #[test]
    fn table() {
        for (name, input, want) in CASES {
            assert_eq!(sents(input), *want, "case `{name}`");
        }
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let toks = tokenize(&text);
        let s = split(&text, &toks);
        assert!(s.iter().all(|s| s.tokens.len() <= MAX_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }
}
