//! Token analysis and feature extraction, shared by training and tagging so that both see
//! exactly the same features. Features are hashed to 32-bit keys on the fly (no strings are
//! built), which keeps tagging allocation-light and fast.

use super::hash::{self, IdMap};
use super::tags::{tag_pos, tag_type, Pos, NT};

/// Gazetteer lists; a phrase may be in several (bit `1 << list`).
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // some are named only by the trainer
pub(crate) mod list {
    /// Countries (names, official names, alternative spellings).
    pub const COUNTRY: u8 = 0;
    /// Cities of 15,000 people or more.
    pub const CITY: u8 = 1;
    /// US states and other first-level divisions.
    pub const STATE: u8 = 2;
    /// Continents and world regions.
    pub const REGION: u8 = 3;
    /// Nationality adjectives and nouns ("Russian", "Russians").
    pub const DEMONYM: u8 = 4;
    /// Common given names.
    pub const FIRST: u8 = 5;
    /// Common family names.
    pub const LAST: u8 = 6;
    /// Words that end or mark organization names ("Inc", "Ministry", "Party").
    pub const ORGWORD: u8 = 7;
    /// Number of lists.
    pub const COUNT: usize = 8;
}

/// Gazetteer mask bit: some longer phrase starts with these tokens.
pub(crate) const PREFIX: u16 = 1 << 15;

/// Receives the keys of a token's features.
pub(crate) trait Sink {
    /// A feature by key.
    fn key(&mut self, k: u32);
    /// A feature of a template with few values ([`small_index`]), which the recognizer
    /// serves from an array instead of the hash table.
    #[inline]
    fn small(&mut self, template: u32, value: u64) {
        self.key(hash::feature(template, value));
    }
}

impl<F: FnMut(u32)> Sink for F {
    #[inline]
    fn key(&mut self, k: u32) {
        self(k)
    }
}

/// Word-level knowledge compiled into the model: word clusters, capitalization rates from
/// unlabelled news, gazetteer phrases.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lexicon {
    /// Exact word hash → (cluster path bits, path length).
    pub clusters: IdMap<u64, (u32, u8)>,
    /// Lower-cased word hash → capitalization-rate bin (1..=6).
    pub caprate: IdMap<u64, u8>,
    /// Lower-cased phrase hash → list bit mask; [`PREFIX`] marks the first tokens of a
    /// longer phrase, so that matching stops as soon as no phrase can continue.
    pub gaz: IdMap<u64, u16>,
    /// Longest gazetteer phrase in tokens.
    pub gaz_max: usize,
}

// Token flags.
const CAP: u16 = 1; // first character upper-case
const ALLCAPS: u16 = 2; // every letter upper-case, at least one letter
const DIGIT: u16 = 4;
const ALPHA: u16 = 8;
const PUNCT: u16 = 16; // no letter or digit
const LOWER: u16 = 32; // every letter lower-case, at least one letter
const HYPHEN: u16 = 64;
const PERIOD: u16 = 128;

/// Hashes of a lower-cased word's first and last one to four characters (0 past the word's
/// length); kept apart from [`Tok`], once per spelling, to keep tokens small.
#[derive(Clone, Debug, Default)]
pub(crate) struct Affixes {
    pre: [u64; 4],
    suf: [u64; 4],
}

/// What the feature templates need to know about one token, computed once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tok {
    /// Hash of the token as written.
    pub w: u64,
    /// Hash of the lower-cased token.
    pub l: u64,
    shape: u64,
    sshape: u64,
    flags: u16,
    len: u8,
    /// Gazetteer membership: bit `list * 4 + pos` (pos B, I, L, U).
    pub gaz: u32,
    cluster: u32,
    clen: u8,
    /// Capitalization-rate bin; 0 when the word is outside the vocabulary.
    pub caprate: u8,
    /// Index of this spelling in [`Prepared::types`].
    pub ty: u32,
    /// Index of the lower-cased form in the document (spellings that differ only in case
    /// share it): per-word document facts live in arrays, not hash sets.
    pub lid: u32,
    /// Gazetteer mask of the token alone as a phrase (`None`: no phrase starts with it).
    gaz1: Option<u16>,
}

// Sentence flags.
const S_CAPS: u8 = 1; // an all-caps line (headline)
const S_TITLE: u8 = 2; // title case (most words capitalized)

/// A document analysed for feature extraction.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// Token analyses by sentence.
    pub toks: Vec<Vec<Tok>>,
    /// One analysis per distinct spelling (without gazetteer bits), by [`Tok::ty`]: what
    /// depends on the word alone is computed once per spelling, not once per token.
    pub types: Vec<Tok>,
    /// The affixes of each spelling, by [`Tok::ty`].
    pub affixes: Vec<Affixes>,
    /// The spellings, concatenated, and where each ends (by [`Tok::ty`]).
    text: String,
    ends: Vec<u32>,
    sflags: Vec<u8>,
    /// By [`Tok::lid`]: [`LOWER_SEEN`] if written all lower-case somewhere in the document,
    /// [`CAP_SEEN`] if capitalized inside an ordinary sentence (not first).
    casing: Vec<u8>,
}

