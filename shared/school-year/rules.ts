import type { Track } from '#contract/organisations';
import type {
  BLACKOUT_PROGRAMMES,
  Phase,
  ReminderCadence,
  Round,
  RoundState,
  ScopeStateView,
  TrackStateView,
} from '#contract/school-year';
import type { Programme } from '#contract/students';
import { PROGRAMMES } from '#contract/students';
import type { FieldError } from '#kernel/errors';
import { brusselsToInstant } from '#kernel/time';

/**
 * The calendar's rules, pure: which round gives each scope its phase at an instant, when that
 * changes, which rounds may coexist, and at which moments the mailings go out. Times in rounds
 * are Brussels wall-clock (`YYYY-MM-DDTHH:mm`); comparisons are on instants, so a boundary holds
 * to the second on either side of a DST change.
 */

/** The students a round is about, within its track: a programme, an adult window, or all. */
export interface Segment {
  programme?: Programme;
  /** The student's first period starts within this range (inclusive, `YYYY-MM-DD`). */
  firstPeriod?: { from: string; to: string };
}

export const at = (wall: string): Date => brusselsToInstant(wall);

export function scopeKeyOf(r: Pick<Round, 'track' | 'programme' | 'internship'>): string {
  if (r.track === 'secondary') return `secondary:${r.programme ?? '?'}`;
  if (r.track === 'adult') return r.internship ? `adult:${r.internship.from}..${r.internship.to}` : 'adult:?';
  return r.track;
}

export function segmentOf(r: Pick<Round, 'track' | 'programme' | 'internship'>): Segment {
  if (r.track === 'secondary' && r.programme) return { programme: r.programme };
  if (r.track === 'adult' && r.internship) return { firstPeriod: { ...r.internship } };
  return {};
}

export function roundStateAt(round: Pick<Round, 'opensAt' | 'closesAt'>, now: Date): RoundState {
  if (now < at(round.opensAt)) return 'upcoming';
  return now < at(round.closesAt) ? 'open' : 'closed';
}

const phaseOfKind = (r: Round): Phase => r.kind;

/**
 * A scope's phase at `now`, from its own rounds only:
 * - a round open at `now` gives its kind (at 12:00:00 open, at 11:59:59 not yet);
 * - otherwise the latest-closing round that stays open and closed before `now` keeps giving its
 *   kind: its visibility continues until the next round of the scope opens, and resumes after a
 *   round that does not itself stay open;
 * - otherwise closed.
 */
export function scopePhaseAt(rounds: readonly Round[], now: Date): { phase: Phase; round: Round | null } {
  const open = rounds
    .filter((r) => roundStateAt(r, now) === 'open')
    .sort((a, b) => at(b.opensAt).getTime() - at(a.opensAt).getTime())[0];
  if (open) return { phase: phaseOfKind(open), round: open };
  const lasting = rounds
    .filter((r) => r.staysOpen && at(r.closesAt) <= now)
    .sort((a, b) => at(b.closesAt).getTime() - at(a.closesAt).getTime())[0];
  if (lasting) return { phase: phaseOfKind(lasting), round: lasting };
  return { phase: 'closed', round: null };
}

/**
 * Every round with its state at `now`. A round past its target date that stays open is `lasting`
 * while it still gives its scope the phase (`scopePhaseAt`), so the calendar never calls "over" a
 * round whose students services still see.
 */
export function roundStatesAt<R extends Round>(
  rounds: readonly R[],
  now: Date,
): (R & { state: RoundState })[] {
  return rounds.map((r) => {
    const state = roundStateAt(r, now);
    if (state !== 'closed' || !r.staysOpen) return { ...r, state };
    const own = rounds.filter((o) => o.track === r.track && scopeKeyOf(o) === scopeKeyOf(r));
    return { ...r, state: scopePhaseAt(own, now).round?.id === r.id ? 'lasting' : 'closed' };
  });
}

