import { describe, expect, it } from 'vitest';
import { brusselsToInstant } from '#kernel/time';

describe('Brussels wall-clock times', () => {
  it('converts summer time (UTC+2) and winter time (UTC+1)', () => {
    expect(brusselsToInstant('2026-09-18T12:00').toISOString()).toBe('2026-09-18T10:00:00.000Z');
    expect(brusselsToInstant('2026-11-15T12:00:00').toISOString()).toBe('2026-11-15T11:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(brusselsToInstant('2027-03-28T12:00').toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(brusselsToInstant('2026-10-25T12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('refuses anything that is not a local date-time', () => {
    expect(() => brusselsToInstant('18/09/2026 12:00')).toThrow(/YYYY-MM-DD/);
  });
});
