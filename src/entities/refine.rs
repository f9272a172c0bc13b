//! Refines the four CoNLL types into the product's labels: LOC into GPE (countries, cities,
//! states) or LOC (regions, rivers, mountains), MISC into NORP (nationalities, religious and
//! political groups), EVENT or MISC. Gazetteer matches decide first, then word cues.

use super::features::{list, Tok};
use crate::doc::Label;
use rustc_hash::{FxHashMap, FxHashSet};

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
    // Streets and buildings are places, not political ones: "Market Street", "City Hall".
    "street", "avenue", "road", "boulevard", "square", "plaza", "lane", "highway", "hall", "bridge",
    "airport", "station",
];

/// The kinds of place that end a place's name ("Carpathian Basin") and hardly ever end any
/// other kind of name (not "Park", "Island" or "Channel": parks, states and TV channels).
const GEO_HEADS: &[&str] = &[
    "river", "sea", "ocean", "mountains", "lake", "basin", "valley", "gulf", "bay", "peninsula",
    "desert", "strait", "straits", "plateau", "delta", "glacier", "crater", "volcano",
];

/// Of those, the ones that hardly any person's or organization's name ends in either ("Jezero
/// Crater" and "Mississippi River" read as persons; but Ricki Lake, Michael Bay, Georgia Gulf).
const ONLY_GEO_HEADS: &[&str] = &[
    "river", "sea", "ocean", "mountains", "basin", "valley", "peninsula", "desert", "strait", "straits", "plateau",
    "glacier", "crater", "volcano",
];

const LOC_NAMES: &[&str] = &[
    "middle east", "balkans", "caucasus", "gulf", "west bank", "gaza strip", "gaza", "kashmir",
    "sahara", "mediterranean", "atlantic", "pacific", "arctic", "antarctica", "scandinavia",
    "baltics", "siberia", "east", "west", "north", "south", "mideast", "persian gulf",
    "horn of africa", "latin america", "southeast asia", "central asia", "far east",
];

/// Major rivers, by their bare names ("the Danube"), which CoNLL's training text almost never
/// mentions, so the recognizer finds them as names but guesses their type. Names shared with a
/// country, state, company or person (Amazon, Congo, Jordan, Mississippi, Parana, Murray, Main)
/// are left out: the recognizer's type stands for them.
const RIVERS: &[&str] = &[
    "danube", "rhine", "volga", "elbe", "oder", "vistula", "dnieper", "dniester", "seine", "loire",
    "rhone", "garonne", "thames", "tiber", "ebro", "tagus", "douro", "meuse", "moselle",
    "sava", "drava", "tisza", "yangtze", "mekong", "ganges", "indus", "brahmaputra", "euphrates",
    "tigris", "nile", "zambezi", "limpopo", "orinoco", "yenisei", "irtysh", "amur",
    "salween", "irrawaddy", "rio grande", "st. lawrence", "yellow river",
];

/// News agencies, picture agencies and platforms, which news names in photo credits and
/// sourcing ("Russian tanks at the border Twitter", "AFP reported"); few were in CoNLL's 1996
/// text. Names also used for people (Bloomberg) are left out.
const MEDIA: &[&str] = &[
    "reuters", "afp", "ap", "associated press", "getty images", "epa", "xinhua", "interfax", "tass",
    "ria novosti", "anadolu", "kyodo", "yonhap", "ansa", "dpa", "efe", "upi", "twitter", "facebook",
    "instagram", "youtube", "tiktok", "whatsapp", "telegram", "linkedin", "shutterstock", "x.com",
];

/// Parliaments by their own names, which CoNLL's 1996 text hardly had.
const PARLIAMENTS: &[&str] = &[
    "bundestag", "bundesrat", "duma", "state duma", "knesset", "sejm", "riksdag", "storting",
    "folketing", "althing", "dail", "lok sabha", "rajya sabha", "verkhovna rada", "majlis",
    "oireachtas", "eduskunta", "seimas", "saeima", "riigikogu", "sabor", "national assembly",
];

