import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { LAMBDA_ESBUILD } from '#http/bundling';
import { functionGroups, HOT_PATH_GROUP, routeKeyOf } from '#http/function-groups';
import { routes } from '#http/routes';
import { writeGroupEntries } from '../infra/lib/group-entries';
import { coldStart } from './weight';

/**
 * What one API function's bundle is made of (`npx tsx bench/bundle-contents.ts [group] [top]`,
 * the 12:00 hot path by default): its bytes by package and its largest modules, from esbuild's
 * metafile, built with the stack's options (`#http/bundling`). The bench prints only the totals.
 */
const repoRoot = join(import.meta.dirname, '..');
const [groupId = HOT_PATH_GROUP, top = '25', why] = process.argv.slice(2);

const packageOf = (path: string) => {
  const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return m ? m[1]! : path.startsWith('shared/') ? path.split('/').slice(0, 2).join('/') : path;
};

async function main() {
  const entries = writeGroupEntries(functionGroups(routes), repoRoot);
  const entry = entries.get(groupId);
  if (!entry) throw new Error(`No function ${groupId}: ${[...entries.keys()].join(', ')}`);
  // BUNDLE_DIR keeps the bundle (for a CPU profile of its import: `node --cpu-prof`).
  const dir = process.env.BUNDLE_DIR ?? mkdtempSync(join(tmpdir(), 'stagematching-contents-'));
  try {
    const alias = Object.fromEntries(
      Object.entries(LAMBDA_ESBUILD.alias).map(([from, to]) => [from, join(repoRoot, to)]),
    );
    const { metafile } = await build({
      ...(LAMBDA_ESBUILD as unknown as BuildOptions),
      alias,
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, entry)],
      outfile: join(dir, 'index.mjs'),
      metafile: true,
      logLevel: 'error',
    });
    if (why) {
      // The shortest import chain from the entry to the first module whose path contains `why`.
      const start = Object.keys(metafile.inputs).find((p) => p.endsWith(entry))!;
      const from = new Map<string, string>([[start, '']]);
      const queue = [start];
      while (queue.length) {
        const at = queue.shift()!;
        if (at.includes(why)) {
          const chain = [at];
          for (let p = from.get(at); p; p = from.get(p)) chain.unshift(p);
          console.log(`Why ${why}:\n  ${chain.join('\n  ')}\n`);
          break;
        }
        for (const i of metafile.inputs[at]?.imports ?? [])
          if (!from.has(i.path)) {
            from.set(i.path, at);
            queue.push(i.path);
          }
      }
    }
    const [output] = Object.values(metafile.outputs).filter((o) => o.entryPoint);
    if (!output) throw new Error('esbuild wrote no entry');
    const inputs = Object.entries(output.inputs).map(([path, i]) => ({ path, bytes: i.bytesInOutput }));
    const byPackage = new Map<string, number>();
    for (const i of inputs)
      byPackage.set(packageOf(i.path), (byPackage.get(packageOf(i.path)) ?? 0) + i.bytes);
    const file = join(dir, 'index.mjs');
    const runs = Number(process.env.RUNS ?? 5);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const imports = median(Array.from({ length: runs }, () => coldStart(file)));
    const group = functionGroups(routes).find((g) => g.id === groupId)!;
    const firsts = group.routes.map(
      (r) =>
        `${r.id} ${median(Array.from({ length: runs }, () => coldStart(file, routeKeyOf(r)))).toFixed(0)} ms`,
    );
    console.log(
      `cold import ${imports.toFixed(0)} ms (median of ${runs}); first request: ${firsts.join(', ')}`,
    );
    const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
    console.log(
      `${groupId}: ${kb(output.bytes)} in ${inputs.length} modules\n\nBy package or feature folder:`,
    );
    for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
      console.log(`  ${kb(bytes)}  ${name}`);
    console.log('\nLargest modules:');
    for (const i of inputs.sort((a, b) => b.bytes - a.bytes).slice(0, Number(top)))
      console.log(`  ${kb(i.bytes)}  ${i.path}`);
  } finally {
    if (!process.env.BUNDLE_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
