//! Stage 3: named entities (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC) over tokenized sentences.
//!
//! A two-pass averaged-perceptron tagger with BILOU tags and Viterbi decoding, trained on
//! CoNLL-2003 by `dateline train` ([`train`], command line only):
//!
//! 1. The first pass tags each sentence from local features: the word and its neighbours,
//!    shapes, affixes, word clusters, gazetteers, capitalization in the sentence and in the
//!    document (a word written lower-case elsewhere is rarely a name).
//! 2. The second pass adds what the first pass said about the same word elsewhere in the
//!    document, so that "Clinton" in a headline gets the type of "Bill Clinton" in the body.
//!
//! CoNLL's four types are then refined into the product's labels (`refine`). All weights,
//! clusters and gazetteers live in one model file (`models/ner.bin`, see `models/README.md`),
//! embedded in the binary and parsed once.

mod features;
mod hash;
mod lexicon;
mod refine;
mod tags;
#[cfg(feature = "cli")]
pub mod train;
mod weights;

use crate::doc::Label;
use crate::error::{Error, Result};
use crate::model::Container;
use std::ops::Range;
use std::sync::OnceLock;
use tags::NT;
use weights::{Pass, Table};

/// A name found in one sentence, as a range of that sentence's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct NameSpan {
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// The product label.
    pub label: Label,
    /// Confidence in 0..=1.
    pub score: f32,
}

/// Width of a weight row: the first pass's tags, then the second pass's.
const W: usize = 2 * NT;

/// The named-entity recognizer: lexicon plus the weights of both passes.
#[derive(Debug)]
pub struct Recognizer {
    lex: features::Lexicon,
    /// Weights of both passes by feature key (second half zero without a second pass).
    table: Table<W>,
    first: Pass,
    second: Option<Pass>,
    /// Lower-cased word hash → sum of its [`features::word_features`] rows, for the
    /// vocabulary (most tokens): ten lookups become one. Each sum is made when the word is
    /// first met, not at load, where making all 20k of them was a third of the model's set-up
    /// (the page's cold start).
    words: hash::IdMap<u64, OnceLock<[i16; W]>>,
    /// Rows of the features of few values, by [`features::small_index`].
    small: Vec<[i16; W]>,
    /// Feature sums of the sentence boundary ([`Recognizer::sums`]).
    edge: Sums,
    /// Feature sums of frequent spellings, kept from one document to the next.
    cache: SpellingCache,
    meta: serde_json::Value,
}

static BUILTIN: &[u8] = include_bytes!("../../models/ner.bin");

