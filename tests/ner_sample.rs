//! Golden test on the sample article the product is built around: its people,
//! organizations, places and nationalities, found through the whole pipeline
//! (tokenizer, sentence splitter, recognizer). The article is read from ../shared at test
//! time, never copied into the repository.

mod common;

use dateline::{annotate, Label, Options};

fn sample() -> Option<String> {
    common::read_shared_or_skip("samples/biden-putin-call.txt")
}

/// The entities annotated in `text` (default options), as (text, label).
fn found(text: &str) -> Vec<(String, Label)> {
    annotate(text, &Options::default()).unwrap().entities.into_iter().map(|e| (e.text, e.label)).collect()
}

/// Asserts that each of `want` is among `found`.
fn assert_found(found: &[(String, Label)], want: &[(&str, Label)]) {
    for &(t, l) in want {
        assert!(found.iter().any(|(ft, fl)| ft == t && *fl == l), "missing {:?} in {found:?}", (t, l));
    }
}

#[test]
fn sample_article_names_have_the_right_labels() {
    let Some(text) = sample() else { return };
    let doc = annotate(&text, &Options::default()).unwrap();
    let found: Vec<(&str, Label)> = doc.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    let expected: &[(&str, Label)] = &[
        ("Joe Biden", Label::Person),
        ("Vladimir Putin", Label::Person),
        ("Putin", Label::Person),
        ("Biden", Label::Person),
        ("Jen Psaki", Label::Person),
        ("Psaki", Label::Person),
        ("White House", Label::Org),
        ("NATO", Label::Org),
        ("Kremlin", Label::Org),
        ("OSCE", Label::Org),
        ("Ukraine", Label::Gpe),
        ("Russia", Label::Gpe),
        ("Washington", Label::Gpe),
        ("Moscow", Label::Gpe),
        ("Geneva", Label::Gpe),
        ("Brussels", Label::Gpe),
        ("Russian", Label::Norp),
    ];
    let mut missing = Vec::new();
    for want in expected {
        if !found.contains(want) {
            missing.push(*want);
        }
    }
    assert!(missing.is_empty(), "missing {missing:?}\nfound {found:?}");
    // Every mention of these words carries one label: no "Putin" as an ORG in a headline.
    for (word, label) in [("Putin", Label::Person), ("Ukraine", Label::Gpe), ("Kremlin", Label::Org)] {
        for e in doc.entities.iter().filter(|e| e.text == word) {
            assert_eq!(e.label, label, "`{word}` at byte {} is {:?}", e.span.byte.start, e.label);
        }
    }
    // The names it is sure of say so: every expected name scores above one half.
    for e in doc.entities.iter().filter(|e| expected.contains(&(e.text.as_str(), e.label))) {
        assert!(e.score > 0.5, "`{}` ({:?}) scored {}", e.text, e.label, e.score);
    }
    // Dates are not names.
    assert!(!found.iter().any(|(t, l)| *t == "Thursday" && !l.is_temporal()));
}

/// Rivers, which CoNLL's training text hardly mentions, and places named by their kind
/// ("Carpathian Basin") are places, whatever type the recognizer guessed for them.
#[test]
fn rivers_and_basins_are_places() {
    let text = "Barges were stuck on the Rhine for a week. Levels on the Danube fell too, officials in \
                Vienna said. Drought has also hit farms across the Carpathian Basin, and the Yangtze is at a record low.";
    let found = found(text);
    assert_found(&found, &[("Rhine", Label::Loc), ("Danube", Label::Loc), ("Vienna", Label::Gpe), ("Carpathian Basin", Label::Loc), ("Yangtze", Label::Loc)]);
}

/// Agencies and platforms named in photo credits and sourcing are organizations, not people.
#[test]
fn credits_and_platforms_are_organizations() {
    let text = "Protesters gathered outside the ministry in Minsk on Sunday.\nPolice vans near the square Twitter\n\n\
                The clip was first shared on Telegram, AFP reported.";
    let found = found(text);
    assert_found(&found, &[("Minsk", Label::Gpe), ("Twitter", Label::Org), ("Telegram", Label::Org), ("AFP", Label::Org)]);
}

