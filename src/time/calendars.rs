//! Feasts that follow another calendar: Hanukkah, Passover and Yom Kippur (Hebrew), Ramadan
//! and the Eids (Islamic, Umm al-Qura), the Lunar New Year (Chinese). ICU4X does the calendar
//! arithmetic; this module only asks which Gregorian days a feast falls on.
//!
//! A feast is written in the lexicon as `CAL:MONTH:DAY[:DAYS]`: `heb:3:25:8` is 25 Kislev
//! for eight days, `hij:9:1:M` the whole month of Ramadan. Hebrew months count from Tishrei
//! (ICU's month codes: 6 is Adar, Adar II in a leap year).

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::{ChineseTraditional, Hebrew, Hijri};
use icu_calendar::types::{Month, RataDie};
use icu_calendar::{AsCalendar, Date};

/// Month names for the card, by calendar and ICU month number.
const HEBREW: [&str; 13] = ["", "Tishrei", "Heshvan", "Kislev", "Tevet", "Shevat", "Adar", "Nisan", "Iyar", "Sivan", "Tammuz", "Av", "Elul"];
const HIJRI: [&str; 13] = [
    "", "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah", "Rajab", "Shaban",
    "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
];

/// Whether `kind` names a calendar this module knows (`heb`, `hij`, `chn`, and `dwl` for
/// Diwali).
pub fn is_calendar(kind: &str) -> bool {
    matches!(kind, "heb" | "hij" | "chn" | "dwl")
}

/// Diwali (`dwl[:DAYS]`): the Amavasya of Kartika, the eve of the new moon that falls between
/// mid-October and mid-November. The Hindu lunisolar calendar is not in ICU, but the Chinese
/// one starts each month on the day of the new moon in Beijing, which is the day after the
/// evening Diwali is kept in India (checked against 2016-2026 below).
fn diwali(y: i32, days: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let from = NaiveDate::from_ymd_opt(y, 10, 18)?;
    let new_moon = from.iter_days().take(30).find(|&d| in_calendar(d, ChineseTraditional::new()).day_of_month().0 == 1)?;
    let start = new_moon.pred_opt()?;
    let len: i64 = days.map_or(Some(1), |n| n.parse().ok())?;
    Some((start, start.checked_add_signed(chrono::Duration::days(len - 1))?))
}

/// The first and last Gregorian day of the feast `spec` (`[CAL, MONTH, DAY, DAYS?]`) that
/// begins in Gregorian year `y`; the earlier one when two do (a lunar year is 354 days).
pub fn feast(y: i32, spec: &[&str]) -> Option<(NaiveDate, NaiveDate)> {
    // Far years are not news, and the Chinese calendar beyond its tables is astronomy.
    if !(1600..=2400).contains(&y) {
        return None;
    }
    if spec[0] == "dwl" {
        return diwali(y, spec.get(1).copied());
    }
    let month: u8 = spec.get(1)?.parse().ok()?;
    let day: u8 = spec.get(2)?.parse().ok()?;
    let days = spec.get(3).copied();
    match spec[0] {
        "heb" => first_in(y, Hebrew, month, day, days),
        "hij" => first_in(y, Hijri::new_umm_al_qura(), month, day, days),
        "chn" => first_in(y, ChineseTraditional::new(), month, day, days),
        _ => None,
    }
}

/// The date in words for the card: "25 Kislev 5785 in the Hebrew calendar".
pub fn words(spec: &[&str], start: NaiveDate) -> Option<String> {
    if spec.first() == Some(&"dwl") {
        return Some("Amavasya of Kartika, the eve of the autumn new moon".into());
    }
    let month: usize = spec.get(1)?.parse().ok()?;
    let day: u8 = spec.get(2)?.parse().ok()?;
    Some(match spec[0] {
        "heb" => format!("{day} {} {} in the Hebrew calendar", HEBREW.get(month)?, in_calendar(start, Hebrew).year().extended_year()),
        "hij" => format!("{day} {} {} in the Islamic (Umm al-Qura) calendar", HIJRI.get(month)?, in_calendar(start, Hijri::new_umm_al_qura()).year().extended_year()),
        "chn" => format!("day {day} of month {month} in the Chinese calendar"),
        _ => return None,
    })
}

