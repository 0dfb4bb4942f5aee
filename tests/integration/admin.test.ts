import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { putAuditEntry } from '#audit/store';
import { newId } from '#kernel/ids';
import { brusselsDate } from '#kernel/time';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { openOf, sumRows } from '#statistics/rules';
import { readCounters } from '#statistics/store';
import { call } from './helpers/api';
import { validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let school: TestUser;
let supervisorId: string;
const as = (u: TestUser) => ({ token: u.accessToken });

/** Asks for an import job as the page does, until it is done. */
async function importDone(id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await call('GET', `/admin/import-jobs/${id}`, as(admin));
    if (res.body.status === 'done') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Import ${id} never finished`);
}

// This file works in the adult track: other files switch the secondary track's phase meanwhile.
const TRACK = 'adult';

async function serviceWithContact(): Promise<TestUser & { contactId: string }> {
  const org = await createTestOrganisation('service');
  const user = await createTestUser({ organisation: org });
  const contact = await call('POST', '/contacts', {
    ...as(user),
    body: { name: 'Mentor Mia', phone: '050 11 22 33', email: 'mia@dienst.example' },
  });
  return { ...user, contactId: contact.body.id };
}

async function enter(overrides: Record<string, unknown> = {}) {
  const res = await call('POST', '/students', {
    ...as(school),
    body: validStudent(supervisorId, { track: TRACK, ...overrides }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; firstName: string; lastName: string };
}

const accept = (service: TestUser & { contactId: string }, studentId: string) =>
  call('PUT', `/requests/${studentId}/decision`, {
    ...as(service),
    body: { status: 'accepted', contactId: service.contactId, periods: [0], notes: 'Welkom' },
  });

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'adult'] },
  });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
  });
  supervisorId = sup.body.id;
  expect((await call('PUT', `/tracks/${TRACK}/phase`, { ...as(admin), body: { phase: 'all' } })).status).toBe(
    200,
  );
});

describe("the sector's view of every student", () => {
  it('finds a student by name, with the placement, the history and masked personal data', async () => {
    const unique = `Zoë${Math.random().toString(36).slice(2, 7)}`;
    const student = await enter({ lastName: unique, email: 'zoe@leerling.example', phone: '0470 99 88 77' });
    const [a, b] = await Promise.all([serviceWithContact(), serviceWithContact()]);
    await call('PUT', `/requests/${student.id}/decision`, { ...as(a), body: { status: 'not_accepted' } });
    expect((await accept(b, student.id)).status).toBe(200);

    const list = await call(
      'GET',
      `/admin/students?name=${encodeURIComponent(unique.toLowerCase())}`,
      as(admin),
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: student.id,
      status: 'accepted',
      school: { id: school.organisation.id },
      placement: { serviceId: b.organisation.id, serviceName: b.organisation.name },
    });
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain('zoe@leerling.example');
    expect(raw).not.toContain('99 88 77');

    const detail = await call('GET', `/admin/students/${student.id}`, as(admin));
    expect(detail.status).toBe(200);
    expect(
      detail.body.history.map((h: { status: string; serviceName: string }) => [h.status, h.serviceName]),
    ).toEqual([
      ['not_accepted', a.organisation.name],
      ['accepted', b.organisation.name],
    ]);
    expect(detail.body.history[1].personName).toBe('Test Persoon');
    expect(detail.body.personal.masked).toBe(true);
    expect(JSON.stringify(detail.body)).not.toContain('zoe@leerling.example');
  });

  it('reveals the personal data on request, and the audit log says who saw it without holding it', async () => {
    const student = await enter({ email: 'reveal@leerling.example', phone: '0470 11 22 99' });
    const before = new Date().toISOString();
    const revealed = await call('POST', `/admin/students/${student.id}/reveal`, as(admin));
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ email: 'reveal@leerling.example', phone: '0470 11 22 99' });
    expect(revealed.body.nationalNumber).toMatch(/^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/);

    const log = await call('GET', '/admin/audit?action=reveal&limit=200', as(admin));
    expect(log.status).toBe(200);
    const entry = log.body.items.find((e: { subject: { id: string } }) => e.subject.id === student.id);
    expect(entry).toMatchObject({
      action: 'reveal',
      actor: { id: admin.person.id },
      subject: { kind: 'student' },
    });
    expect(entry.at >= before).toBe(true);
    const everything = JSON.stringify(log.body);
    expect(everything).not.toContain(revealed.body.nationalNumber);
    expect(everything).not.toContain(revealed.body.nationalNumber.replace(/\D/g, ''));
    expect(everything).not.toContain('reveal@leerling.example');
  });

  it('pages the audit log with a cursor it checks', async () => {
    await Promise.all([enter(), enter()]);
    const students = await call('GET', `/students?track=${TRACK}`, as(school));
    for (const s of students.body.items.slice(0, 2) as { id: string }[]) {
      expect((await call('POST', `/admin/students/${s.id}/reveal`, as(admin))).status).toBe(200);
    }
    const first = await call('GET', '/admin/audit?action=reveal&limit=1', as(admin));
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(
      'GET',
      `/admin/audit?action=reveal&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      as(admin),
    );
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].at <= first.body.items[0].at).toBe(true);
    // A key of the client's own choosing is not a cursor.
    const crafted = Buffer.from(JSON.stringify({ m: 'index', p: 0, k: { pk: 'ORG#x', sk: 'ORG' } })).toString(
      'base64url',
    );
    expect((await call('GET', `/admin/audit?cursor=${crafted}`, as(admin))).status).toBe(400);
    const elsewhere = Buffer.from(
      JSON.stringify({ m: 'index', p: 0, id: 'x', sk: '1999-01-01T00:00:00.000Z#x' }),
    ).toString('base64url');
    expect((await call('GET', `/admin/audit?cursor=${elsewhere}`, as(admin))).status).toBe(400);
  });

  it('reads a day of the audit log from Brussels midnight to the next, on both days the clocks change', async () => {
    // 25 Oct 2026 has 25 hours (CEST → CET), 28 Mar 2027 has 23 (CET → CEST).
    const at = {
      before25Oct: '2026-10-24T21:59:59.000Z', // 23:59:59 on 24 Oct
      start25Oct: '2026-10-24T22:00:00.000Z', // 00:00 on 25 Oct
      late25Oct: '2026-10-25T22:30:00.000Z', // 23:30 on 25 Oct, in the extra hour
      start26Oct: '2026-10-25T23:00:00.000Z', // 00:00 on 26 Oct
      start28Mar: '2027-03-27T23:00:00.000Z', // 00:00 on 28 Mar
      late28Mar: '2027-03-28T21:30:00.000Z', // 23:30 on 28 Mar
      early29Mar: '2027-03-28T22:30:00.000Z', // 00:30 on 29 Mar
    };
    const ids: Record<string, string> = {};
    for (const [name, instant] of Object.entries(at)) {
      ids[name] = newId();
      await putAuditEntry({
        id: ids[name]!,
        at: instant,
        action: 'import',
        actor: null,
        subject: { kind: 'list', id: name, label: name },
      });
    }
    const day = async (d: string) => {
      const res = await call('GET', `/admin/audit?action=import&from=${d}&to=${d}&limit=200`, as(admin));
      expect(res.status).toBe(200);
      const found = new Set((res.body.items as { id: string }[]).map((e) => e.id));
      return Object.keys(ids).filter((name) => found.has(ids[name]!));
    };
    expect(await day('2026-10-25')).toEqual(['start25Oct', 'late25Oct']);
    expect(await day('2027-03-28')).toEqual(['start28Mar', 'late28Mar']);
    expect(await day('2027-03-29')).toEqual(['early29Mar']);
  });

  it('refuses schools and services on every admin route', async () => {
    const service = await serviceWithContact();
    for (const [method, path] of [
      ['GET', '/admin/students'],
      ['GET', '/admin/students/x'],
      ['POST', '/admin/students/x/reveal'],
      ['GET', '/admin/dashboard'],
      ['GET', '/admin/audit'],
      ['POST', '/admin/imports'],
    ] as const) {
      for (const who of [school, service]) expect((await call(method, path, as(who))).status).toBe(403);
    }
  });
});

