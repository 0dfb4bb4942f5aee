import type { Round, RoundChanges, RoundInput, SchoolYearView } from '#contract/school-year';
import { conflict, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { blackoutProgrammes } from './calendar';
import { requestManualMoment } from './outbox-store';
import { roundProblems, roundStatesAt } from './rules';
import { deleteRound, ensureSeeded, loadCalendar, putRound, RoundExists } from './store';

/** The school year as every role sees it: dates, rounds with their state now, and now. */
export async function schoolYearView(now: Date): Promise<SchoolYearView> {
  const data = await loadCalendar();
  const { rounds } = data;
  return {
    schoolYear: data.schoolYear,
    timeZone: data.timeZone,
    blackout: { ...data.blackout, programmes: blackoutProgrammes(data.blackout) },
    reminders: data.reminders,
    rounds: roundStatesAt(rounds, now),
    now: now.toISOString(),
  };
}

/** The calendar's rules on one round among the others: a field error (400) or a clash (409). */
export function check(round: Round, others: Round[]) {
  const { invalid, clash } = roundProblems(round, others);
  if (invalid.length > 0) throw validationFailed(invalid);
  if (clash) throw conflict(clash.message, [clash]);
}

/** Only the fields a round has: a change may not smuggle anything else into the stored item. */
export function clean(round: Round): Round {
  return {
    id: round.id,
    track: round.track,
    ...(round.programme ? { programme: round.programme } : {}),
    kind: round.kind,
    name: round.name,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    staysOpen: round.staysOpen,
    ...(round.internship ? { internship: { from: round.internship.from, to: round.internship.to } } : {}),
  };
}

export async function createRound(input: RoundInput, by: string, now: Date): Promise<Round> {
  await ensureSeeded();
  const { rounds } = await loadCalendar();
  const round = clean({ ...input, id: newId(now.getTime()) });
  check(round, rounds);
  await putRound(round, by, { isNew: true });
  return round;
}

/** A round with a change applied (`null` removes programme or internship range), cleaned. */
export function changed(current: Round, changes: RoundChanges): Round {
  const { programme, internship, ...rest } = changes;
  return clean({
    ...current,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(programme !== undefined ? { programme: programme ?? undefined } : {}),
    ...(internship !== undefined ? { internship: internship ?? undefined } : {}),
  } as Round);
}

export const ROUND_GONE = 'Deze ronde bestaat niet (meer).';

export async function changeRound(id: string, changes: RoundChanges, by: string): Promise<Round> {
  await ensureSeeded();
  const { rounds } = await loadCalendar();
  const current = rounds.find((r) => r.id === id);
  if (!current) throw notFound(ROUND_GONE);
  const next = changed(current, changes);
  check(next, rounds);
  try {
    await putRound(next, by, { isNew: false });
  } catch (error) {
    if (error instanceof RoundExists) throw notFound('Deze ronde bestaat niet (meer).');
    throw error;
  }
  return next;
}

export async function removeRound(id: string): Promise<void> {
  await ensureSeeded();
  if (!(await deleteRound(id))) throw notFound('Deze ronde bestaat niet (meer).');
}

/** "Send the reminders now": queued as a moment of its own, which the next tick sends. */
export async function remindNow(id: string, now: Date): Promise<{ moment: string }> {
  const { rounds } = await loadCalendar();
  const round = rounds.find((r) => r.id === id);
  if (!round) throw notFound('Deze ronde bestaat niet (meer).');
  const moment = `manual-${now.toISOString()}`;
  await requestManualMoment(round.id, moment, now);
  return { moment };
}
