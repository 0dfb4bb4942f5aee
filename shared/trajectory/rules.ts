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

type CoreContext = (typeof CORE_CONTEXTS)[number];
const CORE_LABELS: Record<CoreContext, string> = {
  residential_elderly_care: 'woonzorg',
  hospital: 'ziekenhuis',
  home_care: 'thuiszorg',
};
/** `a, b of c`. */
const either = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : (names[0] ?? '');
const CORE_NAMES = either(CORE_CONTEXTS.map((c) => CORE_LABELS[c]));

export const emptyByContext = (): Record<HourContext, number> =>
  Object.fromEntries(HOUR_CONTEXTS.map((c) => [c, 0])) as Record<HourContext, number>;

/** Hours are kept to the quarter; sums of quarters stay exact in floating point. */
const hoursText = (h: number) => `${String(h).replace('.', ',')} uur`;

/** What the total still needs, and how much of that must be in the three contexts. */
function totalText(missing: number, inCore: number): string {
  if (inCore === 0) return `nog ${hoursText(missing)}`;
  if (inCore >= missing) return `nog ${hoursText(missing)} in ${CORE_NAMES}`;
  return `nog ${hoursText(missing)}, waarvan minstens ${hoursText(inCore)} in ${CORE_NAMES}`;
}

/**
 * 300 hours of internship, at least 200 of them in at least two of the three contexts
 * (residential elderly care, hospital, home care), at most 100 elsewhere. Hours elsewhere beyond
 * 100 do not count. The reason says one way to meet the rule from here, in Dutch, in the order it
 * matters: the hours still missing first, then the contexts they must cover.
 */
export function careAssistantRule(byContext: Record<HourContext, number>): RuleOutcome {
  const core = CORE_CONTEXTS.reduce((sum, c) => sum + (byContext[c] ?? 0), 0);
  const elsewhere = Math.min(byContext.other ?? 0, CARE_ASSISTANT.maxElsewhere);
  const done = CORE_CONTEXTS.filter((c) => (byContext[c] ?? 0) > 0);
  const missing = Math.max(0, CARE_ASSISTANT.totalHours - core - elsewhere);
  const inCore = Math.max(0, missing - (CARE_ASSISTANT.maxElsewhere - elsewhere));

  if (done.length >= CARE_ASSISTANT.coreContexts) {
    return missing === 0
      ? { met: true, reason: 'voldaan' }
      : { met: false, reason: totalText(missing, inCore) };
  }
  if (done.length === 0) {
    // Nothing in the three contexts yet: the 200 hours there must cover two of them.
    return { met: false, reason: `${totalText(missing, inCore)}, verdeeld over minstens twee ervan` };
  }
  const others = CORE_CONTEXTS.filter((c) => !done.includes(c)).map((c) => CORE_LABELS[c]);
  const second = `minstens ${hoursText(missing > 0 ? Math.min(1, missing) : 1)} in een tweede context (${either(others)})`;
  if (missing === 0)
    return { met: false, reason: `${hoursText(CARE_ASSISTANT.totalHours)} gehaald, nog ${second}` };
  const total = totalText(missing, inCore);
  return {
    met: false,
    // "nog 180 uur, waarvan minstens 80 uur in … en minstens 1 uur in een tweede context (…)"
    reason: inCore > 0 && inCore < missing ? `${total} en ${second}` : `${total}, waarvan ${second}`,
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
