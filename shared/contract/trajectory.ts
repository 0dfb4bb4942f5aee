import { optionalText, requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { isCalendarDate } from './students';

/** Where internship hours were done; the care-assistant rule counts the first three together. */
export const HOUR_CONTEXTS = ['residential_elderly_care', 'hospital', 'home_care', 'other'] as const;
export type HourContext = (typeof HOUR_CONTEXTS)[number];
export const CORE_CONTEXTS = ['residential_elderly_care', 'hospital', 'home_care'] as const;

export const isoDay = (label: string) =>
  z
    .string(`Vul de ${label} in.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Vul de ${label} in als JJJJ-MM-DD.`, abort: true })
    .refine(isCalendarDate, `Dit is geen geldige ${label}.`);

/**
 * Hours worked on a date (a week or a whole period, recorded on its last day). A service records
 * home care at its own place; a school says in which context the hours were done.
 */
export const HoursInput = z.object({
  date: isoDay('datum'),
  hours: z
    .number('Vul het aantal uren in.')
    .positive('Het aantal uren moet groter zijn dan 0.')
    .max(400, 'Hoogstens 400 uur per registratie.')
    .refine((h) => Number.isInteger(h * 4), 'Vul uren in per kwartier (bv. 7,25 of 7,5).'),
  context: z.enum(HOUR_CONTEXTS, 'Kies de context: woonzorg, ziekenhuis, thuiszorg of andere.').optional(),
  note: optionalText(300, { multiline: false }),
});
export type HoursInput = z.output<typeof HoursInput>;

export interface HoursEntry {
  id: string;
  studentId: string;
  date: string;
  hours: number;
  context: HourContext;
  note: string;
  by: 'school' | 'service';
  organisationId: string;
  recordedAt: string;
}

export interface RuleOutcome {
  met: boolean;
  /** Dutch, for the person: "voldaan" or what is still missing ("nog 40 uur in een tweede context"). */
  reason: string;
}

export interface HoursSummary {
  total: number;
  /** The student's planned hours (the internship request's total), for the progress bar. */
  planned: number;
  byContext: Record<HourContext, number>;
  rule: RuleOutcome;
}

export const EVALUATION_KINDS = ['interim', 'final'] as const;
export const VERDICTS = ['positive', 'negative'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export type Verdict = (typeof VERDICTS)[number];

export const EvaluationInput = z.object({
  kind: z.enum(EVALUATION_KINDS, 'Kies tussentijdse evaluatie of eindevaluatie.'),
  verdict: z.enum(VERDICTS, 'Kies positief of negatief.'),
  text: requiredText(4000, 'Schrijf kort waarom.'),
});
export type EvaluationInput = z.output<typeof EvaluationInput>;

export interface Evaluation {
  id: string;
  kind: EvaluationKind;
  verdict: Verdict;
  text: string;
  by: 'school' | 'service';
  organisationName: string;
  authorName: string;
  at: string;
}

export const RemoteSupervisionInput = z.object({
  on: z.boolean('Kies aan of uit.'),
});

export const TrainingContractInput = z
  .object({ start: isoDay('begindatum'), end: isoDay('einddatum') })
  .refine((c) => c.end >= c.start, { path: ['end'], message: 'De einddatum ligt vóór de begindatum.' });
export type TrainingContract = z.output<typeof TrainingContractInput>;

export interface Trajectory {
  studentId: string;
  hours: HoursSummary;
  entries: HoursEntry[];
  evaluations: Evaluation[];
  remoteSupervision: { on: boolean; since: string | null; allowed: boolean };
  completedAt: string | null;
  mayComplete: boolean;
  mayGiveFinal: boolean;
}

export interface EvaluationCounts {
  interim: Record<Verdict, number>;
  final: Record<Verdict, number>;
  completed: number;
}

export interface DualReportRow {
  studentId: string;
  firstName: string;
  lastName: string;
  schoolName: string;
  hours: number;
  contractStart: string | null;
  contractEnd: string | null;
}
