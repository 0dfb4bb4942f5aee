import { describe, expect, it } from 'vitest';
import type { HourContext } from '#contract/trajectory';
import {
  brusselsDay,
  careAssistantRule,
  emptyByContext,
  finalEvaluationAllowed,
  remoteSupervisionAllowed,
  sumByContext,
  trajectoryMayComplete,
} from '#trajectory/rules';

const hours = (h: Partial<Record<HourContext, number>>) => ({ ...emptyByContext(), ...h });

describe('the care-assistant rule', () => {
  it('is met at exactly 300 hours over two contexts, not at 299', () => {
    expect(careAssistantRule(hours({ home_care: 150, hospital: 150 }))).toEqual({
      met: true,
      reason: 'voldaan',
    });
    expect(careAssistantRule(hours({ home_care: 150, hospital: 149 }))).toEqual({
      met: false,
      reason: 'nog 1 uur',
    });
    expect(careAssistantRule(hours({ home_care: 150, hospital: 149.75 })).reason).toBe('nog 0,25 uur');
  });

  it('needs 200 hours in the three contexts: 200 plus 100 elsewhere is met, 199 plus 101 is not', () => {
    expect(careAssistantRule(hours({ home_care: 100, hospital: 100, other: 100 })).met).toBe(true);
    expect(careAssistantRule(hours({ home_care: 100, hospital: 99, other: 101 }))).toEqual({
      met: false,
      reason: 'nog 1 uur in woonzorg, ziekenhuis of thuiszorg',
    });
  });

  it('counts at most 100 hours elsewhere: 101 elsewhere adds nothing over 100', () => {
    const at100 = careAssistantRule(hours({ home_care: 100, residential_elderly_care: 80, other: 100 }));
    const at101 = careAssistantRule(hours({ home_care: 100, residential_elderly_care: 80, other: 101 }));
    expect(at100).toEqual({ met: false, reason: 'nog 20 uur in woonzorg, ziekenhuis of thuiszorg' });
    expect(at101).toEqual(at100);
  });

  it('is never met in one context only, however many hours', () => {
    expect(careAssistantRule(hours({ home_care: 300 }))).toEqual({
      met: false,
      reason: '300 uur gehaald, nog minstens 1 uur in een tweede context (woonzorg of ziekenhuis)',
    });
    expect(careAssistantRule(hours({ hospital: 160, other: 100 }))).toEqual({
      met: false,
      reason:
        'nog 40 uur in woonzorg, ziekenhuis of thuiszorg, waarvan minstens 1 uur in een tweede context (woonzorg of thuiszorg)',
    });
    expect(careAssistantRule(hours({ home_care: 250 })).reason).toBe(
      'nog 50 uur, waarvan minstens 1 uur in een tweede context (woonzorg of ziekenhuis)',
    );
    expect(careAssistantRule(hours({ home_care: 120 })).reason).toBe(
      'nog 180 uur, waarvan minstens 80 uur in woonzorg, ziekenhuis of thuiszorg en minstens 1 uur in een tweede context (woonzorg of ziekenhuis)',
    );
  });

  it('at 0 hours says the total first, then the contexts', () => {
    // Beside "0 van 160 uur" the badge once read "nog 300 uur in een tweede context".
    expect(careAssistantRule(hours({}))).toEqual({
      met: false,
      reason:
        'nog 300 uur, waarvan minstens 200 uur in woonzorg, ziekenhuis of thuiszorg, verdeeld over minstens twee ervan',
    });
    expect(careAssistantRule(hours({ other: 100 })).reason).toBe(
      'nog 200 uur in woonzorg, ziekenhuis of thuiszorg, verdeeld over minstens twee ervan',
    );
    for (const h of [{}, { other: 40 }, { home_care: 120 }, { hospital: 160, other: 100 }]) {
      const reason = careAssistantRule(hours(h)).reason;
      expect(reason, reason).toMatch(/^nog \d+ uur/);
    }
  });

  it('says how much may still be done elsewhere', () => {
    // The walk-through of the issue: 120 at the service, 100 in a hospital.
    expect(careAssistantRule(hours({ home_care: 120, hospital: 100 }))).toEqual({
      met: false,
      reason: 'nog 80 uur',
    });
    expect(careAssistantRule(hours({ home_care: 20, hospital: 20, other: 50 }))).toEqual({
      met: false,
      reason: 'nog 210 uur, waarvan minstens 160 uur in woonzorg, ziekenhuis of thuiszorg',
    });
  });

  it('sums entries per context', () => {
    expect(
      sumByContext([
        { context: 'home_care', hours: 7.5 },
        { context: 'home_care', hours: 0.25 },
        { context: 'other', hours: 2 },
      ]),
    ).toEqual({ total: 9.75, byContext: hours({ home_care: 7.75, other: 2 }) });
  });
});

const ev = (
  kind: 'interim' | 'final',
  verdict: 'positive' | 'negative',
  by: 'school' | 'service',
  at: string,
) => ({
  kind,
  verdict,
  by,
  at,
});

describe('evaluation gates', () => {
  it('remote supervision needs a positive interim evaluation and no later negative one', () => {
    expect(remoteSupervisionAllowed([])).toBe(false);
    expect(remoteSupervisionAllowed([ev('interim', 'negative', 'service', '1')])).toBe(false);
    expect(remoteSupervisionAllowed([ev('interim', 'positive', 'service', '1')])).toBe(true);
    expect(remoteSupervisionAllowed([ev('final', 'positive', 'service', '1')])).toBe(false);
    expect(
      remoteSupervisionAllowed([
        ev('interim', 'negative', 'service', '1'),
        ev('interim', 'positive', 'service', '2'),
      ]),
    ).toBe(true);
    expect(
      remoteSupervisionAllowed([
        ev('interim', 'positive', 'service', '1'),
        ev('interim', 'negative', 'school', '2'),
      ]),
    ).toBe(false);
  });

  it('completion needs an interim evaluation and the service final one', () => {
    expect(trajectoryMayComplete([ev('interim', 'positive', 'school', '1')])).toBe(false);
    expect(trajectoryMayComplete([ev('final', 'positive', 'service', '1')])).toBe(false);
    expect(
      trajectoryMayComplete([
        ev('interim', 'negative', 'school', '1'),
        ev('final', 'positive', 'service', '2'),
      ]),
    ).toBe(true);
  });

  it('the final evaluation waits for the last day of the last period', () => {
    expect(finalEvaluationAllowed('2027-02-26', '2027-02-25')).toBe(false);
    expect(finalEvaluationAllowed('2027-02-26', '2027-02-26')).toBe(true);
    expect(finalEvaluationAllowed(undefined, '2027-02-26')).toBe(false);
  });

  it('the day is the Brussels day, also around midnight in summer time', () => {
    expect(brusselsDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(brusselsDay(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
});