const LOWER_SEEN: u8 = 1;
const CAP_SEEN: u8 = 2;

fn analyse(word: &str, w: u64, lex: &Lexicon, buf: &mut String, title: &mut String, all_affixes: bool) -> (Tok, Affixes) {
    let mut t = Tok { w, ..Default::default() };
    buf.clear();
    let mut shape = [0u8; 16];
    let mut sn = 0;
    let mut sshape = [0u8; 16];
    let mut ssn = 0;
    let (mut up, mut low, mut dig, mut nchar) = (0, 0, 0, 0);
    for (k, c) in word.chars().enumerate() {
        nchar += 1;
        let s = if c.is_uppercase() {
            up += 1;
            if k == 0 {
                t.flags |= CAP;
            }
            b'X'
        } else if c.is_lowercase() {
            low += 1;
            b'x'
        } else if c.is_numeric() {
            dig += 1;
            b'd'
        } else if c.is_alphabetic() {
            low += 1;
            b'x'
        } else {
            if c == '-' {
                t.flags |= HYPHEN;
            } else if c == '.' {
                t.flags |= PERIOD;
            }
            if c.is_ascii() {
                c as u8
            } else {
                b'?'
            }
        };
        if sn < shape.len() {
            shape[sn] = s;
            sn += 1;
        }
        if (ssn == 0 || sshape[ssn - 1] != s) && ssn < sshape.len() {
            sshape[ssn] = s;
            ssn += 1;
        }
        push_lower(buf, c);
    }
    t.len = nchar.min(255) as u8;
    if up + low > 0 {
        t.flags |= ALPHA;
        if low == 0 {
            t.flags |= ALLCAPS;
        } else if up == 0 {
            t.flags |= LOWER;
        }
    }
    if dig > 0 {
        t.flags |= DIGIT;
    }
    if up + low + dig == 0 {
        t.flags |= PUNCT;
    }
    t.shape = hash::bytes(&shape[..sn]) ^ (nchar > 16) as u64;
    t.sshape = hash::bytes(&sshape[..ssn]);
    t.l = hash::str(buf);
    let lw = buf.as_str();
    t.caprate = lex.caprate.get(&t.l).copied().unwrap_or(0);
    t.gaz1 = lex.gaz.get(&hash::phrase_step(0, t.l)).copied();
    // Affixes are needed only for words outside the vocabulary of capitalization rates: the
    // recognizer keeps the word-feature sums of vocabulary words (made on first use).
    let a = if all_affixes || t.caprate == 0 { affixes(lw) } else { Affixes::default() };
    if let Some(&(bits, len)) = lex.clusters.get(&t.w) {
        t.cluster = bits;
        t.clen = len;
    } else {
        // Headline and sentence-initial forms ("MOSCOW", "The") borrow the cluster of the
        // usual spelling: title case, then lower case.
        let mut keys = [0u64; 2];
        let mut nk = 0;
        if t.flags & ALLCAPS != 0 && nchar > 1 {
            title.clear();
            let mut cs = lw.chars();
            if let Some(c) = cs.next() {
                title.extend(c.to_uppercase());
                title.push_str(cs.as_str());
            }
            keys[nk] = hash::str(title);
            nk += 1;
        }
        if t.flags & (CAP | ALLCAPS) != 0 {
            keys[nk] = t.l;
            nk += 1;
        }
        for key in &keys[..nk] {
            if let Some(&(bits, len)) = lex.clusters.get(key) {
                t.cluster = bits;
                t.clen = len;
                break;
            }
        }
    }
    (t, a)
}

/// Hashes of the lower-cased word's first and last one to four characters.
fn affixes(lw: &str) -> Affixes {
    let mut a = Affixes::default();
    for (k, (i, c)) in lw.char_indices().take(4).enumerate() {
        a.pre[k] = hash::str(&lw[..i + c.len_utf8()]);
    }
    for (k, (i, _)) in lw.char_indices().rev().take(4).enumerate() {
        a.suf[k] = hash::str(&lw[i..]);
    }
    a
}

/// Appends the lower case of `c`, as every token's lower-cased form is made.
#[inline(always)]
fn push_lower(buf: &mut String, c: char) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase());
    } else {
        buf.extend(c.to_lowercase());
    }
}

/// The affixes of a spelling's lower-cased form, as [`prepare`] computes them for words
/// outside the vocabulary (for a vocabulary word's sums, made on first use).
pub(crate) fn lower_affixes(spelling: &str) -> Affixes {
    let mut lw = String::with_capacity(spelling.len());
    for c in spelling.chars() {
        push_lower(&mut lw, c);
    }
    affixes(&lw)
}