/// The last words of a building's or site's name ("Emirates Stadium"): places.
/// (Not "Airport": CoNLL tags airports as organizations; nor "Bridge": Dominion Bridge is a
/// company.)
const FACILITY_HEADS: &[&str] = &["stadium", "arena", "cathedral"];

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

/// Words that make a nationality or continent's adjective regional ("Central European").
const REGION_MODIFIERS: &[&str] = &[
    "central", "east", "eastern", "west", "western", "north", "northern", "south", "southern",
    "southeast", "southeastern", "southwest", "northeast", "northwest", "pan", "sub-saharan",
];

const EVENT_WORDS: &[&str] = &[
    "cup", "championship", "championships", "open", "games", "olympics", "olympic", "war", "tour",
    "prix", "summit", "rally", "marathon", "festival", "election", "elections", "masters",
    "classic", "series", "derby", "bowl", "grand", "trophy", "tournament", "revolution",
    "conference", "expo", "world", "invitational", "challenge", "crisis", "uprising", "storm",
    "hurricane", "olympiad", "regatta", "congress", "talks", "massacre", "typhoon", "cyclone",
];

/// Storms are named by their kind first: "Hurricane Milton", "Typhoon Haiyan", "Tropical Storm
/// Alberto". The recognizer often finds only the name (and calls it a place or a person): the
/// name takes its kind, and is an event.
const STORM_KINDS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

/// A storm's kind, capitalized as part of its name ("Hurricane", "HURRICANE").
fn storm_kind(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase()) && STORM_KINDS.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// Spans of names preceded by a storm's kind, widened to take it, and spans that start with
/// one: type MISC, which [`refine`] makes an event.
pub(crate) fn storms(words: &[&str], spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    spans
        .into_iter()
        .map(|(a, b, ty)| {
            // ("the National Hurricane Center" is not a storm.)
            if matches!(words[b - 1], "Center" | "Centre" | "Season" | "Warning" | "Watch") {
                return (a, b, ty);
            }
            if b - a == 2 && storm_kind(words[a]) {
                return (a, b, 3);
            }
            if a == 0 || !storm_kind(words[a - 1]) {
                return (a, b, ty);
            }
            let tropical = a >= 2 && words[a - 2].eq_ignore_ascii_case("tropical");
            (if tropical { a - 2 } else { a - 1 }, b, 3)
        })
        .collect()
}

