import type { Role } from './roles';

/**
 * The request header naming the organisation a person acts for. A person may belong to several
 * services; the server checks the header against their memberships on every request.
 */
export const ORGANISATION_HEADER = 'x-organisation';

export interface OrganisationChoice {
  id: string;
  name: string;
  role: Role;
}