describe('the placement counters', () => {
  it('equal a full count of the data after a burst of decisions, stops, edits and a delete', async () => {
    const students = await Promise.all(
      Array.from({ length: 10 }, (_, i) => enter({ lastName: `Burst${i}` })),
    );
    const services = await Promise.all(Array.from({ length: 4 }, () => serviceWithContact()));
    const ids = students.map((s) => s.id);
    await Promise.all([
      // Four services race for the first five students: one wins each.
      ...ids.slice(0, 5).flatMap((id) => services.map((s) => accept(s, id))),
      ...services.map((s) =>
        call('PUT', `/requests/${ids[5]}/decision`, { ...as(s), body: { status: 'not_accepted' } }),
      ),
      call('POST', `/students/${ids[6]}/stop`, as(school)),
      call('POST', `/students/${ids[4]}/stop`, as(school)),
      call('DELETE', `/students/${ids[7]}`, as(school)),
      call('PUT', `/students/${ids[8]}`, {
        ...as(school),
        body: validStudent(supervisorId, { track: TRACK, lastName: 'Burst8', province: 'limburg' }),
      }),
    ]);

    const own = await call('GET', `/students?track=${TRACK}`, as(school));
    const items = own.body.items as {
      status: string;
      province: string;
      stoppedAt: string | null;
      placement: unknown;
    }[];
    const counted = {
      entered: items.length,
      placed: items.filter((s) => s.placement).length,
      stopped: items.filter((s) => s.stoppedAt).length,
      open: items.filter((s) => s.status === 'open').length,
    };
    const rows = sumRows(await readCounters(TRACK));
    const mine = rows.get(`S#${school.organisation.id}`)!;
    expect({
      entered: mine.entered,
      placed: mine.placed,
      stopped: mine.stopped,
      open: openOf(mine),
    }).toEqual(counted);
    // One winner for each raced student (the one stopped in the same instant may have stopped
    // first), the deleted one gone.
    const burst = await Promise.all(ids.map((id) => call('GET', `/students/${id}`, as(school))));
    const placed = burst.map((r) => Boolean(r.body?.placement));
    expect(placed.slice(0, 4)).toEqual([true, true, true, true]);
    expect(placed[4] || Boolean(burst[4]!.body.stoppedAt)).toBe(true);
    expect(placed.slice(5)).toEqual([false, false, false, false, false]);
    expect(burst[7]!.status).toBe(404);

    const board = await call('GET', `/admin/dashboard?track=${TRACK}`, as(admin));
    expect(board.status).toBe(200);
    expect(board.body.nudges.schoolsWithOpenStudents).toContainEqual({
      id: school.organisation.id,
      name: school.organisation.name,
      open: counted.open,
    });
    const today = board.body.daily.at(-1);
    expect(today.placed).toBeGreaterThanOrEqual(5);
    // The round boundaries of the track, from the calendar, to mark on the daily figures.
    expect(board.body.rounds.length).toBeGreaterThan(0);
    for (const round of board.body.rounds) {
      expect(round.track).toBe(TRACK);
      expect(round.opensAt < round.closesAt).toBe(true);
    }
  });

  it('move back when a stop is undone, also when the undo races an acceptance or another undo', async () => {
    const [placedThenStopped, racedWithAccept, racedTwice] = await Promise.all([
      enter({ lastName: 'Resume1' }),
      enter({ lastName: 'Resume2' }),
      enter({ lastName: 'Resume3' }),
    ]);
    const service = await serviceWithContact();
    expect((await accept(service, placedThenStopped.id)).status).toBe(200);
    for (const s of [placedThenStopped, racedWithAccept, racedTwice]) {
      expect((await call('POST', `/students/${s.id}/stop`, as(school))).status).toBe(200);
    }
    const [resumed, , twiceA, twiceB] = await Promise.all([
      call('POST', `/students/${placedThenStopped.id}/resume`, as(school)),
      call('POST', `/students/${racedWithAccept.id}/resume`, as(school)),
      call('POST', `/students/${racedTwice.id}/resume`, as(school)),
      call('POST', `/students/${racedTwice.id}/resume`, as(school)),
      accept(service, racedWithAccept.id),
    ]);
    expect(resumed.status).toBe(200);
    expect([twiceA.status, twiceB.status].sort()).toEqual([200, 409]);

    const own = await call('GET', `/students?track=${TRACK}`, as(school));
    const items = own.body.items as { status: string; stoppedAt: string | null; placement: unknown }[];
    const mine = sumRows(await readCounters(TRACK)).get(`S#${school.organisation.id}`)!;
    expect({
      entered: mine.entered,
      placed: mine.placed,
      stopped: mine.stopped,
      placedStopped: mine.placedStopped,
      open: openOf(mine),
    }).toEqual({
      entered: items.length,
      placed: items.filter((s) => s.placement).length,
      stopped: items.filter((s) => s.stoppedAt).length,
      placedStopped: items.filter((s) => s.placement && s.stoppedAt).length,
      open: items.filter((s) => s.status === 'open').length,
    });
  });

  it('chart the students entered per day beside the placed, a deleted one no longer counted', async () => {
    const today = brusselsDate(new Date());
    const enteredToday = async () => {
      const board = await call('GET', `/admin/dashboard?track=${TRACK}`, as(admin));
      expect(board.status).toBe(200);
      const daily = board.body.daily as { date: string; entered: number; enteredCumulative: number }[];
      // Every student entered is on the day they were entered: the running total reaches the total.
      expect(daily.at(-1)?.enteredCumulative ?? 0).toBe(board.body.totals.entered);
      return daily.find((d) => d.date === today)?.entered ?? 0;
    };
    const before = await enteredToday();
    await enter();
    const deleted = await enter();
    expect(await enteredToday()).toBeGreaterThanOrEqual(before + 2);
    expect((await call('DELETE', `/students/${deleted.id}`, as(school))).status).toBe(204);
    // The running total still equals the total (checked in enteredToday): the delete left the day too.
    expect(await enteredToday()).toBeGreaterThanOrEqual(before + 1);
  });

  it('agree with a recount of every student, track by track', async () => {
    const before = await call('GET', '/admin/dashboard', as(admin));
    const recount = await call('POST', '/admin/dashboard/recount', as(admin));
    expect(recount.status).toBe(200);
    const after = await call('GET', '/admin/dashboard', as(admin));
    // Other files keep entering students meanwhile: the recount may only have added theirs.
    expect(after.body.totals.entered).toBeGreaterThanOrEqual(before.body.totals.entered);
    const items = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `STATS#${TRACK}` },
      }),
    );
    expect(items.Count).toBeGreaterThan(0);
  });
});