fn lower(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// "Siemens Energy ... Siemens Gamesa", "Tata Motors ... Tata Steel": a name that starts with
/// the first word of a company's longer name in the same text belongs to that family of
/// companies, unless it is a listed place ("New York" beside "New York Times") or starts with
/// a given name ("Morgan Freeman" beside "Morgan Stanley"). And "Samsung Electronics and
/// Samsung Biologics" is two of them.
pub(crate) fn company_families(words: &[Vec<&str>], toks: &[Vec<Tok>], names: &mut [Vec<super::NameSpan>]) {
    // First words of companies' longer names, and how often each starts another kind of name
    // ("Suu Kyi" ten times as a person, once inside a party's name, is a person).
    let mut heads: FxHashMap<&str, i32> = FxHashMap::default();
    let mut orgs: Vec<&[&str]> = Vec::new();
    for (s, spans) in names.iter().enumerate() {
        for n in spans.iter().filter(|n| n.label == Label::Org && n.tokens.len() >= 2 && !matches!(words[s][n.tokens.start], "The" | "A" | "An")) {
            orgs.push(&words[s][n.tokens.clone()]);
            *heads.entry(words[s][n.tokens.start]).or_default() += 1;
        }
    }
    if heads.is_empty() {
        return;
    }
    for (s, spans) in names.iter().enumerate() {
        for n in spans.iter().filter(|n| n.label != Label::Org) {
            if let Some(h) = heads.get_mut(words[s][n.tokens.start]) {
                *h -= 1;
            }
        }
    }
    heads.retain(|_, h| *h >= 0);
    let given = |t: &Tok| t.gaz & (1 << (list::FIRST as u32 * 4 + 3)) != 0;
    // Words that begin places' names, unlisted ones too ("St Louis" beside "St Louis Cardinals").
    const PLACE_STARTS: &[&str] = &[
        "st", "st.", "saint", "san", "santa", "santo", "sao", "new", "los", "las", "fort", "port", "mount", "lake", "cape",
        "north", "south", "east", "west", "upper", "lower", "great", "little",
    ];
    for (s, spans) in names.iter_mut().enumerate() {
        let w = &words[s];
        let mut split = Vec::new();
        for (k, n) in spans.iter_mut().enumerate() {
            let (a, b) = (n.tokens.start, n.tokens.end);
            let t = &toks[s][a..b];
            if matches!(n.label, Label::Person | Label::Gpe | Label::Loc) && b - a >= 2 && heads.contains_key(w[a])
                && w[a].chars().next().is_some_and(char::is_uppercase) && !given(&t[0])
                && ![list::COUNTRY, list::STATE, list::CITY, list::REGION].iter().any(|&l| whole_match(t, l))
                && (n.label == Label::Person || !PLACE_STARTS.contains(&w[a].to_lowercase().as_str()))
                // "Wall Street" beside "Wall Street Journal": what the company is named after;
                // "Teles Pires River" beside "Teles Pires Mining" too.
                && !orgs.iter().any(|o| o.starts_with(&w[a..b]))
                && !GEO_HEADS.contains(&w[b - 1].to_lowercase().as_str())
            {
                n.label = Label::Org;
            }
            if n.label == Label::Org {
                if let Some(m) = (a + 2..b.saturating_sub(2)).find(|&m| w[m] == "and" && w[m + 1] == w[a]) {
                    split.push((k, m));
                }
            }
        }
        for &(k, m) in split.iter().rev() {
            let n = &mut spans[k];
            let rest = super::NameSpan { tokens: m + 1..n.tokens.end, label: n.label, score: n.score };
            n.tokens.end = m;
            spans.insert(k + 1, rest);
        }
    }
}

/// "Rover finds layered rock" over a story about "the rover": a one-word person's name opening
/// a sentence, whose word the same text writes in lower case elsewhere and never capitalized
/// inside a sentence, is a common word capitalized for its place, not a name. (Only persons:
/// a place or a company so written is more often a name after all.)
pub(crate) fn drop_common_words(words: &[Vec<&str>], toks: &[Vec<Tok>], names: &mut [Vec<super::NameSpan>]) {
    // ("Green said ..." over "green shoots": a family name stays a name.)
    let surname = |t: &Tok| t.gaz & (1 << (list::LAST as u32 * 4 + 3)) != 0;
    let opening = |s: usize, a: usize| a == 0 || a == 1 && matches!(words[s][0], "\"" | "“" | "``" | "'" | "‘" | "(");
    let mut candidates: FxHashSet<&str> = FxHashSet::default();
    for (s, spans) in names.iter().enumerate() {
        for n in spans.iter().filter(|n| n.label == Label::Person && n.tokens.len() == 1 && opening(s, n.tokens.start) && !surname(&toks[s][n.tokens.start])) {
            let w = words[s][n.tokens.start];
            if w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase) && w.chars().count() > 2 {
                candidates.insert(w);
            }
        }
    }
    if candidates.is_empty() {
        return;
    }
    // One pass over the text: which candidates it writes in lower case, and which capitalized
    // inside a sentence.
    let lowers: FxHashMap<String, &str> = candidates.iter().map(|&w| (w.to_lowercase(), w)).collect();
    let (mut in_lower, mut inside): (FxHashSet<&str>, FxHashSet<&str>) = Default::default();
    for (s, ws) in words.iter().enumerate() {
        for (k, &x) in ws.iter().enumerate() {
            if let Some(&w) = lowers.get(x) {
                in_lower.insert(w);
            } else if k > 0 && !opening(s, k) && candidates.contains(&x) {
                inside.insert(x);
            }
        }
    }
    let common: FxHashSet<&str> = candidates.into_iter().filter(|w| in_lower.contains(w) && !inside.contains(w)).collect();
    for (s, spans) in names.iter_mut().enumerate() {
        spans.retain(|n| !(n.label == Label::Person && n.tokens.len() == 1 && opening(s, n.tokens.start) && common.contains(&words[s][n.tokens.start])));
    }
}

