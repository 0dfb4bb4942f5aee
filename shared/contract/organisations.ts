import { requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { PROVINCES } from './provinces';
import type { Role } from './roles';
import { Unreachable } from './unreachable';

export const ORGANISATION_TYPES = ['admin', 'school', 'service'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const TRACKS = ['secondary', 'adult', 'dual'] as const;
export type Track = (typeof TRACKS)[number];
export const SECTORS = ['social_profit', 'local_government'] as const;

/** A person's role follows from the kind of organisation they belong to. */
export const roleOf = (type: OrganisationType): Role => type;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Dit e-mailadres is te lang.')
  .pipe(z.email('Vul een geldig e-mailadres in.'));

export const addressSchema = z.object({
  street: requiredText(120, 'Vul de straat en het huisnummer in.'),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Een postcode heeft 4 cijfers.'),
  city: requiredText(80, 'Vul de gemeente in.'),
});

const common = {
  name: requiredText(120, 'Vul de naam in.'),
  email: emailSchema,
  address: addressSchema,
};

export const NewService = z.object({
  type: z.literal('service'),
  ...common,
  province: z.enum(PROVINCES, 'Kies een provincie.'),
  sector: z.enum(SECTORS, 'Kies social profit of lokaal bestuur.'),
});

export const NewSchool = z.object({
  type: z.literal('school'),
  ...common,
  tracks: z
    .array(z.enum(TRACKS, 'Onbekende opleidingsvorm.'))
    .min(1, 'Kies minstens één opleidingsvorm.')
    .transform((tracks) => [...new Set(tracks)]),
});

/** A regional team's provinces: at least one, each once. */
export const RegionProvinces = z
  .array(z.enum(PROVINCES, 'Onbekende provincie.'), 'Kies de provincies van het regionale team.')
  .min(1, 'Kies minstens één provincie.')
  .transform((provinces) => [...new Set(provinces)]);

/**
 * A team of the sector (role admin). With `provinces` a regional team ("regionale trekker") that
 * sees and acts on those provinces only; without, the whole sector like the national team that
 * exists from the start. Only the national team creates one.
 */
export const NewAdminTeam = z.object({
  type: z.literal('admin'),
  name: common.name,
  email: common.email,
  address: addressSchema.optional(),
  provinces: RegionProvinces.optional(),
  // A team with `province` (a service's field) would silently cover the whole sector: refused.
  province: z.undefined('Een beheerteam krijgt provincies (provinces), niet één provincie.').optional(),
  sector: z.undefined('Een beheerteam heeft geen sector.').optional(),
});

export const NewOrganisation = z.discriminatedUnion('type', [NewService, NewSchool, NewAdminTeam], {
  error: 'Kies het soort organisatie: school, dienst of beheer.',
});
export type NewOrganisation = z.infer<typeof NewOrganisation>;

export const OrganisationChanges = z
  .object({
    name: common.name,
    email: common.email,
    address: addressSchema,
    province: NewService.shape.province,
    sector: NewService.shape.sector,
    tracks: NewSchool.shape.tracks,
    provinces: RegionProvinces,
    active: z.boolean(),
  })
  .partial();
export type OrganisationChanges = z.infer<typeof OrganisationChanges>;

/** An organisation as stored and as the API answers it. */
export const Organisation = z
  .object({
    id: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    name: z.string(),
    email: z.string(),
    address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }).optional(),
    province: z.enum(PROVINCES).optional(),
    sector: z.enum(SECTORS).optional(),
    tracks: z.array(z.enum(TRACKS)).optional(),
    /** A regional team's provinces (type admin); absent for the national team. */
    provinces: z.array(z.enum(PROVINCES)).optional(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** A service's last login and last decision of any of its people: the dashboard's nudges. */
    lastLoginAt: z.string().optional(),
    lastDecisionAt: z.string().optional(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.output<typeof Organisation>;

/** Fields that make sense for the organisation's type; a PATCH may not give a school a province. */
export function changesAllowedFor(type: OrganisationType, changes: OrganisationChanges): string[] {
  const wrong: string[] = [];
  if (type !== 'service' && (changes.province || changes.sector)) {
    wrong.push(changes.province ? 'province' : 'sector');
  }
  if (type !== 'school' && changes.tracks) wrong.push('tracks');
  if (type !== 'admin' && changes.provinces) wrong.push('provinces');
  return wrong;
}

export const NewPerson = z.object({
  email: emailSchema,
  name: requiredText(120, 'Vul de naam in.'),
});
export type NewPerson = z.infer<typeof NewPerson>;

export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A person who logs in for an organisation, as the admin sees them: no login secrets. */
export const Person = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(PERSON_STATUSES),
    invitedAt: z.string(),
    activatedAt: z.string().optional(),
    deactivatedAt: z.string().optional(),
    /** Present while mails to the address no longer arrive (a permanent bounce or a complaint). */
    unreachable: Unreachable.optional(),
  })
  .meta({ id: 'Person' });
export type Person = z.output<typeof Person>;

export const OrganisationPath = z.object({ id: z.string().min(1).max(64) });
export const MemberPath = OrganisationPath.extend({ memberId: z.string().min(1).max(64) });
export const OrganisationQuery = z.object({
  type: z.enum(ORGANISATION_TYPES).optional(),
  province: z.enum(PROVINCES).optional(),
  q: z.string().trim().max(100).optional(),
});

/** `GET /api/organisations?type=&province=&q=` (admin). */
export const OrganisationList = z.object({ items: z.array(Organisation) });
/** `GET /api/organisations/{id}/members`: the people who log in for an organisation. */
export const MemberList = z.object({ items: z.array(Person) });

/** `GET /api/services`: active services for a school's "preferred service" choice. */
export const ServiceOption = z.object({
  id: z.string(),
  name: z.string(),
  province: z.enum(PROVINCES).optional(),
  city: z.string().nullable(),
});
export type ServiceOption = z.output<typeof ServiceOption>;
export const ServiceOptionList = z.object({ items: z.array(ServiceOption) });
