import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultDataDir = () => resolve(repoRoot, process.env.DATA_DIR ?? '.data');
export const webDistDir = resolve(repoRoot, 'web/dist');
