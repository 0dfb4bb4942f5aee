import { getOrganisation } from '#organisations/store';
import { keys } from '#platform/table/keys';
import { freeSlots, mentorCapacity } from './rules';
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
  /** Current dual learners with this mentor: +1 in the dual acceptance, -1 in the learner's stop. */
  dualLearners?: number;
}

export const contacts = linkedPeopleRepo<Contact>(keys.contact, 'acceptanceCount');

/** The service's contact persons with their dual-learning load: learners, the limit, free slots. */
export async function contactsWithCapacity(serviceId: string) {
  const [service, list] = await Promise.all([getOrganisation(serviceId), contacts.list(serviceId)]);
  const capacity = mentorCapacity(service?.sector);
  return list.map((c) => {
    const learners = c.dualLearners ?? 0;
    return { ...c, dualLearners: learners, capacity, freeSlots: freeSlots(learners, capacity) };
  });
}
