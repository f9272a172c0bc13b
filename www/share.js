// Share links: a short text (and the document date) carried in the URL's hash, which browsers
// never send to a server. Format: #z=<base64url of deflate-raw(UTF-8 text)>[&d=YYYY-MM-DD].

/** Longest text (in UTF-16 units) put into a link. */
export const SHARE_LIMIT = 6000;

function toBase64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

/** The hash (with '#') for `text` and an optional reference date. */
export async function encodeShare(text, referenceDate) {
  if (text.length > SHARE_LIMIT) throw new Error(`the text is too long for a link (${text.length.toLocaleString('en-US')} characters; at most ${SHARE_LIMIT.toLocaleString('en-US')})`);
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const params = new URLSearchParams();
  params.set('z', toBase64url(packed));
  if (referenceDate) params.set('d', referenceDate);
  return `#${params}`;
}

/** { text, referenceDate } from a hash made by encodeShare, or null if it holds none. */
export async function decodeShare(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const z = params.get('z');
  if (!z) return null;
  const bytes = await pipe(fromBase64url(z), new DecompressionStream('deflate-raw'));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const d = params.get('d');
  return { text, referenceDate: d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null };
}
