import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { historyOf } from '#requests/decisions-store';
import { type ApiResponse, call } from './helpers/api';
import { nationalNumber, validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let school: TestUser;
let supervisorId: string;
let schoolName: string;

const as = (u: TestUser) => ({ token: u.accessToken });
const setPhase = (phase: string) => call('PUT', '/tracks/secondary/phase', { ...as(admin), body: { phase } });

async function serviceIn(province: string): Promise<TestUser & { contactId: string }> {
  const org = await createTestOrganisation('service');
  await call('PATCH', `/organisations/${org.id}`, { ...as(admin), body: { province } });
  const user = await createTestUser({ organisation: { ...org, province: province as never } });
  const contact = await call('POST', '/contacts', {
    ...as(user),
    body: { name: 'Mentor Marleen', phone: '050 11 22 33', email: 'marleen@dienst.example' },
  });
  return { ...user, contactId: contact.body.id };
}

async function enter(overrides: Record<string, unknown> = {}) {
  const res = await call('POST', '/students', { ...as(school), body: validStudent(supervisorId, overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; nationalNumber: string; email: string; phone: string };
}

/** The open list of a service, scoped to this file's school so other tests' students do not count. */
async function openIds(user: TestUser, extra = '') {
  const res = await call(
    'GET',
    `/requests?track=secondary&tab=open&school=${encodeURIComponent(schoolName)}${extra}`,
    as(user),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
}

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  schoolName = school.organisation.name;
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
  });
  supervisorId = sup.body.id;
});

describe('what a service sees, phase by phase', () => {
  it('closed: nothing; preferred: its province and its preference only; all: every open student', async () => {
    const [brugge, gent] = await Promise.all([serviceIn('west-vlaanderen'), serviceIn('oost-vlaanderen')]);
    const chose = await enter({ province: 'west-vlaanderen', preferredServiceId: brugge.organisation.id });
    const other = await enter({ province: 'west-vlaanderen' });
    const elsewhere = await enter({
      province: 'oost-vlaanderen',
      preferredServiceId: brugge.organisation.id,
    });

    await setPhase('closed');
    expect(await openIds(brugge)).toEqual([]);
    expect((await call('GET', `/requests/${chose.id}`, as(brugge))).status).toBe(404);

    await setPhase('preferred');
    expect(await openIds(brugge)).toEqual([chose.id]);
    expect(await openIds(gent)).toEqual([]);
    expect((await call('GET', `/requests/${other.id}`, as(brugge))).status).toBe(404);

    await setPhase('all');
    for (const service of [brugge, gent]) {
      expect((await openIds(service)).sort()).toEqual([chose.id, other.id, elsewhere.id].sort());
    }
  });

  it('never shows stopped students, nor students in the summer blackout', async () => {
    await setPhase('all');
    const service = await serviceIn('antwerpen');
    const stopped = await enter();
    await call('POST', `/students/${stopped.id}/stop`, { ...as(school), body: {} });
    const ids = await openIds(service);
    expect(ids).not.toContain(stopped.id);
    expect((await call('GET', `/requests/${stopped.id}`, as(service))).status).toBe(404);

    // A student entered in July stays hidden until 19 September; the stack's "now" is later, so
    // the index filter is proven with a future visibility date written through the data layer.
    const hidden = await enter();
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.student(hidden.id),
        UpdateExpression: 'SET visibleFrom = :v',
        ExpressionAttributeValues: { ':v': '2099-09-19T00:00:00.000Z' },
      }),
    );
    expect(await openIds(service)).not.toContain(hidden.id);
    expect((await call('GET', `/requests/${hidden.id}`, as(service))).status).toBe(404);
  });

  it('is for services only', async () => {
    expect((await call('GET', '/requests?track=secondary', as(school))).status).toBe(403);
    expect((await call('GET', '/contacts', as(admin))).status).toBe(403);
  });
});

