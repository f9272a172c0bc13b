//! The container every compiled model and lexicon is stored in: a header (magic, format
//! version, payload length, CRC-32 of the payload) followed by named sections.
//!
//! ```text
//! magic "DLMODEL\0" | version u32 | payload_len u64 | crc32 u32 | payload
//! payload = section_count u32, then per section: name_len u16, name, data_len u64, data
//! ```
//! All integers little-endian. Loading checks every length and the checksum before touching a
//! section, so a truncated or corrupted file is a clear [`Error`], never a panic.

use crate::error::{Error, Result};

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"DLMODEL\0";
/// Container format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// A parsed model file: named byte sections, borrowed from the file's bytes.
#[derive(Debug, Clone)]
pub struct Container<'a> {
    sections: Vec<(&'a str, &'a [u8])>,
}

impl<'a> Container<'a> {
    /// Parses and verifies a model file.
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        let n = bytes.len().min(MAGIC.len());
        if bytes[..n] != MAGIC[..n] {
            return Err(Error::model("not a dateline model (wrong magic bytes)"));
        }
        if bytes.len() < HEADER_LEN {
            return Err(Error::model(format!(
                "file is {} bytes, shorter than the {HEADER_LEN}-byte header (truncated?)",
                bytes.len()
            )));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
        if version != FORMAT_VERSION {
            return Err(Error::model(format!(
                "format version {version}, but this build reads version {FORMAT_VERSION}"
            )));
        }
        let len = u64::from_le_bytes(bytes[12..20].try_into().unwrap());
        let crc = u32::from_le_bytes(bytes[20..24].try_into().unwrap());
        let payload = &bytes[HEADER_LEN..];
        if payload.len() as u64 != len {
            return Err(Error::model(format!(
                "header promises {len} bytes of payload, file has {} (truncated?)",
                payload.len()
            )));
        }
        if crc32fast::hash(payload) != crc {
            return Err(Error::model("checksum mismatch (file corrupted)"));
        }
        let mut r = Reader { bytes: payload, pos: 0 };
        let count = r.u32()? as usize;
        let mut sections = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            let name_len = r.u16()? as usize;
            let name = std::str::from_utf8(r.take(name_len)?)
                .map_err(|_| Error::model("section name is not UTF-8"))?;
            let data_len = r.u64()?;
            let data = r.take(usize::try_from(data_len).map_err(|_| Error::model("section too large"))?)?;
            sections.push((name, data));
        }
        if r.pos != payload.len() {
            return Err(Error::model("trailing bytes after the last section"));
        }
        Ok(Container { sections })
    }

    /// The bytes of a section.
    pub fn section(&self, name: &str) -> Result<&'a [u8]> {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| *d)
            .ok_or_else(|| Error::model(format!("missing section `{name}`")))
    }

    /// Names of all sections, in file order.
    pub fn names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.sections.iter().map(|(n, _)| *n)
    }
}

/// Writes a model file from named sections.
pub fn write(sections: &[(&str, &[u8])]) -> Vec<u8> {
    let mut payload = Vec::new();
    payload.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for (name, data) in sections {
        payload.extend_from_slice(&(name.len() as u16).to_le_bytes());
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(&(data.len() as u64).to_le_bytes());
        payload.extend_from_slice(data);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// A bounds-checked little-endian reader over a byte slice, for section decoders.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Starts reading at the beginning of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// True when every byte has been read.
    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    #[cold]
    fn end(&self, n: usize) -> Error {
        Error::model(format!("unexpected end of data at byte {} (wanted {n} more)", self.pos))
    }

    /// The next `n` bytes.
    #[inline]
    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| self.end(n))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// A u8.
    #[inline]
    pub fn u8(&mut self) -> Result<u8> {
        let &b = self.bytes.get(self.pos).ok_or_else(|| self.end(1))?;
        self.pos += 1;
        Ok(b)
    }

    /// A LEB128 varint of at most five bytes. Decoding loops over a model's million varints
    /// call this, so the common one-byte case is inline and the rest out of line.
    #[inline(always)]
    pub fn varint(&mut self) -> Result<u32> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Ok(b as u32)
            }
            _ => self.long_varint(),
        }
    }

    #[inline(never)]
    fn long_varint(&mut self) -> Result<u32> {
        let rest = &self.bytes[self.pos.min(self.bytes.len())..];
        let mut v = 0u32;
        for (i, &b) in rest.iter().take(5).enumerate() {
            v |= ((b & 0x7f) as u32) << (7 * i);
            if b & 0x80 == 0 {
                self.pos += i + 1;
                return Ok(v);
            }
        }
        if rest.len() < 5 {
            let e = self.end(rest.len() + 1);
            self.pos = self.bytes.len();
            return Err(e);
        }
        Err(Error::model("varint longer than five bytes"))
    }
    /// A little-endian u16.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    /// A little-endian u32.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// A little-endian u64.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    /// A little-endian f32.
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// A u32-length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| Error::model("string is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let file = write(&[("meta", b"{}"), ("weights", &[1, 2, 3])]);
        let c = Container::parse(&file).unwrap();
        assert_eq!(c.section("weights").unwrap(), &[1, 2, 3]);
        assert_eq!(c.names().collect::<Vec<_>>(), ["meta", "weights"]);
        assert!(c.section("nope").unwrap_err().to_string().contains("missing section `nope`"));
    }

    #[test]
    fn every_truncation_and_bit_flip_is_a_clear_error() {
        let file = write(&[("meta", b"{\"a\":1}"), ("w", &[9; 40])]);
        for n in 0..file.len() {
            let e = Container::parse(&file[..n]).unwrap_err();
            assert!(e.to_string().starts_with("bad model file"), "{e}");
        }
        for i in 0..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x10;
            assert!(Container::parse(&bad).is_err(), "flip at {i} went unnoticed");
        }
    }
}