/// Analyses each distinct spelling once ([`analyse`] depends on the word alone) and numbers
/// the spellings.
struct Interner<'l> {
    lex: &'l Lexicon,
    all_affixes: bool,
    buf: String,
    title: String,
    /// Word hash → type; the spelling is compared too, so a hash collision only costs a
    /// second analysis.
    ids: IdMap<u64, u32>,
    /// Lower-cased word hash → [`Tok::lid`].
    lids: IdMap<u64, u32>,
    /// The spellings of `types`, concatenated, and where each ends.
    text: String,
    ends: Vec<u32>,
}

impl Interner<'_> {
    fn tok(&mut self, word: &str, types: &mut Vec<Tok>, affixes: &mut Vec<Affixes>) -> Tok {
        let w = hash::str(word);
        if let Some(&ty) = self.ids.get(&w) {
            let start = if ty == 0 { 0 } else { self.ends[ty as usize - 1] as usize };
            if &self.text[start..self.ends[ty as usize] as usize] == word {
                return types[ty as usize].clone();
            }
        }
        let (mut t, a) = analyse(word, w, self.lex, &mut self.buf, &mut self.title, self.all_affixes);
        affixes.push(a);
        t.ty = types.len() as u32;
        self.ids.entry(w).or_insert(t.ty);
        let n = self.lids.len() as u32;
        t.lid = *self.lids.entry(t.l).or_insert(n);
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        types.push(t.clone());
        t
    }
}

/// Today's news writes "US" and "UK" where CoNLL's 1996 Reuters text writes "U.S." and
/// "U.K."; the features see the spelling the model was trained on.
fn modern_spelling(w: &str) -> &str {
    match w {
        "US" => "U.S.",
        "UK" => "U.K.",
        _ => w,
    }
}

/// Analyses a document: tokens, sentence kinds, gazetteer matches, document-wide casing.
/// `all_affixes` computes affixes for every token (training), not only for words outside the
/// vocabulary (tagging, where vocabulary words' [`word_features`] sums are cached).
pub(crate) fn prepare(lex: &Lexicon, sentences: &[Vec<&str>], all_affixes: bool) -> Prepared {
    // Room for the usual share of distinct spellings (about half the tokens of a story), so
    // that the tables do not grow token by token; long texts (fewer distinct spellings per
    // token) grow past the cap as needed.
    let n = (sentences.iter().map(Vec::len).sum::<usize>() / 2).min(4096) + 8;
    let mut int = Interner {
        lex,
        all_affixes,
        buf: String::new(),
        title: String::new(),
        ids: IdMap::with_capacity_and_hasher(n, Default::default()),
        lids: IdMap::with_capacity_and_hasher(n, Default::default()),
        text: String::with_capacity(n * 6),
        ends: Vec::with_capacity(n),
    };
    let mut p = Prepared { toks: Vec::with_capacity(sentences.len()), types: Vec::with_capacity(n), affixes: Vec::with_capacity(n), ..Default::default() };
    for s in sentences {
        let mut toks: Vec<Tok> = s.iter().map(|w| int.tok(modern_spelling(w), &mut p.types, &mut p.affixes)).collect();
        // A title-case headline ("Biden Warns Putin of ...") capitalizes ordinary words, as
        // an all-caps one does; CoNLL has thousands of the latter and few of the former, so
        // such a line is analysed upper-cased. Ordinary words are told from names by how
        // news usually writes them (capitalization rate), so lists of names stay as they are.
        let common_capitalized = toks
            .iter()
            .filter(|t| t.flags & CAP != 0 && t.flags & ALLCAPS == 0 && t.len > 2 && matches!(t.caprate, 1 | 2))
            .count();
        let lower_words = toks.iter().filter(|t| t.flags & LOWER != 0 && t.len > 3 && matches!(t.caprate, 1 | 2)).count();
        let alpha = toks.iter().filter(|t| t.flags & ALPHA != 0).count();
        let digits = toks.iter().any(|t| t.flags & DIGIT != 0);
        if common_capitalized >= 3 && lower_words == 0 && !digits && common_capitalized * 10 >= alpha * 3 {
            let upper: Vec<String> = s.iter().map(|w| w.to_uppercase()).collect();
            toks = upper.iter().map(|w| int.tok(w, &mut p.types, &mut p.affixes)).collect();
        }
        // Gazetteer: every match, longest first per start.
        for i in 0..toks.len() {
            let mut h = 0u64;
            for j in i..toks.len().min(i + lex.gaz_max) {
                h = hash::phrase_step(h, toks[j].l);
                let found = if j == i { toks[i].gaz1 } else { lex.gaz.get(&h).copied() };
                let Some(mask) = found else { break };
                for l in 0..list::COUNT {
                    if mask & (1 << l) == 0 {
                        continue;
                    }
                    for (k, t) in toks[i..=j].iter_mut().enumerate() {
                        let pos = if i == j {
                            Pos::U
                        } else if k == 0 {
                            Pos::B
                        } else if i + k == j {
                            Pos::L
                        } else {
                            Pos::I
                        };
                        t.gaz |= 1 << (l * 4 + pos as usize);
                    }
                }
            }
        }
        // Words of letters: how many, how many all-caps; of those longer than 3, how many
        // capitalized.
        let (mut alpha, mut caps, mut long, mut long_cap) = (0, 0, 0, 0);
        for t in toks.iter().filter(|t| t.flags & ALPHA != 0 && t.len > 1) {
            alpha += 1;
            caps += (t.flags & ALLCAPS != 0) as usize;
            if t.len > 3 {
                long += 1;
                long_cap += (t.flags & CAP != 0) as usize;
            }
        }
        let mut f = 0;
        if alpha >= 2 && caps * 10 >= alpha * 8 {
            f |= S_CAPS;
        }
        if long >= 2 && long_cap * 10 >= long * 7 {
            f |= S_TITLE;
        }
        p.casing.resize(int.lids.len(), 0);
        for (i, t) in toks.iter().enumerate() {
            if t.flags & LOWER != 0 {
                p.casing[t.lid as usize] |= LOWER_SEEN;
            }
            if i > 0 && f == 0 && t.flags & CAP != 0 && t.flags & ALLCAPS == 0 {
                p.casing[t.lid as usize] |= CAP_SEEN;
            }
        }
        p.sflags.push(f);
        p.toks.push(toks);
    }
    p.text = int.text;
    p.ends = int.ends;
    p
}

