import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '#http/routes';
import { checkAnswer } from './helpers/api';

const run = promisify(execFile);

describe('GET /api/openapi.json on the local stack', () => {
  it('hands anyone, without a token, a valid OpenAPI 3.1 document of every route', async () => {
    const url = `${inject('stack').appUrl}/api/openapi.json`;
    // As someone outside would fetch it: curl, no token, and the status, type and cache headers.
    const { stdout } = await run('curl', ['-sS', '--fail', '--include', url], { maxBuffer: 10_000_000 });
    const [head = '', text = ''] = stdout.split(/\r\n\r\n/, 2);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(head).toMatch(/cache-control: public, max-age=300/i);
    checkAnswer('GET', '/api/openapi.json', 200, 'application/json', text);

    const document = JSON.parse(text);
    const validator = new Validator();
    expect(await validator.validate(document)).toEqual({ valid: true });
    expect(validator.version).toBe('3.1');
    const operations = Object.entries(
      document.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
      )
      .sort();
    expect(operations).toEqual(routes.map((r) => `${r.method} ${r.path} ${r.id}`).sort());
  });
});
