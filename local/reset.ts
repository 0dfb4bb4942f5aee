import { existsSync, rmSync } from 'node:fs';
import { defaultDataDir } from './paths';

/** `npm run reset`: forget every local record, file, mail pool and account. */
const dir = defaultDataDir();
if (existsSync(dir)) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`Removed ${dir}. The next npm start begins empty.`);
} else {
  console.log(`Nothing to remove: ${dir} does not exist.`);
}
