// Share links: a short text (and the document date and numeric date order) carried in the URL's
// hash, which browsers never send to a server.
// Format: #z=<base64url of deflate-raw(UTF-8 text)>[&d=YYYY-MM-DD][&o=month-first|day-first].

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

const ORDERS = ['month-first', 'day-first'];

/** The hash (with '#') for `text`, an optional reference date and an optional date order. */
export async function encodeShare(text, referenceDate, dateOrder = null) {
  if (text.length > SHARE_LIMIT) throw new Error(`the text is too long for a link (${text.length.toLocaleString('en-US')} characters; at most ${SHARE_LIMIT.toLocaleString('en-US')})`);
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const params = new URLSearchParams();
  params.set('z', toBase64url(packed));
  if (referenceDate) params.set('d', referenceDate);
  if (ORDERS.includes(dateOrder)) params.set('o', dateOrder);
  return `#${params}`;
}

/** { text, referenceDate, dateOrder } from a hash made by encodeShare, or null if it holds none. */
export async function decodeShare(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const z = params.get('z');
  if (!z) return null;
  const bytes = await pipe(fromBase64url(z), new DecompressionStream('deflate-raw'));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const d = params.get('d');
  const o = params.get('o');
  return { text, referenceDate: d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null, dateOrder: ORDERS.includes(o) ? o : 'auto' };
}