/// Web-page boilerplate pasted along with an article ("READ MORE", "Advertisement") is not a
/// name, however it is capitalized; the names around it are found as before.
#[test]
fn pasted_boilerplate_lines_are_not_names() {
    let text = "Talks between Moscow and Kiev resumed on Monday.\n\nREAD MORE\n\nNATO said the talks would go on.\n\n\
                Related:\n\nAdvertisement\n";
    let doc = annotate(text, &Options::default()).unwrap();
    let found: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(found, ["Moscow", "Kiev", "Monday", "NATO"]);
}

/// The agency of a dateline, in parentheses before the dash, is an organization.
#[test]
fn a_datelines_agency_is_an_organization() {
    for (text, agency) in [
        ("VIENNA, Tuesday, November 30, 2021 (Dateline) - Environment ministers agreed on Tuesday.", "Dateline"),
        ("LONDON, March 3 (Lloyds) - Ships were delayed at the port.", "Lloyds"),
    ] {
        let doc = annotate(text, &Options::default()).unwrap();
        let e = doc.entities.iter().find(|e| e.text == agency).unwrap_or_else(|| panic!("{agency} not found in {text}"));
        assert_eq!(e.label, Label::Org, "{text}");
    }
}

/// A holiday is a date even where the recognizer reads it as a name of the same extent
/// ("Christmas" as an organization, "New Year's Day" as a miscellaneous name); a person's
/// name of the same extent stays a name.
#[test]
fn holidays_are_dates_and_names_stay_names() {
    let opts = Options { reference_date: chrono::NaiveDate::from_ymd_opt(2023, 6, 15), ..Default::default() };
    let text = "Christmas was quiet in the capital. On New Year's Day, thousands gathered. Labour won the vote. \
                Easter Sunday fell on April 9.";
    let doc = annotate(text, &opts).unwrap();
    let value = |s: &str| doc.entities.iter().find(|e| e.text == s).and_then(|e| e.timex.as_ref()).map(|t| t.value.clone());
    assert_eq!(value("Christmas").as_deref(), Some("2022-12-25"), "{:?}", doc.entities);
    assert_eq!(value("New Year's Day").as_deref(), Some("2023-01-01"), "{:?}", doc.entities);
    // The recognizer calls "Easter Sunday" a person; a name of two words is no first name.
    assert_eq!(value("Easter Sunday").as_deref(), Some("2023-04-09"), "{:?}", doc.entities);
    // A month's name alone is the month, even in a list the recognizer reads as names.
    let doc2 = annotate("Forecasts for lemons will be issued in October, November, January, April and July.", &opts).unwrap();
    for m in ["October", "November", "January", "April", "July"] {
        assert!(doc2.entities.iter().any(|e| e.text == m && e.timex.is_some()), "{m}: {:?}", doc2.entities);
    }
    // A holiday's name alone is the holiday, though the recognizer reads "Easter" as a name.
    let doc3 = annotate("Sales rose over Easter.", &opts).unwrap();
    assert!(doc3.entities.iter().any(|e| e.text == "Easter" && e.timex.as_ref().is_some_and(|t| t.value == "2023-04-09")), "{:?}", doc3.entities);
    // "Labour" alone is the party, not Labour Day.
    assert!(doc.entities.iter().all(|e| e.text != "Labour" || e.timex.is_none()), "{:?}", doc.entities);
}

/// "US-Russia talks": two names the text also gives on their own are two entities, each in its
/// cluster; a compound whose parts are not names elsewhere stays whole.
#[test]
fn hyphenated_pairs_of_names_are_split() {
    let text = "The US-Russia talks began in Geneva. The US and Russia agreed on little. Franco-German ties held.";
    let doc = annotate(text, &Options::default()).unwrap();
    let found: Vec<(&str, Label)> = doc.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    assert!(found.starts_with(&[("US", Label::Gpe), ("Russia", Label::Gpe)]), "{found:?}");
    assert!(found.iter().any(|(t, _)| *t == "Franco-German"), "{found:?}");
    let cluster = |i: usize| doc.entities[i].cluster;
    let us_again = doc.entities.iter().position(|e| e.text == "US" && e.span.byte.start > 10).unwrap();
    assert_eq!(cluster(0), cluster(us_again));
    for e in &doc.entities {
        assert_eq!(&text[e.span.byte.clone()], e.text);
    }
}