impl Prepared {
    /// The spelling of type `ty` (see [`Tok::ty`]).
    pub(crate) fn spelling(&self, ty: usize) -> &str {
        let start = if ty == 0 { 0 } else { self.ends[ty - 1] as usize };
        &self.text[start..self.ends[ty] as usize]
    }
}

// Feature template ids. Changing any of them changes the meaning of a model: retrain.
const T_BIAS: u32 = 0;
const T_W: u32 = 1;
const T_L: u32 = 2;
const T_SHAPE: u32 = 3;
const T_SSHAPE: u32 = 4;
const T_PRE: u32 = 5; // ..=8
const T_SUF: u32 = 9; // ..=12
const T_L_M1: u32 = 13;
const T_L_P1: u32 = 14;
const T_L_M2: u32 = 15;
const T_L_P2: u32 = 16;
const T_W_M1: u32 = 17;
const T_W_P1: u32 = 18;
const T_SS_M1: u32 = 19;
const T_SS_P1: u32 = 20;
const T_SS_M1_0: u32 = 21;
const T_SS_0_P1: u32 = 22;
const T_L_M1_0: u32 = 23;
const T_L_0_P1: u32 = 24;
const T_CL: u32 = 25; // ..=27 (this token, by prefix length), 28..=30 (i-1), 31..=33 (i+1)
const T_GAZ: u32 = 40;
const T_GAZ_M1: u32 = 41;
const T_GAZ_P1: u32 = 42;
const T_GAZ_CAP: u32 = 43;
const T_FIRST: u32 = 44;
const T_CAPS_SS: u32 = 45;
const T_CAPS_L: u32 = 46;
const T_CAPRATE: u32 = 47;
const T_DOCCASE: u32 = 48;
const T_SHORT: u32 = 49;
const T_TITLE_SS: u32 = 50;
const T_FLAGS: u32 = 51;
const T_SS_M2: u32 = 52;
const T_SS_P2: u32 = 53;
const T_L_M2_M1: u32 = 54;
const T_L_P1_P2: u32 = 55;
// 56 and 57 (words two away) are retired: they cost time and measured nothing.
const T_P1: u32 = 60;
const T_P1_M1: u32 = 61;
const T_P1_P1: u32 = 62;
const T_AGG_HAS: u32 = 63;
const T_AGG_MAJ: u32 = 64;
const T_AGG_ENT: u32 = 65;
const T_P1_M2: u32 = 66;
const T_P1_P2: u32 = 67;
const T_DOC_PHRASE: u32 = 68;

/// Cluster path prefix lengths used as features.
const CL_PREFIXES: [u8; 3] = [4, 8, 12];

/// Calls `f` with the key of every local feature of token `i` of sentence `s` (the trainer's
/// view; the recognizer splits it to use its precomputed word-feature sums).
#[cfg(any(test, feature = "cli"))]
#[inline]
pub(crate) fn local(p: &Prepared, s: usize, i: usize, f: &mut impl FnMut(u32)) {
    let t = &p.toks[s][i];
    word_features(t.l, &p.affixes[t.ty as usize], f);
    context_features(p, s, i, f);
}

/// The features that depend on the lower-cased word alone (and the bias): the same at every
/// occurrence, so their sums can be precomputed per word.
#[inline]
pub(crate) fn word_features(l: u64, a: &Affixes, f: &mut impl FnMut(u32)) {
    let fe = hash::feature;
    f(fe(T_BIAS, 0));
    f(fe(T_L, l));
    for k in 0..4 {
        if a.pre[k] != 0 {
            f(fe(T_PRE + k as u32, a.pre[k]));
            f(fe(T_SUF + k as u32, a.suf[k]));
        }
    }
}

