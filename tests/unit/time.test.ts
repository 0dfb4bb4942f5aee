import { describe, expect, it } from 'vitest';
import { brusselsDate, brusselsDay, brusselsToInstant, brusselsWall } from '#kernel/time';

describe('Brussels wall-clock times', () => {
  it('converts summer time (UTC+2) and winter time (UTC+1)', () => {
    expect(brusselsToInstant('2026-09-18T12:00').toISOString()).toBe('2026-09-18T10:00:00.000Z');
    expect(brusselsToInstant('2026-11-15T12:00:00').toISOString()).toBe('2026-11-15T11:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(brusselsToInstant('2027-03-28T12:00').toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(brusselsToInstant('2026-10-25T12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('reads the hour the spring switch skips as summer time, and the repeated autumn hour as its second pass', () => {
    expect(brusselsToInstant('2027-03-28T02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(brusselsToInstant('2026-10-25T02:30').toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('gives the wall clock and the calendar date of an instant, across midnight and DST', () => {
    expect(brusselsWall(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30');
    expect(brusselsWall(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
    expect(brusselsDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(brusselsDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('runs a calendar day from its Brussels midnight to the next, 25 hours in October and 23 in March', () => {
    const autumn = brusselsDay('2026-10-25');
    expect(autumn.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    const spring = brusselsDay('2027-03-28');
    expect(spring.start.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    expect(brusselsDay('2026-12-31').end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(() => brusselsDay('25/10/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('refuses anything that is not a local date-time', () => {
    expect(() => brusselsToInstant('18/09/2026 12:00')).toThrow(/YYYY-MM-DD/);
  });
});