/// A participle that opens a biography's sentence is no name; the places after it are.
#[test]
fn opening_participles_are_not_names() {
    let text = "Born on April 3, 1933, in Leeds, England, she moved to Boston. Founded in 1901, the firm grew.";
    let doc = annotate(text, &Options::default()).unwrap();
    let names: Vec<&str> = doc.entities.iter().filter(|e| !e.label.is_temporal()).map(|e| e.text.as_str()).collect();
    assert!(!names.contains(&"Born") && !names.contains(&"Founded"), "{names:?}");
    assert!(names.contains(&"Leeds") && names.contains(&"Boston"), "{names:?}");
}

/// A name described as a kind of organization ("IndiGo, India's biggest airline") is one, and
/// so is one whose shares trade; parliaments by their own names too.
#[test]
fn described_organizations_and_parliaments() {
    let text = "Airbus won an order from IndiGo, India's biggest airline, for 30 A350 jets. Lindner will present a plan to the Bundestag next week. \
                Airbus shares rose 2% in Paris, and London shares were flat.";
    let doc = annotate(text, &Options::default()).unwrap();
    let label = |w: &str| doc.entities.iter().find(|e| e.text == w).map(|e| e.label);
    assert_eq!(label("IndiGo"), Some(Label::Org));
    assert_eq!(label("India"), Some(Label::Gpe));
    assert_eq!(label("Bundestag"), Some(Label::Org));
    assert!(doc.entities.iter().filter(|e| e.text == "Airbus").all(|e| e.label == Label::Org));
    assert_eq!(label("London"), Some(Label::Gpe));
}

/// "Seattle-area plants", "a Swiss-based bank": the place (or nationality) before the hyphen is
/// the name, not the compound.
#[test]
fn place_compounds_name_the_place() {
    let text = "Boeing, hit by a strike at its Seattle-area plants, delivered 14 jets. The Paris-born artist \\
                spoke in Paris. A Swiss-based bank and a Kremlin-backed group met.";
    let doc = annotate(text, &Options::default()).unwrap();
    let names: Vec<(&str, Label)> = doc.entities.iter().filter(|e| !e.label.is_temporal()).map(|e| (e.text.as_str(), e.label)).collect();
    assert!(names.contains(&("Seattle", Label::Gpe)), "{names:?}");
    assert_eq!(names.iter().filter(|n| **n == ("Paris", Label::Gpe)).count(), 2, "{names:?}");
    assert!(names.contains(&("Swiss", Label::Norp)), "{names:?}");
    assert!(!names.iter().any(|(t, _)| t.ends_with("-area") || t.ends_with("-born") || t.ends_with("-based")), "{names:?}");
}

/// A title in quotes is a work, not a person, even when the recognizer guesses one.
#[test]
fn quoted_titles_are_not_people() {
    let text = "The following year she published \"Reef Atlas,\" which became a standard reference. \
                The line includes the \"Anne Klein\" brand.";
    let doc = annotate(text, &Options::default()).unwrap();
    let label = |w: &str| doc.entities.iter().find(|e| e.text == w).map(|e| e.label);
    assert_eq!(label("Reef Atlas"), Some(Label::Misc), "{:?}", doc.entities);
    assert_eq!(label("Anne Klein"), Some(Label::Misc), "{:?}", doc.entities);
}

/// Companies of one family are companies ("Siemens Gamesa" beside "Siemens Energy"), and two
/// of them joined by "and" are two; but a place or a person that shares a company's first
/// word stays what it is.
#[test]
fn company_families_are_companies() {
    let text = "Siemens Energy raised its outlook. The wind business, Siemens Gamesa, will break even. \
                Tata Motors said Tata Steel would cut jobs. Samsung Electronics and Samsung Biologics rose. \
                The New York Times wrote about New York. Morgan Stanley hired Morgan Freeman. \
                The Wall Street Journal covers Wall Street.";
    let found = found(text);
    assert_found(&found, &[
        ("Siemens Gamesa", Label::Org),
        ("Tata Steel", Label::Org),
        ("Samsung Electronics", Label::Org),
        ("Samsung Biologics", Label::Org),
        ("New York", Label::Gpe),
        ("Morgan Freeman", Label::Person),
    ]);
    assert!(found.iter().any(|(t, l)| t == "Wall Street" && *l != Label::Org), "{found:?}");
}