impl Recognizer {
    /// The recognizer compiled into this build (parsed on first use).
    pub fn builtin() -> Result<&'static Recognizer> {
        static R: OnceLock<Result<Recognizer>> = OnceLock::new();
        R.get_or_init(|| Recognizer::from_bytes(BUILTIN)).as_ref().map_err(Clone::clone)
    }

    /// Loads a recognizer from the bytes of a model file. A truncated, corrupted or
    /// incompatible file is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer> {
        let c = Container::parse(bytes)?;
        let meta: serde_json::Value = serde_json::from_slice(c.section("meta")?)
            .map_err(|e| Error::model(format!("section `meta` is not JSON: {e}")))?;
        if meta.get("kind").and_then(|k| k.as_str()) != Some("ner") {
            return Err(Error::model("not an entity recognizer model (meta.kind is not \"ner\")"));
        }
        let (lex, vocab) = lexicon::decode(c.section("lexicon")?)?;
        let words = vocab.into_iter().map(|l| (l, OnceLock::new())).collect();
        // Both passes' rows go into one table, the first pass's tags then the second's:
        // the two sorted key lists merged, each pass's rows read as their keys come.
        let weights::Decoded { keys: ka, rows: mut ra, pass: first } = weights::decode(c.section("first")?)?;
        let (kb, mut rb, second) = match c.names().any(|n| n == "second") {
            true => {
                let d = weights::decode(c.section("second")?)?;
                (d.keys, Some(d.rows), Some(d.pass))
            }
            false => (Vec::new(), None, None),
        };
        let (mut i, mut j) = (0, 0);
        let mut failed = None;
        let merged = std::iter::from_fn(|| {
            let k = match (ka.get(i), kb.get(j)) {
                (None, None) => return None,
                (Some(&x), Some(&y)) => x.min(y),
                (Some(&x), None) | (None, Some(&x)) => x,
            };
            let mut row = [0i8; W];
            let read = |keys: &[u32], at: &mut usize, rows: &mut weights::Rows, half: &mut [i8]| -> Result<()> {
                if keys.get(*at) == Some(&k) {
                    half.copy_from_slice(&rows.next_row()?);
                    *at += 1;
                }
                Ok(())
            };
            let (first, second) = row.split_at_mut(NT);
            let done = read(&ka, &mut i, &mut ra, first).and_then(|()| match rb.as_mut() {
                Some(rb) => read(&kb, &mut j, rb, second),
                None => Ok(()),
            });
            match done {
                Ok(()) => Some((k, row)),
                Err(e) => {
                    failed = Some(e);
                    None
                }
            }
        });
        let table = Table::from_sorted(merged_len(&ka, &kb), merged);
        if let Some(e) = failed {
            return Err(e);
        }
        ra.finish()?;
        if let Some(rb) = rb {
            rb.finish()?;
        }
        let mut small = vec![[0i16; W]; features::SMALL_LEN];
        for (ix, k) in features::small_features() {
            table.add(k, &mut small[ix]);
        }
        let mut r = Recognizer { lex, table, first, second, words, small, edge: [[0; W]; 8], cache: SpellingCache::default(), meta };
        let mut edge = [[0; W]; 8];
        r.sums(None, &mut edge);
        r.edge = edge;
        Ok(r)
    }

    /// The model's metadata (training data hash, epochs, feature counts, dev scores).
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    /// Tags a whole document at once (so that document context can be used): one list of
    /// sentences, each a list of token strings; returns the names of each sentence.
    pub fn recognize(&self, sentences: &[Vec<&str>]) -> Vec<Vec<NameSpan>> {
        let p = features::prepare(&self.lex, sentences, false);
        // Sums of the features of each spelling, made just before first use (while the
        // spelling's rows are in the cache), and past the sentence's ends.
        let mut sums: Vec<Sums> = Vec::with_capacity(p.types.len());
        // Another thread tagging at the same time does without the cache.
        let mut cache = self.cache.0.try_lock().ok();
        let mut sc = Scratch::default();
        // First pass; the local features' second-pass sums are kept for the second pass.
        let mut tags1: Vec<Vec<u8>> = Vec::with_capacity(sentences.len());
        let mut local2: Vec<[i16; NT]> = Vec::with_capacity(p.toks.iter().map(Vec::len).sum());
        for (s, toks) in p.toks.iter().enumerate() {
            sc.em.clear();
            let c = features::caps_line(&p, s) as usize;
            for i in 0..toks.len() {
                // Spellings are numbered in order of first appearance: the sums up to the
                // last of the next three tokens' are all needed by now.
                let ahead = toks[i..toks.len().min(i + 3)].iter().map(|t| t.ty).max().unwrap_or(0) as usize;
                while sums.len() <= ahead {
                    let ty = sums.len();
                    let spelling = p.spelling(ty);
                    // Made in place: sums are 544 bytes.
                    sums.push([[0; W]; 8]);
                    let new = &mut sums[ty];
                    let spelling_of = Some((spelling, &p.types[ty], &p.affixes[ty]));
                    match cache.as_deref_mut().map(|c| c.get(spelling, p.types[ty].w)) {
                        Some(Ok(cached)) => *new = *cached,
                        Some(Err(slot)) => {
                            self.sums(spelling_of, new);
                            slot.offer(spelling, new);
                        }
                        None => self.sums(spelling_of, new),
                    }
                }
                let acc = self.local_sum(&p, s, i, c, &sums);
                sc.em.push(scaled(&acc[..NT], self.first.scale));
                local2.push(acc[NT..].try_into().unwrap());
            }
            self.first.trans.viterbi(&sc.em, &mut sc.fwd, &mut sc.tags);
            tags1.push(sc.tags.clone());
            if self.second.is_none() {
                sc.keep_confidence(&self.first.trans);
            }
        }
        let tags = match &self.second {
            None => tags1,
            Some(second) => {
                let agg = features::Aggregates::new(&p, &tags1);
                let mut tags2 = Vec::with_capacity(sentences.len());
                let mut local2 = local2.iter();
                for (s, toks) in p.toks.iter().enumerate() {
                    sc.em.clear();
                    for i in 0..toks.len() {
                        let mut a = self.adder([0i16; W]);
                        a.acc[NT..].copy_from_slice(local2.next().unwrap());
                        features::contextual(&p, &agg, &tags1, s, i, &mut a);
                        sc.em.push(scaled(&a.acc[NT..], second.scale));
                    }
                    second.trans.viterbi(&sc.em, &mut sc.fwd, &mut sc.tags);
                    tags2.push(sc.tags.clone());
                    sc.keep_confidence(&second.trans);
                }
                tags2
            }
        };
        let mut conf = sc.confs.as_slice();
        let mut names: Vec<Vec<NameSpan>> = sentences
            .iter()
            .enumerate()
            .map(|(s, words)| {
                let (here, rest) = conf.split_at(words.len());
                conf = rest;
                if refine::is_boilerplate(words) {
                    return Vec::new();
                }
                refine::generational(words, refine::storms(words, refine::join_institutions(words, tags::decode(&tags[s]))))
                    .into_iter()
                    .filter(|&(a, b, _)| !refine::is_opening_participle(words, a, b))
                    .map(|(a, b, ty)| NameSpan {
                        tokens: a..b,
                        label: refine::label(ty, words, a..b, &p.toks[s][a..b]),
                        score: here[a..b].iter().copied().fold(1.0, f32::min),
                    })
                    .collect()
            })
            .collect();
        refine::company_families(sentences, &p.toks, &mut names);
        refine::drop_common_words(sentences, &p.toks, &mut names);
        names
    }

    /// The sum of the local features of token `i` of sentence `s` (`c`: 1 in an all-caps
    /// line), from the sums of the spellings there and around.
    #[inline(always)]
    fn local_sum(&self, p: &features::Prepared, s: usize, i: usize, c: usize, sums: &[Sums]) -> [i16; W] {
        let toks = &p.toks[s];
        let at = |k: isize| {
            let j = i as isize + k;
            if j < 0 || j as usize >= toks.len() {
                &self.edge
            } else {
                &sums[toks[j as usize].ty as usize]
            }
        };
        let mut a = self.adder(sums[toks[i].ty as usize][OWN + c]);
        add(&mut a.acc, &at(-1)[M1 + c]);
        add(&mut a.acc, &at(1)[P1 + c]);
        add(&mut a.acc, &at(-2)[M2]);
        add(&mut a.acc, &at(2)[P2]);
        features::pair_features(p, s, i, &mut a);
        a.acc
    }

    fn adder(&self, acc: [i16; W]) -> Adder<'_> {
        Adder { table: &self.table, small: &self.small, acc }
    }

    /// Fills `out` (zeros) with the sums of the features that a spelling (`None`: the
    /// sentence boundary) gives the tokens where it occurs and next to it, by [`OWN`], [`M1`],
    /// [`P1`], [`M2`], [`P2`].
    fn sums(&self, spelling: Option<(&str, &features::Tok, &features::Affixes)>, out: &mut Sums) {
        let table = &self.table;
        let t = spelling.map(|s| s.1);
        if let Some((word, t, a)) = spelling {
            let own = &mut out[OWN + 1];
            match self.words.get(&t.l) {
                // (`prepare` leaves a vocabulary word's affixes out: made here the first time.)
                Some(row) if t.caprate != 0 => {
                    *own = *row.get_or_init(|| {
                        let mut acc = [0i16; W];
                        features::word_features(t.l, &features::lower_affixes(word), &mut |k| table.add(k, &mut acc));
                        acc
                    })
                }
                _ => features::word_features(t.l, a, &mut |k| table.add(k, own)),
            }
            features::own_features(t, &mut |k| table.add(k, own));
        }
        for (slot, k) in [(M1 + 1, -1), (P1 + 1, 1), (M2, -2), (P2, 2)] {
            let acc = &mut out[slot];
            features::neighbour_features(k, t, &mut |key| table.add(key, acc));
        }
        // Outside all-caps lines, the exact forms too.
        for (slot, k) in [(OWN, 0), (M1, -1), (P1, 1)] {
            out[slot] = out[slot + 1];
            if k != 0 || t.is_some() {
                let acc = &mut out[slot];
                features::exact_form(k, t, &mut |key| table.add(key, acc));
            }
        }
    }
}

