import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
import { PHASES } from './phases';
import { PROGRAMMES } from './students';

/** What a round opens: the preferred-service round, or every student without a place. */
export const ROUND_KINDS = ['preferred', 'all'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export { PHASES, type Phase } from './phases';

/**
 * `lasting`: past its target date (`closesAt`) but still giving its scope its phase, because it
 * stays open and no later round of the scope opened yet. `closed`: over for good.
 */
export const ROUND_STATES = ['upcoming', 'open', 'lasting', 'closed'] as const;
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

/** The programmes a summer blackout can name: a secondary programme, or a whole other track. */
export const BLACKOUT_PROGRAMMES = [...PROGRAMMES, 'dual', 'adult'] as const;

const BlackoutDates = z.object({
  from: z.string(),
  to: z.string(),
  visibleFrom: z.string(),
  /** Only students of these programmes entered in the blackout wait for `visibleFrom`. */
  programmes: z.array(z.enum(BLACKOUT_PROGRAMMES)),
});

/** `GET /api/school-year`: time zone, blackout, rounds with their state now, and the server's now. */
export const SchoolYearView = z.object({
  schoolYear: z.string(),
  timeZone: z.string(),
  blackout: BlackoutDates,
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

/** Either switch, or both: what is left out stays as it is. */
export const PreferencesInput = z
  .object({
    reminders: z.boolean('Kies of je herinneringen wil ontvangen.').optional(),
    news: z
      .object({
        accepted: z.boolean('Kies aan of uit.').optional(),
        invited: z.boolean('Kies aan of uit.').optional(),
        outcome: z.boolean('Kies aan of uit.').optional(),
        ended: z.boolean('Kies aan of uit.').optional(),
      })
      .optional(),
  })
  .refine((v) => v.reminders !== undefined || v.news !== undefined, { message: 'Kies wat je wil wijzigen.' });

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

/* ---------------------------------------------------------------------------------------------
 * The life cycle of school years: /api/school-years. A year is `next` once prepared, `current`
 * while it runs (the address serves it), `archived` once read-only.
 * ------------------------------------------------------------------------------------------- */

export const SCHOOL_YEAR_STATUSES = ['current', 'next', 'archived'] as const;
export type SchoolYearStatus = (typeof SCHOOL_YEAR_STATUSES)[number];

/** `2027-2028`: two consecutive calendar years. */
export const SchoolYearId = z
  .string('Vul een schooljaar in.')
  .regex(/^\d{4}-\d{4}$/, 'Schrijf een schooljaar als twee jaartallen, bv. 2027-2028.')
  .refine(
    (v) => Number(v.slice(5, 9)) === Number(v.slice(0, 4)) + 1,
    'De twee jaartallen van een schooljaar volgen op elkaar.',
  );

export const SchoolYearPath = z.object({ schoolYear: SchoolYearId });
export const SchoolYearRoundPath = z.object({ schoolYear: SchoolYearId, id: z.string().min(1).max(64) });

/** POST /api/school-years: prepare the next school year. */
export const SchoolYearCreateInput = z.object({ schoolYear: SchoolYearId });
export type SchoolYearCreateInput = z.infer<typeof SchoolYearCreateInput>;

/** PUT /api/school-years/{schoolYear}: the retention date, or archiving (which cannot be undone). */
export const SchoolYearUpdateInput = z
  .object({
    retentionUntil: day('de bewaartermijn').optional(),
    status: z.literal('archived', 'Een schooljaar kan je enkel archiveren.').optional(),
  })
  .refine((v) => v.retentionUntil !== undefined || v.status !== undefined, {
    message: 'Geef een bewaartermijn of archiveer het schooljaar.',
  });
export type SchoolYearUpdateInput = z.infer<typeof SchoolYearUpdateInput>;

/** PUT /api/school-years/{schoolYear}/organisations: who does not take part in the prepared year. */
export const ParticipationInput = z.object({
  excludedOrganisations: z.array(z.string().min(1).max(64)).max(5000, 'Te veel organisaties.'),
});
export type ParticipationInput = z.infer<typeof ParticipationInput>;

/** When a year's personal data was erased, by whom, and how much. */
export const YearErasure = z.object({
  at: z.string(),
  by: z.string(),
  students: z.number().int(),
  items: z.number().int(),
  files: z.number().int(),
});
export type YearErasure = z.infer<typeof YearErasure>;

/** One line of GET /api/school-years. */
export const SchoolYearSummary = z.object({
  schoolYear: z.string(),
  status: z.enum(SCHOOL_YEAR_STATUSES),
  /**
   * True for the running year the address serves: the newest current one. Between the switch and
   * archiving, last year is current too (still open for late changes) but no longer at the address.
   */
  atAddress: z.boolean(),
  /** `YYYY-MM-DD`: on this day the year's personal data is erased. */
  retentionUntil: z.string(),
  /** The students of the year, as last counted (what an erasure will touch). */
  students: z.number().int().optional(),
  /** The day the year's last round closes: the retention date cannot be earlier. */
  lastRoundDay: z.string().nullable().optional(),
  erasure: YearErasure.optional(),
  /** True for the year that answers this request (the one at this address). */
  servedHere: z.boolean(),
});
export type SchoolYearSummary = z.infer<typeof SchoolYearSummary>;
export const SchoolYearList = z.array(SchoolYearSummary);

const roundShape = {
  id: z.string(),
  track: z.enum(TRACKS),
  programme: z.enum(PROGRAMMES).optional(),
  kind: z.enum(ROUND_KINDS),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  staysOpen: z.boolean(),
  internship: z.object({ from: z.string(), to: z.string() }).optional(),
};

/** A round of a proposed calendar, with what needs a second look (weekend, public holiday). */
export const ProposedRound = z.object({ ...roundShape, warnings: z.array(z.string()) });
export type ProposedRound = z.infer<typeof ProposedRound>;

export const ProposedOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['admin', 'school', 'service']),
  active: z.boolean(),
  /** Carried over to the prepared year: all active ones unless the admin leaves them out. */
  takesPart: z.boolean(),
});
export type ProposedOrganisation = z.infer<typeof ProposedOrganisation>;

/** POST /api/school-years (201) and GET /api/school-years/{schoolYear}: the prepared year. */
export const SchoolYearProposal = SchoolYearSummary.extend({
  timeZone: z.string(),
  blackout: BlackoutDates,
  blackoutWarnings: z.array(z.string()),
  reminders: z.object({
    weekly: z.object({ weekday: z.string(), time: z.string() }).nullable(),
    dayBeforeClose: z.string().nullable(),
  }),
  rounds: z.array(ProposedRound),
  /** Whether the calendar is still edited here (false once the year's own stack holds it). */
  editable: z.boolean(),
  /** A prepared year, before its carry-over: every organisation and whether it takes part. */
  organisations: z.array(ProposedOrganisation),
});
export type SchoolYearProposal = z.infer<typeof SchoolYearProposal>;
export const ProposedOrganisations = z.array(ProposedOrganisation);
