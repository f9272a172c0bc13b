//! A small lexer of its own for the temporal grammar, so the rules do not depend on the
//! pipeline tokenizer's fine details: words, number shapes ("9-10", "2021-12-30", "15:00",
//! "1990s", "7th"), punctuation. Intra-word hyphens are dropped and recorded on the next token,
//! so "third-quarter" and "third quarter" match the same rule.

/// The broad shape of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (possibly with digits, inner apostrophes, or "a.m."-style dots).
    Word,
    /// Starts with a digit: "30", "9-10", "2021-12-30", "15:00", "1,000", "1990s", "7th".
    Num,
    /// Any other single character.
    Punct,
}

/// A lexed token.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte start in the document.
    pub start: usize,
    /// Byte end in the document.
    pub end: usize,
    /// Lower-cased text.
    pub lower: String,
    /// Shape.
    pub kind: Kind,
    /// The first character is upper case.
    pub cap: bool,
    /// Every letter is upper case (headlines).
    pub all_caps: bool,
    /// Joined to the previous token by a hyphen ("year-end").
    pub hyphen_before: bool,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// Its entries in the normalization table (looked up once here).
    pub lex: &'static [(String, String)],
}

/// Lexes `text[range]`; byte offsets in the result are absolute.
pub fn lex(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let s = &text[start..end];
    let b = s.as_bytes();
    // News averages a token per five or six bytes; a pathological "sentence" (a megabyte of
    // digits is one token) grows as needed instead.
    let mut out: Vec<Tok> = Vec::with_capacity((s.len() / 5 + 1).min(512));
    let mut i = 0;
    let mut hyphen = false;
    let mut glued = false;
    while i < b.len() {
        let c = match s[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            hyphen = false;
            glued = false;
            continue;
        }
        let j;
        let kind;
        if c.is_ascii_digit() {
            j = scan_number(b, i);
            kind = Kind::Num;
        } else if (c == '\'' || c == '\u{2019}') && b.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit)
            && b.get(i + c.len_utf8() + 1).is_some_and(u8::is_ascii_digit)
            && !b.get(i + c.len_utf8() + 2).is_some_and(u8::is_ascii_digit)
        {
            // '90s, '98, ’90s
            let mut k = i + c.len_utf8() + 2;
            if b.get(k) == Some(&b's') {
                k += 1;
            }
            j = k;
            kind = Kind::Num;
        } else if (c == '\'' || c == '\u{2019}')
            && s[i + c.len_utf8()..].starts_with(['s', 'S'])
            && !s[i + c.len_utf8() + 1..].chars().next().is_some_and(char::is_alphanumeric)
        {
            // Possessive 's as one token ("year's end").
            j = i + c.len_utf8() + 1;
            kind = Kind::Punct;
        } else if c.is_alphanumeric() {
            j = scan_word(s, i);
            kind = Kind::Word;
        } else if c == '-' && glued && next_is_alnum(s, i + 1) && out.last().is_some_and(|t| !t.lower.ends_with('.')) {
            // An intra-word hyphen: drop it, remember it on the next token ("10 a.m.-6 p.m."
            // is a range: a word that ends in a stop is whole).
            i += 1;
            hyphen = true;
            continue;
        } else {
            j = i + c.len_utf8();
            kind = Kind::Punct;
        }
        // "3Q25", "Q1'26", "H2/25", "1H26": a quarter or half and its year, one token.
        let (j, kind) = match quarter_year_end(b, i, j) {
            Some(e) => (e, Kind::Num),
            // "3Q" alone is a word, looked up as "Q3" is ("1H" is left a number: an hour).
            None if j == i + 2 && b[i].is_ascii_digit() && b[i + 1] | 0x20 == b'q' => (j, Kind::Word),
            None => (j, kind),
        };
        let raw = &s[i..j];
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        let all_caps = raw.chars().any(char::is_alphabetic)
            && raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let mut lower = if raw.is_ascii() { raw.to_ascii_lowercase() } else { raw.to_lowercase() };
        // A typographic apostrophe reads as a straight one ("Mothers’ Day", "year’s").
        if lower == "\u{2019}s" {
            lower = "'s".into();
        } else if lower == "\u{2019}" || (kind == Kind::Num && lower.contains('\u{2019}')) {
            lower = lower.replace('\u{2019}', "'");
        }
        // An en dash in a range ("1–3 December", "Dec. 1 – 3") reads as a hyphen.
        if lower.contains('\u{2013}') && (kind == Kind::Num || lower == "\u{2013}") {
            lower = lower.replace('\u{2013}', "-");
        }
        // Wire-service abbreviations read as the words ("4TH QTR NET", "nine mths", "prior yr").
        if let Some(full) = match lower.as_str() {
            "qtr" => Some("quarter"),
            "qtrs" => Some("quarters"),
            "mth" => Some("month"),
            "mths" => Some("months"),
            "yr" => Some("year"),
            "yrs" => Some("years"),
            "wks" => Some("weeks"),
            _ => None,
        } {
            lower = full.into();
        }
        let entries = if kind == Kind::Word { super::grammar::grammar().entries(&lower) } else { &[] };
        out.push(Tok {
            start: start + i,
            end: start + j,
            lower,
            kind,
            cap,
            all_caps,
            hyphen_before: hyphen,
            glued,
            lex: entries,
        });
        hyphen = false;
        glued = true;
        i = j;
    }
    out
}