/// Spellings up to this long (in bytes) are cached.
const CACHED_LEN: usize = 24;

/// A direct-mapped cache of [`Sums`] by spelling (sums depend on the spelling alone), for the
/// frequent words that every document has: a slot keeps its spelling until others have
/// missed it more often than it was used.
#[derive(Default)]
struct SpellingCache(std::sync::Mutex<Vec<Cached>>);

impl std::fmt::Debug for SpellingCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SpellingCache")
    }
}

#[derive(Clone)]
struct Cached {
    /// Length of the spelling; 0 for an empty slot.
    len: u8,
    word: [u8; CACHED_LEN],
    /// Uses minus misses by other spellings, saturated.
    score: u8,
    sums: Sums,
}

/// Number of cache slots (1.2 MB at most).
const CACHE_SLOTS: usize = 2048;

trait CacheSlots {
    /// The sums of `spelling` (`w`: its hash), or the slot to offer them to.
    fn get(&mut self, spelling: &str, w: u64) -> std::result::Result<&Sums, &mut Cached>;
}

impl CacheSlots for Vec<Cached> {
    fn get(&mut self, spelling: &str, w: u64) -> std::result::Result<&Sums, &mut Cached> {
        if self.is_empty() {
            self.resize(CACHE_SLOTS, Cached { len: 0, word: [0; CACHED_LEN], score: 0, sums: [[0; W]; 8] });
        }
        let slot = &mut self[(w >> 32) as usize % CACHE_SLOTS];
        let b = spelling.as_bytes();
        if slot.len as usize == b.len() && slot.word[..b.len()] == *b {
            slot.score = slot.score.saturating_add(1);
            Ok(&slot.sums)
        } else {
            Err(slot)
        }
    }
}

