import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { LAMBDA_ESBUILD, LAMBDA_NODE_OPTIONS } from '#http/bundling';
import { routes } from '#http/routes';
import { buildWeb } from '../web/build';

const repoRoot = join(import.meta.dirname, '..');

/** Every Lambda of the stack: one per route, and the scheduled ones of infra/lib/stack.ts. */
const ENTRIES = [
  ...routes.map((r) => ({ id: r.id, entry: r.entry })),
  { id: 'round-mailing', entry: 'functions/notify/round-mailing.ts' },
  { id: 'export-list', entry: 'functions/export/export-list.ts' },
  { id: 'first-admin', entry: 'functions/notify/first-admin.ts' },
];

/** The options infra/lib/lambda.ts gives esbuild today (NodejsFunction), and its NODE_OPTIONS. */
const INFRA_ESBUILD: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  banner: LAMBDA_ESBUILD.banner,
};
const INFRA_NODE_OPTIONS = '--enable-source-maps';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Import time of a bundle in a fresh Node process: what a cold start pays before the handler runs. */
function coldImport(file: string, nodeOptions: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`,
    ],
    { env: { ...process.env, NODE_OPTIONS: nodeOptions }, cwd: dirname(file) },
  );
  return Number(out.toString().trim());
}

/** Every entry in one esbuild run (each its own bundle, no shared chunks), to `<outdir>/<id>/index.mjs`. */
async function bundleAll(outdir: string, options: BuildOptions) {
  await build({
    ...options,
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [`${e.id}/index`, join(repoRoot, e.entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: false,
    logLevel: 'error',
  });
}

export interface Weight {
  id: string;
  infraKb: number;
  infraColdMs: number;
  kb: number;
  coldMs: number;
  cognito: boolean;
}

/**
 * Bundles every function twice (infra's options today, and `#http/bundling`) and times cold
 * imports: the median of `runs` fresh processes with `#http/bundling`, one with today's options.
 */
export async function lambdaWeights(runs = 1): Promise<Weight[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stagematching-bundles-'));
  const alias = Object.fromEntries(
    Object.entries(LAMBDA_ESBUILD.alias).map(([from, to]) => [from, join(repoRoot, to)]),
  );
  try {
    await bundleAll(join(dir, 'infra'), INFRA_ESBUILD);
    await bundleAll(join(dir, 'shared'), { ...(LAMBDA_ESBUILD as unknown as BuildOptions), alias });
    const weights: Weight[] = [];
    for (const { id } of ENTRIES) {
      const infraFile = join(dir, 'infra', id, 'index.mjs');
      const file = join(dir, 'shared', id, 'index.mjs');
      const infraBytes = statSync(infraFile).size;
      const bytes = statSync(file).size;
      const infraCold = median(Array.from({ length: runs }, () => coldImport(infraFile, INFRA_NODE_OPTIONS)));
      const cold = median(Array.from({ length: runs }, () => coldImport(file, LAMBDA_NODE_OPTIONS)));
      weights.push({
        id,
        infraKb: infraBytes / 1024,
        infraColdMs: infraCold,
        kb: bytes / 1024,
        coldMs: cold,
        cognito: readFileSync(file, 'utf8').includes('AWSCognitoIdentityProviderService'),
      });
    }
    return weights;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