/// What stands past a sentence's ends.
static NO_TOK: Tok = Tok { w: 0, l: 0, shape: 0, sshape: 0, flags: 0, len: 0, gaz: 0, cluster: 0, clen: 0, caprate: 0, ty: 0, lid: 0, gaz1: None };

/// Token `i`'s neighbours two either side (`[m2, m1, p1, p2]`, [`NO_TOK`] past the sentence's
/// ends) and their lower-case keys, 1 before the start and 2 past the end, so that "no
/// neighbour" differs from an empty token.
#[inline(always)]
fn window(toks: &[Tok], i: usize) -> ([&Tok; 4], [u64; 4]) {
    let mut t = [&NO_TOK; 4];
    let mut l = [0; 4];
    for (slot, k) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let j = i as isize + k;
        (t[slot], l[slot]) = if j < 0 {
            (&NO_TOK, 1)
        } else if j as usize >= toks.len() {
            (&NO_TOK, 2)
        } else {
            (&toks[j as usize], toks[j as usize].l)
        };
    }
    (t, l)
}

/// The local features of token `i` of sentence `s` other than [`word_features`].
#[cfg(any(test, feature = "cli"))]
#[inline]
pub(crate) fn context_features(p: &Prepared, s: usize, i: usize, f: &mut impl FnMut(u32)) {
    let toks = &p.toks[s];
    let t = &toks[i];
    let sf = p.sflags[s];
    let ([m2, m1, p1, p2], [lm2, lm1, lp1, lp2]) = window(toks, i);
    let fe = hash::feature;
    let m = hash::mix;
    // Word forms. In all-caps lines the exact form is unreliable; lower-case still helps.
    if sf & S_CAPS == 0 {
        f(fe(T_W, t.w));
    }
    f(fe(T_SHAPE, t.shape));
    f(fe(T_SSHAPE, t.sshape));
    f(fe(T_L_M1, lm1));
    f(fe(T_L_P1, lp1));
    f(fe(T_L_M2, lm2));
    f(fe(T_L_P2, lp2));
    f(fe(T_L_M1_0, m(lm1, t.l)));
    f(fe(T_L_0_P1, m(t.l, lp1)));
    f(fe(T_L_M2_M1, m(lm2, lm1)));
    f(fe(T_L_P1_P2, m(lp1, lp2)));
    if sf & S_CAPS == 0 {
        f(fe(T_W_M1, m1.w));
        f(fe(T_W_P1, p1.w));
    }
    f(fe(T_SS_M1, m1.sshape));
    f(fe(T_SS_P1, p1.sshape));
    f(fe(T_SS_M2, m2.sshape));
    f(fe(T_SS_P2, p2.sshape));
    f(fe(T_SS_M1_0, m(m1.sshape, t.sshape)));
    f(fe(T_SS_0_P1, m(t.sshape, p1.sshape)));
    f(fe(T_FLAGS, m(t.flags as u64, (m1.flags as u64) << 16 | (p1.flags as u64) << 32)));
    // Word clusters of this token and its neighbours, at several granularities.
    for (o, tk) in [(0u32, t), (3, m1), (6, p1)] {
        if tk.clen > 0 {
            for (k, &len) in CL_PREFIXES.iter().enumerate() {
                let bits = if tk.clen >= len { tk.cluster >> (tk.clen - len) } else { tk.cluster };
                f(fe(T_CL + o + k as u32, (bits as u64) << 8 | len.min(tk.clen) as u64));
            }
        } else if o == 0 {
            f(fe(T_CL, u64::MAX));
        }
    }
    // Gazetteers: this token's memberships, alone, with its capitalization, and next door.
    let capbit = (t.flags & (CAP | ALLCAPS)) as u64;
    let mut g = t.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f(fe(T_GAZ, b));
        f(fe(T_GAZ_CAP, b << 4 | capbit));
    }
    let mut g = m1.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f(fe(T_GAZ_M1, b));
    }
    let mut g = p1.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f(fe(T_GAZ_P1, b));
    }
    // Sentence position and kind.
    if i == 0 {
        f(fe(T_FIRST, t.sshape));
    }
    if sf & S_CAPS != 0 {
        f(fe(T_CAPS_SS, t.sshape));
        f(fe(T_CAPS_L, t.l));
    }
    if sf & S_TITLE != 0 {
        f(fe(T_TITLE_SS, m(t.sshape, (i == 0) as u64)));
    }
    if toks.len() <= 3 {
        f(fe(T_SHORT, m(t.sshape, toks.len() as u64)));
    }
    // How this word is usually written in news, where its own casing says little.
    let unreliable = i == 0 || sf != 0 || (i > 0 && matches!(toks[i - 1].flags & PUNCT, x if x != 0));
    f(fe(T_CAPRATE, (t.caprate as u64) << 8 | (t.flags & (CAP | ALLCAPS)) as u64 | (unreliable as u64) << 4));
    // Capitalization elsewhere in the same document.
    if t.flags & (CAP | ALLCAPS) != 0 {
        let low = (p.casing[t.lid as usize] & LOWER_SEEN != 0) as u64;
        let cap = (p.casing[t.lid as usize] & CAP_SEEN != 0) as u64;
        f(fe(T_DOCCASE, low | cap << 1 | (unreliable as u64) << 2));
    }
}

