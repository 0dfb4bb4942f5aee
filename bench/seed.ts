import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cognitoLogins } from '#accounts/cognito';
import { withCheckDigits } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import { PROVINCES, provinceOfPostcode } from '#contract/provinces';
import { TRANSPORT } from '#contract/students';
import { createPerson, putIdentity } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { personalDataKeys, seal } from '#platform/crypto';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import postcodes from '../shared/reference/postcodes.json';

async function inBatches<T>(items: T[], size: number, work: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

export interface Seeded {
  services: Organisation[];
  tokens: string[];
  contactIds: string[];
  students: StoredStudent[];
}

/**
 * The bench's year: `services` services with a real login each, 100 schools with a supervisor,
 * and `count` secondary students spread over Belgium's postcodes, written straight into the table
 * (around the counters, as a restore would: the caller recounts).
 */
export async function seed(tableName: string, count: number, serviceCount: number): Promise<Seeded> {
  const stamp = new Date().toISOString();
  const org = (id: string, fields: Partial<Organisation>): Organisation =>
    ({
      id,
      name: id,
      email: `${id}@bench.example`,
      active: true,
      createdAt: stamp,
      updatedAt: stamp,
      ...fields,
    }) as Organisation;

  const services = Array.from({ length: serviceCount }, (_, i) =>
    org(`bench-service-${i}`, {
      type: 'service',
      province: PROVINCES[i % PROVINCES.length],
      sector: 'social_profit',
    }),
  );
  const schools = Array.from({ length: 100 }, (_, i) =>
    org(`bench-school-${i}`, { type: 'school', tracks: ['secondary'] }),
  );
  await inBatches([...services, ...schools], 25, (b) => Promise.all(b.map((o) => putOrganisation(o))));

  const tokens: string[] = [];
  await inBatches(services, 10, (batch) =>
    Promise.all(
      batch.map(async (service) => {
        const email = `${service.id}@bench.example`;
        const person = {
          id: `${service.id}-p`,
          organisationId: service.id,
          email,
          name: 'Bench',
          status: 'active' as const,
          invitedAt: stamp,
        };
        await createPerson(person);
        const sub = await cognitoLogins.ensure(email);
        await cognitoLogins.setPassword(email, 'bench wachtwoord lang');
        await putIdentity(sub, person, 'service');
        const signedIn = await cognitoLogins.authenticate(email, 'bench wachtwoord lang');
        tokens[services.indexOf(service)] = signedIn!.accessToken;
      }),
    ),
  );
  const contactIds = services.map((s) => `${s.id}-contact`);
  const supervisorItems = schools.map((s) => ({
    ...keys.supervisor(s.id, 'sup'),
    id: 'sup',
    schoolId: s.id,
    name: 'Begeleider',
    phone: '050 12 34 56',
    email: 'b@x.example',
    studentCount: 0,
  }));
  const contactItems = services.map((s, i) => ({
    ...keys.contact(s.id, contactIds[i]!),
    id: contactIds[i],
    serviceId: s.id,
    name: 'Mentor',
    phone: '050 12 34 56',
    email: 'm@x.example',
    acceptanceCount: 0,
    learners: {},
  }));

  const keyProvider = personalDataKeys();
  // One sealed number per 997 students: the bench measures lists, not encryption.
  const sealed = new Map<number, { encrypted: string; last2: string }>();
  const students: StoredStudent[] = [];
  for (let i = 0; i < count; i++) {
    const place = postcodes[(i * 7919) % postcodes.length]!;
    const province = provinceOfPostcode(place.postcode)!;
    const n = i % 997;
    if (!sealed.has(n)) {
      const nn = withCheckDigits(
        `85${String((n % 12) + 1).padStart(2, '0')}15${String(n).padStart(3, '0')}`,
        false,
      );
      sealed.set(n, { encrypted: await seal(nn, keyProvider), last2: nn.slice(-2) });
    }
    const registeredAt = new Date(Date.parse('2026-06-16T08:00:00Z') + i * 60_000).toISOString();
    students.push({
      id: `bench-student-${String(i).padStart(5, '0')}`,
      track: 'secondary',
      programme: 'seventh_year',
      firstName: `Voornaam${i}`,
      lastName: `Achternaam${i % 500}`,
      email: `s${i}@bench.example`,
      phone: '0470 12 34 56',
      address: { street: 'Straat 1', postcode: place.postcode, city: place.place },
      province,
      transport: [TRANSPORT[i % 4]!, TRANSPORT[(i + 1) % 4]!],
      remarks: '',
      internship: {
        supervisorId: 'sup',
        form: 'block',
        hoursPerWeek: 19,
        totalHours: 80,
        periods: [{ start: '2026-10-05', end: '2026-10-30' }],
        remarks: '',
      },
      schoolId: schools[i % schools.length]!.id,
      schoolName: `School ${i % schools.length}`,
      nationalNumberEncrypted: sealed.get(n)!.encrypted,
      nationalNumberLast2: sealed.get(n)!.last2,
      registeredAt,
      updatedAt: registeredAt,
      visibleFrom: registeredAt,
    });
  }
  const studentItems = students.map((s) => ({
    ...keys.student(s.id),
    ...keys.studentBySchool(s.schoolId, s.registeredAt, s.id),
    ...keys.openStudent(s.track, s.province, s.address.postcode, s.lastName, s.id),
    ...s,
    firstPeriodStart: s.internship.periods[0]!.start,
  }));
  const put = async (items: Record<string, unknown>[]) => {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [tableName]: items.map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const out = await dynamoClient().send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  };
  const all = [...supervisorItems, ...contactItems, ...studentItems];
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < all.length; i += 25) chunks.push(all.slice(i, i + 25));
  await inBatches(chunks, 8, (batch) => Promise.all(batch.map(put)));
  return { services, tokens, contactIds, students };
}
