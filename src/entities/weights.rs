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

/// A decoded weight section: its feature keys (ascending), its rows, read one by one in key
/// order (so that loading never holds a second copy of them), and the pass's constants.
#[derive(Debug, Clone)]
pub(crate) struct Decoded<'a> {
    pub keys: Vec<u32>,
    pub rows: Rows<'a>,
    pub pass: Pass,
}

/// The rows of a weight section, in key order: a 17-bit mask of nonzero tags, then those
/// weights as zigzag varints.
#[derive(Debug, Clone)]
pub(crate) struct Rows<'a> {
    r: Reader<'a>,
    left: usize,
}

impl Rows<'_> {
    /// The next row (there are as many as keys).
    pub(crate) fn next_row(&mut self) -> Result<[i8; NT]> {
        if self.left == 0 {
            return Err(Error::model("more rows asked for than the weight table has"));
        }
        self.left -= 1;
        let r = &mut self.r;
        let m = r.take(3)?;
        let mut mask = u32::from_le_bytes([m[0], m[1], m[2], 0]);
        if mask >> NT != 0 {
            return Err(Error::model("weight row mask names a tag that does not exist"));
        }
        let mut row = [0i8; NT];
        while mask != 0 {
            let t = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            let z = r.varint()?;
            let v = (z >> 1) as i32 ^ -((z & 1) as i32);
            row[t] = i8::try_from(v).map_err(|_| Error::model("weight does not fit in a byte"))?;
        }
        Ok(row)
    }

    /// Checks that every row was read and nothing follows them.
    pub(crate) fn finish(self) -> Result<()> {
        if self.left != 0 || !self.r.is_done() {
            return Err(Error::model("trailing bytes after the weight table"));
        }
        Ok(())
    }
}

/// Feature weights: an open-addressing table from feature keys to rows of `W` byte-sized
/// quantized weights. Both passes share one table (rows of `2 * NT`), so that a local feature
/// is looked up once for both.
///
/// A key's home slot is its top bits (keys are hashes), so keys in ascending order have
/// ascending homes: the table is built in one sweep over the model's sorted keys, each key in
/// the first free slot from its home, with no probing (the model's set-up is part of the
/// page's cold start). Every run of full slots is then in ascending key order, so a lookup
/// stops at the first key above the one it wants.
#[derive(Debug, Clone)]
pub(crate) struct Table<const W: usize> {
    /// Slot → (feature key, row index); key 0 marks an empty slot. Key and index share a
    /// cache line, so a lookup costs one miss for the probe and one for the row. Runs may go
    /// past the last home slot; the last slot is always empty.
    slots: Vec<(u32, u32)>,
    /// `32 - log2(number of home slots)`.
    shift: u32,
    /// Rows in key order.
    rows: Vec<[i8; W]>,
    /// A filter of one 64-bit word per 8 slots with two bits set per key: most features the
    /// model does not have (the majority of word-pair lookups) are turned away in an array
    /// that stays in the core's cache.
    filter: Vec<u64>,
}

