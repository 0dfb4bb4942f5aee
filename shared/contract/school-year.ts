import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
import { PHASES } from './phases';
import { PROGRAMMES } from './students';

/** What a round opens: the preferred-service round, or every student without a place. */
export const ROUND_KINDS = ['preferred', 'all'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export { PHASES, type Phase } from './phases';

export const ROUND_STATES = ['upcoming', 'open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

const wallClock = (label: string) =>
  z
    .string(`Vul ${label} in.`)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Vul ${label} in als datum en uur (JJJJ-MM-DDTUU:MM).`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), `Dit is geen geldige datum.`);

const day = (label: string) =>
  z
    .string(`Vul ${label} in.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Vul ${label} in als datum (JJJJ-MM-DD).`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `Dit is geen geldige datum.`);

/** The students of an adult-education window: their first period starts in this range. */
export const InternshipRange = z
  .object({ from: day('de eerste startdatum'), to: day('de laatste startdatum') })
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'Deze datum ligt vóór de eerste startdatum.' });

const roundFields = {
  track: z.enum(TRACKS, 'Kies de opleidingsvorm.'),
  programme: z.enum(PROGRAMMES, 'Kies het programma.').optional(),
  kind: z.enum(ROUND_KINDS, 'Kies voorkeursdienst of alle leerlingen.'),
  name: z.string('Vul de naam in.').trim().min(1, 'Vul de naam in.').max(120, 'Maximaal 120 tekens.'),
  opensAt: wallClock('het begin'),
  closesAt: wallClock('het einde'),
  staysOpen: z.boolean('Kies of de ronde daarna open blijft.'),
  internship: InternshipRange.optional(),
};

/** A new round as the admin enters it; the rules on the whole calendar follow in rules.ts. */
export const RoundInput = z.object(roundFields);
export type RoundInput = z.infer<typeof RoundInput>;

/** A change: any subset of the fields; `null` removes programme or internship range. */
export const RoundChanges = z.object({
  ...RoundInput.partial().shape,
  programme: roundFields.programme.unwrap().nullable().optional(),
  internship: InternshipRange.nullable().optional(),
});
export type RoundChanges = z.infer<typeof RoundChanges>;

export const RoundPath = z.object({ id: z.string().min(1).max(64) });

const RoundFields = z.object({
  id: z.string(),
  track: z.enum(TRACKS),
  programme: z.enum(PROGRAMMES).optional(),
  kind: z.enum(ROUND_KINDS),
  name: z.string(),
  /** Brussels wall-clock time, `YYYY-MM-DDTHH:mm`. */
  opensAt: z.string(),
  closesAt: z.string(),
  /** After the close, its visibility continues until the next round of the same scope opens. */
  staysOpen: z.boolean(),
  /** Adult education: the window is for the students whose first period starts in this range. */
  internship: z.object({ from: z.string(), to: z.string() }).optional(),
});
export const Round = RoundFields.meta({ id: 'Round' });
export type Round = z.output<typeof Round>;

const clockTime = z.string();

/** When reminders go out while a round is open (Brussels time). */
export const ReminderCadence = z.object({
  /** Every week on this day at `time`. */
  weekly: z
    .object({ weekday: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']), time: clockTime })
    .nullable(),
  /** The day before the round's close at this time. */
  dayBeforeClose: clockTime.nullable(),
});
export type ReminderCadence = z.output<typeof ReminderCadence>;

/** `GET /api/school-year`: time zone, blackout, rounds with their state now, and the server's now. */
export const SchoolYearView = z.object({
  schoolYear: z.string(),
  timeZone: z.string(),
  blackout: z.object({ from: z.string(), to: z.string(), visibleFrom: z.string() }),
  reminders: ReminderCadence,
  rounds: z.array(RoundFields.extend({ state: z.enum(ROUND_STATES) })),
  now: z.string(),
});
export type SchoolYearView = z.output<typeof SchoolYearView>;

/** One scope of a track (a programme, an adult window, or the whole track) and its state now. */
export const ScopeStateView = z.object({
  key: z.string(),
  programme: z.enum(PROGRAMMES).optional(),
  internship: z.object({ from: z.string(), to: z.string() }).optional(),
  phase: z.enum(PHASES),
  /** The round that gives this phase, if any. */
  round: z
    .object({ id: z.string(), name: z.string(), closesAt: z.string(), staysOpen: z.boolean() })
    .nullable(),
  /** The next change of phase in this scope: when, and to what. */
  next: z.object({ at: z.string(), phase: z.enum(PHASES) }).nullable(),
});
export type ScopeStateView = z.output<typeof ScopeStateView>;

export const TrackStateView = z.object({
  track: z.enum(TRACKS),
  /** What the admin's emergency override holds, or null when the calendar rules. */
  override: z.enum(PHASES).nullable(),
  scopes: z.array(ScopeStateView),
});
export type TrackStateView = z.output<typeof TrackStateView>;

/** `GET /api/tracks`: each track's scopes and their state now. */
export const TrackPhaseList = z.object({ items: z.array(TrackStateView) });
export type TrackPhaseList = z.output<typeof TrackPhaseList>;

/** The answer to `PUT /api/tracks/{track}/phase`. */
export const TrackPhase = z.object({
  track: z.enum(TRACKS),
  phase: z.enum(PHASES).nullable(),
  override: z.enum(PHASES).nullable(),
});
export type TrackPhase = z.output<typeof TrackPhase>;

/** `POST /api/school-year/rounds/{id}/reminders`: queued for the moment named. */
export const RemindersQueued = z.object({ moment: z.string() });

export const PhaseOverrideInput = z.object({
  phase: z.enum(PHASES, 'Kies gesloten, voorkeursdienst of alle leerlingen.').nullable(),
});

export const PreferencesInput = z.object({
  reminders: z.boolean('Kies of je herinneringen wil ontvangen.'),
});

/** A round mail given up on after its retries: never lost silently, listed for the admin. */
export const MailFailureView = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  moment: z.string(),
  organisationName: z.string(),
  attempts: z.number(),
  lastError: z.string(),
  failedAt: z.string(),
});
export type MailFailureView = z.output<typeof MailFailureView>;
export const MailFailureList = z.object({ items: z.array(MailFailureView) });

export const TrackPath = z.object({ track: z.enum(TRACKS, 'Onbekende opleidingsvorm.') });
