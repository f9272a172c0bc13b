//! Stage 5: mentions to entities. Groups the names of a document into clusters ("Joe Biden",
//! "Biden", "President Biden"; "the Organization for Security and Cooperation (OSCE) in
//! Europe", "OSCE"), gives each a canonical name and one label, collects the roles the text
//! gives it ("White House Press Secretary", "the press secretary"), counts what it is reported
//! to have said, and ranks clusters by salience.
//!
//! Rules, in the order they are tried for each mention (text order):
//! 1. the same normalized name (case, periods, a leading "the", aliases such as "U.S." /
//!    "United States") with a compatible label;
//! 2. an acronym and its long form: defined in the text ("Long Form (LF)", Schwartz–Hearst
//!    style, also when the acronym is used before its definition) or matching the initials;
//! 3. for people, a contiguous part of a longer name ("Biden" in "Joe Biden"), joining the most
//!    recently mentioned person it fits; two different full names ("George Bush" and "George W.
//!    Bush") stay apart, as a careful reader would keep them.
//!
//! Each cluster's label is the score-weighted vote of its mentions, and every mention takes it.

use crate::doc::{Cluster, Document, Label};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

struct Lexicons {
    titles: Vec<&'static str>,
    honorifics: Vec<&'static str>,
    reporting: Vec<&'static str>,
    /// Alias key to shared key.
    aliases: HashMap<&'static str, &'static str>,
}

fn words(list: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let mut aliases = HashMap::default();
        for line in include_str!("aliases.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut keys = line.split('\t');
            let first = keys.next().unwrap_or_default();
            for k in keys {
                aliases.insert(k, first);
            }
        }
        Lexicons {
            titles: words(include_str!("titles.txt")),
            honorifics: words(include_str!("honorifics.txt")),
            reporting: words(include_str!("reporting.txt")),
            aliases,
        }
    })
}

fn in_list(list: &[&str], word: &str) -> bool {
    // Short ASCII words (nearly all) are lower-cased on the stack: this runs for most tokens.
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|l| list.binary_search(&l).is_ok());
    }
    let lower = word.to_lowercase();
    list.binary_search(&lower.as_str()).is_ok()
}

const STOPWORDS: &[&str] = &["of", "for", "and", "the", "in", "on", "at", "to", "de", "la", "du", "des", "&"];
const CORPORATE: &[&str] = &[
    "inc", "corp", "corporation", "co", "cos", "ltd", "plc", "llc", "group", "ag", "sa", "nv", "holdings", "labs",
];

/// The key a name is matched by: lower case, no periods or possessive, no leading "the",
/// aliases mapped to one key.
pub fn name_key(name: &str) -> String {
    let mut k: String = name
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    for prefix in ["the "] {
        if let Some(rest) = k.strip_prefix(prefix) {
            k = rest.to_owned();
        }
    }
    for suffix in ["'s", "'"] {
        if let Some(rest) = k.strip_suffix(suffix) {
            k = rest.to_owned();
        }
    }
    let mut ws: Vec<&str> = k.split_whitespace().collect();
    while ws.len() > 1 && ws.last().is_some_and(|w| CORPORATE.contains(&w.trim_matches(','))) {
        ws.pop();
    }
    let k = ws.join(" ");
    match lexicons().aliases.get(k.as_str()) {
        Some(shared) => (*shared).to_owned(),
        None => k,
    }
}

