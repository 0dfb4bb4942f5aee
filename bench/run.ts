import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cognitoLogins } from '#accounts/cognito';
import { withCheckDigits } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import { PROVINCES, provinceOfPostcode } from '#contract/provinces';
import { TRANSPORT } from '#contract/students';
import { startLocalStack } from '#local/stack';
import { createPerson, putIdentity } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { personalDataKeys, seal } from '#platform/crypto';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { LIST_FIELDS } from '#requests/open-index';
import { setPhase } from '#requests/phases-store';
import type { StoredStudent } from '#students/rules';
import postcodes from '../shared/reference/postcodes.json';
import { benchDashboard } from './dashboard';
import { benchExports } from './exports';
import { lambdaWeights, webFirstLoad, weightTable } from './weight';

/**
 * `npm run bench`: the round-opening rush on a fresh local stack. Prints figures; asserts nothing
 * about time. Fails only when correctness breaks: two winners for one student, or any failure
 * other than the expected 409.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 150);
const CONTESTED = 30;
const ATTEMPTS = 300;
const LIST_RUNS = 30;

process.env.LOG_LEVEL = 'ERROR';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (app: number, floor: number) => `${(app / floor).toFixed(2)}×`;
const line = (label: string, app: number, floor: number, target: number) =>
  `  ${label.padEnd(34)} app ${ms(app).padStart(8)}   raw ${ms(floor).padStart(8)}   ${ratio(app, floor).padStart(6)}  (target ≤ ${target}×: ${app / floor <= target ? 'met' : 'NOT met'})`;

/** Store calls by command, counted by an SDK middleware that only the bench installs. */
const storeCalls = new Map<string, number>();
function countStoreCalls() {
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      storeCalls.set(name, (storeCalls.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchStoreCallCounter' },
  );
}
async function callsOf(work: () => Promise<unknown>) {
  const before = new Map(storeCalls);
  await work();
  const delta = [...storeCalls]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([, n]) => n > 0);
  const total = delta.reduce((a, [, n]) => a + n, 0);
  return `${total} (${delta.map(([k, n]) => `${k} ${n}`).join(', ')})`;
}

/**
 * The list's own page query, sent straight to the store: one Query, Limit 50, on the open index,
 * projecting the same fields as the product (and the keys, for the next page).
 */
const RAW_FIELDS = [...LIST_FIELDS, 'pk', 'sk', 'gsi2pk', 'gsi2sk'];
const field = (name: string) => `#f${RAW_FIELDS.indexOf(name)}`;
function rawPageQuery(
  tableName: string,
  partition: string,
  filter?: { postcode: string; transport: string[] },
) {
  const names: Record<string, string> = Object.fromEntries(RAW_FIELDS.map((f, i) => [`#f${i}`, f]));
  const values: Record<string, unknown> = { ':pk': partition, ':now': new Date().toISOString() };
  let condition = 'gsi2pk = :pk';
  let filterExpression = `${field('visibleFrom')} <= :now`;
  if (filter) {
    condition += ' AND begins_with(gsi2sk, :pc)';
    values[':pc'] = filter.postcode;
    filterExpression += ` AND (${filter.transport.map((_, i) => `contains(${field('transport')}, :t${i})`).join(' OR ')})`;
    filter.transport.forEach((t, i) => {
      values[`:t${i}`] = t;
    });
  }
  return dynamoClient().send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: condition,
      FilterExpression: filterExpression,
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: 50,
    }),
  );
}

