import { TRACKS } from '#contract/organisations';
import type {
  ProposedOrganisation,
  Round,
  RoundChanges,
  RoundInput,
  SchoolYearProposal,
  SchoolYearStatus,
  SchoolYearSummary,
  SchoolYearUpdateInput,
} from '#contract/school-year';
import { conflict, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { brusselsDate } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { blackoutProgrammes, currentSchoolYear, type SchoolYearData } from '#school-year/calendar';
import {
  blackoutWarnings,
  defaultRetentionUntil,
  followingYear,
  lastRoundDay,
  roundWarnings,
  shiftCalendar,
  startYearOf,
} from '#school-year/next-year';
import { loadCalendar } from '#school-year/store';
import { changed, check, clean, ROUND_GONE } from '#school-year/use-cases';
import {
  createYear,
  getYear,
  hasRegistry,
  listYears,
  type StoredYear,
  updateYear,
} from '#school-year/years-store';
import { rowsOfKind, sumRows } from '#statistics/rules';
import { readCounters } from '#statistics/store';

/**
 * The life cycle of school years (GET/POST/PUT /api/school-years): preparing the next one from
 * this one, archiving, the retention date. The registry holds one entry per year; each year's
 * own table holds its data. This module runs in the year that answers the request ("served").
 */

const served = () => currentSchoolYear();

/** The status of the year this function serves; a year the registry does not know runs as current. */
export async function servedYearStatus(): Promise<SchoolYearStatus> {
  if (!hasRegistry()) return 'current';
  return (await getYear(served()))?.status ?? 'current';
}

/** Students of the served year, from the placement counters (no student is read). */
export async function countStudents(): Promise<number> {
  const rows = (await Promise.all(TRACKS.map((t) => readCounters(t)))).flat();
  let entered = 0;
  for (const [, figures] of rowsOfKind(sumRows(rows), 'province')) entered += figures.entered;
  return entered;
}

/**
 * The running year the address serves: the newest one that is current (a switch makes the new
 * year current and a rollback sends it back to next, so no later year can be current).
 */
const atAddressOf = (years: readonly Pick<StoredYear, 'schoolYear' | 'status'>[]) =>
  years
    .filter((y) => y.status === 'current')
    .map((y) => y.schoolYear)
    .sort()
    .at(-1) ?? null;

function summaryOf(year: StoredYear, atAddress: string | null): SchoolYearSummary {
  return {
    schoolYear: year.schoolYear,
    status: year.status,
    atAddress: year.schoolYear === atAddress,
    retentionUntil: year.retentionUntil,
    ...(year.students !== undefined ? { students: year.students } : {}),
    lastRoundDay: year.lastRoundDay ?? (year.calendar ? lastRoundDay(year.calendar.rounds) : null),
    ...(year.erasure ? { erasure: year.erasure } : {}),
    servedHere: year.schoolYear === served(),
  };
}

/**
 * Makes sure the served year has an entry (the first year, or a year deployed without being
 * prepared: it starts as current), and records its own facts there: its last round and its
 * number of students. Runs when the year opens and on the daily retention run.
 */
export async function publishServedYear(now: Date): Promise<StoredYear> {
  const schoolYear = served();
  const [calendar, students, existing] = await Promise.all([
    loadCalendar(),
    countStudents(),
    getYear(schoolYear),
  ]);
  const facts = { lastRoundDay: lastRoundDay(calendar.rounds), students };
  if (!existing) {
    const fresh: StoredYear = {
      schoolYear,
      status: 'current',
      retentionUntil: defaultRetentionUntil(schoolYear),
      createdAt: now.toISOString(),
      createdBy: 'system',
      ...facts,
      version: 1,
    };
    if (await createYear(fresh)) return fresh;
  }
  await updateYear(schoolYear, facts, { version: null });
  return (await getYear(schoolYear)) as StoredYear;
}

/** The served year as the registry has it, or as it would be registered; its facts counted now. */
async function servedEntry(stored?: StoredYear | null): Promise<StoredYear> {
  const schoolYear = served();
  const [calendar, students, entry] = await Promise.all([
    loadCalendar(),
    countStudents(),
    stored === undefined ? getYear(schoolYear) : stored,
  ]);
  return {
    schoolYear,
    status: 'current',
    retentionUntil: defaultRetentionUntil(schoolYear),
    createdAt: '',
    createdBy: 'system',
    version: 0,
    ...entry,
    lastRoundDay: lastRoundDay(calendar.rounds),
    students: entry?.erasure ? entry.students : students,
  };
}

/** GET /api/school-years: every year the registry knows (the served one counted now), oldest first. */
export async function listSchoolYears(): Promise<SchoolYearSummary[]> {
  const years = await listYears();
  const here = await servedEntry(years.find((y) => y.schoolYear === served()) ?? null);
  const all = [...years.filter((y) => y.schoolYear !== here.schoolYear), here].sort((a, b) =>
    a.schoolYear.localeCompare(b.schoolYear),
  );
  const atAddress = atAddressOf(all);
  return all.map((y) => summaryOf(y, atAddress));
}

async function organisationsFor(year: StoredYear): Promise<ProposedOrganisation[]> {
  const excluded = new Set(year.excludedOrganisations ?? []);
  const all = await listOrganisations();
  return all
    .map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      active: o.active,
      // The sector body always takes part: without it nobody could run the year.
      takesPart: o.type === 'admin' || (o.active && !excluded.has(o.id)),
    }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name, 'nl-BE'));
}

