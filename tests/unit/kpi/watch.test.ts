import { describe, expect, it } from 'vitest';
import { findReopenings, isoDate, NO_DATE, watchBucket, watchInvestigation } from '../../../src/kpi';
import { d } from './days';

describe('watchBucket', () => {
  const asOf = d('2025-11-30');
  it('puts each deadline in its bucket, with the edges on the right side', () => {
    expect(watchBucket(d('2025-11-29'), asOf)).toBe('overdue');
    expect(watchBucket(d('2025-11-30'), asOf)).toBe('within14'); // deadline today: still in time
    expect(watchBucket(d('2025-12-14'), asOf)).toBe('within14'); // 14 days left
    expect(watchBucket(d('2025-12-15'), asOf)).toBe('within30'); // 15 days left
    expect(watchBucket(d('2025-12-30'), asOf)).toBe('within30'); // 30 days left
    expect(watchBucket(d('2025-12-31'), asOf)).toBe('later');
  });
});

describe('findReopenings', () => {
  const rows: [string, string, string | null][] = [
    ['B1', '2025-01-10', '2025-05-09'], // 0: closed the day before its deadline…
    ['B1', '2025-05-12', null], // 1: …reopened 3 days later
    ['B2', '2025-02-01', '2025-03-01'], // 2
    ['B2', '2025-06-01', null], // 3: 92 days later: not flagged at 30
    ['', '2025-01-01', '2025-02-01'], // 4: no person key
    ['', '2025-02-01', null], // 5
    ['B3', '2025-03-01', '2025-04-01'], // 6: closed and reopened the same day
    ['B3', '2025-04-01', '2025-05-01'], // 7
  ];
  const person = rows.map((r) => r[0]);
  const start = Int32Array.from(rows, (r) => d(r[1]));
  const end = Int32Array.from(rows, (r) => (r[2] ? d(r[2]) : NO_DATE));

  it('flags a close followed by a new start for the same person within the window', () => {
    expect(findReopenings(person, start, end, 30)).toEqual([
      { closed: 6, reopened: 7, gapDays: 0 },
      { closed: 0, reopened: 1, gapDays: 3 },
    ]);
  });
  it('widens with the setting and ignores rows without a person key', () => {
    const wide = findReopenings(person, start, end, 100);
    expect(wide.map((r) => [r.closed, r.reopened, r.gapDays])).toContainEqual([2, 3, 92]);
    expect(wide.some((r) => r.closed === 4 || r.reopened === 5)).toBe(false);
  });
});

describe('watchInvestigation', () => {
  const asOf = d('2025-11-30');
  it('watches an investigation without extension against its four-month deadline', () => {
    // Started 2025-07-20: deadline 2025-11-20, ten days passed.
    const w = watchInvestigation(d('2025-07-20'), NO_DATE, NO_DATE, asOf);
    expect({ ...w, deadline: isoDate(w.deadline) }).toEqual({
      deadline: '2025-11-20',
      extended: false,
      extendedTo: NO_DATE,
      daysLeft: -10,
      bucket: 'overdue',
    });
  });
  it('watches an extension decided on the deadline day against its extended date', () => {
    const w = watchInvestigation(d('2025-07-20'), d('2025-11-20'), d('2025-12-10'), asOf);
    expect([w.extended, isoDate(w.extendedTo), w.daysLeft, w.bucket]).toEqual([true, '2025-12-10', 10, 'within14']);
  });
  describe('edge cases', () => {
    it('ignores an extension decided the day after the deadline', () => {
      const w = watchInvestigation(d('2025-07-20'), d('2025-11-21'), d('2026-01-31'), asOf);
      expect([w.extended, w.extendedTo, w.daysLeft, w.bucket]).toEqual([false, NO_DATE, -10, 'overdue']);
    });
    it('an extension without an extended date leaves nothing to watch once the deadline passed', () => {
      const w = watchInvestigation(d('2025-07-20'), d('2025-10-01'), NO_DATE, asOf);
      expect([w.extended, w.daysLeft, w.bucket]).toEqual([true, -10, 'later']);
    });
    it('an extension without an extended date is watched against the deadline until it passes', () => {
      // Started 2025-08-05: deadline 2025-12-05.
      const w = watchInvestigation(d('2025-08-05'), d('2025-10-01'), NO_DATE, asOf);
      expect([w.extended, w.daysLeft, w.bucket]).toEqual([true, 5, 'within14']);
    });
    it('moves a deadline on a Saturday to Monday only with lag (1930:173) 2 § on', () => {
      // Started 2025-08-13: deadline Saturday 2025-12-13, with the shift Monday 2025-12-15.
      expect(watchInvestigation(d('2025-08-13'), NO_DATE, NO_DATE, asOf)).toMatchObject({
        daysLeft: 13,
        bucket: 'within14',
      });
      expect(watchInvestigation(d('2025-08-13'), NO_DATE, NO_DATE, asOf, { shiftToWorkingDay: true })).toMatchObject({
        daysLeft: 15,
        bucket: 'within30',
      });
    });
  });
});
