//! Quantized feature weights: an open-addressing table from 32-bit feature keys to rows of
//! per-tag weights, and its compact serialization (sorted delta-coded keys, sparse rows).

use super::tags::{Transitions, NT};
use crate::error::{Error, Result};
use crate::model::Reader;

/// The weights of one tagging pass.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// Slot → feature key (0 = empty). Length is a power of two.
    keys: Vec<u32>,
    /// Slot → row index.
    slots: Vec<u32>,
    /// Rows of `NT` quantized weights.
    rows: Vec<[i16; NT]>,
    /// Multiply a summed row by this to get scores.
    pub scale: f32,
    /// Tag transitions (already in score units).
    pub trans: Transitions,
}

impl Table {
    /// Builds the lookup table from `(key, row)` pairs.
    pub(crate) fn new(entries: Vec<(u32, [i16; NT])>, scale: f32, trans: Transitions) -> Self {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut slots = vec![0u32; cap];
        let mut rows = Vec::with_capacity(entries.len());
        for (k, row) in entries {
            let mut s = Self::home(k, cap);
            while keys[s] != 0 && keys[s] != k {
                s = (s + 1) & (cap - 1);
            }
            if keys[s] == k {
                rows[slots[s] as usize] = row;
                continue;
            }
            keys[s] = k;
            slots[s] = rows.len() as u32;
            rows.push(row);
        }
        Table { keys, slots, rows, scale, trans }
    }

    #[inline]
    fn home(k: u32, cap: usize) -> usize {
        (k.wrapping_mul(0x9e37_79b1) as usize) & (cap - 1)
    }

    /// Adds the row of feature `k` (if known) to `acc`.
    #[inline]
    pub(crate) fn add(&self, k: u32, acc: &mut [i32; NT]) {
        let mask = self.keys.len() - 1;
        let mut s = Self::home(k, self.keys.len());
        loop {
            let key = self.keys[s];
            if key == k {
                let row = &self.rows[self.slots[s] as usize];
                for t in 0..NT {
                    acc[t] += row[t] as i32;
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
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Serializes `(key, row)` pairs (any order), the scale and learned transitions.
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

    /// Parses what [`Table::encode`] wrote; every length is checked.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Self> {
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
            let d = read_varint(&mut r)?;
            prev = prev.checked_add(d).ok_or_else(|| Error::model("feature keys overflow"))?;
            keys.push(prev);
        }
        let mut entries = Vec::with_capacity(n);
        for k in keys {
            let m = r.take(3)?;
            let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]);
            if mask >> NT != 0 {
                return Err(Error::model("weight row mask names a tag that does not exist"));
            }
            let mut row = [0i16; NT];
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let z = read_varint(&mut r)?;
                    let v = (z >> 1) as i32 ^ -((z & 1) as i32);
                    *w = i16::try_from(v).map_err(|_| Error::model("weight out of range"))?;
                }
            }
            entries.push((k, row));
        }
        if !r.is_done() {
            return Err(Error::model("trailing bytes after the weight table"));
        }
        let trans = Transitions::new(&learned.iter().map(|v| v * scale).collect::<Vec<_>>());
        Ok(Table::new(entries, scale, trans))
    }
}

/// Appends a LEB128 varint.
pub(crate) fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
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
        row[3] = -300;
        row[16] = 7;
        let entries = vec![(42u32, row), (7u32, [1; NT])];
        let bytes = Table::encode(&entries, 0.5, &vec![0.25; NT * NT + NT]);
        let t = Table::decode(&bytes).unwrap();
        let mut acc = [0i32; NT];
        t.add(42, &mut acc);
        t.add(43, &mut acc);
        assert_eq!(acc[3], -300);
        assert_eq!(acc[16], 7);
        assert_eq!(t.len(), 2);
        for n in 0..bytes.len() {
            assert!(Table::decode(&bytes[..n]).is_err());
        }
    }
}