describe('filters and sorting', () => {
  it('filter on name, province, school, postcode region and transport; sort by name, postcode and registration', async () => {
    await setPhase('all');
    const service = await serviceIn('limburg');
    const a = await enter({
      firstName: 'Élise',
      lastName: 'Aerts',
      address: { street: 'Markt 1', postcode: '3500', city: 'Hasselt' },
      province: 'limburg',
      transport: ['car'],
    });
    const b = await enter({
      firstName: 'Bram',
      lastName: 'Boon',
      address: { street: 'Markt 2', postcode: '3590', city: 'Diepenbeek' },
      province: 'limburg',
      transport: ['bike'],
    });
    const c = await enter({
      firstName: 'Cas',
      lastName: 'Claes',
      address: { street: 'Markt 3', postcode: '2000', city: 'Antwerpen' },
      province: 'antwerpen',
      transport: ['public_transport', 'bike'],
    });

    expect(await openIds(service, '&name=elise')).toEqual([a.id]);
    expect((await openIds(service, '&province=limburg')).sort()).toEqual([a.id, b.id].sort());
    expect((await openIds(service, '&province=limburg,antwerpen')).length).toBeGreaterThanOrEqual(3);
    expect(await openIds(service, '&postcode=35')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await openIds(service, '&postcode=35')).not.toContain(c.id);
    expect(await openIds(service, '&postcode=3590')).toEqual([b.id]);
    expect(
      (await openIds(service, '&transport=bike&province=limburg,antwerpen'))
        .filter((id) => [a.id, b.id, c.id].includes(id))
        .sort(),
    ).toEqual([b.id, c.id].sort());
    const none = await call(
      'GET',
      `/requests?track=secondary&school=${encodeURIComponent('bestaat niet')}`,
      as(service),
    );
    expect(none.body).toEqual({ items: [], nextCursor: null, total: 0, statusCounts: {}, todos: 0 });

    const mine = [a.id, b.id, c.id];
    const order = async (sort: string) =>
      (await openIds(service, `&sort=${sort}`)).filter((id) => mine.includes(id));
    expect(await order('name')).toEqual([a.id, b.id, c.id]);
    expect(await order('-name')).toEqual([c.id, b.id, a.id]);
    expect(await order('postcode')).toEqual([c.id, a.id, b.id]);
    expect(await order('-registered')).toEqual([c.id, b.id, a.id]);
    // Default: province, postcode, last name.
    expect((await openIds(service)).filter((id) => mine.includes(id))).toEqual([c.id, a.id, b.id]);

    const bad = await call('GET', '/requests?track=secondary&postcode=3&transport=boot', as(service));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['postcode', 'transport.0']);
  });

  it('pages with a cursor and counts every match', async () => {
    await setPhase('all');
    const service = await serviceIn('vlaams-brabant');
    const first = await call('GET', '/requests?track=secondary', as(service));
    expect(first.body.total).toBeGreaterThanOrEqual(first.body.items.length);
    if (first.body.total > 50) {
      expect(first.body.items).toHaveLength(50);
      const second = await call(
        'GET',
        `/requests?track=secondary&cursor=${first.body.nextCursor}`,
        as(service),
      );
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    } else {
      expect(first.body.nextCursor).toBeNull();
    }
  });
});