/** The first boundary after `now` at which the scope's phase changes, and the phase it takes. */
export function nextChange(rounds: readonly Round[], now: Date): { at: Date; phase: Phase } | null {
  const current = scopePhaseAt(rounds, now).phase;
  const boundaries = [...new Set(rounds.flatMap((r) => [at(r.opensAt).getTime(), at(r.closesAt).getTime()]))]
    .filter((t) => t > now.getTime())
    .sort((a, b) => a - b);
  for (const t of boundaries) {
    const phase = scopePhaseAt(rounds, new Date(t)).phase;
    if (phase !== current) return { at: new Date(t), phase };
  }
  return null;
}

/** The scopes of a track: both programmes for secondary, one per adult window, the track for dual. */
export function scopesOfTrack(rounds: readonly Round[], track: Track): { key: string; segment: Segment }[] {
  if (track === 'secondary') {
    return PROGRAMMES.map((programme) => ({ key: `secondary:${programme}`, segment: { programme } }));
  }
  if (track === 'adult') {
    const windows = new Map<string, Segment>();
    for (const r of rounds) if (r.track === 'adult' && r.internship) windows.set(scopeKeyOf(r), segmentOf(r));
    return [...windows].sort(([a], [b]) => a.localeCompare(b)).map(([key, segment]) => ({ key, segment }));
  }
  return [{ key: track, segment: {} }];
}

export interface SegmentPhase {
  segment: Segment;
  phase: Phase;
}

/** What a track's scopes are at `now`; an override, while it holds, beats the calendar. */
export function trackStateAt(
  rounds: readonly Round[],
  track: Track,
  override: Phase | null,
  now: Date,
): TrackStateView & { segments: SegmentPhase[] } {
  const scopes: ScopeStateView[] = [];
  const segments: SegmentPhase[] = [];
  for (const { key, segment } of scopesOfTrack(rounds, track)) {
    const own = rounds.filter((r) => r.track === track && scopeKeyOf(r) === key);
    const { phase: calendarPhase, round } = scopePhaseAt(own, now);
    const phase = override ?? calendarPhase;
    const next = override ? null : nextChange(own, now);
    scopes.push({
      key,
      ...(segment.programme ? { programme: segment.programme } : {}),
      ...(segment.firstPeriod ? { internship: segment.firstPeriod } : {}),
      phase,
      round:
        round && !override
          ? { id: round.id, name: round.name, closesAt: round.closesAt, staysOpen: round.staysOpen }
          : null,
      next: next ? { at: next.at.toISOString(), phase: next.phase } : null,
    });
    segments.push({ segment, phase });
  }
  return { track, override, scopes, segments };
}

/** Why a round cannot be stored as it is: field errors (400) or a clash with another round (409). */
export function roundProblems(
  round: Omit<Round, 'id'> & { id?: string },
  others: readonly Round[],
): { invalid: FieldError[]; clash: FieldError | null } {
  const invalid: FieldError[] = [];
  const body = (path: string, message: string) => invalid.push({ path, in: 'body', message });
  if (at(round.closesAt) <= at(round.opensAt)) body('closesAt', 'Het einde moet na het begin liggen.');
  if (round.track === 'secondary' && !round.programme) {
    body('programme', 'Kies het programma: een ronde van het secundair hoort bij één programma.');
  }
  if (round.track !== 'secondary' && round.programme) {
    body('programme', 'Een programma hoort enkel bij secundair onderwijs.');
  }
  if (round.track === 'adult' && !round.internship) {
    body('internship', 'Kies de periode waarin de eerste stageperiode van de cursisten begint.');
  }
  if (round.track !== 'adult' && round.internship) {
    body('internship', 'Een stageperiode per venster hoort enkel bij volwassenenonderwijs.');
  }
  if (invalid.length > 0) return { invalid, clash: null };
  const key = scopeKeyOf(round);
  const rest = others.filter((o) => o.id !== round.id && o.track === round.track);
  const overlapping = rest.find(
    (o) => scopeKeyOf(o) === key && at(o.opensAt) < at(round.closesAt) && at(round.opensAt) < at(o.closesAt),
  );
  if (overlapping) {
    return {
      invalid,
      clash: {
        path: 'opensAt',
        in: 'body',
        message: `Deze ronde overlapt met "${overlapping.name}" voor dezelfde leerlingen.`,
      },
    };
  }
  if (round.internship) {
    const { from, to } = round.internship;
    const crossing = rest.find(
      (o) => o.internship && scopeKeyOf(o) !== key && o.internship.from <= to && from <= o.internship.to,
    );
    if (crossing) {
      return {
        invalid,
        clash: {
          path: 'internship.from',
          in: 'body',
          message: `Deze stageperiode overlapt met het venster van "${crossing.name}".`,
        },
      };
    }
  }
  return { invalid, clash: null };
}

