import * as z from '#kernel/zod';
import { ROLES } from './roles';

/**
 * The request header naming the organisation a person acts for. A person may belong to several
 * services; the server checks the header against their memberships on every request.
 */
export const ORGANISATION_HEADER = 'x-organisation';

export const OrganisationChoice = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export type OrganisationChoice = z.output<typeof OrganisationChoice>;
