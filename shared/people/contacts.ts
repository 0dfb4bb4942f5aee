import type { Contact as ContactView } from '#contract/people';
import { brusselsDate } from '#kernel/time';
import { getOrganisation } from '#organisations/store';
import { keys } from '#platform/table/keys';
import { currentLearners, freeSlots, type MentorLearners, mentorCapacity } from './rules';
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
  /**
   * This mentor's placed dual learners with their contract's end date (see `mentor-slots.ts`):
   * written by the acceptance, the learner's stop and resume, and the training contract.
   */
  learners?: MentorLearners;
  /** Raised by every write to `learners`; the writes that take a slot are conditional on it. */
  version?: number;
}

export const contacts = linkedPeopleRepo<Contact>(keys.contact, 'acceptanceCount');

/** A new contact person, with no learners yet (the map is there for the writes into it). */
export const newContact = (contact: Omit<Contact, 'learners' | 'version'>): Contact => ({
  ...contact,
  learners: {},
});

/** What the service sees of a contact person: no bookkeeping (learner ids, version). */
export const contactDetails = ({ id, serviceId, name, phone, email, acceptanceCount }: Contact) => ({
  id,
  serviceId,
  name,
  phone,
  email,
  acceptanceCount,
});

/**
 * The service's contact persons with their dual-learning load on the day of `now` (Brussels): the
 * current learners (a learner whose training contract ended no longer counts), the limit, free slots.
 */
export async function contactsWithCapacity(serviceId: string, now: Date): Promise<ContactView[]> {
  const [service, list] = await Promise.all([getOrganisation(serviceId), contacts.list(serviceId)]);
  const capacity = mentorCapacity(service?.sector);
  const today = brusselsDate(now);
  return list.map((c) => {
    const learners = currentLearners(c.learners, today);
    return {
      ...contactDetails(c),
      dualLearners: learners,
      capacity,
      freeSlots: freeSlots(learners, capacity),
    };
  });
}