/// Where a quarter or half written with a two-digit year ends, when `b[i..j]` is "Q3", "3Q",
/// "H1" or "1H" and a year follows glued or after `'`, `’` or `/`: "3Q25", "Q1'26", "H2/25";
/// or when the word is one with "FY" and its year ("Q3FY27").
fn quarter_year_end(b: &[u8], i: usize, j: usize) -> Option<usize> {
    let w = b.get(i..j)?;
    // "Q3FY27", "2QFY2026", "H1FY26": the fiscal year glued on, the word already whole.
    if let (Some(head), Some(rest)) = (w.get(..2), w.get(2..)) {
        let fy = rest.len() >= 4 && rest[..2].eq_ignore_ascii_case(b"fy") && matches!(rest.len(), 4 | 6) && rest[2..].iter().all(u8::is_ascii_digit);
        if fy && quarter_or_half(head) {
            return Some(j);
        }
    }
    let ok = quarter_or_half(w);
    if !ok {
        return None;
    }
    let k = match b.get(j..) {
        Some([b'\'' | b'/', ..]) => j + 1,
        Some([0xE2, 0x80, 0x99, ..]) => j + 3,
        _ => j,
    };
    let two = b.get(k..k + 2).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    (two && !b.get(k + 2).is_some_and(u8::is_ascii_alphanumeric)).then_some(k + 2)
}

/// "Q3", "3Q", "H1", "1H".
fn quarter_or_half(w: &[u8]) -> bool {
    match w {
        [q, d] if q | 0x20 == b'q' => (b'1'..=b'4').contains(d),
        [d, q] if q | 0x20 == b'q' => (b'1'..=b'4').contains(d),
        [h, d] if h | 0x20 == b'h' => matches!(d, b'1' | b'2'),
        [d, h] if h | 0x20 == b'h' => matches!(d, b'1' | b'2'),
        _ => false,
    }
}

