import { optionalText, requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { addressSchema, emailSchema, SECTORS, TRACKS } from './organisations';
import { PROVINCES } from './provinces';
import { isoDay } from './trajectory';

const declared = (message: string) => z.literal(true, message);

const offeredPeriod = z
  .object({ start: isoDay('startdatum'), end: isoDay('einddatum') })
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'De einddatum ligt vóór de startdatum.' });

/** "Registreer je dienst": what a home-care service fills in to be recognised as a place. */
export const RegistrationInput = z.object({
  name: requiredText(120, 'Vul de naam van de dienst in.'),
  email: emailSchema,
  province: z.enum(PROVINCES, 'Kies een provincie.'),
  sector: z.enum(SECTORS, 'Kies social profit of lokaal bestuur.'),
  address: addressSchema,
  offer: z.object({
    tracks: z
      .array(z.enum(TRACKS, 'Onbekende opleidingsvorm.'), 'Kies minstens één soort stage.')
      .min(1, 'Kies minstens één soort stage.')
      .transform((t) => [...new Set(t)]),
    places: z
      .number('Vul het aantal plaatsen in.')
      .int('Vul een geheel aantal plaatsen in.')
      .min(1, 'Minstens 1 plaats.')
      .max(200, 'Hoogstens 200 plaatsen.'),
    periods: z
      .array(offeredPeriod, 'Vul minstens één periode in.')
      .min(1, 'Vul minstens één periode in.')
      .max(6, 'Hoogstens 6 periodes.'),
    remarks: optionalText(1000),
  }),
  manager: z.object({
    name: requiredText(120, 'Vul de naam van de verantwoordelijke in.'),
    email: emailSchema,
    phone: optionalText(30),
  }),
  declaration: z.object({
    mentorsAge25: declared('Bevestig dat de mentoren minstens 25 jaar oud zijn.'),
    mentorsExperience5Years: declared('Bevestig dat de mentoren minstens 5 jaar ervaring hebben.'),
    goodConduct: declared('Bevestig dat de mentoren een attest van goed gedrag en zeden hebben.'),
    mentorTraining: declared('Bevestig dat de mentoren de mentoropleiding volgden of zullen volgen.'),
  }),
});
export type RegistrationInput = z.output<typeof RegistrationInput>;

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface Registration extends RegistrationInput {
  id: string;
  status: RegistrationStatus;
  submittedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  serviceId?: string;
  remindedAt?: string;
}

export const RegistrationPath = z.object({ id: z.string().min(1).max(64) });
export const RegistrationQuery = z.object({
  status: z.enum(REGISTRATION_STATUSES).optional(),
});
export const RejectInput = z.object({
  reason: requiredText(2000, 'Geef de reden van de afwijzing: de dienst krijgt ze in de mail.'),
});

/** A registration as the admin sees it (`GET /api/admin/registrations`): the manager's phone stays out. */
export const RegistrationView = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  submittedAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
  serviceId: z.string().optional(),
  remindedAt: z.string().optional(),
  name: z.string(),
  email: z.string(),
  province: z.enum(PROVINCES),
  sector: z.enum(SECTORS),
  address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }),
  offer: z.object({
    tracks: z.array(z.enum(TRACKS)),
    places: z.number(),
    periods: z.array(z.object({ start: z.string(), end: z.string() })),
    remarks: z.string(),
  }),
  manager: z.object({ name: z.string(), email: z.string() }),
  declaration: z.object({
    mentorsAge25: z.literal(true),
    mentorsExperience5Years: z.literal(true),
    goodConduct: z.literal(true),
    mentorTraining: z.literal(true),
  }),
});
export type RegistrationView = z.output<typeof RegistrationView>;
export const RegistrationList = z.object({ items: z.array(RegistrationView), total: z.number() });

/** `POST /api/registrations`: received; the answer comes later, by mail. */
export const RegistrationReceived = z.object({ id: z.string(), status: z.enum(REGISTRATION_STATUSES) });
export const RegistrationApproved = z.object({
  id: z.string(),
  status: z.literal('approved'),
  serviceId: z.string(),
});
export const RegistrationRejected = z.object({ id: z.string(), status: z.literal('rejected') });
