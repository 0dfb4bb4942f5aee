import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SizeResult } from './size';
import { lambdaWeights, webFirstLoad, weightTable } from './weight';

/**
 * `npm run bench`: the round-opening rush at each year size of `BENCH_SIZES` (default 10,000 and
 * 40,000 students), each in its own process on a fresh local stack (bench/size.ts; exports and the
 * dashboard at the first size only), then the weight of the bundles and of the web's first load,
 * and a table of both sizes beside the store's own floor. Prints figures; asserts nothing about
 * time; fails only when correctness breaks.
 */
const SIZES = (process.env.BENCH_SIZES ?? '10000,40000').split(',').map(Number);

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (app: number, floor: number) => `${(app / floor).toFixed(2)}×`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function runSize(students: number, withExports: boolean): SizeResult {
  const dir = mkdtempSync(join(tmpdir(), 'stagematching-bench-result-'));
  const file = join(dir, 'result.json');
  try {
    console.log(`\n=== ${students.toLocaleString('en')} students ===\n`);
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'size.ts')],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          BENCH_STUDENTS: String(students),
          BENCH_EXPORTS: withExports ? '1' : '0',
          BENCH_RESULT: file,
        },
      },
    );
    if (run.status !== 0) throw new Error(`the bench at ${students} students failed (exit ${run.status})`);
    return JSON.parse(readFileSync(file, 'utf8')) as SizeResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const results = SIZES.map((n, i) => runSize(n, i === 0));

  console.log("\n=== Against the store's own floor, per size ===");
  const header = `  ${'figure'.padEnd(34)}${results.map((r) => `${r.students.toLocaleString('en').padStart(24)}`).join('')}   target`;
  console.log(header);
  const row = (label: string, cells: string[], target: string) =>
    console.log(`  ${label.padEnd(34)}${cells.map((c) => c.padStart(24)).join('')}   ${target}`);
  const cell = (app: number, floor: number) => `${ms(app)} / ${ms(floor)} ${ratio(app, floor)}`;
  for (const [i, label] of ['list p95, no filter', 'list p95, filtered'].entries()) {
    row(
      label,
      results.map((r) => cell(r.lists[i]!.p95, r.lists[i]!.rawP95)),
      `≤ 2× (${results.map((r) => verdict(r.lists[i]!.p95 / r.lists[i]!.rawP95 <= 2)).join(', ')})`,
    );
  }
  row(
    'burst total',
    results.map((r) => cell(r.burst.seconds * 1000, r.burst.rawSeconds * 1000)),
    `≤ 1.25× (${results.map((r) => verdict(r.burst.seconds / r.burst.rawSeconds <= 1.25)).join(', ')})`,
  );
  row(
    'burst accept p95',
    results.map((r) => cell(r.burst.acceptP95, r.burst.rawAcceptP95)),
    `≤ 1.25× (${results.map((r) => verdict(r.burst.acceptP95 / r.burst.rawAcceptP95 <= 1.25)).join(', ')})`,
  );
  row(
    'burst list p95',
    results.map((r) => cell(r.burst.listP95, r.burst.rawListP95)),
    `≤ 1.5× (${results.map((r) => verdict(r.burst.listP95 / r.burst.rawListP95 <= 1.5)).join(', ')})`,
  );
  for (const [i, label] of ['no filter', 'filtered'].entries()) {
    row(
      `store calls, list ${label}`,
      results.map((r) => `${r.lists[i]!.calls} (most ${r.lists[i]!.callsMax}) + ${r.lists[i]!.auth} auth`),
      `≤ 3 own (${results.map((r) => verdict(r.lists[i]!.calls <= 3)).join(', ')})`,
    );
    row(
      `read capacity, list ${label}`,
      results.map((r) => `${r.lists[i]!.read.toFixed(1)} RCU (raw ${r.lists[i]!.rawRead.toFixed(1)})`),
      'same at every size',
    );
  }
  for (const name of ['accept, wins', 'accept, placed elsewhere']) {
    const limit = name === 'accept, wins' ? 3 : 2;
    row(
      `store calls, ${name}`,
      results.map((r) => `${r.requests[name]!.own} + ${r.requests[name]!.auth} auth`),
      `≤ ${limit} with auth (${results.map((r) => verdict(r.requests[name]!.own + r.requests[name]!.auth <= limit)).join(', ')})`,
    );
    row(
      `capacity, ${name}`,
      results.map((r) => `${r.requests[name]!.read.toFixed(1)} R / ${r.requests[name]!.write.toFixed(1)} W`),
      '',
    );
  }

  const [weights, web] = [await lambdaWeights(), await webFirstLoad()];
  console.log(`\n${weightTable(weights).join('\n')}`);
  console.log(
    `\nWeb first load: ${web.jsGzipKb.toFixed(1)} KB JS gzip in ${web.files} file(s) (target ≤ 150: ${verdict(web.jsGzipKb <= 150)}), ${web.cssGzipKb.toFixed(1)} KB CSS gzip`,
  );

  const ok = results.every((r) => r.ok);
  console.log(
    ok ? '\nOK: at every size, every contested student has exactly one service.' : '\nFAILED: see above.',
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
