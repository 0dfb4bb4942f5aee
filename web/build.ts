import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(webDir);
export const defaultOutDir = join(webDir, 'dist');

/**
 * Builds the web app to static files for CloudFront (and the local server) with the same esbuild
 * that bundles the Lambdas: hashed asset names so that they can be cached for a year.
 */
export async function buildWeb(options: { quiet?: boolean; outDir?: string } = {}): Promise<void> {
  const outDir = options.outDir ?? defaultOutDir;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entry = join(webDir, 'src/app/main.tsx');
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    // Each role's pages become their own chunk (React.lazy in src/app/routes.tsx).
    splitting: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    outdir: join(outDir, 'assets'),
    entryNames: '[name].[hash]',
    chunkNames: '[name].[hash]',
    assetNames: '[name].[hash]',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: options.quiet ? 'error' : 'info',
  });
  const { metafile } = result;
  refuseServerCode(metafile);
  const url = (file: string) => `/${relative(outDir, file)}`;
  const outputs = Object.keys(metafile.outputs);
  const main = outputs.find((file) => metafile.outputs[file]?.entryPoint === relative(repoRoot, entry));
  if (!main) throw new Error('esbuild produced no script');
  const style = metafile.outputs[main]?.cssBundle;
  const first = initialScripts(metafile, main);
  const html = readFileSync(join(webDir, 'index.html'), 'utf8')
    .replace('<!--styles-->', style ? `<link rel="stylesheet" href="${url(style)}">` : '')
    .replace(
      '<!--scripts-->',
      [
        // The chunks the first page needs anyway are fetched alongside the entry, not after it.
        ...first.slice(1).map((file) => `<link rel="modulepreload" href="${url(file)}">`),
        `<script type="module" src="${url(main)}"></script>`,
      ].join('\n    '),
    );
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'favicon.svg'), readFileSync(join(webDir, 'favicon.svg')));
  if (!options.quiet) {
    const gzipped = first.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    console.log(`web app built: ${outputs.map((f) => basename(f)).join(', ')}`);
    console.log(`first load: ${first.length} scripts, ${(gzipped / 1024).toFixed(1)} KiB gzip`);
  }
}

/** The entry and every chunk it imports statically: what a first visit loads before any page. */
function initialScripts(metafile: Metafile, main: string): string[] {
  const seen = new Set<string>([main]);
  for (const file of seen) {
    for (const i of metafile.outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && !i.external) seen.add(i.path);
    }
  }
  return [...seen];
}

/**
 * The browser gets shared code only through the contract (and the kernel types it uses): no
 * validation library, no AWS, nothing of the server's features.
 */
function refuseServerCode(metafile: Metafile) {
  const wrong = Object.keys(metafile.inputs).filter(
    (input) =>
      input.includes('node_modules/zod/') ||
      input.includes('node_modules/@aws-sdk/') ||
      (input.startsWith('shared/') && !/^shared\/(contract|kernel)\//.test(input)) ||
      input === 'shared/kernel/validation.ts',
  );
  if (wrong.length > 0) throw new Error(`The web bundle must not contain server code: ${wrong.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
