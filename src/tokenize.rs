//! Stage 1: tokens, CoNLL-style, fit for news.
//!
//! Words are found with Unicode word boundaries (UAX #29, via `unicode-segmentation`), which
//! already keep numbers like `1,000.5`, contractions and emoji sequences whole; news-specific
//! rules then adjust them:
//!
//! - abbreviations and initials keep their period: `U.S.`, `Dr.`, `Jan.`, `J.`;
//! - hyphenated words and numbers stay one token: `NATO-Russia`, `de-escalation`, `2021-12-30`;
//! - numbers joined by `/` or `:` stay one token: `12/30/2021`, `15:00`;
//! - possessives and contractions split off: `Russia` `'s`, `do` `n't`;
//! - URLs and e-mail addresses are one token; runs of dots (`...`) and dashes (`--`) too;
//! - any Unicode white space separates tokens (non-breaking spaces, CRLF, ideographic space).

use crate::doc::Token;
use unicode_segmentation::UnicodeSegmentation;

/// Words that keep a following period as part of the token (compared lower-cased).
const ABBREVIATIONS: &[&str] = &[
    // titles
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "amb", "sec", "atty", "messrs",
    "st", "mt", "ft", "jr", "sr",
    // months and weekdays
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "thu", "thur", "thurs", "fri",
    // companies and the rest
    "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "assn", "vs", "etc", "approx",
    "est", "vol", "fig", "ave", "blvd", "rd", "ca", "cf", "al", "pp",
];

/// US states as news abbreviates them ("Tampa, Fla."), capitalized only: "fell ill." ends a
/// sentence.
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// True when `word` (without its period) is a known abbreviation or an initial.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        // A single letter: an initial ("J. Smith") or part of "U.S."-style abbreviations.
        (Some(c), None) => c.is_alphabetic(),
        _ => word.contains('.') || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) || STATES.contains(&word),
    }
}

const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m", "n't"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Space,
    Other,
}

fn kind(seg: &str) -> Kind {
    let c = seg.chars().next().unwrap_or(' ');
    if c.is_whitespace() {
        Kind::Space
    } else if c.is_alphanumeric() || seg.chars().any(char::is_alphanumeric) {
        Kind::Word
    } else {
        Kind::Other
    }
}

fn is_digit_word(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_digit()) && s.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// Addresses longer than this are not recognized (keeps tokenizing linear on hostile input).
const MAX_URL: usize = 2048;

/// The largest char boundary of `s` at or below `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Length in bytes of a URL or e-mail address starting at `s`, if one starts there.
fn url_len(s: &str) -> Option<usize> {
    let lower_starts = |p: &str| s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p);
    let is_url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    if !is_url && !s.as_bytes()[..s.len().min(256)].contains(&b'@') {
        return None;
    }
    let window = &s[..floor_boundary(s, MAX_URL)];
    let end = window.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”')).unwrap_or(window.len());
    let cand = &s[..end];
    let is_email = !is_url && {
        let at = cand.find('@');
        at.is_some_and(|at| {
            let (user, domain) = (&cand[..at], &cand[at + 1..]);
            !user.is_empty()
                && user.chars().all(|c| c.is_alphanumeric() || "._%+-".contains(c))
                && domain.contains('.')
                && domain.trim_end_matches(|c: char| !c.is_alphanumeric()).contains('.')
        })
    };
    if !is_url && !is_email {
        return None;
    }
    // Trailing punctuation belongs to the sentence, not the address (a `)` only if unbalanced).
    let mut t = cand;
    loop {
        let trimmed = t.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’', ']', '}']);
        let trimmed = if trimmed.ends_with(')') && trimmed.matches('(').count() < trimmed.matches(')').count() {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == t.len() {
            break;
        }
        t = trimmed;
    }
    (t.len() > 4).then_some(t.len())
}

/// Splits `text` into tokens. Never panics; every token is non-empty, on character
/// boundaries, in order, and separated from its neighbours only by white space or nothing.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut newline = false;
    let mut pos = 0;
    while pos < text.len() {
        // Find the next URL-ish start: only at a word start, checked cheaply.
        let rest = &text[pos..];
        let chunk_end = next_url_start(rest).map_or(text.len(), |i| pos + i);
        tokenize_plain(text, pos, chunk_end, &mut out, &mut newline);
        pos = chunk_end;
        if pos < text.len() {
            let n = url_len(&text[pos..]).expect("next_url_start only stops at addresses");
            out.push(Token { byte: pos..pos + n, newline_before: std::mem::take(&mut newline) });
            pos += n;
        }
    }
    out
}