/// The product label for the name at `range` of a sentence's `words`, of CoNLL type `ty`:
/// [`refine`], except that these are organizations whatever type was guessed: the agency in a
/// dateline's parentheses, before the dash ("VIENNA, Nov 30 (Reuters) - ..."), and, unless a
/// listed place, a name described as a kind of organization ("IndiGo, India's biggest
/// airline") or one whose shares trade ("Airbus shares rose").
pub(crate) fn label(ty: usize, words: &[&str], range: std::ops::Range<usize>, toks: &[Tok]) -> Label {
    let credit = range.start > 0
        && words[range.start - 1] == "("
        && words.get(range.end) == Some(&")")
        && words.get(range.end + 1).is_some_and(|w| matches!(*w, "-" | "–" | "—" | "--"));
    let place = || whole_match(toks, list::COUNTRY) || whole_match(toks, list::STATE) || whole_match(toks, list::CITY) || whole_match(toks, list::REGION) || whole_match(toks, list::DEMONYM);
    // "Airbus shares rose": a company's stock ("London shares" are a market's).
    let listed = ty == 3 && words.get(range.end).is_some_and(|w| matches!(*w, "shares" | "stock" | "stocks")) && range.len() == 1;
    // "published \"Reef Atlas\"": a title in quotes, not a person.
    let closing = |k: usize| words.get(k).is_some_and(|w| matches!(*w, "\"" | "”" | "''"));
    let quoted = range.start > 0 && matches!(words[range.start - 1], "\"" | "“" | "``")
        && (closing(range.end) || words.get(range.end).is_some_and(|w| matches!(*w, "," | ".")) && closing(range.end + 1));
    if credit || ((ty != 0 && described_as_organization(words, range.end)) || listed) && !place() {
        Label::Org
    } else if ty == 0 && quoted && range.len() >= 2 {
        Label::Misc
    } else {
        refine(ty, &words[range], toks)
    }
}

/// Nouns for kinds of organization that news puts after a name ("IndiGo, India's biggest
/// airline").
const ORG_NOUNS: &[&str] = &[
    "airline", "carrier", "carmaker", "automaker", "bank", "lender", "insurer", "company", "firm",
    "group", "conglomerate", "retailer", "chipmaker", "manufacturer", "maker", "producer", "miner",
    "broadcaster", "newspaper", "publisher", "party", "union", "regulator", "exchange", "brewer",
    "refiner", "railway", "railroad", "club", "university", "charity", "startup", "start-up",
    "subsidiary", "operator", "utility", "supermarket", "chain", "agency",
];

/// Whether the name ending before word `end` is described, in apposition, as a kind of
/// organization: ", (a|the)? (Country's)? up to three modifiers, ORG_NOUN".
fn described_as_organization(words: &[&str], end: usize) -> bool {
    if words.get(end) != Some(&",") {
        return false;
    }
    let mut k = end + 1;
    // An article or a possessor ("India's") must open the description: ", Interfax news
    // agency said" is a source, not a description.
    let mut opened = false;
    if words.get(k).is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
        k += 1;
        opened = true;
    }
    if let Some(p) = (k + 1..(k + 4).min(words.len())).find(|&p| matches!(words[p], "'s" | "’s")) {
        if words[k..p].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            k = p + 1;
            opened = true;
        }
    }
    let said = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "said" | "says" | "reported" | "quoted" | "told" | "added"));
    opened
        && (k..(k + 4).min(words.len())).find(|&n| ORG_NOUNS.contains(&words[n])).is_some_and(|n| {
            // "the newspaper Granma reported": the noun introduces another name.
            let named = words.get(n + 1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            !said(words.get(n + 1)) && !named && words[k..n].iter().all(|w| w.chars().any(char::is_alphanumeric) && !matches!(*w, "and" | "or" | "of" | "who" | "which"))
        })
}

