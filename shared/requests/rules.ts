import type { Track } from '#contract/organisations';
import { type DecisionStatus, OUTCOME_DUE_DAYS, statusesOf } from '#contract/requests';

/** Period indexes must point at periods the student asked for. */
export const periodsProblem = (chosen: number[], requested: number) =>
  chosen.some((i) => i >= requested) ? 'Kies enkel periodes die de school vroeg.' : null;

/** What this service holds now for the student: its status and whether it ever invited them. */
export interface CurrentDecision {
  status: DecisionStatus;
  invited: boolean;
}

export type Transition =
  /** Allowed; `choice` is false when the service already holds this status (nothing to count). */
  | { ok: true; choice: boolean }
  /** A status of the other workflow: a field error (400). */
  | { ok: false; kind: 'wrong-workflow'; message: string }
  /** The service accepted the student: final (409). */
  | { ok: false; kind: 'final'; message: string }
  /** Not allowed from here (422). */
  | { ok: false; kind: 'refused'; message: string };

export const AFTER_INVITATION: readonly DecisionStatus[] = ['accepted', 'not_accepted', 'no_show'];

export const FINAL_MESSAGE =
  'Je aanvaardde deze leerling al. Een aanvaarding is definitief en kan niet meer veranderd worden.';

/**
 * May a service go from its current decision to `to`, for a student of this track?
 * - only the statuses of the track's workflow (accept or invite);
 * - `accepted` is final;
 * - invite workflow: `accepted`, `not_accepted` and `no_show` only after this service invited the
 *   student; `not_invited` only before (after an interview the outcome is what counts);
 * - everything else may be changed freely.
 */
export function transition(track: Track, from: CurrentDecision, to: DecisionStatus): Transition {
  if (!statusesOf(track).includes(to)) {
    return {
      ok: false,
      kind: 'wrong-workflow',
      message:
        track === 'dual'
          ? 'Deze status hoort niet bij duaal leren: kies onbeslist, uitgenodigd, niet uitgenodigd, aanvaard, niet aanvaard of niet opgedaagd.'
          : 'Deze status hoort enkel bij duaal leren: kies onbeslist, niet aanvaard of aanvaard.',
    };
  }
  if (from.status === 'accepted') return { ok: false, kind: 'final', message: FINAL_MESSAGE };
  if (track === 'dual' && AFTER_INVITATION.includes(to) && !from.invited) {
    return {
      ok: false,
      kind: 'refused',
      message:
        'Nodig de leerling eerst uit op gesprek: pas daarna kan je aanvaard, niet aanvaard of niet opgedaagd kiezen.',
    };
  }
  if (track === 'dual' && to === 'not_invited' && from.invited) {
    return {
      ok: false,
      kind: 'refused',
      message:
        'Je nodigde deze leerling al uit op gesprek: noteer na het gesprek aanvaard, niet aanvaard of niet opgedaagd.',
    };
  }
  return { ok: true, choice: from.status !== to };
}

/** The statuses the status control offers: exactly those `transition` allows. */
export const allowedChoices = (track: Track, from: CurrentDecision): DecisionStatus[] =>
  statusesOf(track).filter((to) => transition(track, from, to).ok);

/** An invitation still without an outcome after OUTCOME_DUE_DAYS is a to-do for the service. */
export function outcomeOverdue(status: DecisionStatus, invitedSince: string | undefined, now: Date): boolean {
  if (status !== 'invited' || !invitedSince) return false;
  return now.getTime() - new Date(invitedSince).getTime() > OUTCOME_DUE_DAYS * 24 * 60 * 60 * 1000;
}
