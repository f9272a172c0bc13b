//! Quantized feature weights: an open-addressing table from 32-bit feature keys to rows of
//! per-tag weights, and its compact serialization (sorted delta-coded keys, sparse rows).

use super::tags::{Transitions, NT};
use crate::error::{Error, Result};
use crate::model::Reader;

/// What a pass needs besides its feature weights.
#[derive(Debug, Clone)]
pub(crate) struct Pass {
    /// Multiply a summed row by this to get scores.
    pub scale: f32,
    /// Tag transitions (already in score units).
    pub trans: Transitions,
}

/// A decoded weight section: quantized rows by feature key, and the pass's constants.
#[cfg(test)]
pub(crate) struct Decoded {
    pub entries: Vec<(u32, [i16; NT])>,
    pub pass: Pass,
}

/// Feature weights: an open-addressing table from feature keys to rows of `W` byte-sized
/// quantized weights. Both passes share one table (rows of `2 * NT`), so that a local feature
/// is looked up once for both.
#[derive(Debug, Clone)]
pub(crate) struct Table<const W: usize> {
    /// Slot → (feature key, row index); key 0 marks an empty slot. Key and index share a
    /// cache line, so a lookup costs one miss for the probe and one for the row.
    slots: Vec<(u32, u32)>,
    /// Rows in the order they were added (written one after another at load).
    rows: Vec<[i8; W]>,
    /// A filter of one 64-bit word per 8 slots with two bits set per key: most features the
    /// model does not have (the majority of word-pair lookups) are turned away in an array
    /// that stays in the core's cache.
    filter: Vec<u64>,
}

impl<const W: usize> Table<W> {
    /// An empty table with room for `n` features.
    pub(crate) fn with_capacity(n: usize) -> Self {
        // At most two thirds full: probe runs stay short.
        let cap = (n + n / 2).next_power_of_two().max(16);
        Table { slots: vec![(0, 0); cap], rows: Vec::with_capacity(n), filter: vec![0; cap / 8] }
    }

    /// Adds a feature's row; a repeated key's rows are summed. The table must have room
    /// ([`Table::with_capacity`]).
    pub(crate) fn insert(&mut self, k: u32, row: &[i8; W]) {
        let cap = self.slots.len();
        let mut s = Self::home(k, cap);
        while self.slots[s].0 != 0 && self.slots[s].0 != k {
            s = (s + 1) & (cap - 1);
        }
        if self.slots[s].0 == k {
            let r = &mut self.rows[self.slots[s].1 as usize];
            for (r, &v) in r.iter_mut().zip(row) {
                *r = r.saturating_add(v);
            }
            return;
        }
        self.slots[s] = (k, self.rows.len() as u32);
        self.rows.push(*row);
        let (word, bits) = Self::filter_bits(k, self.filter.len());
        self.filter[word] |= bits;
    }

    /// Builds the lookup table from `(key, row)` pairs; a repeated key's rows are summed.
    #[cfg(test)]
    pub(crate) fn new(entries: impl ExactSizeIterator<Item = (u32, [i8; W])>) -> Self {
        let mut t = Self::with_capacity(entries.len());
        for (k, row) in entries {
            t.insert(k, &row);
        }
        t
    }

    /// The filter word and its two bits for key `k`.
    #[inline(always)]
    fn filter_bits(k: u32, words: usize) -> (usize, u64) {
        let h = (k as u64).wrapping_mul(0xd6e8_feb8_6659_fd93);
        ((h >> 32) as usize & (words - 1), 1 << (h & 63) | 1 << ((h >> 6) & 63))
    }

    #[inline(always)]
    fn home(k: u32, cap: usize) -> usize {
        (k.wrapping_mul(0x9e37_79b1) as usize) & (cap - 1)
    }