describe('paging', () => {
  it('walks every match exactly once, in order, across province partitions', async () => {
    await setPhase('all');
    const service = await serviceIn('limburg');
    const mine = await Promise.all(
      ['3590', '3590', '3590'].map((postcode, i) =>
        enter({
          lastName: `Pagina${i}`,
          address: { street: 'Markt 9', postcode, city: 'Diepenbeek' },
          province: i === 2 ? 'antwerpen' : 'limburg',
        }),
      ),
    );
    for (const sort of ['', '&sort=name']) {
      const seen: string[] = [];
      let cursor: string | null = '';
      let total = 0;
      do {
        const res: ApiResponse = await call(
          'GET',
          `/requests?track=secondary&postcode=3590&limit=1${sort}${cursor ? `&cursor=${cursor}` : ''}`,
          as(service),
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        total = res.body.total;
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
      expect(seen).toEqual(expect.arrayContaining(mine.map((m) => m.id)));
    }
    const bad = await call('GET', '/requests?track=secondary&cursor=bm9wZQ', as(service));
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});

describe('totals', () => {
  it('come from counts kept in the writes: entering, editing, stopping, resuming and accepting move them; a recount agrees', async () => {
    await setPhase('all');
    const service = await serviceIn('west-vlaanderen');
    // A postcode no other test uses: its totals are this test's students only.
    const at = (postcode: string) => ({ street: 'Dorp 1', postcode, city: 'Dranouter' });
    const total = async (extra = '') => {
      const res = await call('GET', `/requests?track=secondary&postcode=8951${extra}`, as(service));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items).toHaveLength(res.body.total);
      return res.body.total as number;
    };
    const [bike, car, both] = await Promise.all(
      [['bike'], ['car'], ['bike', 'car']].map((transport) =>
        enter({ address: at('8951'), province: 'west-vlaanderen', transport }),
      ),
    );
    expect([await total(), await total('&transport=car'), await total('&transport=moped')]).toEqual([
      3, 2, 0,
    ]);

    expect((await call('POST', `/students/${car!.id}/stop`, { ...as(school), body: {} })).status).toBe(200);
    expect([await total(), await total('&transport=car')]).toEqual([2, 1]);
    expect((await call('POST', `/students/${car!.id}/resume`, as(school))).status).toBe(200);
    expect([await total(), await total('&transport=car')]).toEqual([3, 2]);

    const moved = await call('PUT', `/students/${bike!.id}`, {
      ...as(school),
      body: validStudent(supervisorId, {
        address: at('8950'),
        province: 'west-vlaanderen',
        transport: ['bike'],
      }),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect([await total(), await total('&transport=bike')]).toEqual([2, 1]);

    const accepted = await call('PUT', `/requests/${both!.id}/decision`, {
      ...as(service),
      body: { status: 'accepted', contactId: service.contactId, periods: [0] },
    });
    expect(accepted.status).toBe(200);
    expect([await total(), await total('&transport=bike')]).toEqual([1, 0]);

    // A recount from the students themselves finds the same, and leaves the totals as they were.
    expect((await call('POST', '/admin/dashboard/recount', as(admin))).status).toBe(200);
    expect([await total(), await total('&transport=car'), await total('&transport=bike')]).toEqual([1, 1, 0]);

    // A student written around the counts (a restore): listed at once, counted from the recount on.
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: settings.tableName(), Key: keys.student(car!.id), ConsistentRead: true }),
    );
    const id = `${car!.id}-restored`;
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: { ...Item, ...keys.student(id), id, gsi2sk: String(Item!.gsi2sk).replace(car!.id, id) },
      }),
    );
    const restored = await call('GET', '/requests?track=secondary&postcode=8951', as(service));
    expect([restored.body.items.length, restored.body.total]).toEqual([2, 1]);
    expect((await call('POST', '/admin/dashboard/recount', as(admin))).status).toBe(200);
    expect(await total()).toBe(2);
  });
});

