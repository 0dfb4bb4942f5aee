/** What an organisation keeps of the people it names: a school's supervisors, a service's contacts. */
export interface PersonDetails {
  name: string;
  phone: string;
  email: string;
}

/** A school's internship supervisor ("stagebegeleider"), `GET /api/supervisors`. */
export interface Supervisor extends PersonDetails {
  id: string;
  schoolId: string;
  /** How many students are linked; a linked supervisor cannot be deleted. */
  studentCount: number;
}

/** A service's contact person / mentor ("contactpersoon stage"), `GET /api/contacts`. */
export interface Contact extends PersonDetails {
  id: string;
  serviceId: string;
  /** Acceptances that name this person; a linked contact cannot be deleted. */
  acceptanceCount: number;
  /** Current dual learners this person mentors. */
  dualLearners: number;
  /** Most dual learners at once: 2 at a social-profit service, 3 at a local-government one. */
  capacity: number;
  freeSlots: number;
}

export interface SupervisorList {
  items: Supervisor[];
}

export interface ContactList {
  items: Contact[];
}
