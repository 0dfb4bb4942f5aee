import type { PersonDetails } from '#contract/people-api';
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

export type LinkedPerson = PersonDetails & { id: string };

export const detailsOf = (data: FormData): PersonDetails => ({
  name: field(data, 'name'),
  phone: field(data, 'phone'),
  email: field(data, 'email'),
});