impl<const W: usize> Table<W> {
    /// Builds the table from rows in strictly ascending key order (at most `n` of them; keys
    /// are never 0).
    pub(crate) fn from_sorted(n: usize, entries: impl Iterator<Item = (u32, [i8; W])>) -> Self {
        // At most two thirds full: runs stay short.
        let cap = (n + n / 2).next_power_of_two().max(16);
        let mut t = Table { slots: vec![(0, 0); cap], shift: 32 - cap.trailing_zeros(), rows: Vec::with_capacity(n), filter: vec![0; cap / 8] };
        let mut next = 0; // first slot after the last key placed
        let mut prev = 0;
        for (k, row) in entries {
            debug_assert!(k > prev, "keys must ascend");
            prev = k;
            let s = next.max(t.home(k));
            if s >= t.slots.len() {
                t.slots.push((0, 0));
            }
            t.slots[s] = (k, t.rows.len() as u32);
            t.rows.push(row);
            let (word, bits) = Self::filter_bits(k, t.filter.len());
            t.filter[word] |= bits;
            next = s + 1;
        }
        if next == t.slots.len() {
            t.slots.push((0, 0));
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
    fn home(&self, k: u32) -> usize {
        (k >> self.shift) as usize
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
        let mut s = self.home(k);
        loop {
            let (key, idx) = self.slots[s];
            if key == k {
                let row = &self.rows[idx as usize];
                for t in 0..W {
                    acc[t] = acc[t].wrapping_add(row[t] as i16);
                }
                return;
            }
            // An empty slot (0) or a larger key: `k` is not in this run.
            if key.wrapping_sub(1) >= k {
                return;
            }
            s += 1;
        }
    }

    /// Number of features.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }
}

/// Serializes `(key, row)` pairs (any order, no key twice), the scale and learned transitions.
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

/// Parses what [`encode`] wrote up to the rows: keys strictly ascending; every length is
/// checked (the rows' as they are read).
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>> {
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
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u32;
    for _ in 0..n {
        let d = r.varint()?;
        // Feature hashes are never 0 (`hash::feature`); the table marks empty slots with it.
        if d == 0 {
            return Err(Error::model(if prev == 0 { "feature key 0 is reserved" } else { "feature key repeated" }));
        }
        prev = prev.checked_add(d).ok_or_else(|| Error::model("feature keys overflow"))?;
        keys.push(prev);
    }
    let trans = Transitions::new(&learned.iter().map(|v| v * scale).collect::<Vec<_>>());
    Ok(Decoded { keys, rows: Rows { r, left: n }, pass: Pass { scale, trans } })
}

/// [`decode`] with every row read (and checked).
#[cfg(test)]
pub(crate) fn decode_all(bytes: &[u8]) -> Result<(Vec<u32>, Vec<[i8; NT]>, Pass)> {
    let mut d = decode(bytes)?;
    let rows = d.keys.iter().map(|_| d.rows.next_row()).collect::<Result<Vec<_>>>()?;
    d.rows.finish()?;
    Ok((d.keys, rows, d.pass))
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
        let (keys, rows, pass) = decode_all(&bytes).unwrap();
        assert_eq!(pass.scale, 0.5);
        assert_eq!(keys, [7, 42]);
        let t = Table::<NT>::from_sorted(2, keys.into_iter().zip(rows));
        let mut acc = [0i16; NT];
        t.add(42, &mut acc);
        t.add(43, &mut acc);
        assert_eq!(acc[3], -100i16);
        assert_eq!(acc[16], 7);
        assert_eq!(t.len(), 2);
        for n in 0..bytes.len() {
            assert!(decode_all(&bytes[..n]).is_err());
        }
    }

    proptest::proptest! {
        /// The table finds exactly the keys it was built from, with their rows, however the
        /// keys crowd together (`hi` squeezes them into the top slots, whose runs go past the
        /// last home slot).
        #[test]
        fn table_finds_exactly_its_keys(mut keys in proptest::collection::vec(1u32.., 0..400), hi in proptest::bool::ANY, probes in proptest::collection::vec(proptest::num::u32::ANY, 50)) {
            if hi {
                for k in &mut keys {
                    *k |= 0xffff_ff00;
                }
            }
            keys.sort_unstable();
            keys.dedup();
            let row = |k: u32| [k as i8, (k >> 8) as i8, 1];
            let t = Table::<3>::from_sorted(keys.len(), keys.iter().map(|&k| (k, row(k))));
            for &k in keys.iter().chain(&probes) {
                let mut acc = [0i16; 3];
                t.add(k, &mut acc);
                let want = if keys.binary_search(&k).is_ok() { row(k).map(i16::from) } else { [0; 3] };
                proptest::prop_assert_eq!(acc, want, "key {}", k);
            }
        }
    }

    /// A key may appear once per pass.
    #[test]
    fn repeated_key_is_an_error() {
        let mut bytes = encode(&[(5, [1; NT]), (9, [2; NT])], 0.5, &vec![0.25; NT * NT + NT]);
        // The second key's delta (4) becomes 0.
        let at = 8 + 4 * (NT * NT + NT) + 1;
        assert_eq!(bytes[at], 4);
        bytes[at] = 0;
        let err = decode(&bytes).expect_err("a repeated key is refused");
        assert!(err.to_string().contains("repeated"), "{err}");
    }

    /// Found by fuzzing (model_load): a key of 0, the table's empty-slot marker, made loading
    /// index a row that did not exist.
    #[test]
    fn key_zero_is_an_error() {
        let bytes = encode(&[(0, [1; NT]), (5, [2; NT])], 0.5, &vec![0.25; NT * NT + NT]);
        let err = decode(&bytes).expect_err("a key of 0 is refused");
        assert!(err.to_string().contains("key 0"), "{err}");
    }
}
