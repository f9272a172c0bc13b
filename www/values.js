// TIMEX3 values in words, for the card and the timeline: "2021-12-07" is "Tue 7 Dec 2021",
// "P3Y" "3 years", "2023-Q3" "Q3 2023". A value with no reading here is returned unchanged.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const PARTS = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', MI: 'midday', DT: 'daytime' };
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const REFS = { PRESENT_REF: 'now', PAST_REF: 'the past', FUTURE_REF: 'the future' };
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', Q: 'quarter', DE: 'decade', CE: 'century', WE: 'weekend', L: 'millennium' };
const TIME_UNITS = { H: 'hour', M: 'minute', S: 'second' };

// TIMEX3 modifiers, as words before a value.
const MODS = { START: 'early ', MID: 'mid-', END: 'late ', BEFORE: 'before ', AFTER: 'after ', APPROX: 'about ', ON_OR_BEFORE: 'by ', ON_OR_AFTER: 'from ', LESS_THAN: 'less than ', MORE_THAN: 'more than ', EQUAL_OR_LESS: 'at most ', EQUAL_OR_MORE: 'at least ' };

const plural = (n, unit) => (n === 'X' ? `some ${unit === 'century' ? 'centuries' : `${unit}s`}` : `${n} ${n === '1' ? unit : unit === 'century' ? 'centuries' : `${unit}s`}`);

const DAY_MS = 86400000;
const addDays = (d, n) => new Date(d.getTime() + n * DAY_MS);

