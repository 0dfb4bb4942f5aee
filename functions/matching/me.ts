import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { organisationsOf } from '#organisations/memberships';
import { getOrganisation } from '#organisations/store';
import { optionalEnv } from '#platform/config';
import { blackoutOf, schoolYearData } from '#school-year/calendar';

/** Who am I: the web app asks this to pick the navigation for the person's role. */
export const handler = defineHandler('me', {}, async ({ caller }) => {
  const organisation = await getOrganisation(caller.organisationId);
  const year = schoolYearData(optionalEnv('SCHOOL_YEAR') ?? '2026-2027');
  const blackout = blackoutOf(year);
  return ok({
    schoolYear: {
      id: year.schoolYear,
      blackout: { from: blackout.from, to: blackout.to, visibleFrom: blackout.visibleFrom },
    },
    id: caller.userId,
    email: caller.email,
    name: caller.name,
    role: caller.role,
    organisation,
    /** Every organisation the person may act for (the header switch); the web sends the choice as x-organisation. */
    organisations: await organisationsOf(caller),
  });
});