/// Storms are events under their full names, whatever the recognizer made of them; so are the
/// Olympics.
#[test]
fn storms_and_games_are_events() {
    let text = "Hurricane Milton hit Florida. Tropical Storm Alberto weakened. Typhoon Haiyan killed thousands. \
                Storm Ciaran battered Britain. The Olympics opened in Paris.";
    let found = found(text);
    assert_found(&found, &[
        ("Hurricane Milton", Label::Event),
        ("Tropical Storm Alberto", Label::Event),
        ("Typhoon Haiyan", Label::Event),
        ("Storm Ciaran", Label::Event),
        ("Olympics", Label::Event),
        ("Florida", Label::Gpe),
    ]);
}

/// A headline's first word that the story writes in lower case is a common word, not a
/// person; a family name opening sentences stays a name.
#[test]
fn a_capitalized_common_word_is_not_a_name() {
    let text = "Rover finds layered rock on crater rim, mission team says\n\nEngineers said on Tuesday that the rover \
                had drilled its 27th core sample from a ridge on the rim of Jezero Crater.";
    let doc = annotate(text, &Options::default()).unwrap();
    assert!(doc.entities.iter().all(|e| e.text != "Rover"), "{:?}", doc.entities);
    assert!(doc.entities.iter().any(|e| e.text == "Jezero Crater" && e.label == Label::Loc), "{:?}", doc.entities);
}

/// A generational suffix belongs to the name before it, whether the recognizer leaves it out
/// or takes it for a name of its own.
#[test]
fn generational_suffixes_are_part_of_the_name() {
    let text = "Consolidated said James Moore Jr. will assume the position of president, replacing \
                Marvin W. Griffin Jr., who resigned. Davis Love III won the tournament.";
    let found = found(text);
    assert_found(&found, &[("James Moore Jr.", Label::Person), ("Marvin W. Griffin Jr.", Label::Person), ("Davis Love III", Label::Person)]);
    assert!(found.iter().all(|(t, _)| t != "Jr."), "{found:?}");
}

/// Wire copy wrapped at a width cuts names at line ends; a name cut there is still one name.
#[test]
fn names_across_wrapped_lines_are_whole() {
    let text = "Shares of the company rose sharply on the news that it would open\n\
                a new plant, making the city the biggest market in North\n\
                America, analysts said on Monday in a note sent by the U.S.\n\
                Agriculture Department to all of its clients before the market\n\
                opened. The company declined to comment on the report, it said.";
    let doc = annotate(text, &Options::default()).unwrap();
    let found: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
    for want in ["North\nAmerica", "U.S.\nAgriculture Department"] {
        assert!(found.contains(&want), "missing {want:?} in {found:?}");
    }
}

/// A weekday or month inside a name ("Sheffield Wednesday", "April Ryan") is not a date, and
/// does not anchor the dates after it.
#[test]
fn calendar_words_inside_names_are_not_dates() {
    let text = "Sheffield Wednesday beat Leeds 2-1 on Saturday. April Ryan covers the club.";
    let options = Options { reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 29), ..Options::default() };
    let doc = annotate(text, &options).unwrap();
    let dates: Vec<(&str, &str)> =
        doc.entities.iter().filter_map(|e| Some((e.text.as_str(), e.timex.as_ref()?.value.as_str()))).collect();
    assert_eq!(dates, [("Saturday", "2026-11-28")], "{:?}", doc.entities);
}

/// A person's last name said again alone is the person, even when it names a feast: "Taha
/// Yassin Ramadan ... Ramadan told reporters". The feast itself is still a date.
#[test]
fn a_last_name_said_again_is_not_a_feast() {
    let options = Options { reference_date: chrono::NaiveDate::from_ymd_opt(1990, 8, 15), ..Options::default() };
    let text = "Vice President Taha Yassin Ramadan spoke on Monday. Ramadan told reporters the talks had failed.";
    let doc = annotate(text, &options).unwrap();
    let dates: Vec<&str> = doc.entities.iter().filter(|e| e.timex.is_some()).map(|e| e.text.as_str()).collect();
    assert_eq!(dates, ["Monday"], "{:?}", doc.entities);
    let doc = annotate("Food prices rose during Ramadan, traders said.", &options).unwrap();
    let feast = doc.entities.iter().find(|e| e.text == "Ramadan").and_then(|e| e.timex.as_ref()).expect("Ramadan is a date");
    assert_eq!((feast.value.as_str(), feast.end_value.as_deref()), ("1990-03-28", Some("1990-04-25")));
}
