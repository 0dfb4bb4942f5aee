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

export const HoursEntry = z.object({
  id: z.string(),
  studentId: z.string(),
  date: z.string(),
  hours: z.number(),
  context: z.enum(HOUR_CONTEXTS),
  note: z.string(),
  by: z.enum(['school', 'service']),
  organisationId: z.string(),
  recordedAt: z.string(),
});
export type HoursEntry = z.output<typeof HoursEntry>;

export const RuleOutcome = z.object({
  met: z.boolean(),
  /** Dutch, for the person: "voldaan" or what is still missing ("nog 40 uur in een tweede context"). */
  reason: z.string(),
});
export type RuleOutcome = z.output<typeof RuleOutcome>;

const byContext = z.object({
  residential_elderly_care: z.number(),
  hospital: z.number(),
  home_care: z.number(),
  other: z.number(),
}) satisfies z.ZodType<Record<HourContext, number>>;

export const HoursSummary = z.object({
  total: z.number(),
  /** The student's planned hours (the internship request's total), for the progress bar. */
  planned: z.number(),
  byContext,
  rule: RuleOutcome,
});
export type HoursSummary = z.output<typeof HoursSummary>;

/** `POST /api/students/{id}/hours`: the entry and the student's sums after it. */
export const HoursRecorded = z.object({ entry: HoursEntry, hours: HoursSummary });

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

export const Evaluation = z.object({
  id: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  verdict: z.enum(VERDICTS),
  text: z.string(),
  by: z.enum(['school', 'service']),
  organisationName: z.string(),
  authorName: z.string(),
  at: z.string(),
});
export type Evaluation = z.output<typeof Evaluation>;

export const RemoteSupervisionInput = z.object({
  on: z.boolean('Kies aan of uit.'),
});

export const TrainingContractInput = z
  .object({ start: isoDay('begindatum'), end: isoDay('einddatum') })
  .refine((c) => c.end >= c.start, { path: ['end'], message: 'De einddatum ligt vóór de begindatum.' });

/** `PUT /api/students/{id}/remote-supervision`. */
export const RemoteSupervision = z.object({ on: z.boolean(), since: z.string().nullable() });

/** `PUT /api/students/{id}/training-contract`: the dates as recorded. */
export const TrainingContract = z.object({ start: z.string(), end: z.string() });
export type TrainingContract = z.output<typeof TrainingContract>;

/** `POST /api/students/{id}/complete`. */
export const Completed = z.object({ completedAt: z.string() });

/** `GET /api/students/{id}/trajectory`: everything after the match. */
export const Trajectory = z.object({
  studentId: z.string(),
  hours: HoursSummary,
  entries: z.array(HoursEntry),
  /** Read as stored, so each also names the student it is about. */
  evaluations: z.array(Evaluation.extend({ studentId: z.string().optional() })),
  remoteSupervision: z.object({ on: z.boolean(), since: z.string().nullable(), allowed: z.boolean() }),
  completedAt: z.string().nullable(),
  mayComplete: z.boolean(),
  mayGiveFinal: z.boolean(),
});
export type Trajectory = z.output<typeof Trajectory>;

const verdicts = z.object({ positive: z.number(), negative: z.number() }) satisfies z.ZodType<
  Record<Verdict, number>
>;

/** `GET /api/admin/evaluations`: how many evaluations there are, not what they say. */
export const EvaluationCounts = z.object({ interim: verdicts, final: verdicts, completed: z.number() });
export type EvaluationCounts = z.output<typeof EvaluationCounts>;

export const DualReportRow = z.object({
  studentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  schoolName: z.string(),
  hours: z.number(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
});
export type DualReportRow = z.output<typeof DualReportRow>;

/** `GET /api/dual-report`: per dual learner, hours in the school year and the contract's dates. */
export const DualReport = z.object({ schoolYear: z.string(), rows: z.array(DualReportRow) });
