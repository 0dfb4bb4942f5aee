import { optionalEnv } from '../../shared/config/env';
import { getOrganisation } from '../../shared/data/organisations-repo';
import { blackoutOf, schoolYearData } from '../../shared/domain/school-year';
import { defineHandler } from '../../shared/http/handler';
import { ok } from '../../shared/http/responses';

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
  });
});