async function proposalOf(
  year: StoredYear,
): Promise<SchoolYearProposal & { organisations: ProposedOrganisation[] }> {
  const here = year.schoolYear === served();
  const calendar: Omit<SchoolYearData, 'schoolYear'> | undefined = here
    ? await loadCalendar()
    : year.calendar;
  if (!calendar) throw notFound(`Voor ${year.schoolYear} is geen kalender voorbereid.`);
  return {
    ...summaryOf(year, atAddressOf(await listYears())),
    timeZone: calendar.timeZone,
    blackout: { ...calendar.blackout, programmes: blackoutProgrammes(calendar.blackout) },
    blackoutWarnings: blackoutWarnings(calendar.blackout),
    reminders: calendar.reminders,
    rounds: calendar.rounds.map((r) => ({ ...r, warnings: roundWarnings(r) })),
    editable: isEditable(year),
    organisations: year.status === 'next' && !year.carriedOverAt ? await organisationsFor(year) : [],
  };
}

const isEditable = (year: StoredYear) => year.status === 'next' && !!year.calendar && !year.seededAt;

/**
 * POST /api/school-years: next year's calendar proposed from this year's (every date one year
 * later, with a warning where a date falls on a weekend or a public holiday), all active
 * organisations taking part. 409 if the year exists.
 */
export async function prepareSchoolYear(schoolYear: string, by: string, now: Date) {
  const current = served();
  if (schoolYear === current || (await getYear(schoolYear))) {
    throw conflict(`Het schooljaar ${schoolYear} bestaat al.`);
  }
  const next = followingYear(current);
  if (schoolYear !== next) {
    throw validationFailed([
      {
        path: 'schoolYear',
        in: 'body',
        message: `Vanuit ${current} bereid je enkel het volgende schooljaar voor: ${next}.`,
      },
    ]);
  }
  const { timeZone, blackout, reminders, rounds } = shiftCalendar(await loadCalendar(), schoolYear);
  const proposed = { timeZone, blackout, reminders, rounds };
  const year: StoredYear = {
    schoolYear,
    status: 'next',
    retentionUntil: defaultRetentionUntil(schoolYear),
    createdAt: now.toISOString(),
    createdBy: by,
    calendar: proposed,
    excludedOrganisations: [],
    lastRoundDay: lastRoundDay(proposed.rounds),
    version: 1,
  };
  if (!(await createYear(year))) throw conflict(`Het schooljaar ${schoolYear} bestaat al.`);
  return proposalOf(year);
}

/** A year's entry; the served year counts as known even before the registry has it. */
async function known(schoolYear: string): Promise<StoredYear> {
  if (schoolYear === served()) return servedEntry();
  const year = await getYear(schoolYear);
  if (!year) throw notFound(`Het schooljaar ${schoolYear} bestaat niet.`);
  return year;
}

/** GET /api/school-years/{schoolYear}: a year's calendar with its warnings (and, prepared, who takes part). */
export async function schoolYearProposal(schoolYear: string) {
  return proposalOf(await known(schoolYear));
}

const CHANGED_MEANWHILE =
  'Dit schooljaar werd intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.';

/**
 * PUT /api/school-years/{schoolYear}: the retention date (never before the year's last round nor
 * before today) and archiving, after which every write to the year answers 409.
 */
export async function updateSchoolYear(
  schoolYear: string,
  input: SchoolYearUpdateInput,
  by: string,
  now: Date,
): Promise<SchoolYearSummary> {
  // The served year is registered before it changes (the first year may not be yet).
  if (schoolYear === served()) await publishServedYear(now);
  const year = await known(schoolYear);
  const lastDay = year.lastRoundDay ?? (year.calendar ? lastRoundDay(year.calendar.rounds) : null);
  const fields: Partial<StoredYear> = {};
  if (input.retentionUntil !== undefined && input.retentionUntil !== year.retentionUntil) {
    if (year.erasure) throw conflict(`De persoonsgegevens van ${schoolYear} zijn al gewist.`);
    const floor = [lastDay ?? '', brusselsDate(now)].sort().at(-1)!;
    if (input.retentionUntil < floor) {
      throw validationFailed([
        {
          path: 'retentionUntil',
          in: 'body',
          message:
            lastDay && floor === lastDay
              ? `De bewaartermijn kan niet vóór de laatste ronde van het schooljaar liggen (${belgian(lastDay)}).`
              : 'De bewaartermijn kan niet in het verleden liggen.',
        },
      ]);
    }
    fields.retentionUntil = input.retentionUntil;
  }
  if (input.status === 'archived' && year.status !== 'archived') {
    if (year.status === 'next')
      throw conflict(`${schoolYear} is nog in voorbereiding: archiveren kan pas nadat het liep.`);
    Object.assign(fields, { status: 'archived', archivedAt: now.toISOString(), archivedBy: by });
    if (year.schoolYear === served()) fields.students = await countStudents();
  }
  if (Object.keys(fields).length > 0 && !(await updateYear(schoolYear, fields, { version: year.version }))) {
    throw conflict(CHANGED_MEANWHILE);
  }
  const updated = { ...year, ...fields };
  const others = (await listYears()).filter((y) => y.schoolYear !== schoolYear);
  return summaryOf(updated, atAddressOf([...others, updated]));
}