impl Cached {
    /// Takes `spelling`'s sums if the slot is free, else counts a miss against its holder.
    fn offer(&mut self, spelling: &str, sums: &Sums) {
        let b = spelling.as_bytes();
        if b.is_empty() || b.len() > CACHED_LEN {
            return;
        }
        if self.score == 0 {
            self.len = b.len() as u8;
            self.word[..b.len()].copy_from_slice(b);
            self.score = 1;
            self.sums = *sums;
        } else {
            self.score -= 1;
        }
    }
}

/// Feature sums of one spelling ([`Recognizer::sums`]): slot `OWN`, `M1` or `P1` plus 1 is
/// the variant for all-caps lines, where exact word forms are not features.
type Sums = [[i16; W]; 8];
/// The token's own spelling.
const OWN: usize = 0;
/// The spelling as the previous token.
const M1: usize = 2;
/// The spelling as the next token.
const P1: usize = 4;
/// The spelling two tokens before.
const M2: usize = 6;
/// The spelling two tokens after.
const P2: usize = 7;

/// Sums the rows of features: those of few values from an array, the others from the table.
struct Adder<'a> {
    table: &'a Table<W>,
    small: &'a [[i16; W]],
    acc: [i16; W],
}

impl features::Sink for Adder<'_> {
    #[inline(always)]
    fn key(&mut self, k: u32) {
        self.table.add(k, &mut self.acc);
    }

    /// Inlined, so that the template is a constant and the index a few instructions.
    #[inline(always)]
    fn small(&mut self, template: u32, value: u64) {
        match features::small_index(template, value) {
            Some(ix) => {
                // Through locals: summed in place, the lanes are added one by one.
                let (mut acc, row) = (self.acc, self.small[ix]);
                add(&mut acc, &row);
                self.acc = acc;
            }
            None => self.key(hash::feature(template, value)),
        }
    }
}

#[inline(always)]
fn add(acc: &mut [i16; W], row: &[i16; W]) {
    for t in 0..W {
        acc[t] = acc[t].wrapping_add(row[t]);
    }
}

/// How many distinct keys two ascending key lists hold together.
fn merged_len(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        i += (x <= y) as usize;
        j += (y <= x) as usize;
        n += 1;
    }
    n + (a.len() - i) + (b.len() - j)
}