/// The last word of an institution's name that a longer name goes on after ("International
/// Commission for the Protection of the Danube River", "Council on Foreign Relations").
const INSTITUTION_HEADS: &[&str] = &[
    "commission", "committee", "council", "organization", "organisation", "agency", "fund",
    "association", "union", "institute", "centre", "center", "office", "ministry", "department",
    "board", "authority", "foundation", "society", "league", "federation", "bureau", "court",
    "tribunal", "programme", "program", "alliance", "conference", "forum", "coalition",
];

/// Joins an organization whose name ends in an institution's word to the name that completes
/// it ("International Commission" + "for the Protection of the" + "Danube River"), which the
/// recognizer tends to cut in two. Spans are `(start, end, CoNLL type)` over `words`, in order.
pub(crate) fn join_institutions(words: &[&str], spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b, ty) in spans {
        if let Some(last) = out.last_mut() {
            let (pa, pb, pty) = *last;
            let gap = &words[pb..a];
            let function = |w: &str| matches!(w, "of" | "the" | "for" | "on" | "and" | "in" | "to");
            let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            // Cheap tests first: most pairs of names in a sentence are not an institution's parts.
            if pty == 1
                && (1..=6).contains(&gap.len())
                && INSTITUTION_HEADS.iter().any(|h| h.eq_ignore_ascii_case(words[pb - 1]))
                && matches!(gap[0], "for" | "on" | "of")
                && gap.iter().all(|w| function(w) || capitalized(w))
                && function(gap[gap.len() - 1])
                && ty != 0
                // "Court for the Northern [District]": the second name is cut short itself (or
                // may be, at a line break that ended the sentence).
                && words.get(b).is_some_and(|w| !capitalized(w))
            {
                *last = (pa, b, 1);
                continue;
            }
        }
        out.push((a, b, ty));
    }
    out
}

/// Generational suffixes, part of the name before them ("James Moore Jr.", "Louis XIV" is
/// not one: regnal numbers are left to the recognizer).
const GENERATIONAL: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III"];

/// Widens a person's name to the generational suffix after it, which the recognizer sometimes
/// leaves out or takes for a name of its own ("James Moore" + "Jr."). Spans as in
/// [`join_institutions`].
pub(crate) fn generational(words: &[&str], spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b, ty) in spans {
        if let Some(last) = out.last_mut() {
            // The suffix, found as a name of its own right after the person's (or already
            // taken by it, below).
            if last.2 == 0 && (last.1 == a || last.1 == b) && b == a + 1 && GENERATIONAL.contains(&words[a]) {
                last.1 = b;
                continue;
            }
        }
        // A name that began on the suffix a person's name has just taken starts after it.
        let a = out.last().map_or(a, |last| a.max(last.1));
        if a >= b {
            continue;
        }
        // The suffix, left out of any name.
        let b = if ty == 0 && words.get(b).is_some_and(|w| GENERATIONAL.contains(w)) { b + 1 } else { b };
        out.push((a, b, ty));
    }
    out
}

/// Participles that open a sentence's first phrase ("Born in Leeds, she ...", "Founded in
/// 1901, the firm ..."): capitalized there, they look like names.
const OPENING_PARTICIPLES: &[&str] = &[
    "Born", "Raised", "Educated", "Founded", "Based", "Headquartered", "Located", "Married",
    "Elected", "Appointed", "Named", "Built", "Known", "Asked", "Trained", "Listed", "Formed",
];

/// Whether the name at `a..b` of a sentence's `words` is an opening participle
/// ([`OPENING_PARTICIPLES`]) followed by a preposition.
pub(crate) fn is_opening_participle(words: &[&str], a: usize, b: usize) -> bool {
    a == 0 && b == 1 && OPENING_PARTICIPLES.contains(&words[0])
        && words.get(1).is_some_and(|w| matches!(*w, "in" | "on" | "at" | "by" | "as" | "into" | "from" | "to" | "with" | "for" | "during" | "after" | "under" | "near"))
}