const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A prepared year whose calendar is still edited in the registry, or 409 saying where it lives now. */
async function editableYear(schoolYear: string) {
  const year = await known(schoolYear);
  if (year.schoolYear === served()) {
    throw conflict(`Wijzig de kalender van ${schoolYear} op de pagina Kalender.`);
  }
  if (!isEditable(year) || !year.calendar) {
    throw conflict(
      year.seededAt
        ? `Het schooljaar ${schoolYear} draait al en heeft zijn eigen kalender: wijzig die daar.`
        : `${schoolYear} is niet in voorbereiding.`,
    );
  }
  return { year, calendar: year.calendar };
}

/** A prepared round must lie within its school year's reach: the dates are next year's. */
function withinYear(round: Round, schoolYear: string) {
  const first = startYearOf(schoolYear);
  const outside = [round.opensAt, round.closesAt].some((v) => {
    const year = Number(v.slice(0, 4));
    return year < first || year > first + 1;
  });
  if (outside) {
    throw validationFailed([
      { path: 'opensAt', in: 'body', message: `Kies data in het schooljaar ${schoolYear}.` },
    ]);
  }
}

async function saveRounds(schoolYear: string, rounds: Round[]) {
  const { year, calendar } = await editableYear(schoolYear);
  const saved = await updateYear(
    schoolYear,
    { calendar: { ...calendar, rounds }, lastRoundDay: lastRoundDay(rounds) },
    { version: year.version },
  );
  if (!saved) throw conflict(CHANGED_MEANWHILE);
}

/** POST /api/school-years/{schoolYear}/rounds: a round in the prepared calendar. */
export async function createProposedRound(schoolYear: string, input: RoundInput, now: Date) {
  const { calendar } = await editableYear(schoolYear);
  const round = clean({ ...input, id: newId(now.getTime()) });
  withinYear(round, schoolYear);
  check(round, calendar.rounds);
  await saveRounds(schoolYear, [...calendar.rounds, round]);
  return { ...round, warnings: roundWarnings(round) };
}

/** PUT /api/school-years/{schoolYear}/rounds/{id}: a change to a prepared round, checked like any round. */
export async function changeProposedRound(schoolYear: string, id: string, changes: RoundChanges) {
  const { calendar } = await editableYear(schoolYear);
  const current = calendar.rounds.find((r) => r.id === id);
  if (!current) throw notFound(ROUND_GONE);
  const next = changed(current, changes);
  withinYear(next, schoolYear);
  check(next, calendar.rounds);
  await saveRounds(
    schoolYear,
    calendar.rounds.map((r) => (r.id === id ? next : r)),
  );
  return { ...next, warnings: roundWarnings(next) };
}

/** DELETE /api/school-years/{schoolYear}/rounds/{id}. */
export async function removeProposedRound(schoolYear: string, id: string) {
  const { calendar } = await editableYear(schoolYear);
  if (!calendar.rounds.some((r) => r.id === id)) throw notFound(ROUND_GONE);
  await saveRounds(
    schoolYear,
    calendar.rounds.filter((r) => r.id !== id),
  );
}

/** PUT /api/school-years/{schoolYear}/organisations: who is left out of the carry-over. */
export async function setParticipation(schoolYear: string, excluded: string[]) {
  const year = await known(schoolYear);
  if (year.status !== 'next') throw conflict(`${schoolYear} is niet in voorbereiding.`);
  const admins = new Set((await listOrganisations('admin')).map((o) => o.id));
  const excludedOrganisations = [...new Set(excluded)].filter((id) => !admins.has(id)).sort();
  if (!(await updateYear(schoolYear, { excludedOrganisations }, { version: year.version }))) {
    throw conflict(CHANGED_MEANWHILE);
  }
  return organisationsFor({ ...year, excludedOrganisations });
}

/**
 * The address now serves `schoolYear` (the platform's deploy, or a local start with SCHOOL_YEAR):
 * a prepared year becomes current, and a later year that was current goes back to prepared (a
 * rollback of the switch). An archived year is served read-only and changes nothing.
 */
export async function switchTo(schoolYear: string): Promise<void> {
  const years = await listYears();
  const target = years.find((y) => y.schoolYear === schoolYear);
  if (!target || target.status === 'archived') return;
  if (target.status === 'next') await updateYear(schoolYear, { status: 'current' }, { version: null });
  for (const later of years) {
    if (later.schoolYear > schoolYear && later.status === 'current') {
      await updateYear(later.schoolYear, { status: 'next' }, { version: null });
    }
  }
}