/** The Monday of ISO week `w` of `year` (week 1 holds 4 January). */
function isoWeekMonday(year, w) {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return addDays(jan4, -((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
}

/**
 * Two days as a range, naming the month and year once where they are shared: "19–25 May 2025";
 * with weekday names `[before a, before b]`: "Sat 24 – Sun 25 May 2025".
 */
function span(a, b, [wa, wb] = ['', '']) {
  const day = (d) => `${d.getUTCDate()}`;
  const month = (d) => MONTHS[d.getUTCMonth()];
  const dash = wa ? ' – ' : '–';
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${wa}${day(a)} ${month(a)} ${a.getUTCFullYear()} – ${wb}${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${wa}${day(a)} ${month(a)} – ${wb}${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  return `${wa}${day(a)}${dash}${wb}${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
}

/** A readable form of one TIMEX3 value. */
export function readableValue(value) {
  if (typeof value !== 'string') return '';
  if (REFS[value]) return REFS[value];
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})(:\d{2})?|([A-Z]{2})))?$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 12) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    const day = `${DAYS[d.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
    if (m[4]) return `${day}, ${m[4]}:${m[5]}${m[6] || ''}`;
    if (m[7] && PARTS[m[7]]) return `${day}, ${PARTS[m[7]]}`;
    return day;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 53) {
    // The days themselves ("19–25 May 2025, week 21"; "Sat 24 – Sun 25 May 2025").
    const monday = isoWeekMonday(+m[1], +m[2]);
    return m[3] ? span(addDays(monday, 5), addDays(monday, 6), ['Sat ', 'Sun ']) : `${span(monday, addDays(monday, 6))}, week ${+m[2]}`;
  }
  m = /^(\d{4})-([QH])(\d)$/.exec(value);
  if (m) return `${m[2]}${m[3]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  if (/^\d{3}$/.test(value)) return `the ${value}0s`;
  if (/^\d{2}$/.test(value)) return `the ${value}00s`;
  // A time of a day the text does not name, in a year it does: "12:00 on a day in 2029".
  m = /^(\d{4})-XX-XXT(?:(\d{2}:\d{2})|([A-Z]{2}))$/.exec(value);
  if (m && (m[2] || PARTS[m[3]])) return m[2] ? `${m[2]} on a day in ${m[1]}` : `a ${PARTS[m[3]]} in ${m[1]}`;
  m = /^XXXX-(\d{2})-(\d{2})$/.exec(value);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${+m[2]} ${MONTHS[+m[1] - 1]}, year unknown`;
  m = /^XXXX-XX-(\d{2})$/.exec(value);
  if (m && +m[1] >= 1 && +m[1] <= 31) return `day ${+m[1]} of every month`;
  if (value === 'XXXX-WXX-WE') return 'weekends';
  m = /^XXXX-WXX-([1-7])T(\d{2}:\d{2})$/.exec(value);
  if (m) return `${WEEKDAYS[m[1] - 1]} at ${m[2]}`;
  m = /^XXXX-WXX-([1-7])(?:T([A-Z]{2}))?$/.exec(value);
  if (m) return m[2] && PARTS[m[2]] ? `${WEEKDAYS[m[1] - 1].slice(0, -1)} ${PARTS[m[2]]}s` : WEEKDAYS[m[1] - 1];
  m = /^XXXX-XX-XXT(\d{2}:\d{2})$/.exec(value);
  if (m) return `every day at ${m[1]}`;
  m = /^XXXX-XX-XXT([A-Z]{2})$/.exec(value);
  if (m && PARTS[m[1]]) return `${PARTS[m[1]]}s`;
  m = /^XXXX-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[1]]}s`;
  m = /^PT(\d+(?:\.\d+)?|X)([HMS])$/.exec(value);
  if (m) return plural(m[1], TIME_UNITS[m[2]]);
  m = /^P(\d+(?:\.\d+)?|X)(Y|M|W|D|Q|DE|CE|WE|L)$/.exec(value);
  if (m) return plural(m[1], UNITS[m[2]]);
  // Several parts: "PT2H42M" is "2 hours and 42 minutes".
  m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (m) {
    const names = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
    const parts = names.map((u, i) => (m[i + 1] ? plural(m[i + 1], u) : null)).filter(Boolean);
    if (parts.length >= 2) return parts.join(' and ');
  }
  return value;
}

/** A readable form of a timex `{ value, endValue?, mod?, type? }`: "late Dec 2021", "2020 – 2022". */
export function readableTimex(t) {
  // A date on "a Thursday" is some Thursday; the same value as a set is every one.
  const some = t.type === 'DATE' && !t.endValue && /^XXXX-WXX-([1-7])$/.exec(t.value);
  if (some) return `a ${WEEKDAYS[some[1] - 1].slice(0, -1)}`;
  const mod = MODS[t.mod] ?? '';
  // A set whose value is a period recurs once in each: "P1D" is "every day", "P2W" "every 2 weeks".
  if (t.type === 'SET' && !t.endValue && /^P(T?)[\d.]+[A-Z]+$/.test(t.value ?? '')) {
    const words = readableValue(t.value);
    return mod + (words.startsWith('1 ') ? `every ${words.slice(2)}` : `every ${words}`);
  }
  return mod + (t.endValue ? readableSetRange(t.value, t.endValue) ?? `${readableValue(t.value)} – ${readableValue(t.endValue)}` : readableValue(t.value));
}

/** A range of two recurring times, said once: "every day, 09:00 – 17:00", "weekdays". */
function readableSetRange(a, b) {
  const clocks = [a, b].map((v) => /^XXXX-XX-XXT(\d{2}:\d{2})$/.exec(v)?.[1]);
  if (clocks[0] && clocks[1]) return `every day, ${clocks[0]} – ${clocks[1]}`;
  const days = [a, b].map((v) => /^XXXX-WXX-([1-7])(T.*)?$/.exec(v));
  if (days[0] && days[1] && days[0][1] === '1' && days[1][1] === '5' && days[0][2] === days[1][2]) {
    // "Mondays at 20:00" → "weekdays at 20:00"; "Monday mornings" → "weekday mornings".
    const monday = readableValue(`XXXX-WXX-1${days[0][2] ?? ''}`);
    return `${monday.replace(/^Mondays/, 'weekdays').replace(/^Monday\b/, 'weekday')} (Monday – Friday)`;
  }
  return null;
}