fn scaled(acc: &[i16], scale: f32) -> [f32; NT] {
    let mut row = [0f32; NT];
    for t in 0..NT {
        row[t] = acc[t] as f32 * scale;
    }
    row
}

/// Softens the confidence softmax: perceptron scores are margins, not log-probabilities, and
/// taken as they are they make every decision look certain or hopeless.
const CONFIDENCE_TEMPERATURE: f32 = 8.0;

/// Buffers reused across sentences.
#[derive(Default)]
struct Scratch {
    em: Vec<[f32; NT]>,
    fwd: Vec<[f32; NT]>,
    bwd: Vec<[f32; NT]>,
    tags: Vec<u8>,
    conf: Vec<f32>,
    /// Confidence of every token of the document so far.
    confs: Vec<f32>,
}

impl Scratch {
    /// Records per-token confidence of the current sentence's tags (1 where no name was
    /// found: only names carry a score).
    fn keep_confidence(&mut self, trans: &tags::Transitions) {
        if self.tags.iter().any(|&t| t != 0) {
            trans.confidence(&self.em, &self.fwd, &self.tags, CONFIDENCE_TEMPERATURE, &mut self.bwd, &mut self.conf);
            self.confs.extend_from_slice(&self.conf);
        } else {
            self.confs.resize(self.confs.len() + self.tags.len(), 1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recognizer's shortcuts (sums by spelling, array rows for few-valued templates)
    /// give the same sums as the trainer's plain feature lists.
    #[test]
    fn shortcuts_sum_the_trainers_features() {
        let r = Recognizer::builtin().unwrap();
        let lines = [
            "BIDEN WARNS PUTIN OVER UKRAINE TROOPS",
            "Biden Warns Putin Of Sanctions Over Ukraine Border",
            "U.S. President Joe Biden told Vladimir Putin on Tuesday that the US would respond .",
            "Reuters",
            "The Kremlin said Biden 's remarks were \" unacceptable \" , RIA reported from São Paulo .",
            "Xyzzyq plugh-frobnicated 12/30/2021 at 3.5 % , Biden said",
            "",
        ];
        let doc: Vec<Vec<&str>> = lines.iter().map(|l| l.split(' ').filter(|w| !w.is_empty()).collect()).collect();
        let p = features::prepare(&r.lex, &doc, false);
        // The trainer's view computes every word's affixes.
        let all = features::prepare(&r.lex, &doc, true);
        let mut sums = vec![[[0; W]; 8]; p.types.len()];
        for (ty, out) in sums.iter_mut().enumerate() {
            r.sums(Some((p.spelling(ty), &p.types[ty], &p.affixes[ty])), out);
        }
        // Arbitrary first-pass tags, every tag somewhere.
        let tags1: Vec<Vec<u8>> = p.toks.iter().enumerate().map(|(s, t)| (0..t.len()).map(|i| ((i * 7 + s) % NT) as u8).collect()).collect();
        let agg = features::Aggregates::new(&p, &tags1);
        for s in 0..p.toks.len() {
            for i in 0..p.toks[s].len() {
                let mut plain = [0i16; W];
                features::local(&all, s, i, &mut |k| r.table.add(k, &mut plain));
                let c = features::caps_line(&p, s) as usize;
                assert_eq!(r.local_sum(&p, s, i, c, &sums), plain, "sentence {s} token {i}");
                let mut plain = [0i16; W];
                features::contextual(&p, &agg, &tags1, s, i, &mut |k| r.table.add(k, &mut plain));
                let mut a = r.adder([0; W]);
                features::contextual(&p, &agg, &tags1, s, i, &mut a);
                assert_eq!(a.acc[NT..], plain[NT..], "sentence {s} token {i}");
            }
        }
        assert!(features::caps_line(&p, 0) && !features::caps_line(&p, 2));
    }

    /// Every few-valued feature has its own place in the array.
    #[test]
    fn small_indices_are_distinct() {
        let mut seen = vec![false; features::SMALL_LEN];
        for (ix, _) in features::small_features() {
            assert!(!seen[ix], "index {ix} twice");
            seen[ix] = true;
        }
    }
}