/// Lines that web pages put between an article's paragraphs ("READ MORE", "Advertisement"),
/// which pasted articles carry along: written in capitals, they look like names.
const BOILERPLATE: &[&str] = &[
    "read more", "advertisement", "related", "related articles", "related stories", "more stories",
    "see also", "share", "share this article", "subscribe", "sign up", "click here", "most read",
    "trending", "recommended", "sponsored", "continue reading", "skip advertisement",
    "story continues below advertisement", "story continues below", "watch", "listen",
];

/// Whether a sentence is only boilerplate (a trailing ":" or ">" and case aside): it has no
/// names.
pub(crate) fn is_boilerplate(words: &[&str]) -> bool {
    let words = match words {
        [rest @ .., last] if matches!(*last, ":" | ">" | "»" | "…") => rest,
        w => w,
    };
    // Most sentences fail on their first word, without building the phrase.
    let starts = |w: &str| BOILERPLATE.iter().any(|b| b.split(' ').next().is_some_and(|f| f.eq_ignore_ascii_case(w)));
    words.len() <= 5 && words.first().is_some_and(|w| starts(w)) && BOILERPLATE.contains(&words.join(" ").to_lowercase().as_str())
}

/// Words that end only an organization's name ("Nimbus Labs", "Acme Holdings", "Boston
/// University"), whatever type an unknown name of that shape was guessed to be. Not "Bank"
/// (the West Bank) or "Group" alone.
const ORG_HEADS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "gmbh", "labs", "laboratories",
    "holdings", "technologies", "pharmaceuticals", "therapeutics", "airlines", "airways",
    "university", "institute", "foundation", "association", "ministry", "agency", "partners",
    "ventures", "networks", "studios", "institution", "financial", "bancorp", "bancshares", "industries",
    "enterprises", "systems", "motors", "securities", "investments", "insurance", "petroleum", "rail",
    "railways", "railroad", "railroads", "group", "pharma", "biotech", "biosciences", "software", "robotics",
    "aerospace", "logistics", "telecom", "semiconductor", "semiconductors",
];