describe('personal data', () => {
  it('is absent for every service but the one that accepted, and present for that one', async () => {
    await setPhase('all');
    const [winner, other] = await Promise.all([serviceIn('west-vlaanderen'), serviceIn('west-vlaanderen')]);
    const number = nationalNumber();
    const s = await enter({
      nationalNumber: number,
      email: 'uniek.adres@leerling.example',
      phone: '0499 87 65 43',
      address: { street: 'Verborgenstraat 41', postcode: '8000', city: 'Brugge' },
    });
    const secrets = [
      number,
      'uniek.adres@leerling.example',
      '0499 87 65 43',
      'bart@school.example',
      'Verborgenstraat',
    ];

    const before = [
      await call('GET', `/requests?track=secondary&school=${encodeURIComponent(schoolName)}`, as(winner)),
      await call('GET', `/requests/${s.id}`, as(winner)),
      await call('GET', `/requests/${s.id}`, as(other)),
    ];
    for (const res of before) {
      expect(res.status).toBe(200);
      for (const secret of secrets) expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    expect(before[1]!.body).toMatchObject({
      supervisorName: 'Begeleider Bart',
      personal: null,
      remarks: 'Kleurenblind.',
      // Where the student lives, without the street: enough to judge the distance.
      residence: { postcode: '8000', city: 'Brugge', province: 'west-vlaanderen' },
    });

    const accepted = await call('PUT', `/requests/${s.id}/decision`, {
      ...as(winner),
      body: { status: 'accepted', contactId: winner.contactId, periods: [0], notes: 'Welkom!' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.personal).toEqual({
      nationalNumber: expect.stringMatching(/^\d\d\.\d\d\.\d\d-\d{3}\.\d\d$/),
      email: 'uniek.adres@leerling.example',
      phone: '0499 87 65 43',
      street: 'Verborgenstraat 41',
      supervisor: { name: 'Begeleider Bart', email: 'bart@school.example', phone: '050 12 34 56' },
    });
    expect((await call('GET', `/requests/${s.id}`, as(winner))).body.personal.street).toBe(
      'Verborgenstraat 41',
    );
    expect(accepted.body.personal.nationalNumber.replace(/\D/g, '')).toBe(number);

    expect((await call('GET', `/requests/${s.id}`, as(other))).status).toBe(404);
    expect(await openIds(other)).not.toContain(s.id);
    const acceptedTab = await call('GET', '/requests?track=secondary&tab=accepted', as(winner));
    expect(acceptedTab.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
    for (const secret of secrets) expect(JSON.stringify(acceptedTab.body)).not.toContain(secret);

    const schoolView = await call('GET', `/students/${s.id}`, as(school));
    expect(schoolView.body).toMatchObject({
      status: 'accepted',
      placement: {
        serviceName: winner.organisation.name,
        contact: { name: 'Mentor Marleen' },
        notes: 'Welkom!',
        periods: [validStudent(supervisorId).internship.periods[0]],
      },
    });
  });
});

describe('decisions', () => {
  it('undecided and not_accepted can be held by many services and changed back and forth', async () => {
    await setPhase('all');
    const [x, y] = await Promise.all([serviceIn('antwerpen'), serviceIn('antwerpen')]);
    const s = await enter();
    for (const [svc, status] of [
      [x, 'not_accepted'],
      [y, 'not_accepted'],
      [x, 'undecided'],
    ] as const) {
      const res = await call('PUT', `/requests/${s.id}/decision`, { ...as(svc), body: { status } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
    }
    const list = await call(
      'GET',
      `/requests?track=secondary&school=${encodeURIComponent(schoolName)}`,
      as(y),
    );
    expect(list.body.items.find((i: { id: string }) => i.id === s.id).status).toBe('not_accepted');
    const history = await historyOf(s.id);
    expect(history.map((h) => h.status)).toEqual(['not_accepted', 'not_accepted', 'undecided']);
    expect(history.every((h) => h.decidedBy && h.serviceId && h.decidedAt)).toBe(true);
  });

  it('refuses a contact person of another service and periods the school did not ask for', async () => {
    await setPhase('all');
    const [x, y] = await Promise.all([serviceIn('limburg'), serviceIn('limburg')]);
    const s = await enter();
    const badContact = await call('PUT', `/requests/${s.id}/decision`, {
      ...as(x),
      body: { status: 'accepted', contactId: y.contactId, periods: [0] },
    });
    expect(badContact.status).toBe(400);
    expect(badContact.body.details).toEqual([expect.objectContaining({ path: 'contactId' })]);
    const badPeriods = await call('PUT', `/requests/${s.id}/decision`, {
      ...as(x),
      body: { status: 'accepted', contactId: x.contactId, periods: [3] },
    });
    expect(badPeriods.body.details).toEqual([expect.objectContaining({ path: 'periods' })]);
    const noPeriods = await call('PUT', `/requests/${s.id}/decision`, {
      ...as(x),
      body: { status: 'accepted', contactId: x.contactId, periods: [] },
    });
    expect(noPeriods.body.details).toEqual([expect.objectContaining({ path: 'periods' })]);
    expect((await call('GET', `/students/${s.id}`, as(school))).body.status).toBe('open');
  });

  it('makes acceptance irreversible and the contact person undeletable', async () => {
    await setPhase('all');
    const svc = await serviceIn('oost-vlaanderen');
    const s = await enter();
    const body = { status: 'accepted', contactId: svc.contactId, periods: [1] };
    expect((await call('PUT', `/requests/${s.id}/decision`, { ...as(svc), body })).status).toBe(200);
    for (const again of [body, { status: 'not_accepted' }, { status: 'undecided' }]) {
      const res = await call('PUT', `/requests/${s.id}/decision`, { ...as(svc), body: again });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('definitief');
    }
    const del = await call('DELETE', `/contacts/${svc.contactId}`, as(svc));
    expect(del.status).toBe(409);
    expect(del.body.message).toContain('1 aanvaarde leerling');
  });

  it('50 services accepting one student at once: exactly one wins, 49 are told clearly, the data agrees', async () => {
    await setPhase('all');
    const services = await Promise.all(Array.from({ length: 50 }, () => serviceIn('brussel')));
    const s = await enter();
    const results = await Promise.all(
      services.map((svc) =>
        call('PUT', `/requests/${s.id}/decision`, {
          ...as(svc),
          body: { status: 'accepted', contactId: svc.contactId, periods: [0] },
        }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const l of losers)
      expect(l.body.message).toBe(
        'Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.',
      );
    const winner = services[results.indexOf(winners[0]!)]!;

    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: settings.tableName(), Key: keys.student(s.id), ConsistentRead: true }),
    );
    expect(Item?.placement.serviceId).toBe(winner.organisation.id);
    expect(Item?.gsi2pk).toBeUndefined();
    const decisions = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
        ExpressionAttributeValues: { ':pk': `STUDENT#${s.id}`, ':d': 'DECISION#' },
        ConsistentRead: true,
      }),
    );
    expect(decisions.Items?.filter((d) => d.status === 'accepted').map((d) => d.serviceId)).toEqual([
      winner.organisation.id,
    ]);
    const contacts = await Promise.all(services.map((svc) => call('GET', '/contacts', as(svc))));
    expect(
      contacts.map((c) => c.body.items[0].acceptanceCount).reduce((a: number, b: number) => a + b, 0),
    ).toBe(1);
    // The acceptance is in the audit log once, written with it; the 49 refusals left no entry.
    const log = await call('GET', '/admin/audit?action=acceptance&limit=200', as(admin));
    const entries = log.body.items.filter((e: { subject: { id: string } }) => e.subject.id === s.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].details.serviceId).toBe(winner.organisation.id);
  });
});

describe('contact persons', () => {
  it('are created, listed, edited and deleted by their own service only', async () => {
    const [x, y] = await Promise.all([serviceIn('antwerpen'), serviceIn('antwerpen')]);
    const edited = await call('PUT', `/contacts/${x.contactId}`, {
      ...as(x),
      body: { name: 'Marleen Peeters', phone: '03 123 45 67', email: 'mp@dienst.example' },
    });
    expect(edited.body).toMatchObject({ name: 'Marleen Peeters', acceptanceCount: 0 });
    expect(
      (
        await call('PUT', `/contacts/${x.contactId}`, {
          ...as(y),
          body: { name: 'X', phone: '03 123 45 67', email: 'x@x.example' },
        })
      ).status,
    ).toBe(404);
    expect((await call('DELETE', `/contacts/${x.contactId}`, as(y))).status).toBe(404);
    expect((await call('DELETE', `/contacts/${x.contactId}`, as(x))).status).toBe(204);
    expect((await call('GET', '/contacts', as(x))).body.items).toEqual([]);
  });
});
