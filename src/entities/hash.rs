//! Fixed, platform-independent hashing for features, words and gazetteer phrases. Fixed so that
//! a model trained on one machine means the same thing on every other (and in the browser).

/// Final avalanche of MurmurHash3: spreads every input bit over the output.
#[inline]
pub(crate) fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Combines two hashes (order matters). One multiply: the inputs are already well mixed, and
/// this runs for several features of every token.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(29) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b.rotate_left(41)
}

/// Hashes bytes, eight at a time.
#[inline]
pub(crate) fn bytes(s: &[u8]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ (s.len() as u64);
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap());
        h = (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut tail = [0u8; 8];
    let r = chunks.remainder();
    tail[..r.len()].copy_from_slice(r);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(0x517c_c1b7_2722_0a95);
    fmix(h)
}

/// Hashes a string.
#[inline]
pub(crate) fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// A feature's 32-bit key: template id and value (a hash or a small number). Never 0 (0
/// marks an empty table slot). The high half of one 64-bit multiply mixes both.
#[inline]
pub(crate) fn feature(template: u32, value: u64) -> u32 {
    let x = (value ^ (template as u64 + 1).wrapping_mul(0xd6e8_feb8_6659_fd93)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    ((x >> 32) as u32).max(1)
}

/// Hash of a phrase from its tokens' hashes, built incrementally.
#[inline]
pub(crate) fn phrase_step(prev: u64, token: u64) -> u64 {
    fmix(prev.rotate_left(17) ^ token)
}

/// A `HashMap` hasher for keys that are already good hashes (u64 / u32): passes them through.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = fmix(n as u64);
    }
}

/// Build-hasher for [`IdentityHasher`].
pub(crate) type BuildId = std::hash::BuildHasherDefault<IdentityHasher>;
/// A map keyed by pre-hashed u64 values.
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, BuildId>;
