import { describe, expect, it } from 'vitest';
import {
  ACCEPT_STATUSES,
  DECISION_STATUSES,
  DecisionInput,
  type DecisionStatus,
  INVITE_STATUSES,
} from '#contract/requests';
import { currentLearners, freeSlots, holdsSlot, mentorCapacity } from '#people/rules';
import { allowedChoices, outcomeOverdue, transition } from '#requests/rules';
import { maySeePersonalData } from '#requests/visibility';

type Verdict = 'ok' | 'wrong-workflow' | 'final' | 'refused';
const verdict = (
  track: 'dual' | 'secondary' | 'adult',
  from: DecisionStatus,
  invited: boolean,
  to: DecisionStatus,
): Verdict => {
  const t = transition(track, { status: from, invited }, to);
  return t.ok ? 'ok' : t.kind;
};

/**
 * The invite workflow, written out by hand from the manual (4.2.3) and the issue, for every
 * reachable state (status held now, whether this service ever invited) and every target.
 */
const DUAL_EXPECTED: Record<string, Record<DecisionStatus, Verdict>> = {
  // Never invited: only the first choices.
  'undecided/never': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'ok',
    accepted: 'refused',
    not_accepted: 'refused',
    no_show: 'refused',
  },
  'not_invited/never': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'ok',
    accepted: 'refused',
    not_accepted: 'refused',
    no_show: 'refused',
  },
  // Invited (now or before): the outcomes, but no longer "not invited".
  'invited/invited': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'refused',
    accepted: 'ok',
    not_accepted: 'ok',
    no_show: 'ok',
  },
  'undecided/invited': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'refused',
    accepted: 'ok',
    not_accepted: 'ok',
    no_show: 'ok',
  },
  'not_accepted/invited': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'refused',
    accepted: 'ok',
    not_accepted: 'ok',
    no_show: 'ok',
  },
  'no_show/invited': {
    undecided: 'ok',
    invited: 'ok',
    not_invited: 'refused',
    accepted: 'ok',
    not_accepted: 'ok',
    no_show: 'ok',
  },
  // Accepted is final.
  'accepted/invited': {
    undecided: 'final',
    invited: 'final',
    not_invited: 'final',
    accepted: 'final',
    not_accepted: 'final',
    no_show: 'final',
  },
};

describe('the invite workflow (dual)', () => {
  for (const [state, targets] of Object.entries(DUAL_EXPECTED)) {
    const [from, invitedFlag] = state.split('/') as [DecisionStatus, string];
    for (const [to, expected] of Object.entries(targets)) {
      it(`${from} (${invitedFlag === 'invited' ? 'invited before' : 'never invited'}) → ${to}: ${expected}`, () => {
        expect(verdict('dual', from, invitedFlag === 'invited', to as DecisionStatus)).toBe(expected);
      });
    }
  }

  it('gives a Dutch reason for every refusal', () => {
    const t = transition('dual', { status: 'undecided', invited: false }, 'accepted');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.message).toMatch(/eerst uit op gesprek/);
  });

  it('the status control offers exactly what the rule allows', () => {
    expect(allowedChoices('dual', { status: 'undecided', invited: false })).toEqual([
      'undecided',
      'invited',
      'not_invited',
    ]);
    expect(allowedChoices('dual', { status: 'invited', invited: true })).toEqual([
      'undecided',
      'invited',
      'accepted',
      'not_accepted',
      'no_show',
    ]);
    expect(allowedChoices('dual', { status: 'accepted', invited: true })).toEqual([]);
  });

  it('counts only a change of status as a choice', () => {
    expect(transition('dual', { status: 'invited', invited: true }, 'invited')).toEqual({
      ok: true,
      choice: false,
    });
    expect(transition('dual', { status: 'invited', invited: true }, 'no_show')).toEqual({
      ok: true,
      choice: true,
    });
  });
});

describe('the accept workflow (secondary, adult)', () => {
  for (const track of ['secondary', 'adult'] as const) {
    for (const from of ['undecided', 'not_accepted'] as const) {
      for (const to of DECISION_STATUSES) {
        const expected: Verdict = (ACCEPT_STATUSES as readonly string[]).includes(to)
          ? 'ok'
          : 'wrong-workflow';
        it(`${track}: ${from} → ${to}: ${expected}`, () => {
          expect(verdict(track, from, false, to)).toBe(expected);
        });
      }
    }
    it(`${track}: accepted is final`, () => {
      expect(verdict(track, 'accepted', false, 'not_accepted')).toBe('final');
    });
  }

  it('dual statuses belong to dual only and vice versa', () => {
    for (const to of ['invited', 'not_invited', 'no_show'] as const) {
      expect(verdict('secondary', 'undecided', false, to)).toBe('wrong-workflow');
    }
    for (const to of INVITE_STATUSES)
      expect(verdict('dual', 'undecided', false, to)).not.toBe('wrong-workflow');
  });
});

