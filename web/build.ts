import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));
export const defaultOutDir = join(webDir, 'dist');

/**
 * Builds the web app to static files for CloudFront (and the local server) with the same esbuild
 * that bundles the Lambdas: hashed asset names so that they can be cached for a year.
 */
export async function buildWeb(options: { quiet?: boolean; outDir?: string } = {}): Promise<void> {
  const outDir = options.outDir ?? defaultOutDir;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(webDir, 'src/app/main.tsx')],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    outdir: join(outDir, 'assets'),
    entryNames: '[name].[hash]',
    assetNames: '[name].[hash]',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: options.quiet ? 'error' : 'info',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => `/${relative(outDir, file)}`);
  const script = outputs.find((f) => f.endsWith('.js'));
  const style = outputs.find((f) => f.endsWith('.css'));
  if (!script) throw new Error('esbuild produced no script');
  const html = readFileSync(join(webDir, 'index.html'), 'utf8')
    .replace('<!--styles-->', style ? `<link rel="stylesheet" href="${style}">` : '')
    .replace('<!--scripts-->', `<script type="module" src="${script}"></script>`);
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'favicon.svg'), readFileSync(join(webDir, 'favicon.svg')));
  if (!options.quiet) console.log(`web app built: ${outputs.map((f) => basename(f)).join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
