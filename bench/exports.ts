import type { LocalStack } from '#local/stack';
import { benchAdmin } from './admin';

/**
 * `npm run bench`, exports: the admin exports every student (10,000 in the bench) as CSV and as
 * XLSX through the real flow (POST, the export function, the multipart upload, GET until the link
 * is there) and downloads the file. Prints the time to a ready link and the peak RSS while the
 * export ran. The export function runs inside this process (as in `npm start`), so the RSS is
 * this process's: its baseline before the export is printed beside it. Figures only; people
 * check them against the targets (ready in ≤ 3 s, peak RSS ≤ 250 MB).
 */
export async function benchExports(stack: Pick<LocalStack, 'appUrl'>) {
  const { api: call } = await benchAdmin(stack);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    return {
      status: res.status,
      body: res.body as { id: string; status: string; rows: number; url: string },
    };
  };

  console.log('\nExports (admin, all students, through POST /api/exports and the export function):');
  for (const format of ['csv', 'xlsx'] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const start = await api('POST', '/exports', { list: 'admin-students', format });
    if (start.status !== 202) throw new Error(`export answered ${start.status}`);
    let view = start.body;
    while (view.status !== 'ready' && view.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 25));
      view = (await api('GET', `/exports/${start.body.id}`)).body;
    }
    const ready = performance.now() - started;
    clearInterval(sampler);
    if (view.status !== 'ready') throw new Error(`export ${format} failed`);
    const file = await fetch(view.url);
    const bytes = (await file.arrayBuffer()).byteLength;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `  ${format.toUpperCase().padEnd(4)} ${view.rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB: ready link in ${(ready / 1000).toFixed(2)} s; peak RSS ${mb(peak)} (baseline ${mb(baseline)}, +${mb(peak - baseline)})`,
    );
  }
}
