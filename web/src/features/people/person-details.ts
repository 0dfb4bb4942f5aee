import type { ApiInput } from '#contract/api';
import type { Unreachable } from '#contract/unreachable';
import { field } from '../../ui/useSubmit';

/** The texts that differ between a school's supervisors and a service's contact persons. */
export interface PeopleTexts {
  title: string;
  intro: string;
  linksColumn: string;
  addTitle: string;
  addButton: string;
  linkedHint: string;
}

/** What the form sends for a supervisor or a contact person (the same fields for both). */
type PersonDetails = ApiInput<'POST /api/supervisors'>['body'];
export type LinkedPerson = PersonDetails & { id: string; unreachable?: Unreachable };

export const detailsOf = (data: FormData): PersonDetails => ({
  name: field(data, 'name'),
  phone: field(data, 'phone'),
  email: field(data, 'email'),
});
