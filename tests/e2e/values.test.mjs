// TIMEX3 values in words (www/values.js), as the card and the timeline show them. A plain
// module: no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableValue, readableTimex } from '../../www/values.js';

test('values in words, table-driven', () => {
  const table = [
    ['2021-12-07', 'Tue 7 Dec 2021'],
    ['2021-12-07T14:05', 'Tue 7 Dec 2021, 14:05'],
    ['2025-11-03T14:00:30', 'Mon 3 Nov 2025, 14:00:30'],
    ['2021-12-07TMO', 'Tue 7 Dec 2021, morning'],
    ['2021-12', 'Dec 2021'],
    ['2024-W07', '12–18 Feb 2024, week 7'],
    ['2024-W07-WE', 'Sat 17 – Sun 18 Feb 2024'],
    ['2025-W18', '28 Apr – 4 May 2025, week 18'],
    ['2025-W22-WE', 'Sat 31 May – Sun 1 Jun 2025'],
    // ISO week 1 of 2026 starts in 2025; 2020 has a week 53.
    ['2026-W01', '29 Dec 2025 – 4 Jan 2026, week 1'],
    ['2020-W53-WE', 'Sat 2 – Sun 3 Jan 2021'],
    ['2023-Q3', 'Q3 2023'],
    ['2023-H1', 'H1 2023'],
    ['2020-SU', 'summer 2020'],
    ['199', 'the 1990s'],
    ['19', 'the 1900s'],
    ['XXXX-10-03', '3 Oct, year unknown'],
    ['2029-XX-XXT12:00', '12:00 on a day in 2029'],
    ['2024-XX-XXTNI', 'a night in 2024'],
    ['XXXX-WXX-1', 'Mondays'],
    ['XXXX-WXX-WE', 'weekends'],
    ['XXXX-WXX-1TMO', 'Monday mornings'],
    ['XXXX-WXX-4T08:30', 'Thursdays at 08:30'],
    ['XXXX-XX-XXT09:00', 'every day at 09:00'],
    ['XXXX-XX-01', 'day 1 of every month'],
    ['XXXX-XX-XXTNI', 'nights'],
    ['XXXX-SU', 'summers'],
    ['PT90M', '90 minutes'],
    ['PT2H42M', '2 hours and 42 minutes'],
    ['P2Y6M', '2 years and 6 months'],
    ['P1DT12H', '1 day and 12 hours'],
    ['PT1H', '1 hour'],
    ['P3Y', '3 years'],
    ['PXM', 'some months'],
    ['P2CE', '2 centuries'],
    ['P1D', '1 day'],
    ['PRESENT_REF', 'now'],
    ['FUTURE_REF', 'the future'],
    // No reading: unchanged.
    ['2021', '2021'],
    ['2021-13', '2021-13'],
    ['<b>', '<b>'],
  ];
  for (const [value, want] of table) assert.equal(readableValue(value), want, value);
  assert.equal(readableValue(undefined), '');
});

test('ranges and modifiers', () => {
  assert.equal(readableTimex({ value: '2020-SU', endValue: '2022-SU' }), 'summer 2020 – summer 2022');
  assert.equal(readableTimex({ value: '2021-12', mod: 'END' }), 'late Dec 2021');
  assert.equal(readableTimex({ value: 'P10Y', mod: 'LESS_THAN' }), 'less than 10 years');
  assert.equal(readableTimex({ value: '2022-01-09', endValue: '2022-01-10' }), 'Sun 9 Jan 2022 – Mon 10 Jan 2022');
  // Ranges of recurring times are said once.
  assert.equal(readableTimex({ value: 'XXXX-XX-XXT09:00', endValue: 'XXXX-XX-XXT17:00' }), 'every day, 09:00 – 17:00');
  assert.equal(readableTimex({ value: 'XXXX-WXX-4', type: 'DATE' }), 'a Thursday');
  assert.equal(readableTimex({ value: 'XXXX-WXX-4', type: 'SET' }), 'Thursdays');
  // A set whose value is a period: once in each.
  assert.equal(readableTimex({ value: 'P1D', type: 'SET' }), 'every day');
  assert.equal(readableTimex({ value: 'P2W', type: 'SET' }), 'every 2 weeks');
  assert.equal(readableTimex({ value: 'PT15M', type: 'SET' }), 'every 15 minutes');
  assert.equal(readableTimex({ value: 'P1D', type: 'DURATION' }), '1 day');
  assert.equal(readableTimex({ value: 'XXXX-WXX-1', endValue: 'XXXX-WXX-5' }), 'weekdays (Monday – Friday)');
  assert.equal(readableTimex({ value: 'XXXX-WXX-1TMO', endValue: 'XXXX-WXX-5TMO' }), 'weekday mornings (Monday – Friday)');
  assert.equal(readableTimex({ value: 'XXXX-WXX-1T20:00', endValue: 'XXXX-WXX-5T20:00' }), 'weekdays at 20:00 (Monday – Friday)');
  assert.equal(readableTimex({ value: 'XXXX-WXX-2', endValue: 'XXXX-WXX-4' }), 'Tuesdays – Thursdays');
});
