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
//! CoNLL's four types are then refined into the product's labels ([`refine`]). All weights,
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
    /// Lower-cased word hash → precomputed sum of its [`features::word_features`] rows, for
    /// the vocabulary (most tokens): ten lookups become one.
    words: hash::IdMap<u64, [i16; W]>,
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
        let first = weights::decode(c.section("first")?)?;
        let second = match c.names().any(|n| n == "second") {
            true => Some(weights::decode(c.section("second")?)?),
            false => None,
        };
        let widen = |(k, row): (u32, [i16; NT]), half: usize| -> Result<(u32, [i8; W])> {
            let mut w = [0i8; W];
            for (d, &v) in w[half * NT..half * NT + NT].iter_mut().zip(&row) {
                *d = i8::try_from(v).map_err(|_| Error::model("weight does not fit in a byte"))?;
            }
            Ok((k, w))
        };
        let n = first.entries.len() + second.as_ref().map_or(0, |s| s.entries.len());
        let mut rows = Vec::with_capacity(n);
        for e in first.entries {
            rows.push(widen(e, 0)?);
        }
        let second = match second {
            None => None,
            Some(s) => {
                for e in s.entries {
                    rows.push(widen(e, 1)?);
                }
                Some(s.pass)
            }
        };
        let table = Table::new(rows.into_iter());
        let mut words = hash::IdMap::default();
        words.reserve(vocab.len());
        for w in vocab {
            let t = features::vocabulary_tok(w);
            let mut acc = [0i16; W];
            features::word_features(&t, &mut |k| table.add(k, &mut acc));
            words.insert(t.l, acc);
        }
        Ok(Recognizer { lex, table, first: first.pass, second, words, meta })
    }

    /// The model's metadata (training data hash, epochs, feature counts, dev scores).
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    /// Tags a whole document at once (so that document context can be used): one list of
    /// sentences, each a list of token strings; returns the names of each sentence.
    pub fn recognize(&self, sentences: &[Vec<&str>]) -> Vec<Vec<NameSpan>> {
        let p = features::prepare(&self.lex, sentences, false);
        let mut sc = Scratch::default();
        // First pass; the local features' second-pass sums are kept for the second pass.
        let mut tags1: Vec<Vec<u8>> = Vec::with_capacity(sentences.len());
        let mut local2: Vec<Vec<[i16; NT]>> = Vec::with_capacity(sentences.len());
        for s in 0..p.toks.len() {
            sc.em.clear();
            let mut l2 = Vec::with_capacity(p.toks[s].len());
            for i in 0..p.toks[s].len() {
                let mut acc = [0i16; W];
                let t = &p.toks[s][i];
                match self.words.get(&t.l) {
                    Some(row) if t.caprate != 0 => {
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a = a.wrapping_add(v);
                        }
                    }
                    _ => features::word_features(t, &mut |k| self.table.add(k, &mut acc)),
                }
                features::context_features(&p, s, i, &mut |k| self.table.add(k, &mut acc));
                sc.em.push(scaled(&acc[..NT], self.first.scale));
                l2.push(acc[NT..].try_into().unwrap());
            }
            self.first.trans.viterbi(&sc.em, &mut sc.back, &mut sc.fwd, &mut sc.tags);
            tags1.push(sc.tags.clone());
            local2.push(l2);
            if self.second.is_none() {
                sc.keep_confidence(&self.first.trans);
            }
        }
        let (tags, conf) = match &self.second {
            None => (tags1, std::mem::take(&mut sc.confs)),
            Some(second) => {
                let agg = features::Aggregates::new(&p, &tags1);
                let mut tags2 = Vec::with_capacity(sentences.len());
                for s in 0..p.toks.len() {
                    sc.em.clear();
                    for i in 0..p.toks[s].len() {
                        let mut acc = [0i16; W];
                        acc[NT..].copy_from_slice(&local2[s][i]);
                        features::contextual(&p, &agg, &tags1, s, i, &mut |k| self.table.add(k, &mut acc));
                        sc.em.push(scaled(&acc[NT..], second.scale));
                    }
                    second.trans.viterbi(&sc.em, &mut sc.back, &mut sc.fwd, &mut sc.tags);
                    tags2.push(sc.tags.clone());
                    sc.keep_confidence(&second.trans);
                }
                (tags2, std::mem::take(&mut sc.confs))
            }
        };
        sentences
            .iter()
            .enumerate()
            .map(|(s, words)| {
                tags::decode(&tags[s])
                    .into_iter()
                    .map(|(a, b, ty)| NameSpan {
                        tokens: a..b,
                        label: refine::refine(ty, &words[a..b], &p.toks[s][a..b]),
                        score: conf[s][a..b].iter().copied().fold(1.0, f32::min),
                    })
                    .collect()
            })
            .collect()
    }
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
    back: Vec<[u8; NT]>,
    fwd: Vec<[f32; NT]>,
    bwd: Vec<[f32; NT]>,
    tags: Vec<u8>,
    confs: Vec<Vec<f32>>,
}

impl Scratch {
    /// Records per-token confidence of the current sentence's tags (1 where no name was
    /// found: only names carry a score).
    fn keep_confidence(&mut self, trans: &tags::Transitions) {
        let mut conf = Vec::new();
        if self.tags.iter().any(|&t| t != 0) {
            trans.confidence(&self.em, &self.fwd, &self.tags, CONFIDENCE_TEMPERATURE, &mut self.bwd, &mut conf);
        } else {
            conf.resize(self.tags.len(), 1.0);
        }
        self.confs.push(conf);
    }
}
