//! Day and month order of numeric dates. "03/04/2024" is 4 March in US news and 3 April in most
//! of the world; the text usually settles it: a date that reads only one way ("25/12/2024"), or
//! dates written in words ("13 November 2024" against "November 13, 2024").

use crate::doc::Token;

/// How a numeric date whose first two numbers could each be the month ("03/04/2024") is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// As the text shows: numeric dates that read only one way decide ("25/12/2024" against
    /// "12/25/2024"); failing those, dates written in words ("13 November 2024" against
    /// "November 13, 2024"); failing those too, month first, as in US news.
    #[default]
    Auto,
    /// Month first: "03/04/2024" is 4 March 2024.
    MonthFirst,
    /// Day first: "03/04/2024" is 3 April 2024.
    DayFirst,
}

impl DateOrder {
    /// Parses "auto", "month-first" (or "mdy") and "day-first" (or "dmy").
    pub fn parse(s: &str) -> Option<DateOrder> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Some(DateOrder::Auto),
            "month-first" | "mdy" | "us" => Some(DateOrder::MonthFirst),
            "day-first" | "dmy" => Some(DateOrder::DayFirst),
            _ => None,
        }
    }
}

/// The order decided for one document, and what decided it (for the card's "why").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Numeric {
    pub day_first: bool,
    pub why: String,
}

impl Default for Numeric {
    fn default() -> Self {
        Numeric { day_first: false, why: "as in US news".into() }
    }
}

/// Day and month of a numeric date token ("25/12/2024", "03/04/24"), as written.
fn numeric_date(t: &str) -> Option<(u32, u32)> {
    let mut parts = t.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: &[usize]| n.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    (parts.next().is_none() && digits(a, &[1, 2]) && digits(b, &[1, 2]) && digits(y, &[2, 4])).then(|| (a.parse().unwrap_or(0), b.parse().unwrap_or(0)))
}

/// Whether `t` names a month, in full or abbreviated ("November", "Nov", "Sept"), as the
/// temporal lexicon has them; capitalized, as dates write them.
fn month_word(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_uppercase()) && super::grammar().lookup(&t.trim_end_matches('.').to_lowercase(), "month").is_some()
}

/// A day of the month as written in words' company ("13", "13th").
fn day_number(t: &str) -> bool {
    let n = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()) && (1..=31).contains(&n.parse::<u32>().unwrap_or(0))
}

/// Decides the order for `text` (tokenized as `tokens`). Looks at the text only when it has a
/// numeric date that could be read both ways.
pub(crate) fn decide(text: &str, tokens: &[Token], order: DateOrder) -> Numeric {
    match order {
        DateOrder::MonthFirst => return Numeric { day_first: false, why: "as set".into() },
        DateOrder::DayFirst => return Numeric { day_first: true, why: "as set".into() },
        DateOrder::Auto => {}
    }
    if !text.contains('/') {
        return Numeric::default();
    }
    let word = |k: usize| text.get(tokens[k].byte.clone()).unwrap_or("");
    let (mut ambiguous, mut dmy, mut mdy) = (false, None, None);
    for k in 0..tokens.len() {
        let w = word(k);
        match numeric_date(w) {
            Some((13..=31, 1..=12)) => dmy = dmy.or(Some(w)),
            Some((1..=12, 13..=31)) => mdy = mdy.or(Some(w)),
            Some((1..=12, 1..=12)) => ambiguous = true,
            _ => {}
        }
    }
    match (dmy, mdy) {
        (Some(d), None) => return Numeric { day_first: true, why: format!("as the text writes {d}") },
        (None, Some(m)) => return Numeric { day_first: false, why: format!("as the text writes {m}") },
        _ => {}
    }
    if !ambiguous {
        return Numeric::default();
    }
    // Dates in words: "13 November" against "November 13" (how many of each, and the first).
    let (mut day_month, mut month_day) = ((0, None), (0, None));
    for k in 1..tokens.len() {
        let (a, b) = (word(k - 1), word(k));
        let seen = if day_number(a) && month_word(b) {
            &mut day_month
        } else if month_word(a) && day_number(b) {
            &mut month_day
        } else {
            continue;
        };
        seen.0 += 1;
        seen.1 = seen.1.or(Some((a, b)));
    }
    let why = |(a, b): (&str, &str)| format!("as the text writes \"{a} {b}\"");
    match (day_month, month_day) {
        ((n, Some(first)), (m, _)) if n > m => Numeric { day_first: true, why: why(first) },
        ((n, _), (m, Some(first))) if m > n => Numeric { day_first: false, why: why(first) },
        _ => Numeric::default(),
    }
}

/// For a numeric date token ("03/04/2024") read month first into `value` ("2024-03-04"): the
/// value in `order`, and a note on the order when the token could be read both ways.
pub(crate) fn reorder(token: &str, value: &str, order: &Numeric) -> Option<(String, String)> {
    let (a, b) = numeric_date(token)?;
    if !(1..=12).contains(&a) || !(1..=12).contains(&b) || value.len() != 10 {
        return None;
    }
    let note = format!("{} first, {}", if order.day_first { "day" } else { "month" }, order.why);
    if !order.day_first || a == b {
        return Some((value.to_owned(), note));
    }
    Some((format!("{}-{b:02}-{a:02}", &value[..4]), note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decided_by_the_text() {
        let d = |t: &str| decide(t, &crate::tokenize::tokenize(t), DateOrder::Auto);
        assert!(d("Filed 25/12/2024, amended 03/04/2025.").day_first);
        assert!(!d("Filed 12/25/2024, amended 03/04/2025.").day_first);
        assert!(d("On 13 November 2024 it said 03/04/2025.").day_first);
        assert!(!d("On November 13, 2024 it said 03/04/2025.").day_first);
        assert!(!d("It said 03/04/2025.").day_first);
        // Both kinds of unambiguous date: no evidence either way.
        assert!(!d("25/12/2024 and 12/25/2024 and 03/04/2025").day_first);
        assert!(decide("12/25/2024", &[], DateOrder::DayFirst).day_first);
        assert_eq!(d("13 November 2024 and 03/04/2025").why, "as the text writes \"13 November\"");
    }

    #[test]
    fn ambiguous_dates_follow_the_order() {
        let dmy = Numeric { day_first: true, why: "as set".into() };
        assert_eq!(reorder("03/04/2024", "2024-03-04", &dmy), Some(("2024-04-03".into(), "day first, as set".into())));
        assert_eq!(reorder("03/04/2024", "2024-03-04", &Numeric::default()).unwrap().0, "2024-03-04");
        // Only one reading: nothing to say.
        assert_eq!(reorder("25/12/2024", "2024-12-25", &dmy), None);
        assert_eq!(reorder("2024/03/04", "2024-03-04", &dmy), None);
    }
}
