import { keys } from '#platform/table/keys';
import { linkedPeopleRepo } from './store';

/** A service's contact person / mentor ("contactpersoon stage", "stagementor"). */
export interface Contact {
  id: string;
  serviceId: string;
  name: string;
  phone: string;
  email: string;
  /** Acceptances that name this person; kept in the acceptance transaction. */
  acceptanceCount: number;
}

export const contacts = linkedPeopleRepo<Contact>(keys.contact, 'acceptanceCount');
