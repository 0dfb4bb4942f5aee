import type * as z from '#kernel/zod';
import type {
  NewOrganisation,
  NewPerson,
  Organisation,
  OrganisationChanges,
  OrganisationType,
  Person,
} from './organisations';
import type { Province } from './provinces';

/** `POST /api/organisations`. */
export type NewOrganisationBody = z.input<typeof NewOrganisation>;
/** `PATCH /api/organisations/{id}`. */
export type OrganisationChangesBody = z.input<typeof OrganisationChanges>;
/** `POST /api/organisations/{id}/members`: invites a person. */
export type NewPersonBody = z.input<typeof NewPerson>;

/** `GET /api/organisations?type=&province=&q=` (admin). */
export interface OrganisationQuery {
  type?: OrganisationType;
  province?: Province;
  q?: string;
}

export interface OrganisationList {
  items: Organisation[];
}

/** `GET /api/organisations/{id}/members`: the people who log in for an organisation. */
export interface MemberList {
  items: Person[];
}

/** `GET /api/services`: active services for a school's "preferred service" choice. */
export interface ServiceOption {
  id: string;
  name: string;
  province?: Province;
  city: string | null;
}

export interface ServiceOptionList {
  items: ServiceOption[];
}
