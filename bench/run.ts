import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cognitoLogins } from '#accounts/cognito';
import { withCheckDigits } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import { PROVINCES, provinceOfPostcode } from '#contract/provinces';
import { TRANSPORT } from '#contract/students';
import { startLocalStack } from '#local/stack';
import { createPerson, putIdentity } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';
import { setPhase } from '#placements/phases-store';
import { dynamoClient } from '#platform/aws-clients';
import { personalDataKeys, seal } from '#platform/crypto';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import postcodes from '../shared/reference/postcodes.json';
import { benchExports } from './exports';

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

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL = 'ERROR';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function inBatches<T>(items: T[], size: number, work: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

async function main() {
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
    console.log(
      `Seeded ${STUDENTS} students, ${SERVICES} services with a login each, in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`,
    );

    // List latency, one service, one request at a time.
    for (const [label, query] of [
      ['no filter', ''],
      ['postcode region 90 + transport bike,car', '&postcode=90&transport=bike,car'],
    ] as const) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < LIST_RUNS; i++) {
        const res = await api('GET', `/requests?track=secondary${query}`, tokens[i % tokens.length]!);
        if (res.status !== 200) throw new Error(`list answered ${res.status}`);
        times.push(res.ms);
        total = res.body.total;
      }
      console.log(
        `List, first page, ${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${total} matches, ${LIST_RUNS} runs)`,
      );
    }

    await benchExports(stack);

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
