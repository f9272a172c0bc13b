//! BILOU tags over the four CoNLL types, constrained Viterbi decoding, and spans from tags.

/// Number of tags: `O` plus B, I, L, U for each of the four types.
pub(crate) const NT: usize = 17;
/// The CoNLL types, in tag order.
#[cfg(any(test, feature = "cli"))]
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Position of a token in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    B = 0,
    I = 1,
    L = 2,
    U = 3,
}

/// Tag id of a type (0..4) and position; `0` is `O`.
#[cfg(any(test, feature = "cli"))]
#[inline]
pub(crate) fn tag(ty: usize, pos: Pos) -> u8 {
    (1 + ty * 4 + pos as usize) as u8
}

/// Type (0..4) of a tag, `None` for `O`.
#[inline]
pub(crate) fn tag_type(t: u8) -> Option<usize> {
    (t > 0).then(|| (t as usize - 1) / 4)
}

/// Position of a tag, `None` for `O`.
#[inline]
pub(crate) fn tag_pos(t: u8) -> Option<Pos> {
    (t > 0).then(|| [Pos::B, Pos::I, Pos::L, Pos::U][(t as usize - 1) % 4])
}

/// Whether `b` may follow `a` (BILOU grammar).
#[cfg(test)]
pub(crate) fn allowed(a: u8, b: u8) -> bool {
    let open = |t: u8| matches!(tag_pos(t), Some(Pos::B | Pos::I));
    if open(a) {
        tag_type(a) == tag_type(b) && matches!(tag_pos(b), Some(Pos::I | Pos::L))
    } else {
        !matches!(tag_pos(b), Some(Pos::I | Pos::L))
    }
}

/// May a sentence start with this tag?
pub(crate) fn allowed_start(t: u8) -> bool {
    !matches!(tag_pos(t), Some(Pos::I | Pos::L))
}

/// May a sentence end with this tag?
#[cfg(test)]
pub(crate) fn allowed_end(t: u8) -> bool {
    !matches!(tag_pos(t), Some(Pos::B | Pos::I))
}

/// BILOU tags for spans `(start, end, type)` over `n` tokens.
#[cfg(any(test, feature = "cli"))]
pub(crate) fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut t = vec![0u8; n];
    for &(s, e, ty) in spans {
        if e == s + 1 {
            t[s] = tag(ty, Pos::U);
        } else {
            t[s] = tag(ty, Pos::B);
            for x in &mut t[s + 1..e - 1] {
                *x = tag(ty, Pos::I);
            }
            t[e - 1] = tag(ty, Pos::L);
        }
    }
    t
}

/// Spans `(start, end, type)` of a tag sequence; tolerant of ill-formed sequences (a name
/// starts at B or U, or at I/L after a different type or `O`).
pub(crate) fn decode(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let (ty, pos) = (tag_type(t), tag_pos(t));
        let continues = matches!((cur, ty, pos), (Some((_, c)), Some(y), Some(Pos::I | Pos::L)) if c == y);
        if !continues {
            if let Some((s, c)) = cur.take() {
                out.push((s, i, c));
            }
            if let Some(y) = ty {
                cur = Some((i, y));
            }
        }
        if matches!(pos, Some(Pos::L | Pos::U)) {
            if let Some((s, c)) = cur.take() {
                out.push((s, i + 1, c));
            }
        }
    }
    if let Some((s, c)) = cur {
        out.push((s, tags.len(), c));
    }
    out
}

/// Tags allowed after a closed tag: `O`, and B or U of each type.
const OPENERS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// Closed tags (after which a name may start): `O`, and L or U of each type.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Lanes of the forward pass's arrays of openers (9, padded for vector code).
const LANES: usize = 16;

