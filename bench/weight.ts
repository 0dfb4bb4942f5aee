import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { LAMBDA_ESBUILD, LAMBDA_NODE_OPTIONS } from '#http/bundling';
import { functionGroups, routeKeyOf } from '#http/function-groups';
import { routes } from '#http/routes';
import { jobs } from '../infra/jobs';
import { writeGroupEntries } from '../infra/lib/group-entries';
import { buildWeb } from '../web/build';

const repoRoot = join(import.meta.dirname, '..');

/** A function of the stack as deployed: the API's groups (entries generated as on synth) and the jobs. */
interface Bundled {
  id: string;
  entry: string;
  hotPath: boolean;
  /** Route keys the function serves; none for a job. */
  routes: { id: string; key: string }[];
}

function stackFunctions(): Bundled[] {
  const groups = functionGroups(routes);
  const entries = writeGroupEntries(groups, repoRoot);
  return [
    ...groups.map((g) => ({
      id: g.id,
      entry: entries.get(g.id)!,
      hotPath: g.hotPath,
      routes: g.routes.map((r) => ({ id: r.id, key: routeKeyOf(r) })),
    })),
    ...jobs.map((j) => ({ id: `job ${j.id}`, entry: j.entry, hotPath: false, routes: [] })),
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Milliseconds from nothing to ready in a fresh Node process: importing the bundle (what every cold
 * start pays), and with `routeKey` also initialising that route's handler module, as the function's
 * first request for that route does (see `groupEntrySource`).
 */
export function coldStart(file: string, routeKey?: string): number {
  const init = routeKey ? `await mod.routeModules[${JSON.stringify(routeKey)}]();` : '';
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t = performance.now(); const mod = await import(${JSON.stringify(pathToFileURL(file).href)}); ${init} console.log(performance.now() - t);`,
    ],
    { env: { ...process.env, NODE_OPTIONS: LAMBDA_NODE_OPTIONS }, cwd: dirname(file) },
  );
  return Number(out.toString().trim());
}

export interface Weight {
  id: string;
  hotPath: boolean;
  routes: number;
  kb: number;
  /** Importing the bundle in a fresh Node. */
  coldMs: number;
  /** Per route: import plus that route's first initialisation, slowest first; none for a job. */
  firstRequests: { id: string; ms: number }[];
  cognito: boolean;
}

/**
 * Bundles every function of the stack with the options the stack uses (`#http/bundling`), each
 * its own bundle as on deploy, and times cold starts: the median of `runs` fresh processes for the
 * import, one per route for its first initialisation.
 */
export async function lambdaWeights(runs = 1): Promise<Weight[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stagematching-bundles-'));
  const functions = stackFunctions();
  const alias = Object.fromEntries(
    Object.entries(LAMBDA_ESBUILD.alias).map(([from, to]) => [from, join(repoRoot, to)]),
  );
  const outFile = (fn: Bundled) => join(dir, fn.id.replace(/\W+/g, '-'), 'index.mjs');
  try {
    await build({
      ...(LAMBDA_ESBUILD as unknown as BuildOptions),
      alias,
      entryPoints: functions.map((fn) => ({
        in: join(repoRoot, fn.entry),
        out: outFile(fn).slice(dir.length + 1, -'.mjs'.length),
      })),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      splitting: false,
      logLevel: 'error',
    });
    return functions.map((fn) => {
      const file = outFile(fn);
      const firstRequests = fn.routes
        .map((r) => ({ id: r.id, ms: coldStart(file, r.key) }))
        .sort((a, b) => b.ms - a.ms);
      return {
        id: fn.id,
        hotPath: fn.hotPath,
        routes: fn.routes.length,
        kb: statSync(file).size / 1024,
        coldMs: median(Array.from({ length: runs }, () => coldStart(file))),
        firstRequests,
        cognito: readFileSync(file, 'utf8').includes('AWSCognitoIdentityProviderService'),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The bench's table of Lambda functions, the hot path marked, with the targets of the hot path. */
export function weightTable(weights: readonly Weight[]): string[] {
  const lines = [
    'Lambda functions (KB minified, #http/bundling options; cold start in a fresh Node, one run each: importing the bundle, then with the first initialisation of its slowest route):',
    `    ${'function'.padEnd(36)} ${'routes'.padStart(6)} ${'KB'.padStart(6)} ${'import'.padStart(8)}  ${'first request, slowest route'.padEnd(40)} cognito`,
  ];
  for (const w of weights) {
    const [slowest] = w.firstRequests;
    const route = slowest ? `${ms(slowest.ms).padStart(8)} ${slowest.id}` : '-';
    lines.push(
      `  ${w.hotPath ? '▶' : ' '} ${w.id.padEnd(36)} ${String(w.routes || '-').padStart(6)} ${w.kb.toFixed(0).padStart(6)} ${ms(w.coldMs).padStart(8)}  ${route.padEnd(40)} ${w.cognito ? 'yes' : '-'}`,
    );
  }
  const hot = weights.find((w) => w.hotPath);
  if (hot) {
    const worst = hot.firstRequests[0]?.ms ?? hot.coldMs;
    lines.push(
      `  ▶ the 12:00 hot path (its own function): ${hot.kb.toFixed(0)} KB; first request ${hot.firstRequests.map((r) => `${r.id} ${ms(r.ms)}`).join(', ')} (target ≤ 150 ms: ${worst <= 150 ? 'met' : 'NOT met'})`,
    );
  }
  const api = weights.filter((w) => w.routes > 0);
  const largest = api.reduce((a, b) => (b.kb > a.kb ? b : a));
  const firstOf = (w: Weight) => w.firstRequests[0]?.ms ?? 0;
  const slowest = api.reduce((a, b) => (firstOf(b) > firstOf(a) ? b : a));
  lines.push(
    `  ${api.length} API functions for ${routes.length} routes; largest ${largest.id} ${largest.kb.toFixed(0)} KB, slowest first request ${slowest.firstRequests[0]?.id} ${ms(firstOf(slowest))}, median import ${ms(median(api.map((w) => w.coldMs)))}`,
  );
  return lines;
}

/**
 * The web app's first-load JavaScript: the entry script of index.html and every chunk it imports
 * statically (lazy routes load later), gzipped, as built by web/build.ts.
 */
export async function webFirstLoad(): Promise<{ jsGzipKb: number; files: number; cssGzipKb: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'stagematching-web-'));
  try {
    await buildWeb({ quiet: true, outDir });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = readFileSync(join(outDir, path), 'utf8');
      // Static imports only: `import(...)` is what a lazy route loads when it is opened.
      for (const m of code.matchAll(
        /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${},\s]+from\s*)?["']([^"']+\.js)["']/g,
      )) {
        visit(join(dirname(path), m[1]!));
      }
    };
    for (const s of scripts) visit(s);
    const gz = (path: string) => gzipSync(readFileSync(join(outDir, path))).length / 1024;
    return {
      jsGzipKb: [...seen].reduce((sum, f) => sum + gz(f), 0),
      files: seen.size,
      cssGzipKb: styles.reduce((sum, f) => sum + gz(f), 0),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
