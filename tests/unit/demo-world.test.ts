import { describe, expect, it } from 'vitest';
import { demoWorld } from '#local/demo/generate';

type Periods = { internship: { periods: { start: string; end: string }[] } };

describe('the demo school year', () => {
  it('gives no student periods that overlap or end before they start', () => {
    const clashes = demoWorld().students.flatMap((s) => {
      const periods = (s.input as Periods).internship.periods;
      return periods.flatMap((p, i) => {
        const next = periods[i + 1];
        return p.end < p.start || (next && next.start <= p.end)
          ? [`${s.id}: ${JSON.stringify(periods)}`]
          : [];
      });
    });
    expect(clashes).toEqual([]);
  });
});