describe('the decision input', () => {
  it('takes every status of both workflows, and a dual acceptance without periods', () => {
    for (const status of ['undecided', 'invited', 'not_invited', 'not_accepted', 'no_show'])
      expect(DecisionInput.safeParse({ status }).success).toBe(true);
    expect(
      DecisionInput.safeParse({ status: 'accepted', contactId: 'c1', notes: 'start maandag' }).success,
    ).toBe(true);
    expect(DecisionInput.safeParse({ status: 'hired' }).success).toBe(false);
  });
});

describe('personal data', () => {
  const dual = { track: 'dual' as const };
  it('shows to the accepting service only, or to a service that invited a dual student, at any time after', () => {
    expect(maySeePersonalData(dual, 's1', null)).toBe(false);
    expect(maySeePersonalData(dual, 's1', { serviceId: 's1' })).toBe(false);
    expect(maySeePersonalData(dual, 's1', { serviceId: 's1', invitedAt: '2026-09-01T10:00:00Z' })).toBe(true);
    // Another service's invitation reveals nothing to this one.
    expect(maySeePersonalData(dual, 's2', { serviceId: 's1', invitedAt: '2026-09-01T10:00:00Z' })).toBe(
      false,
    );
    // Accepted elsewhere: this service's earlier invitation still revealed the data to it.
    expect(
      maySeePersonalData({ ...dual, placement: { serviceId: 's2' } }, 's1', {
        serviceId: 's1',
        invitedAt: '2026-09-01T10:00:00Z',
      }),
    ).toBe(true);
    expect(maySeePersonalData({ ...dual, placement: { serviceId: 's1' } }, 's1', null)).toBe(true);
  });
  it('invitations mean nothing outside dual learning', () => {
    expect(
      maySeePersonalData({ track: 'secondary' }, 's1', {
        serviceId: 's1',
        invitedAt: '2026-09-01T10:00:00Z',
      }),
    ).toBe(false);
    expect(maySeePersonalData({ track: 'secondary', placement: { serviceId: 's1' } }, 's1')).toBe(true);
  });
});

describe('mentor capacity and to-dos', () => {
  it('2 learners at a social-profit service, 3 at a local-government one', () => {
    expect(mentorCapacity('social_profit')).toBe(2);
    expect(mentorCapacity('local_government')).toBe(3);
    expect(mentorCapacity(undefined)).toBe(2);
    expect(freeSlots(2, 2)).toBe(0);
    expect(freeSlots(1, 3)).toBe(2);
  });
  it('a learner counts until the end date of the training contract has passed, that day included', () => {
    expect(holdsSlot(null, '2027-03-01')).toBe(true);
    expect(holdsSlot(undefined, '2027-03-01')).toBe(true);
    expect(holdsSlot('2027-03-01', '2027-03-01')).toBe(true);
    expect(holdsSlot('2027-02-28', '2027-03-01')).toBe(false);
    expect(holdsSlot('2027-06-30', '2027-03-01')).toBe(true);
    const learners = { a: null, b: '2027-02-28', c: '2027-06-30' };
    expect(currentLearners(learners, '2027-03-01')).toBe(2);
    expect(currentLearners(learners, '2027-02-28')).toBe(3);
    expect(currentLearners(learners, '2027-07-01')).toBe(1);
    // The learner being written is left out of the count of the others.
    expect(currentLearners(learners, '2027-03-01', 'a')).toBe(1);
    expect(currentLearners(undefined, '2027-03-01')).toBe(0);
  });
  it('an invitation without outcome is a to-do after 14 days, not before', () => {
    const now = new Date('2026-10-20T12:00:00+02:00');
    expect(outcomeOverdue('invited', '2026-10-06T11:00:00+02:00', now)).toBe(true);
    expect(outcomeOverdue('invited', '2026-10-07T12:00:00+02:00', now)).toBe(false);
    expect(outcomeOverdue('no_show', '2026-09-01T12:00:00+02:00', now)).toBe(false);
  });
});