/// Whether sentence `s` is an all-caps line (its exact word forms are not features).
#[inline]
pub(crate) fn caps_line(p: &Prepared, s: usize) -> bool {
    p.sflags[s] & S_CAPS != 0
}

// The recognizer's split of [`context_features`]: the features of a token's own spelling
// ([`own_features`], [`exact_form`]) and of each neighbour's spelling ([`neighbour_features`])
// are summed once per spelling; the rest ([`pair_features`]) per token. Together they give the same keys as
// `context_features` (a test checks it), which keeps its order for the trainer: the order of
// first appearance numbers the features there.

/// The features of token `t`'s own spelling among [`context_features`], but for its exact
/// form ([`exact_form`]).
#[inline]
pub(crate) fn own_features(t: &Tok, f: &mut impl FnMut(u32)) {
    f(hash::feature(T_SHAPE, t.shape));
    f(hash::feature(T_SSHAPE, t.sshape));
    cluster_features(t, 0, f);
}

/// The exact word form of the token at offset `k` (-1, 0 or 1), a feature outside all-caps
/// lines.
#[inline]
pub(crate) fn exact_form(k: isize, t: Option<&Tok>, f: &mut impl FnMut(u32)) {
    let template = match k {
        -1 => T_W_M1,
        0 => T_W,
        _ => T_W_P1,
    };
    f(hash::feature(template, t.map_or(0, |t| t.w)));
}

/// Cluster features of `t` (`o`: 0 for its own, 3 as the previous token, 6 as the next one).
#[inline]
fn cluster_features(t: &Tok, o: u32, f: &mut impl FnMut(u32)) {
    if t.clen > 0 {
        for (k, &len) in CL_PREFIXES.iter().enumerate() {
            let bits = if t.clen >= len { t.cluster >> (t.clen - len) } else { t.cluster };
            f(hash::feature(T_CL + o + k as u32, (bits as u64) << 8 | len.min(t.clen) as u64));
        }
    } else if o == 0 {
        f(hash::feature(T_CL, u64::MAX));
    }
}

/// The features that the neighbour at offset `k` (-2, -1, 1 or 2) gives a token among
/// [`context_features`], but for its exact form ([`exact_form`]); `t` is `None` past either
/// end of the sentence.
#[inline]
pub(crate) fn neighbour_features(k: isize, t: Option<&Tok>, f: &mut impl FnMut(u32)) {
    let fe = hash::feature;
    let none = Tok::default();
    let l = match t {
        Some(t) => t.l,
        None if k < 0 => 1,
        None => 2,
    };
    let t = t.unwrap_or(&none);
    match k {
        -2 => {
            f(fe(T_L_M2, l));
            f(fe(T_SS_M2, t.sshape));
        }
        2 => {
            f(fe(T_L_P2, l));
            f(fe(T_SS_P2, t.sshape));
        }
        -1 => {
            f(fe(T_L_M1, l));
            f(fe(T_SS_M1, t.sshape));
            cluster_features(t, 3, f);
        }
        _ => {
            f(fe(T_L_P1, l));
            f(fe(T_SS_P1, t.sshape));
            cluster_features(t, 6, f);
        }
    }
}

