//! Serialization of the [`Lexicon`]: words and phrases are stored as text (they compress well
//! and keep the model inspectable) and hashed, as bytes, when the model is loaded.

use super::features::{Lexicon, PREFIX};
use super::hash;
#[cfg(any(test, feature = "cli"))]
use super::weights::varint;
use crate::error::{Error, Result};
use crate::model::Reader;

/// Lexicon contents as text, the form the trainer builds and the model stores.
#[cfg(any(test, feature = "cli"))]
#[derive(Debug, Default, Clone)]
pub(crate) struct LexiconSource {
    /// Word → (cluster path bits, path length).
    pub clusters: Vec<(String, u32, u8)>,
    /// Lower-cased word → capitalization-rate bin.
    pub caprate: Vec<(String, u8)>,
    /// Lower-cased phrase (tokens joined by one space) → list mask.
    pub gaz: Vec<(String, u16)>,
}

#[cfg(any(test, feature = "cli"))]
fn put_str(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// A length-prefixed entry. Its bytes are only hashed, so they are not checked for UTF-8
/// (the container's checksum already guards the file).
fn get_str<'a>(r: &mut Reader<'a>) -> Result<&'a [u8]> {
    let n = r.varint()? as usize;
    r.take(n)
}

#[cfg(any(test, feature = "cli"))]
impl LexiconSource {
    /// Sorts entries so that equal inputs give equal bytes.
    pub(crate) fn normalize(&mut self) {
        self.clusters.sort();
        self.clusters.dedup_by(|a, b| a.0 == b.0);
        self.caprate.sort();
        self.caprate.dedup_by(|a, b| a.0 == b.0);
        self.gaz.sort();
        // Merge list masks of one phrase.
        let mut merged: Vec<(String, u16)> = Vec::with_capacity(self.gaz.len());
        for (p, m) in self.gaz.drain(..) {
            match merged.last_mut() {
                Some(last) if last.0 == p => last.1 |= m,
                _ => merged.push((p, m)),
            }
        }
        self.gaz = merged;
    }

    /// Serializes (call [`LexiconSource::normalize`] first for deterministic output).
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        varint(&mut out, self.clusters.len() as u32);
        for (w, bits, len) in &self.clusters {
            put_str(&mut out, w);
            out.push(*len);
            varint(&mut out, *bits);
        }
        varint(&mut out, self.caprate.len() as u32);
        for (w, bin) in &self.caprate {
            put_str(&mut out, w);
            out.push(*bin);
        }
        varint(&mut out, self.gaz.len() as u32);
        for (p, mask) in &self.gaz {
            put_str(&mut out, p);
            varint(&mut out, *mask as u32);
        }
        out
    }
}

/// Parses a serialized lexicon straight into lookup structures; also returns the hashes of the
/// words with capitalization rates (the vocabulary whose word-feature sums the recognizer keeps).
pub(crate) fn decode(bytes: &[u8]) -> Result<(Lexicon, Vec<u64>)> {
    let mut r = Reader::new(bytes);
    let mut lex = Lexicon::default();
    // Counts are trusted for reserving only as far as the bytes could hold them.
    let room = |n: u32| (n as usize).min(bytes.len() / 2);
    let n = r.varint()?;
    lex.clusters.reserve(room(n));
    for _ in 0..n {
        let w = get_str(&mut r)?;
        let len = r.u8()?;
        let bits = r.varint()?;
        if len > 32 {
            return Err(Error::model("cluster path longer than 32 bits"));
        }
        lex.clusters.insert(hash::bytes(w), (bits, len));
    }
    let n = r.varint()?;
    let mut vocab = Vec::with_capacity(room(n));
    lex.caprate.reserve(room(n));
    for _ in 0..n {
        let w = get_str(&mut r)?;
        let bin = r.u8()?;
        if bin == 0 {
            return Err(Error::model("capitalization-rate bin 0 is reserved"));
        }
        let l = hash::bytes(w);
        lex.caprate.insert(l, bin);
        vocab.push(l);
    }
    let n = r.varint()?;
    lex.gaz.reserve(room(n) * 3 / 2);
    for _ in 0..n {
        let p = get_str(&mut r)?;
        let mask = r.varint()?;
        if mask >= PREFIX as u32 {
            return Err(Error::model("gazetteer list mask out of range"));
        }
        // The phrase's hash as `prepare` matches it (`phrase_step` over the words' hashes),
        // word by word; each shorter prefix is marked on the way.
        let mut h = 0;
        let mut words = p.split(|&b| b == b' ');
        let mut next = words.next();
        let mut len = 0;
        while let Some(w) = next {
            h = hash::phrase_step(h, hash::bytes(w));
            len += 1;
            next = words.next();
            let bits = if next.is_some() { PREFIX } else { mask as u16 };
            *lex.gaz.entry(h).or_insert(0) |= bits;
        }
        lex.gaz_max = lex.gaz_max.max(len);
    }
    if !r.is_done() {
        return Err(Error::model("trailing bytes after the lexicon"));
    }
    if lex.gaz_max > 16 {
        return Err(Error::model("gazetteer phrase longer than 16 tokens"));
    }
    Ok((lex, vocab))
}