/// Transition scores laid out by the BILOU grammar, which leaves 97 of the 289 tag pairs:
/// an opener follows any closed tag; I and L of a type follow B or I of that type.
#[derive(Clone, Debug)]
pub(crate) struct Transitions {
    /// `open[k][j]`: score of `OPENERS[j]` after `CLOSED[k]`; padded to 16 lanes so that the
    /// inner loop vectorizes (12 lanes measured no faster).
    open: [[f32; LANES]; 9],
    /// `open_t[j][k]` = `open[k][j]`, for the backward pass (all closed tags at once).
    open_t: [[f32; 16]; 9],
    /// `cont[2 * ty + (0 for I, 1 for L)]`: scores after B and after I of the type.
    cont: [[f32; 2]; 8],
    /// Score of starting with a tag (`-inf` for I and L).
    start: [f32; NT],
}

impl Transitions {
    /// From learned scores (`NT * NT` then `NT`); pairs the grammar forbids are ignored.
    pub(crate) fn new(learned: &[f32]) -> Self {
        let at = |a: usize, b: usize| learned[a * NT + b];
        let mut open = [[f32::NEG_INFINITY; LANES]; 9];
        for (j, &b) in OPENERS.iter().enumerate() {
            for (k, &a) in CLOSED.iter().enumerate() {
                open[k][j] = at(a, b);
            }
        }
        let mut open_t = [[f32::NEG_INFINITY; 16]; 9];
        for (k, row) in open.iter().enumerate() {
            for (j, t) in open_t.iter_mut().enumerate() {
                t[k] = row[j];
            }
        }
        let mut cont = [[0f32; 2]; 8];
        for ty in 0..4 {
            let (b, i, l) = (1 + 4 * ty, 2 + 4 * ty, 3 + 4 * ty);
            cont[2 * ty] = [at(b, i), at(i, i)];
            cont[2 * ty + 1] = [at(b, l), at(i, l)];
        }
        let mut start = [0f32; NT];
        for (t, s) in start.iter_mut().enumerate() {
            *s = if allowed_start(t as u8) { learned[NT * NT + t] } else { f32::NEG_INFINITY };
        }
        Transitions { open, open_t, cont, start }
    }