/// The features of [`context_features`] that depend on more than one spelling: pairs of
/// tokens, gazetteers, sentence kind and casing.
#[inline]
pub(crate) fn pair_features(p: &Prepared, s: usize, i: usize, f: &mut impl Sink) {
    let toks = &p.toks[s];
    let t = &toks[i];
    let sf = p.sflags[s];
    let ([_, m1, p1, _], [lm2, lm1, lp1, lp2]) = window(toks, i);
    let fe = hash::feature;
    let m = hash::mix;
    f.key(fe(T_L_M1_0, m(lm1, t.l)));
    f.key(fe(T_L_0_P1, m(t.l, lp1)));
    f.key(fe(T_L_M2_M1, m(lm2, lm1)));
    f.key(fe(T_L_P1_P2, m(lp1, lp2)));
    f.key(fe(T_SS_M1_0, m(m1.sshape, t.sshape)));
    f.key(fe(T_SS_0_P1, m(t.sshape, p1.sshape)));
    f.key(fe(T_FLAGS, m(t.flags as u64, (m1.flags as u64) << 16 | (p1.flags as u64) << 32)));
    let capbit = (t.flags & (CAP | ALLCAPS)) as u64;
    let mut g = t.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f.small(T_GAZ, b);
        f.small(T_GAZ_CAP, b << 4 | capbit);
    }
    let mut g = m1.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f.small(T_GAZ_M1, b);
    }
    let mut g = p1.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        f.small(T_GAZ_P1, b);
    }
    if i == 0 {
        f.key(fe(T_FIRST, t.sshape));
    }
    if sf & S_CAPS != 0 {
        f.key(fe(T_CAPS_SS, t.sshape));
        f.key(fe(T_CAPS_L, t.l));
    }
    if sf & S_TITLE != 0 {
        f.key(fe(T_TITLE_SS, m(t.sshape, (i == 0) as u64)));
    }
    if toks.len() <= 3 {
        f.key(fe(T_SHORT, m(t.sshape, toks.len() as u64)));
    }
    let unreliable = i == 0 || sf != 0 || (i > 0 && matches!(toks[i - 1].flags & PUNCT, x if x != 0));
    f.small(T_CAPRATE, (t.caprate as u64) << 8 | (t.flags & (CAP | ALLCAPS)) as u64 | (unreliable as u64) << 4);
    if t.flags & (CAP | ALLCAPS) != 0 {
        let low = (p.casing[t.lid as usize] & LOWER_SEEN != 0) as u64;
        let cap = (p.casing[t.lid as usize] & CAP_SEEN != 0) as u64;
        f.small(T_DOCCASE, low | cap << 1 | (unreliable as u64) << 2);
    }
}

/// Templates with few values (see [`small_index`]).
const SMALL: [u32; 15] = [
    T_GAZ, T_GAZ_CAP, T_GAZ_M1, T_GAZ_P1, T_CAPRATE, T_DOCCASE, T_P1, T_P1_M1, T_P1_P1, T_P1_M2,
    T_P1_P2, T_DOC_PHRASE, T_AGG_ENT, T_AGG_MAJ, T_AGG_HAS,
];

/// Size of the array of [`small_index`].
pub(crate) const SMALL_LEN: usize = 477;

/// Position of a feature in the recognizer's array of small-template rows, or `None` when
/// the value is out of the array's range (the hash table serves it then).
#[inline(always)]
pub(crate) fn small_index(template: u32, v: u64) -> Option<usize> {
    let (lo, hi) = (v & 15, v >> 4);
    // (first index of the template, index of the value, in range)
    let (first, k, ok) = match template {
        T_GAZ => (0, v, v < 32),
        T_GAZ_CAP => (32, hi * 4 + lo, hi < 32 && lo < 4),
        T_GAZ_M1 => (160, v, v < 32),
        T_GAZ_P1 => (192, v, v < 32),
        // rate << 8 | unreliable << 4 | capitalization (2 bits)
        T_CAPRATE => (224, (v >> 8) * 8 + (hi & 1) * 4 + lo, v >> 8 < 8 && v & 0xec == 0),
        T_DOCCASE => (288, v, v < 8),
        T_P1 | T_P1_M1 | T_P1_P1 | T_P1_M2 | T_P1_P2 => {
            let n = match template {
                T_P1 => 0,
                T_P1_M1 => 1,
                T_P1_P1 => 2,
                T_P1_M2 => 3,
                _ => 4,
            };
            let first = 296 + 18 * n;
            match v {
                99 => (first, NT as u64, true),
                _ => (first, v, v < NT as u64),
            }
        }
        T_DOC_PHRASE => (386, v, v < 16),
        T_AGG_ENT => (402, hi * 10 + lo, hi < 5 && lo < 10),
        T_AGG_MAJ => (452, hi * 4 + lo, hi < 5 && lo < 4),
        T_AGG_HAS => (472, v, v < 5),
        _ => return None,
    };
    ok.then_some(first + k as usize)
}

/// Every feature [`small_index`] places: (index, key).
pub(crate) fn small_features() -> impl Iterator<Item = (usize, u32)> {
    SMALL.iter().flat_map(|&template| {
        (0..1u64 << 12).filter_map(move |v| small_index(template, v).map(|ix| (ix, hash::feature(template, v))))
    })
}

/// Longest name (in tokens) whose other mentions the second pass looks for.
const MAX_PHRASE: usize = 6;

/// First-pass results of a document, aggregated for the second pass.
#[derive(Debug, Default)]
pub(crate) struct Aggregates {
    /// By [`Tok::lid`]: how often each first-pass tag was given to the word (capitalized
    /// tokens only).
    by_token: Vec<[u16; NT]>,
    /// Per sentence and token: bit `type * 4 + pos` when the token is at `pos` (B, I, L, U)
    /// of a phrase that the first pass tagged as `type` somewhere else in the document.
    phrase_bits: Vec<Vec<u16>>,
}