/** The acceptance transaction with its conditions, sent straight to the store (same four items, same retry). */
async function rawAccept(tableName: string, studentId: string, serviceId: string, contactId: string) {
  const at = new Date().toISOString();
  const decision = { studentId, serviceId, status: 'accepted', decidedAt: at, decidedBy: 'raw' };
  const TransactItems = [
    {
      Update: {
        TableName: tableName,
        Key: keys.student(studentId),
        UpdateExpression: 'SET placement = :p, updatedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(placement) AND attribute_not_exists(stoppedAt)',
        ExpressionAttributeValues: { ':p': { serviceId, acceptedAt: at }, ':at': at },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.decision(studentId, serviceId),
          ...keys.decisionByService(serviceId, 'accepted', studentId),
          ...decision,
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.contact(serviceId, contactId),
        UpdateExpression: 'ADD acceptanceCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.history(studentId, `${at}#${Math.random()}`, serviceId), ...decision },
      },
    },
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamoClient().send(new TransactWriteCommand({ TransactItems }));
      return 'won';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') return 'taken';
      if (!codes.includes('TransactionConflict') || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

async function inBatches<T>(items: T[], size: number, work: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

async function main() {
  // Weight first, while the store is not running: bundles, cold imports and the web's first load.
  const [weights, web] = [await lambdaWeights(), await webFirstLoad()];
  const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-bench-'));
  const stack = await startLocalStack({
    schoolYear: '2026-2027',
    dataDir,
    persist: false,
    ports: { app: 0, mail: 0 },
    scheduler: false,
  });
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const started = performance.now();
    const res = await fetch(`${stack.appUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, body: text ? JSON.parse(text) : undefined };
  };

  try {
    const t0 = performance.now();
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

    const services = Array.from({ length: SERVICES }, (_, i) =>
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
        batch.map(async (service, j) => {
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
          void j;
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
    const students: StoredStudent[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const place = postcodes[(i * 7919) % postcodes.length]!;
      const province = provinceOfPostcode(place.postcode)!;
      const nn = withCheckDigits(
        `85${String((i % 12) + 1).padStart(2, '0')}15${String(i % 997).padStart(3, '0')}`,
        false,
      );
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
        nationalNumberEncrypted: await seal(nn, keyProvider),
        nationalNumberLast2: nn.slice(-2),
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
    }));
    const put = async (items: Record<string, unknown>[]) => {
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [stack.tableName]: items.map((Item) => ({ PutRequest: { Item } })),
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
    await setPhase('secondary', 'all', 'bench', stamp);
    countStoreCalls();
    console.log(
      `Seeded ${STUDENTS} students, ${SERVICES} services with a login each, in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`,
    );

    // List latency, one service, one request at a time, each beside the same page query sent raw.
    const firstPartition = keys.openPartition('secondary', [...PROVINCES].sort()[0]!);
    const regionPartition = keys.openPartition('secondary', provinceOfPostcode('9000')!);
    const unloaded: { label: string; app: number[]; raw: number[]; total: number }[] = [];
    for (const [label, query, raw] of [
      ['no filter', '', () => rawPageQuery(stack.tableName, firstPartition)],
      [
        'postcode region 90 + transport bike,car',
        '&postcode=90&transport=bike,car',
        () => rawPageQuery(stack.tableName, regionPartition, { postcode: '90', transport: ['bike', 'car'] }),
      ],
    ] as const) {
      const times: number[] = [];
      const rawTimes: number[] = [];
      let total = 0;
      for (let i = 0; i < LIST_RUNS; i++) {
        const res = await api('GET', `/requests?track=secondary${query}`, tokens[i % tokens.length]!);
        if (res.status !== 200) throw new Error(`list answered ${res.status}`);
        times.push(res.ms);
        total = res.body.total;
        const t = performance.now();
        await raw();
        rawTimes.push(performance.now() - t);
      }
      unloaded.push({ label, app: times, raw: rawTimes, total });
      console.log(
        `List, first page, ${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${total} matches, ${LIST_RUNS} runs); raw page query p50 ${ms(percentile(rawTimes, 50))}, p95 ${ms(percentile(rawTimes, 95))}`,
      );
    }

    await benchExports(stack);
    await benchDashboard(stack);
    // Store calls per request kind, one request at a time, in a warm container.
    const spare = students.slice(CONTESTED * 2 + 10, CONTESTED * 2 + 12).map((s) => s.id);
    const calls = {
      list: await callsOf(() => api('GET', '/requests?track=secondary', tokens[0]!)),
      listFiltered: await callsOf(() =>
        api('GET', '/requests?track=secondary&postcode=90&transport=bike,car', tokens[0]!),
      ),
      detail: await callsOf(() => api('GET', `/requests/${spare[0]}`, tokens[1]!)),
      acceptWon: await callsOf(() =>
        api('PUT', `/requests/${spare[0]}/decision`, tokens[1]!, {
          status: 'accepted',
          contactId: contactIds[1],
          periods: [0],
        }),
      ),
      acceptTaken: await callsOf(() =>
        api('PUT', `/requests/${spare[0]}/decision`, tokens[2]!, {
          status: 'accepted',
          contactId: contactIds[2],
          periods: [0],
        }),
      ),
      notAccepted: await callsOf(() =>
        api('PUT', `/requests/${spare[1]}/decision`, tokens[3]!, { status: 'not_accepted' }),
      ),
    };

    // The store's own floor for the burst: the same 150 page queries and 300 acceptance
    // transactions on 30 other students, sent raw, all at once.
    const rawContested = students.slice(CONTESTED, CONTESTED * 2).map((s) => s.id);
    const rawStarted = performance.now();
    const timed = async <T>(work: () => Promise<T>) => {
      const t = performance.now();
      const out = await work();
      return { ms: performance.now() - t, out };
    };
    const [rawLists, rawAccepts] = await Promise.all([
      Promise.all(tokens.map(() => timed(() => rawPageQuery(stack.tableName, firstPartition)))),
      Promise.all(
        Array.from({ length: ATTEMPTS }, (_, i) => {
          const service = (i * 37) % SERVICES;
          return timed(() =>
            rawAccept(
              stack.tableName,
              rawContested[i % CONTESTED]!,
              services[service]!.id,
              contactIds[service]!,
            ),
          );
        }),
      ),
    ]);
    const rawBurstMs = performance.now() - rawStarted;
    const rawWinners = rawAccepts.filter((a) => a.out === 'won').length;

    // The round opens: every service loads its list while 300 accepts hit 30 students at once.
    const contested = students.slice(0, CONTESTED).map((s) => s.id);
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
      service: (i * 37) % SERVICES,
      student: contested[i % CONTESTED]!,
    }));
    const started = performance.now();
    const [lists, accepts] = await Promise.all([
      Promise.all(tokens.map((t) => api('GET', '/requests?track=secondary', t))),
      Promise.all(
        attempts.map((a) =>
          api('PUT', `/requests/${a.student}/decision`, tokens[a.service]!, {
            status: 'accepted',
            contactId: contactIds[a.service],
            periods: [0],
          }).then((r) => ({ ...a, ...r })),
        ),
      ),
    ]);
    const burstSeconds = (performance.now() - started) / 1000;

    const winners = new Map<string, number>();
    for (const a of accepts.filter((r) => r.status === 200))
      winners.set(a.student, (winners.get(a.student) ?? 0) + 1);
    const conflicts = accepts.filter((r) => r.status === 409).length;
    const otherErrors = [...accepts, ...lists].filter((r) => r.status !== 200 && r.status !== 409);
    const stored = await batchGet<StoredStudent>(contested.map((id) => keys.student(id)));
    const placedTwice = [...winners.values()].filter((n) => n > 1).length;
    const unplaced = stored.filter((s) => !s.placement).length;

    console.log(
      `\nRound-open burst (${SERVICES} list loads + ${ATTEMPTS} accepts on ${CONTESTED} students, ${burstSeconds.toFixed(1)} s):`,
    );
    console.log(
      `  list loads:       p50 ${ms(
        percentile(
          lists.map((l) => l.ms),
          50,
        ),
      )}, p95 ${ms(
        percentile(
          lists.map((l) => l.ms),
          95,
        ),
      )}`,
    );
    console.log(
      `  accepts:          p50 ${ms(
        percentile(
          accepts.map((a) => a.ms),
          50,
        ),
      )}, p95 ${ms(
        percentile(
          accepts.map((a) => a.ms),
          95,
        ),
      )}`,
    );
    console.log(
      `  winners:          ${[...winners.values()].reduce((a, b) => a + b, 0)} for ${winners.size} of ${CONTESTED} students (max per student: ${Math.max(0, ...winners.values())})`,
    );
    console.log(`  409 placed elsewhere: ${conflicts}`);
    console.log(
      `  other errors:     ${otherErrors.length}${otherErrors.length ? ` (${[...new Set(otherErrors.map((e) => e.status))].join(', ')})` : ''}`,
    );
    console.log(`  stored placements: ${stored.length - unplaced} of ${CONTESTED}`);

    const appListP95 = percentile(
      lists.map((l) => l.ms),
      95,
    );
    const appAcceptP95 = percentile(
      accepts.map((a) => a.ms),
      95,
    );
    console.log(
      `\nAgainst the store's own floor (same run; raw burst: ${rawWinners} winners of ${ATTEMPTS}):`,
    );
    for (const u of unloaded)
      console.log(
        line(
          `list p95, unloaded, ${u.label === 'no filter' ? 'no filter' : 'filtered'}`,
          percentile(u.app, 95),
          percentile(u.raw, 95),
          2,
        ),
      );
    console.log(line('burst total', burstSeconds * 1000, rawBurstMs, 1.25));
    console.log(
      line(
        'burst accept p95',
        appAcceptP95,
        percentile(
          rawAccepts.map((a) => a.ms),
          95,
        ),
        1.25,
      ),
    );
    console.log(
      line(
        'burst list p95',
        appListP95,
        percentile(
          rawLists.map((a) => a.ms),
          95,
        ),
        1.5,
      ),
    );

    console.log('\nStore calls per request (warm container, one request at a time):');
    console.log(`  list, first page:            ${calls.list}`);
    console.log(`  list, filtered:              ${calls.listFiltered}`);
    console.log(`  detail (Meer info):          ${calls.detail}`);
    console.log(`  accept, wins:                ${calls.acceptWon}`);
    console.log(`  accept, placed elsewhere:    ${calls.acceptTaken}`);
    console.log(`  not accepted:                ${calls.notAccepted}`);

    console.log(`\n${weightTable(weights).join('\n')}`);
    console.log(
      `\nWeb first load: ${web.jsGzipKb.toFixed(1)} KB JS gzip in ${web.files} file(s) (target ≤ 150: ${web.jsGzipKb <= 150 ? 'met' : 'NOT met'}), ${web.cssGzipKb.toFixed(1)} KB CSS gzip`,
    );

    const ok = placedTwice === 0 && otherErrors.length === 0 && winners.size === CONTESTED && unplaced === 0;
    console.log(
      ok ? '\nOK: every contested student has exactly one service.' : '\nFAILED: see the figures above.',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