describe('importing organisations', () => {
  const csv = (rows: string[][]) =>
    Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`).toString('base64');
  const header = ['Naam', 'E-mail', 'Provincie', 'Sector', 'Straat', 'Postcode', 'Gemeente'];

  it('dry-runs with an error per row, imports the valid rows, and changes nothing the second time', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const rows = [
      header,
      ...Array.from({ length: 20 }, (_, i) => [
        `Dienst ${tag} ${i}`,
        `dienst${i}-${tag}@import.example`,
        i === 3 ? 'Henegouwen' : 'Limburg',
        'social profit',
        'Markt 1',
        '3500',
        'Hasselt',
      ]),
    ];
    rows[9]![1] = 'geen-e-mail';
    const file = csv(rows);
    const dry = await call('POST', '/admin/imports', {
      ...as(admin),
      body: { kind: 'services', filename: 'diensten.csv', file },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ valid: 18, imported: 0, committed: false });
    expect(dry.body.errors).toEqual([
      { row: 5, field: 'Provincie', message: 'Onbekende provincie "Henegouwen".' },
      { row: 10, field: 'E-mail', message: 'Vul een geldig e-mailadres in.' },
    ]);
    const list = async () =>
      (await call('GET', `/organisations?type=service&q=${encodeURIComponent(`Dienst ${tag}`)}`, as(admin)))
        .body.items as unknown[];
    expect(await list()).toHaveLength(0);

    const commit = await call('POST', '/admin/imports', {
      ...as(admin),
      body: { kind: 'services', filename: 'diensten.csv', file, commit: true, invite: true },
    });
    // The commit runs in the background: 202 with the job, which the page polls until it is done.
    expect(commit.status).toBe(202);
    expect(await importDone(commit.body.id)).toMatchObject({ created: 18, invited: 18, refused: 2 });
    expect(await list()).toHaveLength(18);

    const again = await call('POST', '/admin/imports', {
      ...as(admin),
      body: { kind: 'services', filename: 'diensten.csv', file, commit: true },
    });
    expect(again.status).toBe(202);
    expect(await importDone(again.body.id)).toMatchObject({ created: 0, skipped: 18, invited: 0 });
    expect(await list()).toHaveLength(18);
  });

  it('refuses a file it cannot read with a field error', async () => {
    const res = await call('POST', '/admin/imports', {
      ...as(admin),
      body: { kind: 'schools', filename: 'scholen.xlsx', file: Buffer.from('PKnonsense').toString('base64') },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'file', in: 'body' });
  });

  it('hands out an empty template with the Dutch headers', async () => {
    const res = await fetch(`${inject('stack').appUrl}/api/admin/imports/template?kind=schools`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('scholen-importeren.csv');
    // Bytes, not text(): a decoder would swallow the byte-order mark that Excel needs.
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Naam;E-mail;Opleidingen;Straat;Postcode;Gemeente;Contactpersoon\r\n',
    );
  });
});
