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

/// Transition scores, with the grammar built in as `-inf`.
#[derive(Clone, Debug)]
pub(crate) struct Transitions {
    /// `trans[a * NT + b]`: score of `b` after `a`.
    pub trans: [f32; NT * NT],
    /// Score of starting with a tag.
    pub start: [f32; NT],
    /// For each tag, the tags allowed before it (the grammar leaves 2 or 9 of 17), so that
    /// decoding skips forbidden pairs.
    preds: [([u8; NT], u8); NT],
}

impl Transitions {
    /// From learned scores (`NT * NT` then `NT`), masking what the grammar forbids.
    pub(crate) fn new(learned: &[f32]) -> Self {
        let mut trans = [0f32; NT * NT];
        let mut start = [0f32; NT];
        for a in 0..NT {
            for b in 0..NT {
                trans[a * NT + b] =
                    if allowed(a as u8, b as u8) { learned[a * NT + b] } else { f32::NEG_INFINITY };
            }
            start[a] = if allowed_start(a as u8) { learned[NT * NT + a] } else { f32::NEG_INFINITY };
        }
        let mut preds = [([0u8; NT], 0u8); NT];
        for b in 0..NT {
            for a in 0..NT {
                if allowed(a as u8, b as u8) {
                    let (list, n) = &mut preds[b];
                    list[*n as usize] = a as u8;
                    *n += 1;
                }
            }
        }
        Transitions { trans, start, preds }
    }

    /// Best tag sequence for per-token emission scores. `back` is scratch space.
    pub(crate) fn viterbi(&self, em: &[[f32; NT]], back: &mut Vec<[u8; NT]>, out: &mut Vec<u8>) {
        out.clear();
        let n = em.len();
        if n == 0 {
            return;
        }
        back.clear();
        back.resize(n, [0; NT]);
        let mut prev = [0f32; NT];
        for t in 0..NT {
            prev[t] = self.start[t] + em[0][t];
        }
        for i in 1..n {
            let mut cur = [f32::NEG_INFINITY; NT];
            for b in 0..NT {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                let (list, n) = &self.preds[b];
                for &a in &list[..*n as usize] {
                    let s = prev[a as usize] + self.trans[a as usize * NT + b];
                    // Select without branching: which predecessor wins is unpredictable.
                    let better = s > best;
                    best = if better { s } else { best };
                    arg = if better { a } else { arg };
                }
                cur[b] = best + em[i][b];
                back[i][b] = arg;
            }
            prev = cur;
        }
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0u8;
        for t in 0..NT {
            if allowed_end(t as u8) && prev[t] > best {
                best = prev[t];
                arg = t as u8;
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg;
        for i in (1..n).rev() {
            out[i - 1] = back[i][out[i] as usize];
        }
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
    fn viterbi_respects_the_grammar() {
        let tr = Transitions::new(&[0.0; NT * NT + NT]);
        // Emissions prefer I-PER at the start, which the grammar forbids.
        let mut em = vec![[0f32; NT]; 2];
        em[0][tag(0, Pos::I) as usize] = 5.0;
        em[1][tag(0, Pos::L) as usize] = 5.0;
        let (mut back, mut out) = (Vec::new(), Vec::new());
        tr.viterbi(&em, &mut back, &mut out);
        assert_eq!(out, vec![tag(0, Pos::B), tag(0, Pos::L)]);
    }
}