/// The product label for a name of CoNLL type `ty` (0 PER, 1 ORG, 2 LOC, 3 MISC).
pub(crate) fn refine(ty: usize, words: &[&str], toks: &[Tok]) -> Label {
    if words.len() >= 2 && words.last().is_some_and(|w| ORG_HEADS.contains(&w.to_lowercase().as_str())) {
        return Label::Org;
    }
    // ("Rod Laver Arena" is named after a person; "Ann Arena" may be one.)
    if (ty != 0 && words.len() >= 2 || words.len() >= 3) && words.last().is_some_and(|w| FACILITY_HEADS.contains(&w.to_lowercase().as_str())) {
        return Label::Loc;
    }
    // "Free Democrats", "Social Democrats", "Liberal Democrats": parties, not their members.
    if let [first, last] = words {
        let (first, last) = (first.to_lowercase(), last.to_lowercase());
        if matches!(first.as_str(), "free" | "social" | "christian" | "liberal" | "sweden" | "national" | "progressive" | "radical")
            && matches!(last.as_str(), "democrats" | "republicans" | "socialists" | "conservatives" | "liberals" | "greens")
        {
            return Label::Org;
        }
    }
    if words.len() <= 2 {
        let phrase = lower(words).join(" ");
        if RIVERS.contains(&phrase.as_str()) {
            return Label::Loc;
        }
        if MEDIA.contains(&phrase.as_str()) || PARLIAMENTS.contains(&phrase.as_str()) {
            return Label::Org;
        }
    }
    if ty <= 1 && words.len() >= 2 && words.last().is_some_and(|w| ONLY_GEO_HEADS.contains(&w.to_lowercase().as_str())) {
        return Label::Loc;
    }
    match ty {
        0 => Label::Person,
        // "Central European floods", "South African officials": a regional adjective, which
        // the recognizer sometimes takes for the start of an organization's name.
        1 if matches!(words, [w, last] if REGION_MODIFIERS.contains(&w.to_lowercase().as_str())
            && !REGION_MODIFIERS.contains(&last.to_lowercase().as_str())
            && NORP_WORDS.contains(&last.to_lowercase().as_str())) =>
        {
            Label::Norp
        }
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
            } else if words.len() > 1 && GEO_HEADS.contains(&last) {
                // "Carpathian Basin", "Danube River": a place named by its kind.
                Label::Loc
            } else if low.iter().any(|w| EVENT_WORDS.contains(&w.as_str())) && words.len() > 1
                || matches!(low.as_slice(), [w] if matches!(w.as_str(), "olympics" | "paralympics" | "olympiad"))
            {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The suffix joins the person's name; a name the recognizer began on it starts after it,
    /// so names never overlap.
    #[test]
    fn generational_suffixes() {
        let words = ["James", "Moore", "Jr", "Corp", "said"];
        assert_eq!(generational(&words, vec![(0, 2, 0)]), [(0, 3, 0)]);
        assert_eq!(generational(&words, vec![(0, 2, 0), (2, 3, 0)]), [(0, 3, 0)]);
        assert_eq!(generational(&words, vec![(0, 2, 0), (2, 4, 1)]), [(0, 3, 0), (3, 4, 1)]);
    }

    /// (CoNLL type guessed: 0 PER, 1 ORG, 2 LOC, 3 MISC; name; label).
    const CASES: &[(usize, &str, Label)] = &[
        // Rivers are places, whatever type was guessed...
        (0, "Danube", Label::Loc),
        (1, "Danube", Label::Loc),
        (3, "Danube", Label::Loc),
        (1, "Rio Grande", Label::Loc),
        // ...but not names shared with companies, countries and people, nor longer names.
        (1, "Amazon", Label::Org),
        (0, "Jordan", Label::Person),
        (1, "Danube Commission", Label::Org),
        // A place named by its kind, whatever type was guessed; but not every kind.
        (0, "Jezero Crater", Label::Loc),
        (0, "Mississippi River", Label::Loc),
        (1, "South China Sea", Label::Loc),
        (0, "Ricki Lake", Label::Person),
        (2, "Market Street", Label::Loc),
        (2, "City Hall", Label::Loc),
        (2, "Heathrow Airport", Label::Loc),
        // A company's last word, whatever type was guessed.
        (0, "Trinity Financial", Label::Org),
        (2, "County Securities", Label::Org),
        (1, "Georgia Gulf", Label::Org),
        (2, "Northern Rail", Label::Org),
        (0, "Adani Group", Label::Org),
        // Parliaments; buildings and sites.
        (3, "Bundestag", Label::Org),
        (2, "State Duma", Label::Org),
        (1, "Emirates Stadium", Label::Loc),
        (3, "St. Paul's Cathedral", Label::Loc),
        (0, "Ann Arena", Label::Person),
        (0, "Rod Laver Arena", Label::Loc),
        // Parties named for their members.
        (3, "Free Democrats", Label::Org),
        (1, "Christian Democrats", Label::Org),
        (3, "Bosnian Serbs", Label::Norp),
        // Names that end in a word only organizations' names end in.
        (3, "Woods Hole Oceanographic Institution", Label::Org),
        // Names ending in a kind of place; not when the kind is not last, nor alone.
        (3, "Carpathian Basin", Label::Loc),
        (3, "Danube River", Label::Loc),
        (3, "Gulf War", Label::Event),
        (3, "Basin", Label::Misc),
        (1, "Red Sea Shipping", Label::Org),
        // Agencies and platforms are organizations; people of the same name are not listed.
        (0, "Twitter", Label::Org),
        (3, "Twitter", Label::Org),
        (0, "Getty Images", Label::Org),
        (0, "Michael Bloomberg", Label::Person),
        // A regional adjective is not an organization; a club named after a people, a
        // longer name and a directional pair ("South Western" Engineering Co) are.
        (1, "Central European", Label::Norp),
        (1, "South African", Label::Norp),
        (1, "London Irish", Label::Org),
        (1, "Central European Bank", Label::Org),
        (1, "South Western", Label::Org),
        // A name ending in a company's or institution's word is an organization; the word
        // alone is not ("Labs"), nor is a place ending in "Bank".
        (0, "Nimbus Labs", Label::Org),
        (2, "Acme Holdings", Label::Org),
        (2, "Nuvexa Pharma", Label::Org),
        (3, "Boston University", Label::Org),
        (0, "Sterivet Laboratories", Label::Org),
        (0, "Labs", Label::Person),
        (2, "West Bank", Label::Loc),
    ];

    #[test]
    fn institutions_are_joined() {
        let join = |text: &str, spans: &[(usize, usize, usize)]| {
            let words: Vec<&str> = text.split(' ').collect();
            join_institutions(&words, spans.to_vec())
        };
        // ORG "International Commission" + "for the Protection of the" + LOC "Danube River".
        assert_eq!(
            join("the International Commission for the Protection of the Danube River said", &[(1, 3, 1), (8, 10, 2)]),
            [(1, 10, 1)]
        );
        assert_eq!(join("the Council on Foreign Relations said", &[(1, 2, 1), (3, 5, 3)]), [(1, 5, 1)]);
        assert_eq!(join("the Ministry of Foreign Affairs said", &[(1, 2, 1), (3, 5, 3)]), [(1, 5, 1)]);
        // Not a person's name, not across a verb or a comma, not after a non-institution.
        assert_eq!(join("the Commission of Joe Biden", &[(1, 2, 1), (3, 5, 0)]), [(1, 2, 1), (3, 5, 0)]);
        assert_eq!(join("the Commission met in Paris", &[(1, 2, 1), (4, 5, 2)]), [(1, 2, 1), (4, 5, 2)]);
        assert_eq!(join("the Commission , Paris", &[(1, 2, 1), (3, 4, 2)]), [(1, 2, 1), (3, 4, 2)]);
        assert_eq!(join("Siemens for the first time in Paris", &[(0, 1, 1), (6, 7, 2)]), [(0, 1, 1), (6, 7, 2)]);
        assert_eq!(join("the Commission for Paris said", &[(1, 2, 1), (3, 4, 2)]), [(1, 4, 1)]);
        assert_eq!(join("the Court for the Northern District", &[(1, 2, 1), (4, 5, 3)]), [(1, 2, 1), (4, 5, 3)]);
        assert_eq!(join("the Court for the Northern", &[(1, 2, 1), (4, 5, 3)]), [(1, 2, 1), (4, 5, 3)]);
    }

    #[test]
    fn apposition_says_organization() {
        let yes = ["IndiGo , India 's biggest airline , ordered", "Acme , a Dutch bank", "Foo , the state-owned oil company", "Bar , Europe 's No. 2 carmaker"];
        for s in yes {
            assert!(described_as_organization(&s.split(' ').collect::<Vec<_>>(), 1), "{s}");
        }
        let no = ["Paris , the city", "Smith , who runs a bank", "IndiGo said", "Acme , its rival and a bank", "Chechnya , Interfax news agency said", "Chechnya , the Interfax news agency said", "Camaguey , the newspaper Granma reported"];
        for s in no {
            assert!(!described_as_organization(&s.split(' ').collect::<Vec<_>>(), 1), "{s}");
        }
    }

    #[test]
    fn opening_participles() {
        let yes = [["Born", "in"], ["Founded", "on"], ["Raised", "by"]];
        for w in yes {
            assert!(is_opening_participle(&w, 0, 1), "{w:?}");
        }
        let no: [(&[&str], usize, usize); 3] = [(&["Born", "said"], 0, 1), (&["Max", "Born", "in"], 1, 2), (&["Alfred", "in"], 0, 1)];
        for (w, a, b) in no {
            assert!(!is_opening_participle(w, a, b), "{w:?}");
        }
    }

    #[test]
    fn refinements() {
        for &(ty, name, want) in CASES {
            let words: Vec<&str> = name.split(' ').collect();
            let got = refine(ty, &words, &vec![Tok::default(); words.len()]);
            assert_eq!(got, want, "{name:?} guessed as type {ty}");
        }
    }
}
