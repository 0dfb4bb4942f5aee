import { idText, optionalText, requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { hasPossibleBirthDate, isValidNationalNumber, normaliseNationalNumber } from './national-number';
import { addressSchema, emailSchema, TRACKS } from './organisations';
import { PROVINCES } from './provinces';

/** The five means of the newest manual: car, moped ("bromfiets"), e-bike, bike, public transport. */
export const TRANSPORT = ['car', 'moped', 'ebike', 'bike', 'public_transport'] as const;
/** Secondary programmes with their own rounds: 7th year carer, and 3rd grade double finality. */
export const PROGRAMMES = ['seventh_year', 'third_grade'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const FORMS = ['block', 'alternating', 'block_and_alternating'] as const;
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export const MAX_PERIODS = 4;

const isoDate = (label: string) =>
  z
    .string(`Vul de ${label} in.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Vul de ${label} in.`, abort: true })
    .refine(isCalendarDate, `Dit is geen geldige ${label}.`);

/** `2026-02-30` parses in JavaScript (as 2 March); a date is real only if it reads back the same. */
export function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const period = z
  .object({ start: isoDate('startdatum'), end: isoDate('einddatum') })
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'De einddatum ligt vóór de startdatum.' });

/** Belgian numbers: 9 or 10 digits after 0 or +32, separators allowed. */
const phone = z
  .string()
  .max(40, { message: 'Vul een Belgisch telefoonnummer in, bv. 0470 12 34 56.', abort: true })
  .trim()
  .refine(
    (p) =>
      /^(\+32|0032|0)[\d\s./-]{8,14}$/.test(p) &&
      /^\d{9,10}$/.test(p.replace(/^(\+32|0032)/, '0').replace(/\D/g, '')),
    {
      message: 'Vul een Belgisch telefoonnummer in, bv. 0470 12 34 56.',
    },
  );

const hours = (label: string, max: number) =>
  z
    .number(`Vul het ${label} in.`)
    .positive(`Het ${label} moet groter zijn dan 0.`)
    .max(max, `Het ${label} is hoogstens ${max}.`);

const includesBlock = (form: unknown) => form === 'block' || form === 'block_and_alternating';

/** An internship request as a school enters it. Field rules here; rules on the school's own data (supervisor, track, preferred service) are checked against the data. */
export const StudentInput = z
  .object({
    track: z.enum(TRACKS, 'Kies de opleidingsvorm.'),
    programme: z.enum(PROGRAMMES, 'Kies het programma: 7de leerjaar of 3de graad.').optional(),
    firstName: requiredText(80, 'Vul de voornaam in.'),
    lastName: requiredText(80, 'Vul de achternaam in.'),
    nationalNumber: z
      .string('Vul het rijksregisternummer in.')
      .max(20, { message: 'Een rijksregisternummer heeft 11 cijfers.', abort: true })
      .transform(normaliseNationalNumber)
      .refine((n) => /^\d{11}$/.test(n), {
        message: 'Een rijksregisternummer heeft 11 cijfers.',
        abort: true,
      })
      // Not aborting: the cross-field checks below still run, so one answer lists every mistake.
      .superRefine((n, ctx) => {
        if (!isValidNationalNumber(n)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Dit rijksregisternummer klopt niet: controleer de cijfers.',
          });
        } else if (!hasPossibleBirthDate(n)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Dit rijksregisternummer bevat geen bestaande geboortedatum.',
          });
        }
      }),
    email: emailSchema,
    phone,
    address: addressSchema,
    province: z.enum(PROVINCES, 'Kies de provincie waar de leerling stage wil lopen.'),
    transport: z
      .array(z.enum(TRANSPORT, 'Onbekend vervoersmiddel.'))
      .min(1, 'Kies minstens één vervoersmiddel.')
      .transform((t) => [...new Set(t)]),
    remarks: optionalText(1000),
    internship: z.object({
      supervisorId: idText('Kies een stagebegeleider.'),
      form: z.enum(FORMS, 'Kies de stagevorm.'),
      hoursPerWeek: hours('aantal uren per week', 60).optional(),
      totalHours: hours('totaal aantal uren', 2000),
      periods: z
        .array(period, 'Vul minstens één periode in.')
        .min(1, 'Vul minstens één periode in.')
        .max(MAX_PERIODS, `Hoogstens ${MAX_PERIODS} periodes.`),
      weekdays: z.array(z.enum(WEEKDAYS, 'Onbekende weekdag.')).optional(),
      remarks: optionalText(1000),
    }),
    preferredServiceId: idText('Kies een dienst uit de lijst.').optional(),
  })
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields failed, so one answer lists every mistake; an empty body is
      // already refused by then, so there is nothing to cross-check.
      if (typeof value !== 'object' || value === null) return;
      const internship = (
        value as { internship?: { form?: unknown; hoursPerWeek?: unknown; weekdays?: unknown[] } }
      ).internship;
      if (internship && includesBlock(internship.form) && internship.hoursPerWeek === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['internship', 'hoursPerWeek'],
          message: 'Vul het aantal uren per week in: dat is verplicht bij blokstage.',
        });
      }
      if (value.track === 'secondary' && !value.programme) {
        ctx.addIssue({
          code: 'custom',
          path: ['programme'],
          message: 'Kies het programma: 7de leerjaar of 3de graad dubbele finaliteit.',
        });
      }
      if (value.track !== undefined && value.track !== 'secondary' && value.programme) {
        ctx.addIssue({
          code: 'custom',
          path: ['programme'],
          message: 'Een programma hoort enkel bij secundair onderwijs.',
        });
      }
      const weekdays = internship?.weekdays ?? [];
      if (value.track === 'dual' && weekdays.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['internship', 'weekdays'],
          message: 'Kies de weekdagen van het duaal leren.',
        });
      }
      if (value.track !== 'dual' && weekdays.length > 0 && value.track !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['internship', 'weekdays'],
          message: 'Weekdagen horen enkel bij duaal leren.',
        });
      }
    },
    { when: () => true },
  );
export type StudentInput = z.infer<typeof StudentInput>;

export const STUDENT_STATUSES = ['open', 'accepted', 'stopped'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];
export type Transport = (typeof TRANSPORT)[number];
export type InternshipForm = (typeof FORMS)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/** A requested internship period: two calendar dates (`2026-10-05`). */
export const Period = z.object({ start: z.string(), end: z.string() });
export type Period = z.output<typeof Period>;

/** A service's contact person as a placement names them. */
export const PlacementContact = z.object({ name: z.string(), phone: z.string(), email: z.string() });

/** What the accepting service agreed, as stored on the student. */
export const Placement = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  contact: PlacementContact,
  /** The contact person (mentor) named; a dual learner's stop frees this mentor's slot. */
  contactId: z.string().optional(),
  /** Indexes into the student's requested periods. */
  periods: z.array(z.number()),
  notes: z.string(),
  acceptedAt: z.string(),
  acceptedBy: z.string().optional(),
  /** Dual learning: the training contract's dates, recorded by the service (yearly report). */
  trainingContract: z.object({ start: z.string(), end: z.string() }).optional(),
});
export type Placement = z.output<typeof Placement>;

export const StudentPath = z.object({ id: z.string().min(1).max(64) });

/** A school's list of its students. */
export const StudentListQuery = z.object({
  track: z.enum(TRACKS).optional(),
  status: z.enum(STUDENT_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['name', '-name', 'registered', '-registered']).optional().default('-registered'),
});
export type StudentListQuery = z.output<typeof StudentListQuery>;
