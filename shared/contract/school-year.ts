import * as z from '#kernel/zod';
import { TRACKS, type Track } from './organisations';
import { PHASES, type Phase } from './phases';
import { PROGRAMMES, type Programme } from './students';

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

export interface Round {
  id: string;
  track: Track;
  programme?: Programme;
  kind: RoundKind;
  name: string;
  /** Brussels wall-clock time, `YYYY-MM-DDTHH:mm`. */
  opensAt: string;
  closesAt: string;
  /** After the close, its visibility continues until the next round of the same scope opens. */
  staysOpen: boolean;
  /** Adult education: the window is for the students whose first period starts in this range. */
  internship?: { from: string; to: string };
}

/** When reminders go out while a round is open (Brussels time). */
export interface ReminderCadence {
  /** Every week on this day at `time`. */
  weekly: { weekday: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday'; time: string } | null;
  /** The day before the round's close at this time. */
  dayBeforeClose: string | null;
}

export interface SchoolYearView {
  schoolYear: string;
  timeZone: string;
  blackout: { from: string; to: string; visibleFrom: string };
  reminders: ReminderCadence;
  rounds: (Round & { state: RoundState })[];
  now: string;
}

/** One scope of a track (a programme, an adult window, or the whole track) and its state now. */
export interface ScopeStateView {
  key: string;
  programme?: Programme;
  internship?: { from: string; to: string };
  phase: Phase;
  /** The round that gives this phase, if any. */
  round: { id: string; name: string; closesAt: string; staysOpen: boolean } | null;
  /** The next change of phase in this scope: when, and to what. */
  next: { at: string; phase: Phase } | null;
}

export interface TrackStateView {
  track: Track;
  /** What the admin's emergency override holds, or null when the calendar rules. */
  override: Phase | null;
  scopes: ScopeStateView[];
}

export const PhaseOverrideInput = z.object({
  phase: z.enum(PHASES, 'Kies gesloten, voorkeursdienst of alle leerlingen.').nullable(),
});

export const PreferencesInput = z.object({
  reminders: z.boolean('Kies of je herinneringen wil ontvangen.'),
});

export interface MailFailureView {
  id: string;
  roundId: string;
  roundName: string;
  moment: string;
  organisationName: string;
  attempts: number;
  lastError: string;
  failedAt: string;
}
