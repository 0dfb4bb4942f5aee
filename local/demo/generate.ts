import { withCheckDigits } from '#contract/national-number';
import type { Organisation, Track } from '#contract/organisations';
import { PROVINCES, type Province, provinceOfPostcode } from '#contract/provinces';
import { FORMS, TRANSPORT, WEEKDAYS } from '#contract/students';
import postcodes from '../../shared/reference/postcodes.json';
import { FIRST_NAMES, LAST_NAMES, SCHOOL_NAMES, SERVICE_NAMES, STREETS } from './names';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo world every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] =>
    [...list].sort(() => next() - 0.5).slice(0, int(min, max));
  return { next, int, pick, some };
}

type Place = { postcode: string; place: string };
const placesIn = (province: Province): Place[] =>
  postcodes.filter((p) => provinceOfPostcode(p.postcode) === province);

// Roughly how the services are spread over Flanders and Brussels.
const SERVICE_SPREAD: [Province, number][] = [
  ['antwerpen', 9],
  ['oost-vlaanderen', 9],
  ['west-vlaanderen', 8],
  ['vlaams-brabant', 6],
  ['limburg', 5],
  ['brussel', 3],
];

const NEIGHBOURS: Record<Province, Province[]> = {
  antwerpen: ['limburg', 'vlaams-brabant', 'oost-vlaanderen'],
  limburg: ['antwerpen', 'vlaams-brabant'],
  'oost-vlaanderen': ['west-vlaanderen', 'antwerpen', 'vlaams-brabant'],
  'vlaams-brabant': ['brussel', 'antwerpen', 'limburg', 'oost-vlaanderen'],
  'west-vlaanderen': ['oost-vlaanderen'],
  brussel: ['vlaams-brabant'],
};

const PERIOD_STARTS = ['2026-10-05', '2026-11-16', '2027-01-11', '2027-02-22', '2027-04-19', '2027-05-10'];

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');

export const DEMO_PASSWORD = 'demo-wachtwoord-2026';

export interface DemoLogin {
  organisationId: string;
  organisationName: string;
  kind: 'service' | Track;
  name: string;
  email: string;
}

export interface DemoStudent {
  id: string;
  schoolId: string;
  registeredAt: string;
  /** The request as a school would post it: it goes through the same validation. */
  input: Record<string, unknown>;
}

