import { newsPreferencesOf } from '#contract/session';
import { defineHandler } from '#http/handler';
import { regionOf } from '#http/region';
import { ok } from '#http/responses';
import { organisationsOf } from '#organisations/memberships';
import { findPersonByEmail } from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { blackoutOf } from '#school-year/calendar';
import { loadCalendar } from '#school-year/store';
import { servedYearStatus } from '#school-years/years';

/** Who am I: the web app asks this to pick the navigation for the person's role. */
export const handler = defineHandler('me', async ({ caller }) => {
  const [organisation, person, organisations, year, status] = await Promise.all([
    getOrganisation(caller.organisationId),
    // The person's own account (wherever they act now) holds their preferences.
    findPersonByEmail(caller.email),
    organisationsOf(caller),
    loadCalendar(),
    servedYearStatus(),
  ]);
  const blackout = blackoutOf(year);
  return ok({
    schoolYear: {
      id: year.schoolYear,
      status,
      // ISO instants: the JSON the web reads, spelt out rather than left to JSON.stringify.
      blackout: {
        from: blackout.from.toISOString(),
        to: blackout.to.toISOString(),
        visibleFrom: blackout.visibleFrom.toISOString(),
        programmes: blackout.programmes,
      },
    },
    id: caller.userId,
    email: caller.email,
    name: caller.name,
    role: caller.role,
    // A regional team's provinces: what its people see and act on; null for the whole sector.
    ...(caller.role === 'admin' ? { provinces: regionOf(caller)?.slice() ?? null } : {}),
    organisation,
    preferences: { reminders: person?.reminders !== false, news: newsPreferencesOf(person?.newsOff) },
    /** Every organisation the person may act for (the header switch); the web sends the choice as x-organisation. */
    organisations,
  });
});
