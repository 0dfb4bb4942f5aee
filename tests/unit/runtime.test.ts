import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAMBDA_ESBUILD } from '#http/bundling';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

// The machines ship an older Node; the project brings Node 24 itself (the `node` dev dependency),
// and npm scripts put node_modules/.bin first. If that ever stops working, this says so.
describe('one Node line everywhere', () => {
  it('runs the tests on Node 24', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('states Node 24 in engines and .nvmrc, and bundles for it', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.engines.node).toMatch(/^>=24\b/);
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
    expect(read('.nvmrc').trim()).toBe('24');
    expect(LAMBDA_ESBUILD.target).toBe('node24');
  });
});