export function demoWorld(seed = 2026) {
  const r = random(seed);
  const stamp = '2026-06-01T08:00:00.000Z';
  const organisation = (
    id: string,
    fields: Omit<Organisation, 'id' | 'active' | 'createdAt' | 'updatedAt'>,
  ): Organisation => ({ id, ...fields, active: true, createdAt: stamp, updatedAt: stamp });
  const addressIn = (province: Province) => {
    const place = r.pick(placesIn(province));
    return { street: `${r.pick(STREETS)} ${r.int(1, 180)}`, postcode: place.postcode, city: place.place };
  };

  const services: Organisation[] = [];
  for (const [province, count] of SERVICE_SPREAD) {
    for (let i = 0; i < count; i++) {
      const n = String(services.length + 1).padStart(2, '0');
      const address = addressIn(province);
      const local = r.next() < 0.25;
      const name = `${local ? 'OCMW Thuiszorg' : r.pick(SERVICE_NAMES)} ${address.city}`;
      services.push(
        organisation(`demo-service-${n}`, {
          type: 'service',
          name,
          email: `info.dienst${n}@demo-dienst.example`,
          address,
          province,
          sector: local ? 'local_government' : 'social_profit',
        }),
      );
    }
  }

  const schools: (Organisation & { tracks: Track[] })[] = [];
  for (const track of ['secondary', 'adult', 'dual'] as const) {
    for (let i = 1; i <= 30; i++) {
      const province = r.pick(PROVINCES.filter((p) => p !== 'brussel'));
      const address = addressIn(province);
      schools.push({
        ...organisation(`demo-school-${track}-${String(i).padStart(2, '0')}`, {
          type: 'school',
          name: `${r.pick(SCHOOL_NAMES[track])} ${address.city}`,
          email: `info.${track}${i}@demo-school.example`,
          address,
          tracks: [track],
        }),
        tracks: [track],
      });
    }
  }

  const logins: DemoLogin[] = [
    ...services.map((s, i) => ({
      organisationId: s.id,
      organisationName: s.name,
      kind: 'service' as const,
      name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
      email: `dienst${String(i + 1).padStart(2, '0')}@demo.stagematching.local`,
    })),
    ...schools.map((s) => ({
      organisationId: s.id,
      organisationName: s.name,
      kind: s.tracks[0]!,
      name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
      email: `${s.id.replace('demo-school-', 'school-')}@demo.stagematching.local`,
    })),
  ];

  const supervisors = schools.flatMap((school) =>
    Array.from({ length: r.int(2, 3) }, (_, i) => {
      const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
      return {
        id: `${school.id}-begeleider-${i + 1}`,
        schoolId: school.id,
        name,
        phone: `0${r.int(2, 9)}${r.int(1, 9)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
        email: `${slug(name)}@${school.id}.example`,
        studentCount: 0,
      };
    }),
  );

  const students: DemoStudent[] = [];
  for (let i = 1; i <= 600; i++) {
    const school = r.pick(schools);
    const track = school.tracks[0]!;
    const place = r.pick(postcodes);
    const home = provinceOfPostcode(place.postcode)!;
    const province = r.next() < 0.1 ? r.pick(NEIGHBOURS[home]) : home;
    const firstName = r.pick(FIRST_NAMES);
    const lastName = r.pick(LAST_NAMES);
    const age = track === 'adult' ? r.int(22, 50) : r.int(17, 21);
    const birthYear = 2026 - age;
    const birth = `${String(birthYear % 100).padStart(2, '0')}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    const nationalNumber = withCheckDigits(
      `${birth}${String(r.int(1, 997)).padStart(3, '0')}`,
      birthYear >= 2000,
    );
    const form = r.pick(FORMS);
    const starts = r.some(PERIOD_STARTS, 1, 3).sort();
    const preferred = r.next() < 0.6 ? services.filter((s) => s.province === province) : [];
    // Most students come in June to October; a few during the summer blackout.
    const registered =
      r.next() < 0.05
        ? Date.parse('2026-07-01T09:00:00Z') + r.int(0, 40) * 86_400_000
        : Date.parse('2026-06-16T09:00:00Z') + r.pick([r.int(0, 13), r.int(61, 120)]) * 86_400_000;
    students.push({
      id: `demo-student-${String(i).padStart(4, '0')}`,
      schoolId: school.id,
      registeredAt: new Date(registered + r.int(0, 8 * 3600) * 1000).toISOString(),
      input: {
        track,
        // Not drawn from the generator, so the rest of the demo stays as it was.
        ...(track === 'secondary' ? { programme: i % 3 === 0 ? 'third_grade' : 'seventh_year' } : {}),
        firstName,
        lastName,
        nationalNumber,
        email: `${slug(`${firstName}.${lastName}`)}.${i}@demo-leerling.example`,
        phone: `04${r.int(60, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
        address: {
          street: `${r.pick(STREETS)} ${r.int(1, 180)}`,
          postcode: place.postcode,
          city: place.place,
        },
        province,
        transport: r.some(TRANSPORT, 1, 2),
        remarks:
          r.next() < 0.1 ? r.pick(['Kleurenblind.', 'Lichte gehoorproblemen.', 'Heeft geen rijbewijs.']) : '',
        internship: {
          supervisorId: r.pick(supervisors.filter((s) => s.schoolId === school.id)).id,
          form,
          hoursPerWeek: form === 'alternating' ? undefined : r.pick([19, 24, 32, 38]),
          totalHours: r.pick([80, 120, 160, 200, 300]),
          periods: starts.map((start, k) => {
            const end = addDays(start, r.int(3, 6) * 7 - 3);
            // A period ends before the next one starts (a weekend between), as a school plans them.
            const next = starts[k + 1];
            const last = next ? addDays(next, -3) : end;
            return { start, end: end < last ? end : last };
          }),
          weekdays: track === 'dual' ? r.some(WEEKDAYS.slice(0, 5), 2, 3) : undefined,
          remarks: '',
        },
        preferredServiceId: preferred.length > 0 ? r.pick(preferred).id : undefined,
      },
    });
  }
  // Mentors, from their own random sequence so that everything above stays as it was.
  const m = random(seed + 1);
  const contacts = services.flatMap((service) =>
    Array.from({ length: m.int(2, 3) }, (_, i) => {
      const name = `${m.pick(FIRST_NAMES)} ${m.pick(LAST_NAMES)}`;
      return {
        id: `${service.id}-mentor-${i + 1}`,
        serviceId: service.id,
        name,
        phone: `0${m.int(2, 9)}${m.int(1, 9)} ${m.int(10, 99)} ${m.int(10, 99)} ${m.int(10, 99)}`,
        email: `${slug(name)}@${service.id}.example`,
        acceptanceCount: 0,
        learners: {},
      };
    }),
  );
  // The first service (social profit) already took on two dual learners with its first mentor,
  // who is therefore full: the accept dialog greys them out.
  const full = services[0]!;
  const dualLearners = students
    .filter((s) => (s.input as { track: string }).track === 'dual' && s.registeredAt < '2026-06-30')
    .slice(0, 2)
    .map((s) => ({ studentId: s.id, serviceId: full.id, contactId: `${full.id}-mentor-1` }));
  return { services, schools, logins, supervisors, students, contacts, dualLearners };
}