/// True when `s` looks like an acronym: 2 to 8 capital letters, digits or `&`, with at least
/// two capitals; periods allowed ("U.N.").
pub fn is_acronym(s: &str) -> bool {
    let core: String = s.chars().filter(|&c| c != '.').collect();
    let n = core.chars().count();
    (2..=8).contains(&n)
        && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        && core.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Initials of the content words of a name ("Organization for Security and Cooperation in
/// Europe" gives "OSCE").
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether the letters of `short` can be read off `long` Schwartz–Hearst style: each letter
/// found right to left in order, the first one starting a word of `long`.
pub fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let l: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    if s.is_empty() || l.len() <= s.len() {
        return false;
    }
    let (mut si, mut li) = (s.len() as isize - 1, l.len() as isize - 1);
    while si >= 0 {
        let c = s[si as usize];
        loop {
            if li < 0 {
                return false;
            }
            let at_word_start = li == 0 || !l[(li - 1) as usize].is_alphanumeric();
            if l[li as usize] == c && (si > 0 || at_word_start) {
                break;
            }
            li -= 1;
        }
        si -= 1;
        li -= 1;
    }
    true
}

fn compatible(a: Label, b: Label) -> bool {
    use Label::*;
    a == b
        || a == Misc
        || b == Misc
        || matches!((a, b), (Gpe, Loc) | (Loc, Gpe) | (Org, Gpe) | (Gpe, Org) | (Norp, Gpe) | (Gpe, Norp))
}

struct Building {
    keys: Vec<String>,
    /// Words of the longest mention.
    longest: String,
    /// Score-weighted votes, indexed like [`Label::ALL`].
    votes: [f32; 9],
    mentions: Vec<usize>,
    roles: Vec<String>,
    statements: Vec<usize>,
    weight: f32,
}

impl Building {
    /// The label with the most votes; ties go to the earlier label in [`Label::ALL`].
    fn label(&self) -> Label {
        let mut best = 0;
        for i in 1..self.votes.len() {
            if self.votes[i] > self.votes[best] {
                best = i;
            }
        }
        Label::ALL[best]
    }
}

/// Clusters the named entities of `doc`: fills [`Document::clusters`] (most salient first) and
/// each entity's `cluster`, and makes every mention carry its cluster's label (but a mention
/// read as an organization, in a cluster also read as a place, stays one, and a place named
/// where only a place can be, as in a dateline, stays a place). Capitalized
/// occurrences of a clustered name that the recognizer missed (a name in a headline, say)
/// become mentions too, so that one entity is highlighted everywhere it is named.
pub fn resolve(doc: &mut Document) {
    split_credits(doc);
    cluster(doc);
    if propagate(doc) {
        for e in &mut doc.entities {
            e.cluster = None;
        }
        cluster(doc);
    }
    coordinated(doc);
}

/// "crews from Lowell, Chelmsford and Dracut": in a list of three or more names, a name whose
/// every mention was read with little confidence, as another kind than all the others in the
/// list, is of their kind.
fn coordinated(doc: &mut Document) {
    const UNSURE: f32 = 0.75;
    let text = doc.text.as_str();
    let es = &doc.entities;
    let name = |k: usize| !es[k].label.is_temporal() && es[k].cluster.is_some();
    let joined = |a: usize, b: usize| {
        text.get(es[a].span.byte.end..es[b].span.byte.start).is_some_and(|gap| matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or"))
    };
    let mut relabel: Vec<(usize, Label)> = Vec::new();
    let mut i = 0;
    while i < es.len() {
        let mut j = i + 1;
        while j < es.len() && name(j - 1) && name(j) && joined(j - 1, j) {
            j += 1;
        }
        // A list ends in "and" or "or" ("LaSalle Rolling Mills, LaSalle, Ill." is an address).
        let coordinated = j - i >= 3 && text.get(es[j - 2].span.byte.end..es[j - 1].span.byte.start).is_some_and(|g| g.contains("and") || g.contains("or"));
        if coordinated {
            for k in i..j {
                let label = (i..j).find(|&o| o != k).map_or(es[k].label, |o| es[o].label);
                let Some(c) = es[k].cluster else { continue };
                if es[k].label != label && (i..j).all(|o| o == k || es[o].label == label && es[o].score >= UNSURE)
                    && doc.clusters[c].mentions.iter().all(|&m| es[m].score < UNSURE)
                {
                    relabel.push((c, label));
                }
            }
        }
        i = j;
    }
    for (c, label) in relabel {
        doc.clusters[c].label = label;
        for &m in &doc.clusters[c].mentions {
            doc.entities[m].label = label;
        }
    }
}

/// Splits a caption's "Full Name Credit" ("Vladimir Putin Reuters") into the person and the
/// photo credit, when the same full name is tagged as a person elsewhere in the document. Only
/// in lines without final punctuation (captions, headlines), where credits are printed.
fn split_credits(doc: &mut Document) {
    let text = doc.text.as_str();
    let people: HashSet<String> = doc
        .entities
        .iter()
        .filter(|e| e.label == Label::Person && e.text.contains(' '))
        .map(|e| e.text.clone())
        .collect();
    if people.is_empty() {
        return;
    }
    let first_token = |byte: usize| doc.tokens.partition_point(|t| t.byte.start < byte);
    let caption = |byte: usize| {
        let t = first_token(byte);
        let s = doc.sentences.partition_point(|s| s.tokens.end <= t);
        doc.sentences.get(s).is_some_and(|s| {
            let last = &text[doc.tokens[s.tokens.end - 1].byte.clone()];
            !matches!(last, "." | "!" | "?" | "\"" | "”" | ":" | ";" | ",") && s.tokens.len() <= 20
        })
    };
    let map = crate::span::OffsetMap::new(text);
    let mut out = Vec::with_capacity(doc.entities.len());
    for e in std::mem::take(&mut doc.entities) {
        let split = (e.label != Label::Person && !e.label.is_temporal() && caption(e.span.byte.start))
            .then(|| {
                // The longest person's name that the entity starts with, then a capital.
                e.text.rmatch_indices(' ').map(|(i, _)| i).find(|&i| people.contains(&e.text[..i])).filter(|&i| {
                    e.text[i + 1..].chars().next().is_some_and(char::is_uppercase)
                })
            })
            .flatten();
        match split {
            Some(n) => {
                let (a, b) = (e.span.byte.start, e.span.byte.end);
                let rest = a + n + 1;
                out.push(crate::doc::Entity { span: map.span(a..a + n), text: text[a..a + n].to_owned(), label: Label::Person, ..e.clone() });
                out.push(crate::doc::Entity { span: map.span(rest..b), text: text[rest..b].to_owned(), ..e });
            }
            None => out.push(e),
        }
    }
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i;
    }
    doc.entities = out;
}

/// Adds missed mentions: whole-token, case-exact occurrences of a cluster's one-word names
/// (a mention's text, a person's surname, or the initials of an organization's name of three
/// words or more: "ECB" for "European Central Bank") outside every entity. Returns whether any
/// were added.
fn propagate(doc: &mut Document) -> bool {
    let text = doc.text.as_str();
    let mut names: HashMap<&str, (Label, f32)> = HashMap::default();
    let mut acronyms: Vec<(String, Label)> = Vec::new();
    for c in doc.clusters.iter().filter(|c| c.label == Label::Org) {
        for &m in &c.mentions {
            let ini = initials(&doc.entities[m].text);
            if ini.chars().count() >= 3 && is_acronym(&ini) && !acronyms.iter().any(|(a, _)| *a == ini) {
                acronyms.push((ini, c.label));
            }
        }
    }
    for (a, label) in &acronyms {
        names.insert(a.as_str(), (*label, 0.5));
    }
    for c in &doc.clusters {
        let confident = c.mentions.iter().any(|&m| doc.entities[m].score >= 0.8);
        if !confident || c.label == Label::Misc {
            continue;
        }
        for &m in &c.mentions {
            let t = doc.entities[m].text.as_str();
            let last = t.rsplit(' ').next().unwrap_or(t);
            let candidates = [Some(t), (c.label == Label::Person).then_some(last)];
            for w in candidates.into_iter().flatten() {
                let capitalized = w.chars().next().is_some_and(char::is_uppercase);
                if capitalized && w.chars().count() >= 3 && !w.contains(' ') {
                    names.insert(w, (c.label, 0.5));
                }
            }
        }
    }
    if names.is_empty() {
        return false;
    }
    let map = crate::span::OffsetMap::new(text);
    let mut added = Vec::new();
    let mut next_entity = 0;
    for t in &doc.tokens {
        while next_entity < doc.entities.len() && doc.entities[next_entity].span.byte.end <= t.byte.start {
            next_entity += 1;
        }
        let inside = doc.entities.get(next_entity).is_some_and(|e| e.span.byte.start < t.byte.end);
        if inside {
            continue;
        }
        if let Some(&(label, score)) = names.get(&text[t.byte.clone()]) {
            added.push(crate::doc::Entity {
                id: 0,
                span: map.span(t.byte.clone()),
                text: text[t.byte.clone()].to_owned(),
                label,
                score,
                timex: None,
                cluster: None,
            });
        }
    }
    if added.is_empty() {
        return false;
    }
    doc.entities.extend(added);
    doc.entities.sort_by_key(|e| e.span.byte.start);
    for (i, e) in doc.entities.iter_mut().enumerate() {
        e.id = i;
    }
    true
}

fn cluster(doc: &mut Document) {
    let lex = lexicons();
    let text = doc.text.as_str();
    let n_tokens = doc.tokens.len();
    let first_token = |byte: usize| doc.tokens.partition_point(|t| t.byte.start < byte);
    let token_text = |i: usize| &text[doc.tokens[i].byte.clone()];
    // Sentence of each token, and whether the first sentence is a headline (no final stop).
    let mut sentence_of = vec![0usize; n_tokens];
    for (si, s) in doc.sentences.iter().enumerate() {
        sentence_of[s.tokens.clone()].iter_mut().for_each(|x| *x = si);
    }
    let headline = doc.sentences.first().is_some_and(|s| {
        !matches!(token_text(s.tokens.end - 1), "." | "!" | "?" | "\"" | "”")
    });
    let entity_at_token: HashMap<usize, usize> = doc
        .entities
        .iter()
        .filter(|e| !e.label.is_temporal())
        .map(|e| (first_token(e.span.byte.start), e.id))
        .collect();

    // Acronym definitions: "Long Form (LF)" where an entity ends at, or contains, the "(".
    let mut defined: HashMap<String, String> = HashMap::default(); // acronym key -> long-form key
    let mut inline: HashMap<usize, String> = HashMap::default(); // entity id -> long form it defines
    for e in doc.entities.iter().filter(|e| !e.label.is_temporal()) {
        let t0 = first_token(e.span.byte.start);
        let t1 = first_token(e.span.byte.end);
        let mut k = t0;
        while k + 2 < n_tokens.min(t1 + 3) {
            if token_text(k) == "(" && token_text(k + 2) == ")" && is_acronym(token_text(k + 1)) {
                let short = token_text(k + 1);
                // Long form: the entity's words before "(", plus words after ")" inside it.
                let before = &text[e.span.byte.start..doc.tokens[k].byte.start];
                let after = if doc.tokens[k + 2].byte.end < e.span.byte.end {
                    &text[doc.tokens[k + 2].byte.end..e.span.byte.end]
                } else {
                    ""
                };
                let long = format!("{} {}", before.trim(), after.trim());
                let long = long.trim();
                if abbreviates(short, long) {
                    defined.insert(name_key(short), name_key(long));
                    if doc.tokens[k + 2].byte.end <= e.span.byte.end {
                        inline.insert(e.id, long.to_owned());
                    }
                }
            }
            k += 1;
        }
    }

    // Long form key -> acronym keys it defines.
    let mut shorts_of: HashMap<&str, Vec<&str>> = HashMap::default();
    for (short, long) in &defined {
        shorts_of.entry(long.as_str()).or_default().push(short.as_str());
    }

    let mut clusters: Vec<Building> = Vec::new();
    let mut last_seen: Vec<usize> = Vec::new();
    // Indexes from names to clusters, so each mention looks at a few candidates, not all.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
    let total = text.len().max(1) as f32;
    for ei in 0..doc.entities.len() {
        let e = &doc.entities[ei];
        if e.label.is_temporal() {
            continue;
        }
        // A mention with an inline definition "Long (LF) rest" is matched by its long form.
        let long_form = inline.get(&e.id);
        let key = name_key(long_form.map_or(&e.text, |l| l));
        let words: Vec<&str> = e.text.split_whitespace().collect();
        let acr = is_acronym(&e.text);

        // The most recently mentioned candidate that satisfies `pred`.
        let recent = |cands: Option<&Vec<usize>>, pred: &dyn Fn(&Building) -> bool| -> Option<usize> {
            cands?.iter().copied().filter(|&c| pred(&clusters[c])).max_by_key(|&c| last_seen[c])
        };
        // "Nimbus" after "Nimbus Labs": the company's short name, whatever type the recognizer
        // guessed for the lone word (unless it is part of a person's name mentioned before);
        // it joins as the organization (its vote is the cluster's).
        let mut short_of_org = false;
        let found = recent(by_key.get(&key), &|c| compatible(c.label(), e.label))
            .or_else(|| {
                let long = if acr { defined.get(&key) } else { None };
                long.and_then(|l| recent(by_key.get(l), &|_| true))
            })
            .or_else(|| {
                let shorts = shorts_of.get(key.as_str())?;
                shorts.iter().filter_map(|s| recent(by_key.get(*s), &|_| true)).max_by_key(|&c| last_seen[c])
            })
            .or_else(|| {
                // Acronym by initials, in either direction.
                if acr {
                    recent(by_initials.get(&key.replace('.', "").to_uppercase()), &|c| c.label() != Label::Person)
                } else if words.len() > 1 && e.label != Label::Person {
                    let ini = initials(&e.text);
                    if !is_acronym(&ini) {
                        return None;
                    }
                    recent(by_key.get(&ini.to_lowercase()), &|c| c.label() != Label::Person)
                } else {
                    None
                }
            })
            .or_else(|| {
                // Part of a person's name. A one-word mention the recognizer called ORG or MISC
                // may join a person ("Psaki"), never a place ("Paris" and "Paris Hilton").
                let wavering = |l: Label| matches!(l, Label::Org | Label::Misc);
                let pred = |c: &Building| {
                    let cw: Vec<&str> = c.longest.split_whitespace().collect();
                    let (cl, el) = (c.label(), e.label);
                    (cl == Label::Person && (el == Label::Person || wavering(el) && words.len() == 1) && contiguous_part(&words, &cw))
                        || (el == Label::Person && (cl == Label::Person || wavering(cl)) && cw.len() == 1 && contiguous_part(&cw, &words))
                };
                words.iter().filter_map(|w| recent(by_word.get(*w), &pred)).max_by_key(|&c| last_seen[c])
            })
            .or_else(|| {
                if words.len() != 1 || !matches!(e.label, Label::Person | Label::Misc) {
                    return None;
                }
                let corporate = |c: &Building| {
                    let ws: Vec<&str> = c.longest.split_whitespace().collect();
                    ws.len() > 1 && ws.last().is_some_and(|w| CORPORATE.contains(&w.trim_matches(|ch| ch == '.' || ch == ',').to_lowercase().as_str()))
                };
                let c = recent(by_key.get(&key), &|c| c.label() == Label::Org && corporate(c))?;
                short_of_org = true;
                Some(c)
            });
        let pos_weight = 1.0 + 1.5 * (1.0 - e.span.byte.start as f32 / total);
        let in_headline = headline && sentence_of.get(first_token(e.span.byte.start)) == Some(&0);
        let weight = 1.0 + if in_headline { 2.0 } else { 0.0 };
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Building {
                    keys: Vec::new(),
                    longest: String::new(),
                    votes: [0.0; 9],
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    statements: Vec::new(),
                    weight: pos_weight,
                });
                last_seen.push(0);
                clusters.len() - 1
            }
        };
        let b = &mut clusters[c];
        if !b.keys.contains(&key) {
            by_key.entry(key.clone()).or_default().push(c);
            b.keys.push(key);
        }
        let full = long_form.unwrap_or(&e.text);
        let plain = full.strip_prefix("the ").or_else(|| full.strip_prefix("The ")).unwrap_or(full);
        // An acronym names a cluster only until a longer form arrives.
        if (!acr || b.longest.is_empty()) && plain.chars().count() > b.longest.chars().count() {
            b.longest = plain.to_owned();
            if b.longest.contains(' ') {
                by_initials.entry(initials(&b.longest)).or_default().push(c);
            }
            for w in b.longest.split_whitespace() {
                let list = by_word.entry(w.to_owned()).or_default();
                if list.last() != Some(&c) {
                    list.push(c);
                }
            }
        }
        let vote = if short_of_org { Label::Org } else { e.label };
        b.votes[vote as usize] += e.score.max(0.05);
        b.mentions.push(e.id);
        b.weight += weight;
        last_seen[c] = ei + 1;

        // Roles: a title run just before the name, or an appositive just after it.
        let t0 = first_token(e.span.byte.start);
        let t1 = first_token(e.span.byte.end);
        if e.label == Label::Person {
            if let Some(role) = title_before(doc, t0, &entity_at_token, lex) {
                if !b.roles.contains(&role) {
                    b.roles.push(role);
                }
            }
            if let Some(role) = appositive_after(doc, t1, lex) {
                if !b.roles.contains(&role) {
                    b.roles.push(role);
                }
            }
        }
        // Statements: "<name> (also) said" or "said <the> <name>".
        let after = (t1..n_tokens.min(t1 + 2)).map(token_text).find(|w| !matches!(*w, "also" | "later" | "then" | "has" | "had" | "have"));
        let said_after = after.is_some_and(|w| in_list(&lex.reporting, w));
        let said_before = t0 >= 1 && {
            let k = if t0 >= 2 && token_text(t0 - 1).eq_ignore_ascii_case("the") { t0 - 2 } else { t0 - 1 };
            in_list(&lex.reporting, token_text(k))
        };
        if (said_after || said_before) && t0 < n_tokens {
            let s = sentence_of[t0];
            // Mentions come in text order, so a repeated sentence is the last one pushed.
            if b.statements.last() != Some(&s) {
                b.statements.push(s);
            }
        }
    }

    // Salience: weighted mentions (headline mentions count triple), an early first mention, and
    // reported speech; normalized so the most salient cluster has 1.
    let score = |b: &Building| b.weight + 0.5 * b.statements.len() as f32;
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by(|&a, &b| score(&clusters[b]).total_cmp(&score(&clusters[a])).then(a.cmp(&b)));
    let top = order.first().map_or(1.0, |&c| score(&clusters[c])).max(f32::EPSILON);
    doc.clusters = order
        .iter()
        .enumerate()
        .map(|(id, &c)| {
            let b = &clusters[c];
            Cluster {
                id,
                canonical: b.longest.clone(),
                label: b.label(),
                mentions: b.mentions.clone(),
                roles: b.roles.clone(),
                statements: b.statements.len(),
                salience: score(b) / top,
            }
        })
        .collect();
    for (c, &b) in doc.clusters.iter().zip(&order) {
        // A place's name that is also a team's or a company's ("NEW YORK 1996-08-30" and "NEW
        // YORK 75 59", "Piedmont"), each reading given with confidence: a mention read as the
        // organization stays one. (A company's name read once as a place still takes the
        // organization's label.)
        let v = &clusters[b].votes;
        let two_readings = (v[Label::Gpe as usize] + v[Label::Loc as usize]).min(v[Label::Org as usize]) >= 0.9;
        for &m in &c.mentions {
            let placed_here = c.label == Label::Org && matches!(doc.entities[m].label, Label::Gpe | Label::Loc) && placed(doc, m);
            let e = &mut doc.entities[m];
            e.cluster = Some(c.id);
            if !(two_readings && e.label == Label::Org && matches!(c.label, Label::Gpe | Label::Loc) || placed_here) {
                e.label = c.label;
            }
        }
    }
}

