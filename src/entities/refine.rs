//! Refines the four CoNLL types into the product's labels: LOC into GPE (countries, cities,
//! states) or LOC (regions, rivers, mountains), MISC into NORP (nationalities, religious and
//! political groups), EVENT or MISC. Gazetteer matches decide first, then word cues.

use super::features::{list, Tok};
use crate::doc::Label;

/// True when `toks` is exactly one phrase of gazetteer list `l`.
fn whole_match(toks: &[Tok], l: u8) -> bool {
    let bit = |t: &Tok, pos: u32| t.gaz & (1 << (l as u32 * 4 + pos)) != 0;
    match toks {
        [] => false,
        [t] => bit(t, 3),
        [first, mid @ .., last] => bit(first, 0) && bit(last, 2) && mid.iter().all(|t| bit(t, 1)),
    }
}

const LOC_WORDS: &[&str] = &[
    "river", "sea", "ocean", "mountains", "mountain", "mount", "mt", "mt.", "lake", "valley", "gulf",
    "bay", "island", "islands", "peninsula", "desert", "strait", "straits", "canal", "coast",
    "basin", "plateau", "alps", "himalayas", "channel", "delta", "forest", "highlands", "region",
    "hills", "range", "glacier", "cape", "reef", "falls", "park",
];

const LOC_NAMES: &[&str] = &[
    "middle east", "balkans", "caucasus", "gulf", "west bank", "gaza strip", "gaza", "kashmir",
    "sahara", "mediterranean", "atlantic", "pacific", "arctic", "antarctica", "scandinavia",
    "baltics", "siberia", "east", "west", "north", "south", "mideast", "persian gulf",
    "horn of africa", "latin america", "southeast asia", "central asia", "far east",
];

/// Seats of government that news uses for the institution ("the Kremlin said"): CoNLL tags
/// them LOC, the product (like OntoNotes) calls them organizations.
const GOVERNMENT_SEATS: &[&str] = &[
    "white house", "kremlin", "pentagon", "downing street", "elysee", "elysee palace",
    "quai d'orsay", "capitol hill", "whitehall", "blue house", "zhongnanhai", "foggy bottom",
    "number 10", "no. 10", "state department",
];

const NORP_WORDS: &[&str] = &[
    "muslim", "muslims", "moslem", "moslems", "islamic", "christian", "christians", "jew", "jews",
    "jewish", "catholic", "catholics", "protestant", "protestants", "hindu", "hindus", "sikh",
    "sikhs", "buddhist", "buddhists", "sunni", "sunnis", "shi'ite", "shi'ites", "shiite",
    "shiites", "democrat", "democrats", "republican", "republicans", "communist", "communists",
    "socialist", "socialists", "conservative", "conservatives", "liberal", "liberals", "serb",
    "serbs", "croat", "croats", "kurd", "kurds", "arab", "arabs", "tamil", "tamils", "hutu",
    "hutus", "tutsi", "tutsis", "basque", "basques", "palestinians", "israelis", "britons",
    "europeans", "european", "asian", "african", "western", "eastern", "latin", "nordic",
    "islamist", "islamists", "marxist", "maoist", "zionist", "orthodox", "americans", "latino",
    "hispanic", "scandinavian", "slav", "slavs", "pashtun", "uzbek", "tajik", "chechen", "chechens",
    "taleban", "taliban",
];

const EVENT_WORDS: &[&str] = &[
    "cup", "championship", "championships", "open", "games", "olympics", "olympic", "war", "tour",
    "prix", "summit", "rally", "marathon", "festival", "election", "elections", "masters",
    "classic", "series", "derby", "bowl", "grand", "trophy", "tournament", "revolution",
    "conference", "expo", "world", "invitational", "challenge", "crisis", "uprising", "storm",
    "hurricane", "olympiad", "regatta", "congress", "talks", "massacre",
];

fn lower(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// The product label for a name of CoNLL type `ty` (0 PER, 1 ORG, 2 LOC, 3 MISC).
pub(crate) fn refine(ty: usize, words: &[&str], toks: &[Tok]) -> Label {
    match ty {
        0 => Label::Person,
        1 => Label::Org,
        2 => {
            let low = lower(words);
            let phrase = low.join(" ");
            if GOVERNMENT_SEATS.contains(&phrase.as_str()) {
                Label::Org
            } else if whole_match(toks, list::COUNTRY) || whole_match(toks, list::STATE) {
                Label::Gpe
            } else if whole_match(toks, list::REGION) || LOC_NAMES.contains(&phrase.as_str()) {
                Label::Loc
            } else if whole_match(toks, list::CITY) {
                Label::Gpe
            } else if low.iter().any(|w| LOC_WORDS.contains(&w.as_str())) {
                Label::Loc
            } else {
                // Most unlisted places in news are towns and provinces.
                Label::Gpe
            }
        }
        _ => {
            let low = lower(words);
            let last = low.last().map_or("", |s| s.as_str());
            let demonym = |w: &str| {
                NORP_WORDS.contains(&w)
                    || (w.len() > 4
                        && ["ian", "ians", "ean", "eans", "ese", "ish", "ans"].iter().any(|s| w.ends_with(s))
                        && words.len() == 1)
            };
            if whole_match(toks, list::DEMONYM) || (toks.len() <= 2 && demonym(last)) {
                Label::Norp
            } else if low.iter().any(|w| EVENT_WORDS.contains(&w.as_str())) && words.len() > 1 {
                Label::Event
            } else if toks.last().is_some_and(|t| t.gaz & (1 << (list::DEMONYM as u32 * 4 + 3)) != 0)
                && toks.len() <= 2
            {
                // "Bosnian Serb", "Palestinian Arab": a nationality noun at the end.
                Label::Norp
            } else {
                Label::Misc
            }
        }
    }
}
