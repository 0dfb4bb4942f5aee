import { requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { emailSchema } from './organisations';
import { Unreachable } from './unreachable';

/** A school's supervisor or a service's contact person: a name with the contact data others need. */
export const LinkedPersonInput = z.object({
  name: requiredText(120, 'Vul de naam in.'),
  phone: z
    .string()
    .max(40, { message: 'Vul een telefoonnummer in, bv. 050 12 34 56.', abort: true })
    .trim()
    .refine((p) => /^\+?[\d\s./-]{9,20}$/.test(p), 'Vul een telefoonnummer in, bv. 050 12 34 56.'),
  email: emailSchema,
});
export type LinkedPersonInput = z.output<typeof LinkedPersonInput>;
export const LinkedPersonPath = z.object({ id: z.string().min(1).max(64) });

/** A school's internship supervisor ("stagebegeleider"), `GET /api/supervisors`. */
export const Supervisor = z.object({
  id: z.string(),
  schoolId: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  /** How many students are linked; a linked supervisor cannot be deleted. */
  studentCount: z.number(),
  /** On the list: present while mails to the address no longer arrive (bounce or complaint). */
  unreachable: Unreachable.optional(),
});
export type Supervisor = z.output<typeof Supervisor>;
export const SupervisorList = z.object({ items: z.array(Supervisor) });

/** A service's contact person / mentor ("contactpersoon stage") as created or changed. */
export const ContactDetails = z.object({
  id: z.string(),
  serviceId: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  /** Acceptances that name this person; a linked contact cannot be deleted. */
  acceptanceCount: z.number(),
});
export type ContactDetails = z.output<typeof ContactDetails>;

/** A contact in `GET /api/contacts`, with the mentor's room for dual learners today. */
export const Contact = ContactDetails.extend({
  /** Current dual learners this person mentors. */
  dualLearners: z.number(),
  /** Most dual learners at once: 2 at a social-profit service, 3 at a local-government one. */
  capacity: z.number(),
  freeSlots: z.number(),
  /** On the list: present while mails to the address no longer arrive (bounce or complaint). */
  unreachable: Unreachable.optional(),
});
export type Contact = z.output<typeof Contact>;
export const ContactList = z.object({ items: z.array(Contact) });