/// Whether entity `m` is named where only a place can be: a dateline (first on its line, then
/// a date or a "(Reuters)"-style credit: "NEW YORK 1996-08-30", "MILAN, Aug 30 -") or a
/// sentence's opening "In Milwaukee, ...".
fn placed(doc: &Document, m: usize) -> bool {
    let e = &doc.entities[m];
    let text = doc.text.as_str();
    let after = text[e.span.byte.end..].trim_start_matches(' ');
    // Only spaces back to the line's start (looked at from the name, not searched for).
    let lead = text[..e.span.byte.start].trim_end_matches([' ', '\t']);
    if let Some(opening) = lead.strip_suffix("In") {
        let opening = opening.trim_end_matches([' ', '\t']);
        return after.starts_with(',') && (opening.is_empty() || opening.ends_with(['\n', '\r', '.', '"']));
    }
    if !(lead.is_empty() || lead.ends_with(['\n', '\r'])) {
        return false;
    }
    // What follows the place: a date or a credit, after the state or country it may name first
    // ("BLACKBURN, England (Dec 8) -", "SPRINGFIELD, Ill., Aug 30 -").
    let only_commas = |a: usize, b: usize| text.get(a..b).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == ','));
    let dated = |k: usize, end: usize| {
        text[end..].trim_start_matches([' ', ',']).starts_with('(')
            || doc.entities.get(k).is_some_and(|n| n.label == Label::Date && only_commas(end, n.span.byte.start))
    };
    dated(m + 1, e.span.byte.end)
        || doc.entities.get(m + 1).is_some_and(|n| {
            matches!(n.label, Label::Gpe | Label::Loc) && only_commas(e.span.byte.end, n.span.byte.start) && dated(m + 2, n.span.byte.end)
        })
}