/// Tries the calendar years that overlap Gregorian year `y` and keeps the first feast that
/// starts in it.
fn first_in<C: AsCalendar + Copy>(y: i32, cal: C, month: u8, day: u8, days: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let jan1 = in_calendar(NaiveDate::from_ymd_opt(y, 1, 1)?, cal).year().extended_year();
    (jan1..=jan1 + 1).find_map(|cy| {
        let d = Date::try_new(cy.into(), Month::new(month), day, cal).ok()?;
        let start = gregorian(&d)?;
        if start.year() != y {
            return None;
        }
        let len = match days {
            Some("M") => i64::from(d.days_in_month()) - i64::from(day) + 1,
            Some(n) => n.parse().ok()?,
            None => 1,
        };
        Some((start, start.checked_add_signed(chrono::Duration::days(len - 1))?))
    })
}

// Rata Die day 1 is 0001-01-01, chrono's day 1 from the common era.
fn gregorian<C: AsCalendar>(d: &Date<C>) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(d.to_rata_die().to_i64_date()).ok()?)
}

fn in_calendar<C: AsCalendar>(day: NaiveDate, cal: C) -> Date<C> {
    Date::from_rata_die(RataDie::new(i64::from(day.num_days_from_ce())), cal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn known_feasts() {
        // Published dates (first full day).
        let cases: &[(i32, &[&str], &str, &str)] = &[
            (2021, &["heb", "3", "25", "8"], "2021-11-29", "2021-12-06"), // Hanukkah
            (2022, &["heb", "7", "15", "8"], "2022-04-16", "2022-04-23"), // Passover
            (2023, &["heb", "1", "10"], "2023-09-25", "2023-09-25"),      // Yom Kippur
            (2024, &["heb", "6", "14"], "2024-03-24", "2024-03-24"),      // Purim, Adar II
            (2024, &["hij", "9", "1", "M"], "2024-03-11", "2024-04-09"),  // Ramadan
            (2024, &["hij", "10", "1"], "2024-04-10", "2024-04-10"),      // Eid al-Fitr
            (2024, &["chn", "1", "1"], "2024-02-10", "2024-02-10"),       // Lunar New Year
            (2025, &["chn", "1", "1"], "2025-01-29", "2025-01-29"),
            (1998, &["chn", "1", "1"], "1998-01-28", "1998-01-28"),
        ];
        for (y, spec, start, end) in cases {
            assert_eq!(feast(*y, spec), Some((d(start), d(end))), "{spec:?} in {y}");
        }
    }

    #[test]
    fn diwali_is_the_eve_of_the_autumn_new_moon() {
        // Lakshmi Puja as Indian calendars publish it.
        let known = [
            (2016, "2016-10-30"),
            (2017, "2017-10-19"),
            (2018, "2018-11-07"),
            (2019, "2019-10-27"),
            (2020, "2020-11-14"),
            (2021, "2021-11-04"),
            (2022, "2022-10-24"),
            (2023, "2023-11-12"),
            (2024, "2024-10-31"),
            (2025, "2025-10-20"),
        ];
        for (y, day) in known {
            assert_eq!(feast(y, &["dwl"]), Some((d(day), d(day))), "Diwali {y}");
        }
        assert_eq!(feast(2024, &["dwl", "5"]), Some((d("2024-10-31"), d("2024-11-04"))));
    }

    #[test]
    fn two_ramadans_in_one_year_gives_the_first() {
        // 2030 holds the start of two Ramadans (January and December).
        let (start, _) = feast(2030, &["hij", "9", "1", "M"]).unwrap();
        assert_eq!(start.month(), 1);
    }

    #[test]
    fn card_words() {
        assert_eq!(words(&["heb", "3", "25", "8"], d("2021-11-29")).as_deref(), Some("25 Kislev 5782 in the Hebrew calendar"));
        assert_eq!(words(&["hij", "9", "1", "M"], d("2024-03-11")).as_deref(), Some("1 Ramadan 1445 in the Islamic (Umm al-Qura) calendar"));
    }

    #[test]
    fn bad_specs_are_none() {
        assert_eq!(feast(2024, &["heb", "14", "1"]), None);
        assert_eq!(feast(2024, &["heb", "x"]), None);
        assert_eq!(feast(2024, &["xyz", "1", "1"]), None);
    }
}