    /// Adds the row of feature `k` (if known) to `acc`. Sums stay far inside i16: a token
    /// has at most a few hundred features of at most ±127 each, and 16-bit lanes halve the
    /// vector work of widening to 32 bits.
    #[inline(always)]
    pub(crate) fn add(&self, k: u32, acc: &mut [i16; W]) {
        let (word, bits) = Self::filter_bits(k, self.filter.len());
        if self.filter[word] & bits != bits {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut s = Self::home(k, self.slots.len());
        loop {
            let (key, idx) = self.slots[s];
            if key == k {
                let row = &self.rows[idx as usize];
                for t in 0..W {
                    acc[t] = acc[t].wrapping_add(row[t] as i16);
                }
                return;
            }
            if key == 0 {
                return;
            }
            s = (s + 1) & mask;
        }
    }

    /// Number of features.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }
}

/// Serializes `(key, row)` pairs (any order), the scale and learned transitions.
#[cfg(any(test, feature = "cli"))]
pub(crate) fn encode(entries: &[(u32, [i16; NT])], scale: f32, trans_learned: &[f32]) -> Vec<u8> {
    let mut e: Vec<&(u32, [i16; NT])> = entries.iter().collect();
    e.sort_by_key(|x| x.0);
    let mut out = Vec::new();
    out.extend_from_slice(&(e.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    assert_eq!(trans_learned.len(), NT * NT + NT);
    for v in trans_learned {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Keys: ascending, as varint deltas.
    let mut prev = 0u32;
    for (k, _) in &e {
        varint(&mut out, k - prev);
        prev = *k;
    }
    // Rows: a 17-bit mask of nonzero tags, then those weights as zigzag varints.
    for (_, row) in &e {
        let mut mask = 0u32;
        for (t, &w) in row.iter().enumerate() {
            if w != 0 {
                mask |= 1 << t;
            }
        }
        out.extend_from_slice(&mask.to_le_bytes()[..3]);
        for &w in row.iter().filter(|&&w| w != 0) {
            varint(&mut out, ((w as i32) << 1 ^ ((w as i32) >> 31)) as u32);
        }
    }
    out
}

/// Parses what [`encode`] wrote; every length is checked.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded> {
    let mut entries = Vec::new();
    let pass = decode_each(bytes, |k, row| {
        entries.push((k, *row));
        Ok(())
    })?;
    Ok(Decoded { entries, pass })
}

/// The number of rows a weight section claims (at most its length in bytes; [`decode_each`]
/// checks it).
pub(crate) fn claimed_rows(bytes: &[u8]) -> usize {
    let n = Reader::new(bytes).u32().map_or(0, |n| n as usize);
    n.min(bytes.len())
}

/// Parses what [`encode`] wrote, handing each `(key, row)` to `each` (no list of them is
/// built); every length is checked.
pub(crate) fn decode_each(bytes: &[u8], mut each: impl FnMut(u32, &[i16; NT]) -> Result<()>) -> Result<Pass> {
    let mut r = Reader::new(bytes);
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return Err(Error::model("weight table claims more rows than it has bytes"));
    }
    let scale = r.f32()?;
    if !scale.is_finite() {
        return Err(Error::model("weight scale is not a finite number"));
    }
    let mut learned = vec![0f32; NT * NT + NT];
    for v in &mut learned {
        *v = r.f32()?;
        if !v.is_finite() {
            return Err(Error::model("transition weight is not a finite number"));
        }
    }
    // The rest, a million bytes of varints, through a plain cursor from the end of the
    // fixed-size header.
    let mut c = Cursor { bytes, pos: 8 + 4 * (NT * NT + NT) };
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u32;
    for _ in 0..n {
        let d = c.varint()?;
        prev = prev.checked_add(d).ok_or_else(|| Error::model("feature keys overflow"))?;
        // Feature hashes are never 0 (`hash::feature`); the table marks empty slots with it.
        if prev == 0 {
            return Err(Error::model("feature key 0 is reserved"));
        }
        keys.push(prev);
    }
    for k in keys {
        let m = c.take3()?;
        let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]);
        if mask >> NT != 0 {
            return Err(Error::model("weight row mask names a tag that does not exist"));
        }
        let mut row = [0i16; NT];
        for (t, w) in row.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                let z = c.varint()?;
                let v = (z >> 1) as i32 ^ -((z & 1) as i32);
                *w = i16::try_from(v).map_err(|_| Error::model("weight out of range"))?;
            }
        }
        each(k, &row)?;
    }
    if c.pos != bytes.len() {
        return Err(Error::model("trailing bytes after the weight table"));
    }
    let trans = Transitions::new(&learned.iter().map(|v| v * scale).collect::<Vec<_>>());
    Ok(Pass { scale, trans })
}

/// Appends a LEB128 varint.
#[cfg(any(test, feature = "cli"))]
pub(crate) fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A position in bytes, for decoding loops: [`Reader`]'s per-byte results cost a third of the
/// model's load time.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn end(&self) -> Error {
        Error::model(format!("unexpected end of data at byte {}", self.pos))
    }

    #[inline]
    fn take3(&mut self) -> Result<[u8; 3]> {
        let b = self.bytes.get(self.pos..self.pos + 3).ok_or_else(|| self.end())?;
        self.pos += 3;
        Ok([b[0], b[1], b[2]])
    }

    /// A LEB128 varint, as [`read_varint`].
    #[inline]
    fn varint(&mut self) -> Result<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let &b = self.bytes.get(self.pos).ok_or_else(|| self.end())?;
            self.pos += 1;
            v |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Error::model("varint longer than five bytes"))
    }
}

/// Reads a LEB128 varint (at most five bytes).
pub(crate) fn read_varint(r: &mut Reader<'_>) -> Result<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let b = r.u8()?;
        v |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(Error::model("varint longer than five bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_and_lookup() {
        let mut row = [0i16; NT];
        row[3] = -100;
        row[16] = 7;
        let entries = vec![(42u32, row), (7u32, [1; NT])];
        let bytes = encode(&entries, 0.5, &vec![0.25; NT * NT + NT]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.pass.scale, 0.5);
        let rows: Vec<(u32, [i8; NT])> = d.entries.iter().map(|(k, r)| (*k, r.map(|v| v as i8))).collect();
        let t = Table::<NT>::new(rows.into_iter());
        let mut acc = [0i16; NT];
        t.add(42, &mut acc);
        t.add(43, &mut acc);
        assert_eq!(acc[3], -100i16);
        assert_eq!(acc[16], 7);
        assert_eq!(t.len(), 2);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err());
        }
    }

    /// Found by fuzzing (model_load): a key of 0, the table's empty-slot marker, made loading
    /// index a row that did not exist.
    #[test]
    fn key_zero_is_an_error() {
        let bytes = encode(&[(0, [1; NT]), (5, [2; NT])], 0.5, &vec![0.25; NT * NT + NT]);
        let err = decode(&bytes).err().expect("a key of 0 is refused");
        assert!(err.to_string().contains("key 0"), "{err}");
    }
}