/** The outbox key of the admin's own mailing (shared/mailings): it shares the rounds' outbox. */
export const adhocRoundId = (mailingId: string) => `mailing-${mailingId}`;
export const isAdhocRound = (roundId: string) => roundId.startsWith('mailing-');

/**
 * `adhoc`: the admin's own mailing to a group, delivered through the same outbox. `news`: an event
 * of one student that the school's people are told of (`#students/news`).
 */
export type MomentKind = 'open' | 'close' | 'reminder' | 'adhoc' | 'news';

/** One mailing of a round: its deterministic id within the round, and when it is due. */
export interface Moment {
  roundId: string;
  /** `open`, `close`, `reminder-<YYYY-MM-DDTHH:mm>`, or `manual-<...>` for "send now". */
  id: string;
  kind: MomentKind;
  /** Brussels wall-clock. */
  at: string;
}

const WEEKDAY_INDEX = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5 } as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** Calendar arithmetic on wall-clock dates, done in UTC so that no zone interferes. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Every mailing moment of a round: its open and its close, and reminders while it is open (every
 * week on the cadence's day, and the day before the close), strictly between open and close.
 */
export function momentsOf(round: Round, cadence: ReminderCadence): Moment[] {
  const moments: Moment[] = [
    { roundId: round.id, id: 'open', kind: 'open', at: round.opensAt },
    { roundId: round.id, id: 'close', kind: 'close', at: round.closesAt },
  ];
  const opens = at(round.opensAt);
  const closes = at(round.closesAt);
  const reminders = new Set<string>();
  if (cadence.weekly) {
    const target = WEEKDAY_INDEX[cadence.weekly.weekday];
    for (let d = round.opensAt.slice(0, 10); d <= round.closesAt.slice(0, 10); d = addDays(d, 1)) {
      if (weekdayOf(d) === target) reminders.add(`${d}T${cadence.weekly.time}`);
    }
  }
  if (cadence.dayBeforeClose)
    reminders.add(`${addDays(round.closesAt.slice(0, 10), -1)}T${cadence.dayBeforeClose}`);
  for (const wall of [...reminders].sort()) {
    const t = at(wall);
    if (t > opens && t < closes)
      moments.push({ roundId: round.id, id: `reminder-${wall}`, kind: 'reminder', at: wall });
  }
  return moments;
}

/** The moments due at `now`: past, but not longer ago than `lookbackMs` (a late or repeated tick). */
export function dueMoments(
  rounds: readonly Round[],
  cadence: ReminderCadence,
  now: Date,
  lookbackMs: number,
): Moment[] {
  return rounds
    .flatMap((r) => momentsOf(r, cadence))
    .filter((m) => {
      const t = at(m.at).getTime();
      return t <= now.getTime() && t > now.getTime() - lookbackMs;
    })
    .sort((a, b) => at(a.at).getTime() - at(b.at).getTime());
}

/* ---------------------------------------------------------------------------------------------
 * When a student's request goes out: the adult-education window a student belongs to, and the
 * round that first shows a student to services.
 * ------------------------------------------------------------------------------------------- */

/** An adult-education window: its range of first-period starts and its rounds (in opening order). */
export interface AdultWindow {
  key: string;
  internship: { from: string; to: string };
  rounds: Round[];
}

export function adultWindowsOf(rounds: readonly Round[]): AdultWindow[] {
  const windows = new Map<string, AdultWindow>();
  for (const r of rounds) {
    if (r.track !== 'adult' || !r.internship) continue;
    const key = scopeKeyOf(r);
    const window = windows.get(key) ?? { key, internship: { ...r.internship }, rounds: [] };
    window.rounds.push(r);
    windows.set(key, window);
  }
  const opens = (w: AdultWindow) => Math.min(...w.rounds.map((r) => at(r.opensAt).getTime()));
  for (const w of windows.values())
    w.rounds.sort((a, b) => at(a.opensAt).getTime() - at(b.opensAt).getTime());
  return [...windows.values()].sort((a, b) => opens(a) - opens(b) || a.key.localeCompare(b.key));
}

/** A window still to come or running at `now`: one of its rounds closes later, or stays open. */
const windowLeft = (w: AdultWindow, now: Date) => w.rounds.some((r) => r.staysOpen || at(r.closesAt) > now);

/**
 * The one window an adult student belongs to: the window whose internship range holds the start of
 * their first period; else — a start in no window's range (September, the summer, a typo) — the
 * first window that has not closed when the school enters or edits the student (the one open now,
 * or the next to open), so that no student falls between the windows. Null when no window of the
 * year is left.
 */
export function adultWindowOf(
  rounds: readonly Round[],
  firstStart: string | undefined,
  now: Date,
): { window: AdultWindow; inRange: boolean } | null {
  const windows = adultWindowsOf(rounds);
  const holding = firstStart
    ? windows.find((w) => w.internship.from <= firstStart && firstStart <= w.internship.to)
    : undefined;
  if (holding) return { window: holding, inRange: true };
  const next = windows.find((w) => windowLeft(w, now));
  return next ? { window: next, inRange: false } : null;
}

/**
 * The date that selects an adult student's window, stored beside the student (the open index and
 * the counts select a window by it): their first period's start when a window's range holds it,
 * else the first day of the window assigned to them.
 */
export function windowDateOf(rounds: readonly Round[], firstStart: string | undefined, now: Date) {
  const found = adultWindowOf(rounds, firstStart, now);
  return found && !found.inRange ? found.window.internship.from : firstStart;
}

/** The programme a blackout names: a secondary student's programme, else the track. */
export type BlackoutProgramme = (typeof BLACKOUT_PROGRAMMES)[number];
export const programmeOf = (s: { track: Track; programme?: Programme }): BlackoutProgramme | null =>
  s.track === 'secondary' ? (s.programme ?? null) : s.track;

export interface ShownAt {
  /** The round (for adult education: the window's round) that first shows the student. */
  round: Pick<Round, 'id' | 'name' | 'opensAt'> | null;
  /** From when services see the student; null when no round of the year will show them. */
  from: Date | null;
}

/**
 * When services first see a student, and in which round: the first round of the student's scope
 * (their programme, their window, or the track) that shows them at or after the moment they become
 * visible (`visibleFrom`: later in the summer blackout) — a round for all students, or the
 * preferred-service round when they chose a service. A round shows from its opening until its
 * close, or for good when it stays open.
 */
export function shownAt(
  rounds: readonly Round[],
  student: {
    track: Track;
    programme?: Programme;
    preferredServiceId?: string;
    /** The date that selects the adult window (`windowDateOf`). */
    windowDate?: string;
    visibleFrom: Date;
  },
): ShownAt {
  const date = student.windowDate;
  const window =
    student.track === 'adult'
      ? adultWindowsOf(rounds).find((w) => date && w.internship.from <= date && date <= w.internship.to)
      : undefined;
  if (student.track === 'adult' && !window) return { round: null, from: null };
  const key =
    window?.key ?? scopeKeyOf({ track: student.track, programme: student.programme, internship: undefined });
  const candidates = rounds
    .filter((r) => r.track === student.track && scopeKeyOf(r) === key)
    .filter((r) => r.kind === 'all' || student.preferredServiceId)
    .sort((a, b) => at(a.opensAt).getTime() - at(b.opensAt).getTime());
  for (const r of candidates) {
    const from = new Date(Math.max(at(r.opensAt).getTime(), student.visibleFrom.getTime()));
    if (r.staysOpen || from < at(r.closesAt)) return { round: r, from };
  }
  const last = window?.rounds[0];
  return { round: last ?? null, from: null };
}
