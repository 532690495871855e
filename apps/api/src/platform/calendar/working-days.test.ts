import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holidaySeed } from './holidays.seed.ts';
import {
  addMonths,
  addWorkingDays,
  chinaDateOf,
  dueAtOf,
  dueDateOf,
  isWorkingDay,
  remindAtOf,
  workingDaysBetween,
  type CalendarExceptions,
} from './working-days.ts';

const calendar: CalendarExceptions = new Map(holidaySeed.map((day) => [day.date, day.kind]));

describe('working-day calendar', () => {
  it('treats official holidays as days off and swapped weekend workdays (调休) as working days', () => {
    assert.equal(isWorkingDay('2026-10-05', calendar), false, 'National Day Monday is a holiday');
    assert.equal(isWorkingDay('2026-09-20', calendar), true, 'Sunday 20 Sep 2026 is a swapped workday');
    assert.equal(isWorkingDay('2026-10-10', calendar), true, 'Saturday 10 Oct 2026 is a swapped workday');
    assert.equal(isWorkingDay('2026-11-21', calendar), false, 'an ordinary Saturday');
    assert.equal(isWorkingDay('2026-11-23', calendar), true, 'an ordinary Monday');
  });

  it('counts working days across the National Day week, skipping the holiday and using the swapped Saturday', () => {
    // From Wed 30 Sep 2026: 1–7 Oct off, 8 Thu (1), 9 Fri (2), 10 Sat swapped (3), 12 Mon (4), 13 Tue (5).
    assert.equal(addWorkingDays('2026-09-30', 5, calendar), '2026-10-13');
  });

  it('runs 15 working days from a receipt just before the Spring Festival to after it', () => {
    // Thu 12 Feb 2026: 13 (1), 14 Sat swapped (2), 15–23 off, 24 (3) … 27 (6), 28 Sat swapped (7), Mar 2–6 (8–12), 9–11 (13–15).
    assert.equal(addWorkingDays('2026-02-12', 15, calendar), '2026-03-11');
  });

  it('does not count the day of the starting event', () => {
    assert.equal(addWorkingDays('2026-11-23', 1, calendar), '2026-11-24');
    assert.equal(workingDaysBetween('2026-11-23', '2026-11-30', calendar), 5);
  });

  it('moves a calendar-day period that ends on a holiday to the next working day', () => {
    // 15 days from 17 Sep 2026 is 2 Oct, inside the National Day holiday: due Thu 8 Oct.
    assert.equal(dueDateOf(new Date('2026-09-17T10:00:00+08:00'), 'calendarDays', 15, calendar), '2026-10-08');
    // 60 days from 23 Nov 2026 is Fri 22 Jan 2027, a working day.
    assert.equal(dueDateOf(new Date('2026-11-23T10:00:00+08:00'), 'calendarDays', 60, calendar), '2027-01-22');
  });

  it('adds months with end-of-month clamping', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2027-12-31', 2), '2028-02-29');
    assert.equal(addMonths('2026-11-23', 3), '2027-02-23');
  });

  it('uses China time for the starting day even when UTC is still on the previous date', () => {
    const lateEvening = new Date('2026-11-23T23:30:00+08:00');
    assert.equal(chinaDateOf(lateEvening), '2026-11-23');
    const earlyMorningChina = new Date('2026-11-23T16:30:00Z');
    assert.equal(chinaDateOf(earlyMorningChina), '2026-11-24');
  });

  it('makes a deadline due at the last moment of the due day in China', () => {
    const due = dueAtOf(new Date('2026-11-23T09:00:00+08:00'), 'workingDays', 5, calendar);
    assert.equal(due.toISOString(), '2026-11-30T15:59:59.999Z');
  });

  it('reminds the given number of working days before the due date, never before the start', () => {
    const start = new Date('2026-11-23T09:00:00+08:00');
    assert.equal(remindAtOf(start, '2026-11-30', 2, calendar).toISOString(), '2026-11-25T16:00:00.000Z');
    assert.equal(remindAtOf(start, '2026-11-24', 5, calendar), start);
  });
});