    /// Best tag sequence for per-token emission scores; `fwd` gets the forward scores (best
    /// score of a sequence ending in each tag at each token).
    pub(crate) fn viterbi(&self, em: &[[f32; NT]], fwd: &mut Vec<[f32; NT]>, out: &mut Vec<u8>) {
        out.clear();
        fwd.clear();
        let n = em.len();
        if n == 0 {
            return;
        }
        let mut prev = [0f32; NT];
        for t in 0..NT {
            prev[t] = self.start[t] + em[0][t];
        }
        fwd.push(prev);
        for e in &em[1..] {
            // Best closed predecessor of every opener at once, predecessor by predecessor:
            // lane arrays without branches, which the compiler turns into vector code. Only
            // the scores: which predecessor it was is found again for the one tag the best
            // sequence takes ([`Transitions::best_before`]), a quarter of this loop's work.
            let mut best = [f32::NEG_INFINITY; LANES];
            for (k, &a) in CLOSED.iter().enumerate() {
                let p = prev[a];
                let w = &self.open[k];
                for j in 0..LANES {
                    let s = p + w[j];
                    best[j] = if s > best[j] { s } else { best[j] };
                }
            }
            let mut cur = [0f32; NT];
            for (j, &b) in OPENERS.iter().enumerate() {
                cur[b] = best[j] + e[b];
            }
            for ty in 0..4 {
                let (bt, it) = (1 + 4 * ty, 2 + 4 * ty);
                for (c, tag) in [(2 * ty, it), (2 * ty + 1, it + 1)] {
                    let w = &self.cont[c];
                    let (sb, si) = (prev[bt] + w[0], prev[it] + w[1]);
                    cur[tag] = if si > sb { si } else { sb } + e[tag];
                }
            }
            prev = cur;
            fwd.push(cur);
        }
        let (mut best, mut arg) = (f32::NEG_INFINITY, 0usize);
        for &t in &CLOSED {
            if prev[t] > best {
                best = prev[t];
                arg = t;
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg as u8;
        for i in (1..n).rev() {
            out[i - 1] = self.best_before(&fwd[i - 1], out[i] as usize) as u8;
        }
    }

    /// The tag before tag `b` on the best path into it, from the previous token's forward
    /// scores: the same sums and the same tie-breaking (first of equals) as the forward pass.
    fn best_before(&self, prev: &[f32; NT], b: usize) -> usize {
        if let Some(j) = OPENERS.iter().position(|&o| o == b) {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for (k, &a) in CLOSED.iter().enumerate() {
                let s = prev[a] + self.open[k][j];
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            arg
        } else {
            // I or L of type ty: after B or I of the same type.
            let ty = (b - 1) / 4;
            let (bt, it) = (1 + 4 * ty, 2 + 4 * ty);
            let w = &self.cont[2 * ty + (b == it + 1) as usize];
            if prev[it] + w[1] > prev[bt] + w[0] {
                it
            } else {
                bt
            }
        }
    }

    /// Confidence of each token's tag in the best sequence `tags`: the share of the tag's type
    /// (all its B, I, L, U tags: the position within a name is the decoder's business, not a
    /// doubt about the type) in a softmax, at `temperature`, over the token's max-marginals
    /// (the score of the best whole-sentence sequence through each tag). `fwd` holds the
    /// forward scores from [`Transitions::viterbi`]; this adds the backward pass. 1 for `O`.
    pub(crate) fn confidence(
        &self,
        em: &[[f32; NT]],
        fwd: &[[f32; NT]],
        tags: &[u8],
        temperature: f32,
        bwd: &mut Vec<[f32; NT]>,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        let n = em.len();
        bwd.clear();
        bwd.resize(n, [f32::NEG_INFINITY; NT]);
        if n == 0 {
            return;
        }
        for &t in &CLOSED {
            bwd[n - 1][t] = 0.0;
        }
        // Only tokens of names get a confidence: the backward pass stops at the first.
        let first = tags.iter().position(|&t| t != 0).unwrap_or(n);
        for i in (first..n - 1).rev() {
            let mut next = [0f32; NT];
            for b in 0..NT {
                next[b] = em[i + 1][b] + bwd[i + 1][b];
            }
            let row = &mut bwd[i];
            // For every closed tag at once (16 lanes), the best opener after it, openers in
            // order.
            let mut best = [f32::NEG_INFINITY; 16];
            for (j, &b) in OPENERS.iter().enumerate() {
                let (w, nb) = (&self.open_t[j], next[b]);
                for k in 0..16 {
                    best[k] = fmax(best[k], w[k] + nb);
                }
            }
            for (k, &a) in CLOSED.iter().enumerate() {
                row[a] = best[k];
            }
            for ty in 0..4 {
                let (bt, it, lt) = (1 + 4 * ty, 2 + 4 * ty, 3 + 4 * ty);
                let (ci, cl) = (&self.cont[2 * ty], &self.cont[2 * ty + 1]);
                row[bt] = fmax(ci[0] + next[it], cl[0] + next[lt]);
                row[it] = fmax(ci[1] + next[it], cl[1] + next[lt]);
            }
        }
        for i in 0..n {
            let Some(ty) = tag_type(tags[i]) else {
                out.push(1.0);
                continue;
            };
            let mut mm = [0f32; NT];
            for x in 0..NT {
                mm[x] = fwd[i][x] + bwd[i][x];
            }
            let max = mm.iter().copied().fold(f32::NEG_INFINITY, fmax);
            let (mut same, mut z) = (0f32, 0f32);
            for (x, v) in mm.iter().enumerate().filter(|(_, v)| v.is_finite()) {
                let p = ((v - max) / temperature).exp();
                z += p;
                if tag_type(x as u8) == Some(ty) {
                    same += p;
                }
            }
            let c = same / z;
            out.push(if c.is_finite() { c.clamp(0.0, 1.0) } else { 0.0 });
        }
    }
}

/// The larger of two scores. Scores are never NaN, so a compare suffices: `f32::max` (which
/// must ignore NaN) is a call to `fmaxf` in wasm, 3% of the page's annotation time.
#[inline(always)]
fn fmax(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![(0, 2, 0), (2, 3, 1), (5, 8, 3)];
        assert_eq!(decode(&encode(9, &spans)), spans);
    }

    #[test]
    fn grammar_tables_match_allowed() {
        for a in 0..NT {
            for b in 0..NT {
                let listed = (CLOSED.contains(&a) && OPENERS.contains(&b))
                    || (tag_type(a as u8) == tag_type(b as u8)
                        && matches!(tag_pos(a as u8), Some(Pos::B | Pos::I))
                        && matches!(tag_pos(b as u8), Some(Pos::I | Pos::L)));
                assert_eq!(listed, allowed(a as u8, b as u8), "{a} -> {b}");
            }
            assert_eq!(CLOSED.contains(&a), allowed_end(a as u8));
        }
    }

    #[test]
    fn confidence_follows_the_margin() {
        let tr = Transitions::new(&[0.0; NT * NT + NT]);
        let mut em = vec![[0f32; NT]; 3];
        em[0][tag(0, Pos::U) as usize] = 50.0; // clearly a person
        em[1][0] = 50.0; // clearly outside
        em[2][tag(1, Pos::U) as usize] = 2.0; // an organization, barely
        let (mut fwd, mut out, mut bwd, mut conf) = (vec![], vec![], vec![], vec![]);
        tr.viterbi(&em, &mut fwd, &mut out);
        assert_eq!(out, vec![tag(0, Pos::U), 0, tag(1, Pos::U)]);
        tr.confidence(&em, &fwd, &out, 8.0, &mut bwd, &mut conf);
        assert!(conf[0] > 0.99, "{conf:?}");
        assert_eq!(conf[1], 1.0);
        assert!(conf[2] > 0.05 && conf[2] < 0.5, "{conf:?}");
    }

    /// The decoded sequence scores as much as the best of all grammatical sequences (every
    /// one of 17³, by brute force), for random transitions and emissions.
    #[test]
    fn viterbi_finds_the_best_sequence() {
        let mut seed = 12345u64;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as f32 / (1u64 << 31) as f32) * 4.0 - 2.0
        };
        for _ in 0..20 {
            let learned: Vec<f32> = (0..NT * NT + NT).map(|_| rnd()).collect();
            let tr = Transitions::new(&learned);
            let em: Vec<[f32; NT]> = (0..3).map(|_| std::array::from_fn(|_| rnd())).collect();
            let score = |t: &[u8]| {
                let mut s = learned[NT * NT + t[0] as usize] + em[0][t[0] as usize];
                for i in 1..t.len() {
                    s += learned[t[i - 1] as usize * NT + t[i] as usize] + em[i][t[i] as usize];
                }
                s
            };
            let mut best = f32::NEG_INFINITY;
            for a in 0..NT as u8 {
                for b in 0..NT as u8 {
                    for c in 0..NT as u8 {
                        if allowed_start(a) && allowed(a, b) && allowed(b, c) && allowed_end(c) {
                            best = best.max(score(&[a, b, c]));
                        }
                    }
                }
            }
            let (mut fwd, mut out) = (Vec::new(), Vec::new());
            tr.viterbi(&em, &mut fwd, &mut out);
            assert!(allowed_start(out[0]) && allowed(out[0], out[1]) && allowed(out[1], out[2]) && allowed_end(out[2]), "{out:?}");
            assert!((score(&out) - best).abs() < 1e-4, "{out:?} scores {}, best {best}", score(&out));
        }
    }

    #[test]
    fn viterbi_respects_the_grammar() {
        let tr = Transitions::new(&[0.0; NT * NT + NT]);
        // Emissions prefer I-PER at the start, which the grammar forbids.
        let mut em = vec![[0f32; NT]; 2];
        em[0][tag(0, Pos::I) as usize] = 5.0;
        em[1][tag(0, Pos::L) as usize] = 5.0;
        let (mut fwd, mut out) = (Vec::new(), Vec::new());
        tr.viterbi(&em, &mut fwd, &mut out);
        assert_eq!(out, vec![tag(0, Pos::B), tag(0, Pos::L)]);
    }
}
