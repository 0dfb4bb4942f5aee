import {
  CORE_CONTEXTS,
  type Evaluation,
  HOUR_CONTEXTS,
  type HourContext,
  type RuleOutcome,
} from '#contract/trajectory';
import { TIME_ZONE } from '#kernel/time';

/** The federal rule for registering as a care assistant (sector webinar). */
export const CARE_ASSISTANT = {
  totalHours: 300,
  coreHours: 200,
  coreContexts: 2,
  maxElsewhere: 100,
} as const;

const CORE_NAMES = 'woonzorg, ziekenhuis of thuiszorg';

export const emptyByContext = (): Record<HourContext, number> =>
  Object.fromEntries(HOUR_CONTEXTS.map((c) => [c, 0])) as Record<HourContext, number>;

/** Hours are kept to the quarter; sums of quarters stay exact in floating point. */
const hoursText = (h: number) => `${String(h).replace('.', ',')} uur`;

/**
 * 300 hours of internship, at least 200 of them in at least two of the three contexts
 * (residential elderly care, hospital, home care), at most 100 elsewhere. Hours elsewhere beyond
 * 100 do not count. The reason says one way to meet the rule from here, in Dutch.
 */
export function careAssistantRule(byContext: Record<HourContext, number>): RuleOutcome {
  const core = CORE_CONTEXTS.reduce((sum, c) => sum + (byContext[c] ?? 0), 0);
  const elsewhere = Math.min(byContext.other ?? 0, CARE_ASSISTANT.maxElsewhere);
  const contexts = CORE_CONTEXTS.filter((c) => (byContext[c] ?? 0) > 0).length;
  const missing = Math.max(0, CARE_ASSISTANT.totalHours - core - elsewhere);

  if (contexts < CARE_ASSISTANT.coreContexts) {
    // Whatever is missing, done in a second context, meets every part of the rule.
    return {
      met: false,
      reason: `nog ${hoursText(Math.max(missing, 1))} in een tweede context (${CORE_NAMES})`,
    };
  }
  if (missing === 0) return { met: true, reason: 'voldaan' };
  const roomElsewhere = CARE_ASSISTANT.maxElsewhere - elsewhere;
  if (roomElsewhere <= 0) return { met: false, reason: `nog ${hoursText(missing)} in ${CORE_NAMES}` };
  if (missing <= roomElsewhere) return { met: false, reason: `nog ${hoursText(missing)}` };
  return {
    met: false,
    reason: `nog ${hoursText(missing)}, waarvan minstens ${hoursText(missing - roomElsewhere)} in ${CORE_NAMES}`,
  };
}

export function sumByContext(entries: { context: HourContext; hours: number }[]) {
  const byContext = emptyByContext();
  for (const e of entries) byContext[e.context] += e.hours;
  const total = HOUR_CONTEXTS.reduce((sum, c) => sum + byContext[c], 0);
  return { total, byContext };
}

type Judged = Pick<Evaluation, 'kind' | 'verdict' | 'by' | 'at'>;

const latest = (evaluations: Judged[], kind: Judged['kind'], by: Judged['by']) =>
  evaluations
    .filter((e) => e.kind === kind && e.by === by)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);

/**
 * Remote supervision ("op afstand") only after a positive interim evaluation: at least one
 * exists, and the latest interim evaluation of each party that gave one is positive.
 */
export function remoteSupervisionAllowed(evaluations: Judged[]): boolean {
  const last = (['service', 'school'] as const).map((by) => latest(evaluations, 'interim', by));
  return last.some(Boolean) && last.every((e) => !e || e.verdict === 'positive');
}

/** The school closes the trajectory once an interim evaluation and the service's final one exist. */
export function trajectoryMayComplete(evaluations: Judged[]): boolean {
  return (
    evaluations.some((e) => e.kind === 'interim') &&
    evaluations.some((e) => e.kind === 'final' && e.by === 'service')
  );
}

/** The final evaluation comes at the end of the last period the service took on (its last day or later). */
export function finalEvaluationAllowed(lastPeriodEnd: string | undefined, today: string): boolean {
  return lastPeriodEnd !== undefined && today >= lastPeriodEnd;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Brussels at an instant, `YYYY-MM-DD`. */
export const brusselsDay = (instant: Date) => dayFormat.format(instant);
