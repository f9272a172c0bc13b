// Splitting long texts into pieces that the worker annotates one by one and the view renders
// lazily. Worker and view use the same boundaries, so no entity ever crosses a piece.

/** Texts up to this many UTF-16 units are annotated in one call and rendered at once. */
export const WHOLE_LIMIT = 100_000;
/** Target size of a piece of a long text, in UTF-16 units. */
export const PIECE = 20_000;

/**
 * Cut points [0, c1, c2, ..., text.length] near multiples of `size`: after a blank line if
 * there is one in the second half of the window, else after a line break, else after a space,
 * else at the size itself (never inside a surrogate pair).
 */
export function pieceBounds(text, size = PIECE) {
  const bounds = [0];
  let start = 0;
  while (text.length - start > size) {
    const target = start + size;
    const floor = start + (size >> 1);
    let cut = text.lastIndexOf('\n\n', target - 2);
    if (cut >= floor) cut += 2;
    else {
      cut = text.lastIndexOf('\n', target - 1);
      if (cut >= floor) cut += 1;
      else {
        cut = text.lastIndexOf(' ', target - 1);
        if (cut >= floor) cut += 1;
        else {
          cut = target;
          const c = text.charCodeAt(cut - 1);
          if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
        }
      }
    }
    bounds.push(cut);
    start = cut;
  }
  bounds.push(text.length);
  return bounds;
}

/** Number of Unicode code points in text.slice(from, to). */
export function codePoints(text, from = 0, to = text.length) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