impl Aggregates {
    /// Collects first-pass tags `p1` (per sentence) of a prepared document.
    pub(crate) fn new(p: &Prepared, p1: &[Vec<u8>]) -> Self {
        let mut a = Aggregates { by_token: vec![[0; NT]; p.casing.len()], ..Default::default() };
        for (toks, tags) in p.toks.iter().zip(p1) {
            for (t, &g) in toks.iter().zip(tags) {
                if t.flags & (CAP | ALLCAPS) != 0 || g != 0 {
                    a.by_token[t.lid as usize][g as usize] += 1;
                }
            }
        }
        // Names the first pass found, by phrase: counts per type, and (slot 4) how many
        // longer names start with the phrase, so that matching can stop early.
        let spans: Vec<Vec<(usize, usize, usize)>> = p1.iter().map(|t| super::tags::decode(t)).collect();
        let mut phrases: IdMap<u64, [u16; 5]> = IdMap::default();
        for (toks, sp) in p.toks.iter().zip(&spans) {
            for &(x, y, ty) in sp.iter().filter(|(x, y, _)| y - x <= MAX_PHRASE) {
                let mut h = 0;
                for (j, t) in toks.iter().enumerate().take(y).skip(x) {
                    h = hash::phrase_step(h, t.l);
                    let slot = if j + 1 == y { ty } else { 4 };
                    let e = phrases.entry(h).or_insert([0; 5]);
                    e[slot] = e[slot].saturating_add(1);
                }
            }
        }
        // By [`Tok::lid`]: 0 not yet known, 1 no name starts with the word, 2 some does.
        let mut starts = vec![0u8; p.casing.len()];
        for (toks, sp) in p.toks.iter().zip(&spans) {
            let mut bits = vec![0u16; toks.len()];
            if !phrases.is_empty() {
                for x in 0..toks.len() {
                    let st = &mut starts[toks[x].lid as usize];
                    if *st == 0 {
                        *st = 1 + phrases.contains_key(&hash::phrase_step(0, toks[x].l)) as u8;
                    }
                    if *st == 1 {
                        continue;
                    }
                    let mut h = 0;
                    for y in x + 1..=toks.len().min(x + MAX_PHRASE) {
                        h = hash::phrase_step(h, toks[y - 1].l);
                        let Some(c) = phrases.get(&h) else { break };
                        for (ty, &n) in c.iter().enumerate().take(4) {
                            // Mentions other than this very span.
                            let own = sp.contains(&(x, y, ty)) as u16;
                            if n > own {
                                for (k, b) in bits[x..y].iter_mut().enumerate() {
                                    let pos = if y - x == 1 {
                                        Pos::U
                                    } else if k == 0 {
                                        Pos::B
                                    } else if x + k + 1 == y {
                                        Pos::L
                                    } else {
                                        Pos::I
                                    };
                                    *b |= 1 << (ty * 4 + pos as usize);
                                }
                            }
                        }
                    }
                }
            }
            a.phrase_bits.push(bits);
        }
        a
    }
}

/// Calls `f` with the second-pass (document context) features of token `i` of sentence `s`,
/// given first-pass tags `p1` and their aggregates.
#[inline]
pub(crate) fn contextual(p: &Prepared, agg: &Aggregates, p1: &[Vec<u8>], s: usize, i: usize, f: &mut impl Sink) {
    let tags = &p1[s];
    let t = &p.toks[s][i];
    let g = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= tags.len() {
            99
        } else {
            tags[j as usize] as u64
        }
    };
    f.small(T_P1, g(0));
    f.small(T_P1_M1, g(-1));
    f.small(T_P1_P1, g(1));
    f.small(T_P1_M2, g(-2));
    f.small(T_P1_P2, g(2));
    // Other mentions of a name this token is part of.
    let mut b = agg.phrase_bits[s][i];
    while b != 0 {
        f.small(T_DOC_PHRASE, b.trailing_zeros() as u64);
        b &= b - 1;
    }
    // Other mentions of the same word in the document (this one excluded).
    {
        let mut c = agg.by_token[t.lid as usize];
        if t.flags & (CAP | ALLCAPS) != 0 || tags[i] != 0 {
            c[tags[i] as usize] = c[tags[i] as usize].saturating_sub(1);
        }
        let mut by_type = [0u32; 5]; // four types, then O
        let mut total = 0;
        for (tag, &n) in c.iter().enumerate() {
            if n == 0 {
                continue;
            }
            total += n as u32;
            let ty = tag_type(tag as u8).unwrap_or(4);
            by_type[ty] += n as u32;
            let pos = tag_pos(tag as u8).map_or(9, |p| p as u64);
            f.small(T_AGG_ENT, (ty as u64) << 4 | pos);
        }
        let (best, &bn) = by_type.iter().enumerate().max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k))).unwrap();
        if let Some(share) = (bn * 4).checked_div(total) {
            f.small(T_AGG_MAJ, (best as u64) << 4 | share.min(3) as u64);
            for (ty, &n) in by_type.iter().enumerate() {
                if n > 0 {
                    f.small(T_AGG_HAS, ty as u64);
                }
            }
        }
    }
}