fn next_is_alnum(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Digits with inner separators ("2021-12-30", "12/30/2021", "9-10", "15:00", "1,000", "3.5")
/// and an ASCII letter suffix ("1990s", "7th", "5pm").
fn scan_number(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    loop {
        // A separator and more digits; an en dash ("1–3") is one too.
        let sep = match b.get(i..) {
            Some([b'-' | b'/' | b':' | b'.' | b',', d, ..]) if d.is_ascii_digit() => 1,
            Some([0xE2, 0x80, 0x93, d, ..]) if d.is_ascii_digit() => 3,
            _ => break,
        };
        i += sep;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    // "2025-11-03T14:00Z", "2025-11-03T14:00:00.5+01:00": an ISO date and time, one token.
    if let Some(end) = iso_time_end(b, start, i) {
        return end;
    }
    // "3QFY26", "1HFY2027": a quarter or half and its fiscal year, one token.
    if i == start + 1 && b.get(i..i + 3).is_some_and(|w| matches!(w[0] | 0x20, b'q' | b'h') && w[1..].eq_ignore_ascii_case(b"fy")) {
        let digits = b[i + 3..].iter().take_while(|c| c.is_ascii_digit()).count();
        if matches!(digits, 2 | 4) && !b.get(i + 3 + digits).is_some_and(u8::is_ascii_alphanumeric) {
            return i + 3 + digits;
        }
    }
    // "1990's", "1990’s" (a decade); "2024's peak" is a year's, its "'s" a token of its own.
    let year_possessive = i - start == 4 && b[i - 1] != b'0';
    let q = match b.get(i..) {
        _ if year_possessive => 0,
        Some([b'\'', ..]) => 1,
        Some([0xE2, 0x80, 0x99, ..]) => 3,
        _ => 0,
    };
    if q > 0 && b.get(i + q) == Some(&b's') && !b.get(i + q + 1).is_some_and(u8::is_ascii_alphabetic) {
        return i + q + 1;
    }
    // "5pm", "9a.m.": the hour alone, so "pm" is a token of its own as in "5 pm".
    if i + 1 < b.len() && matches!(b[i] | 0x20, b'a' | b'p') && (b[i + 1] | 0x20 == b'm' || b[i + 1] == b'.') {
        return i;
    }
    let mut k = i;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k - i <= 2 {
        k
    } else {
        i
    }
}

/// Where an ISO 8601 time after the date `b[start..date_end]` ends: `T`, hours and minutes,
/// then optional seconds (with a fraction) and zone (`Z`, `+01:00`, `-0500`), and no letter or
/// digit right after.
fn iso_time_end(b: &[u8], start: usize, date_end: usize) -> Option<usize> {
    let digits = |from: usize, n: usize| b.get(from..from + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = &b[start..date_end];
    if date.len() != 10 || date[4] != b'-' || date[7] != b'-' || !matches!(b.get(date_end), Some(b'T' | b't')) {
        return None;
    }
    let mut k = date_end + 1;
    if !(digits(k, 2) && b.get(k + 2) == Some(&b':') && digits(k + 3, 2)) {
        return None;
    }
    k += 5;
    if b.get(k) == Some(&b':') && digits(k + 1, 2) {
        k += 3;
        if b.get(k) == Some(&b'.') && digits(k + 1, 1) {
            k += 1;
            while b.get(k).is_some_and(u8::is_ascii_digit) {
                k += 1;
            }
        }
    }
    match b.get(k) {
        Some(b'Z' | b'z') => k += 1,
        Some(b'+' | b'-') if digits(k + 1, 2) => {
            k += 3;
            if b.get(k) == Some(&b':') && digits(k + 1, 2) {
                k += 3;
            } else if digits(k, 2) {
                k += 2;
            }
        }
        _ => {}
    }
    (!b.get(k).is_some_and(u8::is_ascii_alphanumeric)).then_some(k)
}

/// Letters and digits; inner apostrophes ("o'clock") but not a possessive "'s"; dotted
/// abbreviations of single letters ("a.m.", "p.m.").
fn scan_word(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    for (k, c) in s[i..].char_indices() {
        if c.is_alphanumeric() {
            j = i + k + c.len_utf8();
        } else {
            break;
        }
    }
    // a.m. / p.m. / a.m / p.m
    if j == i + 1 && b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
        && !b.get(j + 2).is_some_and(u8::is_ascii_alphabetic)
    {
        let mut k = j + 2;
        if b.get(k) == Some(&b'.') {
            k += 1;
        }
        return k;
    }
    // o'clock, but not year's
    if b.get(j) == Some(&b'\'') || s[j..].starts_with('\u{2019}') {
        let q = if b.get(j) == Some(&b'\'') { 1 } else { 3 };
        let rest = &s[j + q..];
        let word_len = rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
        if word_len > 0 && !(rest.starts_with('s') && word_len == 1) && !(rest.starts_with('t') && word_len == 1) {
            return scan_word(s, j + q);
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        lex(s, 0, s.len()).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(words("Jan. 9-10, 2022"), ["jan", ".", "9-10", ",", "2022"]);
        assert_eq!(words("5 p.m. EST"), ["5", "p.m.", "est"]);
        assert_eq!(words("the year's third-quarter"), ["the", "year", "'s", "third", "quarter"]);
        assert_eq!(words("1990s '90s 7th o'clock"), ["1990s", "'90s", "7th", "o'clock"]);
        assert_eq!(words("in 1990."), ["in", "1990", "."]);
        assert_eq!(words("9am to 5PM, 10:30p.m."), ["9", "am", "to", "5", "pm", ",", "10:30", "p.m."]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "'", "'9", "'99", "-", "a-", "-a", "9-", "é-ü", "a.", "a.b", "日本 2021年", "\0\r\n"] {
            let _ = lex(s, 0, s.len());
        }
    }
}