/// True when `part` occurs as a contiguous run of words in `whole` and is shorter.
fn contiguous_part(part: &[&str], whole: &[&str]) -> bool {
    !part.is_empty() && part.len() < whole.len() && whole.windows(part.len()).any(|w| w == part)
}

/// A title run ending just before token `t0` ("US President", "White House Press Secretary",
/// "Russian counterpart"): title words and capitalized words, with at least one title word.
fn title_before(doc: &Document, t0: usize, entity_at: &HashMap<usize, usize>, lex: &Lexicons) -> Option<String> {
    let text = doc.text.as_str();
    let mut k = t0;
    let mut has_title = false;
    while k > 0 {
        let w = &text[doc.tokens[k - 1].byte.clone()];
        let title = in_list(&lex.titles, w);
        let honorific = in_list(&lex.honorifics, w);
        let capital = w.chars().next().is_some_and(char::is_uppercase) && !matches!(w, "The" | "A" | "An" | "In" | "On" | "At" | "His" | "Her" | "Its" | "Their");
        if !(title || honorific || capital) || doc.tokens[k].newline_before {
            break;
        }
        // A capitalized word that is another person's name ends the run.
        if let Some(&id) = entity_at.get(&(k - 1)) {
            if doc.entities[id].label == Label::Person {
                break;
            }
        }
        has_title |= title;
        k -= 1;
    }
    // Drop honorifics and sentence-initial capitals with no title after them.
    while k < t0 && in_list(&lex.honorifics, &text[doc.tokens[k].byte.clone()]) {
        k += 1;
    }
    if !has_title || k >= t0 {
        return None;
    }
    let mut end = t0;
    while end > k && in_list(&lex.honorifics, &text[doc.tokens[end - 1].byte.clone()]) {
        end -= 1;
    }
    (k < end).then(|| text[doc.tokens[k].byte.start..doc.tokens[end - 1].byte.end].to_owned())
}

/// An appositive after the name ending at token `t1`: ", the press secretary," gives
/// "press secretary".
fn appositive_after(doc: &Document, t1: usize, lex: &Lexicons) -> Option<String> {
    let text = doc.text.as_str();
    let tok = |i: usize| doc.tokens.get(i).map(|t| &text[t.byte.clone()]);
    if tok(t1)? != "," {
        return None;
    }
    let mut k = t1 + 1;
    if matches!(tok(k)?.to_lowercase().as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        k += 1;
    }
    let start = k;
    while k < doc.tokens.len() && k < start + 7 && !doc.tokens[k].newline_before {
        let w = tok(k)?;
        if matches!(w, "," | "." | ";" | ")" | "—") {
            break;
        }
        k += 1;
    }
    let closes = matches!(tok(k), Some("," | "." | ";" | "—"));
    if k == start || !closes || !in_list(&lex.titles, tok(k - 1)?) {
        return None;
    }
    Some(text[doc.tokens[start].byte.start..doc.tokens[k - 1].byte.end].to_owned())
}
