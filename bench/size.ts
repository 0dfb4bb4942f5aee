import '#local/quiet-logs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recountAll } from '#admin/recount';
import { PROVINCES, provinceOfPostcode } from '#contract/provinces';
import { startLocalStack } from '#local/stack';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { setPhase } from '#requests/phases-store';
import type { StoredStudent } from '#students/rules';
import { benchDashboard } from './dashboard';
import { benchExports } from './exports';
import { describeCalls, installMeter, type Metered, metered } from './meter';
import { rawAccept, rawPageQuery } from './raw';
import { seed } from './seed';

/**
 * One size of `npm run bench` (run by bench/run.ts in its own process, `BENCH_STUDENTS` students):
 * the round-opening rush on a fresh local stack. Prints figures and writes them as JSON to
 * `BENCH_RESULT`; asserts nothing about time. Fails only when correctness breaks: two winners for
 * one student, or any failure other than the expected 409.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 150);
const WITH_EXPORTS = process.env.BENCH_EXPORTS !== '0';
const CONTESTED = 30;
const ATTEMPTS = 300;
const LIST_RUNS = 30;

process.env.LOG_LEVEL = 'ERROR';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const cu = (n: number) => n.toFixed(1);

export interface SizeResult {
  students: number;
  lists: {
    label: string;
    total: number;
    p50: number;
    p95: number;
    rawP50: number;
    rawP95: number;
    /** Own store calls per load: median and most (a service's first load reads its organisation). */
    calls: number;
    callsMax: number;
    auth: number;
    read: number;
    rawRead: number;
  }[];
  requests: Record<string, { calls: string; own: number; auth: number; read: number; write: number }>;
  burst: {
    seconds: number;
    rawSeconds: number;
    acceptP95: number;
    rawAcceptP95: number;
    listP95: number;
    rawListP95: number;
  };
  ok: boolean;
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
    const { services, tokens, contactIds, students } = await seed(stack.tableName, STUDENTS, SERVICES);
    const seeded = performance.now();
    // Written around the counters, as a restore would be: the recount sets them from the students.
    await recountAll();
    await setPhase('secondary', 'all', 'bench', new Date().toISOString());
    installMeter();
    console.log(
      `Seeded ${STUDENTS} students, ${SERVICES} services with a login each, in ${((seeded - t0) / 1000).toFixed(1)} s; recounted in ${((performance.now() - seeded) / 1000).toFixed(1)} s.\n`,
    );

    // List latency, one service, one request at a time, each beside the same page query sent raw.
    const firstPartition = keys.openPartition('secondary', [...PROVINCES].sort()[0]!);
    const regionPartition = keys.openPartition('secondary', provinceOfPostcode('9000')!);
    const lists: SizeResult['lists'] = [];
    for (const [label, query, raw] of [
      ['no filter', '', () => rawPageQuery(stack.tableName, firstPartition)],
      [
        'postcode region 90 + transport bike,car',
        '&postcode=90&transport=bike,car',
        () => rawPageQuery(stack.tableName, regionPartition, { postcode: '90', transport: ['bike', 'car'] }),
      ],
    ] as const) {
      const app: Metered<Awaited<ReturnType<typeof api>>>[] = [];
      const raws: (Metered<unknown> & { ms: number })[] = [];
      for (let i = 0; i < LIST_RUNS; i++) {
        const res = await metered(() =>
          api('GET', `/requests?track=secondary${query}`, tokens[i % tokens.length]!),
        );
        if (res.out.status !== 200) throw new Error(`list answered ${res.out.status}`);
        app.push(res);
        const t = performance.now();
        const r = await metered(raw);
        raws.push({ ...r, ms: performance.now() - t });
      }
      const times = app.map((a) => a.out.ms);
      const rawTimes = raws.map((r) => r.ms);
      const entry = {
        label,
        total: app.at(-1)!.out.body.total as number,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        rawP50: percentile(rawTimes, 50),
        rawP95: percentile(rawTimes, 95),
        calls: percentile(
          app.map((a) => a.own),
          50,
        ),
        callsMax: Math.max(...app.map((a) => a.own)),
        auth: percentile(
          app.map((a) => a.auth),
          50,
        ),
        read: percentile(
          app.map((a) => a.read),
          50,
        ),
        rawRead: percentile(
          raws.map((r) => r.read),
          50,
        ),
      };
      lists.push(entry);
      console.log(
        `List, first page, ${label}: p50 ${ms(entry.p50)}, p95 ${ms(entry.p95)} (${entry.total} matches, ${LIST_RUNS} runs, ${LIST_RUNS} services); raw page query p50 ${ms(entry.rawP50)}, p95 ${ms(entry.rawP95)}`,
      );
      console.log(
        `  store calls per load: ${entry.calls} own (most ${entry.callsMax}: a service's first load in this container reads its organisation) + ${entry.auth} auth; read capacity ${cu(entry.read)} RCU (raw page query ${cu(entry.rawRead)})`,
      );
    }

    if (WITH_EXPORTS) {
      await benchExports(stack);
      await benchDashboard(stack);
    }

    // Store calls and capacity per request kind, one request at a time, in a warm container.
    const spare = students.slice(CONTESTED * 2 + 10, CONTESTED * 2 + 12).map((s) => s.id);
    const accept = (student: string, i: number) =>
      api('PUT', `/requests/${student}/decision`, tokens[i]!, {
        status: 'accepted',
        contactId: contactIds[i],
        periods: [0],
      });
    const requests: SizeResult['requests'] = {};
    const secondPage = (await api('GET', '/requests?track=secondary', tokens[0]!)).body.nextCursor as string;
    for (const [name, work] of [
      ['list, first page', () => api('GET', '/requests?track=secondary', tokens[0]!)],
      [
        'list, filtered',
        () => api('GET', '/requests?track=secondary&postcode=90&transport=bike,car', tokens[0]!),
      ],
      ['list, name search', () => api('GET', '/requests?track=secondary&name=voornaam12', tokens[0]!)],
      ['list, second page', () => api('GET', `/requests?track=secondary&cursor=${secondPage}`, tokens[0]!)],
      ['detail (Meer info)', () => api('GET', `/requests/${spare[0]}`, tokens[1]!)],
      ['accept, wins', () => accept(spare[0]!, 1)],
      ['accept, placed elsewhere', () => accept(spare[0]!, 2)],
      [
        'not accepted',
        () => api('PUT', `/requests/${spare[1]}/decision`, tokens[3]!, { status: 'not_accepted' }),
      ],
    ] as const) {
      if (process.env.BENCH_TRACE) {
        process.env.BENCH_TRACE_ON = '1';
        console.log(`  ${name}:`);
      }
      const m = await metered(work as () => Promise<unknown>);
      const status = (m.out as { status?: number }).status;
      if (process.env.BENCH_TRACE_ON)
        console.log(`    answered ${status} after ${(m.out as { ms: number }).ms.toFixed(1)} ms`);
      delete process.env.BENCH_TRACE_ON;
      requests[name] = {
        calls: `${describeCalls(m)}${status === 200 ? '' : ` [answered ${status}]`}`,
        own: m.own,
        auth: m.auth,
        read: m.read,
        write: m.write,
      };
    }

    // The store's own floor for the burst: the same page queries and acceptance transactions on
    // 30 other students, sent raw, all at once.
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
    const [burstLists, accepts] = await Promise.all([
      Promise.all(tokens.map((t) => api('GET', '/requests?track=secondary', t))),
      Promise.all(attempts.map((a) => accept(a.student, a.service).then((r) => ({ ...a, ...r })))),
    ]);
    const burstSeconds = (performance.now() - started) / 1000;

    const winners = new Map<string, number>();
    for (const a of accepts.filter((r) => r.status === 200))
      winners.set(a.student, (winners.get(a.student) ?? 0) + 1);
    const conflicts = accepts.filter((r) => r.status === 409).length;
    const otherErrors = [...accepts, ...burstLists].filter((r) => r.status !== 200 && r.status !== 409);
    const stored = await batchGet<StoredStudent>(contested.map((id) => keys.student(id)));
    const placedTwice = [...winners.values()].filter((n) => n > 1).length;
    const unplaced = stored.filter((s) => !s.placement).length;
    const burst = {
      seconds: burstSeconds,
      rawSeconds: rawBurstMs / 1000,
      acceptP95: percentile(
        accepts.map((a) => a.ms),
        95,
      ),
      rawAcceptP95: percentile(
        rawAccepts.map((a) => a.ms),
        95,
      ),
      listP95: percentile(
        burstLists.map((l) => l.ms),
        95,
      ),
      rawListP95: percentile(
        rawLists.map((a) => a.ms),
        95,
      ),
    };

    console.log(
      `\nRound-open burst (${SERVICES} list loads + ${ATTEMPTS} accepts on ${CONTESTED} students, ${burstSeconds.toFixed(1)} s; raw ${burst.rawSeconds.toFixed(1)} s, ${rawWinners} raw winners):`,
    );
    console.log(
      `  list loads: p50 ${ms(
        percentile(
          burstLists.map((l) => l.ms),
          50,
        ),
      )}, p95 ${ms(burst.listP95)} (raw p95 ${ms(burst.rawListP95)})`,
    );
    console.log(
      `  accepts:    p50 ${ms(
        percentile(
          accepts.map((a) => a.ms),
          50,
        ),
      )}, p95 ${ms(burst.acceptP95)} (raw p95 ${ms(burst.rawAcceptP95)})`,
    );
    console.log(
      `  winners:    ${[...winners.values()].reduce((a, b) => a + b, 0)} for ${winners.size} of ${CONTESTED} students (max per student: ${Math.max(0, ...winners.values())}); 409 placed elsewhere: ${conflicts}; other errors: ${otherErrors.length}${otherErrors.length ? ` (${[...new Set(otherErrors.map((e) => e.status))].join(', ')})` : ''}; stored placements: ${stored.length - unplaced} of ${CONTESTED}`,
    );

    console.log('\nStore calls and capacity per request (warm container, one request at a time):');
    for (const [name, r] of Object.entries(requests))
      console.log(`  ${name.padEnd(26)} ${r.calls.padEnd(60)} ${cu(r.read)} RCU, ${cu(r.write)} WCU`);

    const ok = placedTwice === 0 && otherErrors.length === 0 && winners.size === CONTESTED && unplaced === 0;
    console.log(
      ok ? '\nOK: every contested student has exactly one service.' : '\nFAILED: see the figures above.',
    );
    const result: SizeResult = { students: STUDENTS, lists, requests, burst, ok };
    if (process.env.BENCH_RESULT) writeFileSync(process.env.BENCH_RESULT, JSON.stringify(result));
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