/// Byte offset of the first URL or e-mail address in `s` that starts a word.
fn next_url_start(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && !matches!(bytes[i - 1], b'.' | b'@' | b'_' | b'-' | b'/') && bytes[i - 1] < 0x80;
        if at_word_start && b.is_ascii_alphanumeric() {
            let word = &s[i..floor_boundary(s, i + 256)];
            let word = &word[..word.find(|c: char| c.is_whitespace()).unwrap_or(word.len())];
            let maybe = matches!(b, b'h' | b'H' | b'w' | b'W') || word.contains('@');
            if maybe && url_len(&s[i..]).is_some() {
                return Some(i);
            }
        }
        i += 1;
        while i < bytes.len() && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

/// Tokenizes `text[start..end]`, which holds no URL.
fn tokenize_plain(text: &str, start: usize, end: usize, out: &mut Vec<Token>, newline: &mut bool) {
    let first_new = out.len();
    let push = |out: &mut Vec<Token>, a: usize, b: usize, nl: &mut bool| {
        out.push(Token { byte: a..b, newline_before: std::mem::take(nl) });
    };
    // `glued`: the previous token ends where this segment starts (no space between).
    for (i, seg) in text[start..end].split_word_bound_indices() {
        let a = start + i;
        let b = a + seg.len();
        let k = kind(seg);
        if k == Kind::Space {
            // UAX 29 attaches combining marks to a preceding space; they form a token of their own.
            let ws = seg.find(|c: char| !c.is_whitespace()).unwrap_or(seg.len());
            *newline |= seg[..ws].contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']);
            if ws < seg.len() {
                push(out, a + ws, b, newline);
            }
            continue;
        }
        let glued = out.len() > first_new && out.last().is_some_and(|t| t.byte.end == a) && !*newline;
        if glued {
            let prev = out.last().unwrap().byte.clone();
            let prev_text = &text[prev.clone()];
            let prev_last = prev_text.chars().last().unwrap_or(' ');
            // Period after an abbreviation or initial.
            if seg == "." && prev_last != '.' && kind(prev_text) == Kind::Word && is_abbreviation(prev_text) {
                out.last_mut().unwrap().byte.end = b;
                continue;
            }
            // A currency's sign after its country's letters: "C$", "US$", "HK$".
            if seg == "$" && (1..=3).contains(&prev_text.len()) && prev_text.bytes().all(|c| c.is_ascii_uppercase())
                && (out.len() == first_new + 1 || out[out.len() - 2].byte.end < prev.start)
            {
                out.last_mut().unwrap().byte.end = b;
                continue;
            }
            // A word after a joiner ("-" between words, "/" or ":" between numbers).
            if k == Kind::Word && out.len() >= first_new + 2 {
                let before = out[out.len() - 2].byte.clone();
                let before_text = &text[before.clone()];
                let join = before.end == prev.start
                    && kind(before_text) == Kind::Word
                    && match prev_text {
                        "-" | "\u{2010}" => !before_text.ends_with('.') || is_digit_word(before_text),
                        "/" | ":" => is_digit_word(before_text) && is_digit_word(seg),
                        _ => false,
                    };
                if join {
                    out.pop();
                    out.last_mut().unwrap().byte.end = b;
                    continue;
                }
            }
            // Runs of dots or dashes.
            // Runs only ever grow from a lone dot or dash, so first and last byte tell a run.
            let run_of = |c: u8| prev_text.as_bytes()[0] == c && prev_text.as_bytes()[prev_text.len() - 1] == c;
            if (seg == "." && run_of(b'.')) || (seg == "-" && run_of(b'-')) {
                out.last_mut().unwrap().byte.end = b;
                continue;
            }
        }
        if k == Kind::Word && seg.contains(['\'', '’']) {
            // Split possessives and contractions; both ' and ’ count as apostrophes.
            let norm_end = |cl: &str| {
                let s = seg.replace('’', "'");
                (s.len() > cl.len() && s.to_ascii_lowercase().ends_with(cl)).then(|| {
                    let cl_chars = cl.chars().count();
                    let cut = seg.char_indices().rev().nth(cl_chars - 1).map_or(0, |(i, _)| i);
                    cut
                })
            };
            if let Some(cut) = CLITICS.iter().find_map(|cl| norm_end(cl)).filter(|&c| c > 0) {
                push(out, a, a + cut, newline);
                push(out, a + cut, b, newline);
                continue;
            }
        }
        push(out, a, b, newline);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.byte]).collect()
    }

    /// (name, input, expected tokens separated by spaces; `␣` marks no token expected)
    const CASES: &[(&str, &str, &str)] = &[
        ("plain sentence", "Biden called Putin.", "Biden called Putin ."),
        ("abbreviation country", "the U.S. President", "the U.S. President"),
        ("abbreviation title", "Dr. Jill Biden and Mr. Smith", "Dr. Jill Biden and Mr. Smith"),
        ("abbreviation month", "on Dec. 7, 2021", "on Dec. 7 , 2021"),
        ("initials", "George W. Bush", "George W. Bush"),
        ("hyphenated name", "the NATO-Russia Council", "the NATO-Russia Council"),
        ("hyphenated words", "de-escalate results-oriented", "de-escalate results-oriented"),
        ("possessive", "Russia's security", "Russia 's security"),
        ("curly possessive", "Russia’s security", "Russia ’s security"),
        ("plural possessive", "Ukrainians' fears", "Ukrainians ' fears"),
        ("contraction", "don't", "do n't"),
        ("currency prefix", "fell C$0.45 to US$ 5, HK$3 and $4", "fell C$ 0.45 to US$ 5 , HK$ 3 and $ 4"),
        ("state abbreviation", "in Tampa, Fla., for", "in Tampa , Fla. , for"),
        ("not a state", "he fell ill.", "he fell ill ."),
        ("double quotes", "\"respond decisively\"", "\" respond decisively \""),
        ("curly quotes", "“tone”", "“ tone ”"),
        ("single quotes", "'Decisive Response'", "' Decisive Response '"),
        ("dashes", "talks — and more -- later", "talks — and more -- later"),
        ("thousands", "1,000 troops", "1,000 troops"),
        ("decimals", "3.5 percent", "3.5 percent"),
        ("money", "$1.5 billion", "$ 1.5 billion"),
        ("percent", "5% rise", "5 % rise"),
        ("iso date", "on 2021-12-30.", "on 2021-12-30 ."),
        ("slash date", "12/30/2021", "12/30/2021"),
        ("clock", "at 15:00 GMT", "at 15:00 GMT"),
        ("score", "won 3-1", "won 3-1"),
        ("day range", "January 9-10, 2022", "January 9-10 , 2022"),
        ("url", "see https://example.com/a?b=1. Next", "see https://example.com/a?b=1 . Next"),
        ("url in parens", "(www.example.org)", "( www.example.org )"),
        ("email", "write to press@example.com, now", "write to press@example.com , now"),
        ("emoji", "😀Biden 👍🏽 👨‍👩‍👧 🇺🇸", "😀 Biden 👍🏽 👨‍👩‍👧 🇺🇸"),
        ("crlf", "Kyiv\r\nMoscow", "Kyiv Moscow"),
        ("nbsp", "Joe\u{a0}Biden", "Joe Biden"),
        ("ellipsis", "wait... what", "wait ... what"),
        ("accents", "Zürich São Paulo Zelenskyy", "Zürich São Paulo Zelenskyy"),
        ("combining marks", "Cafe\u{301} crème", "Cafe\u{301} crème"),
        ("cjk", "東京 visit", "東 京 visit"),
        ("brackets", "(OSCE)", "( OSCE )"),
        ("empty", "", ""),
        ("only spaces", " \t\r\n ", ""),
    ];

    #[test]
    fn table() {
        for (name, input, expected) in CASES {
            let want: Vec<&str> = expected.split(' ').filter(|s| !s.is_empty()).collect();
            assert_eq!(toks(input), want, "case `{name}`");
        }
    }

    #[test]
    fn newline_flag() {
        let t = tokenize("Headline here\nBody text\r\n\r\nNext");
        let flags: Vec<bool> = t.iter().map(|t| t.newline_before).collect();
        assert_eq!(flags, [false, false, true, false, true]);
    }
}
