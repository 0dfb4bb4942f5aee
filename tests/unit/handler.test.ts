import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteInput } from '#contract/api-route';
import { handlerFor } from '#http/handler';
import type { Identity, IdentityStore } from '#http/identities';
import { ok } from '#http/responses';
import { routeById } from '#http/routes';
import { conflict } from '#kernel/errors';
import * as z from '#kernel/zod';
import { lambdaContext } from '#local/apigw-event';

const people: Record<string, Identity> = {
  'sub-school': {
    userId: 'sub-school',
    email: 's@school.be',
    name: 'Sara',
    role: 'school',
    organisationId: 'ORG1',
    active: true,
    organisationActive: true,
  },
  'sub-gone': {
    userId: 'sub-gone',
    email: 'g@x.be',
    name: 'Gert',
    role: 'admin',
    organisationId: 'A',
    active: false,
    organisationActive: true,
  },
};
const identities: IdentityStore = { findBySubject: async (sub) => people[sub] ?? null };

function event(parts: { sub?: string; body?: string; query?: Record<string, string> }) {
  return {
    version: '2.0',
    rawPath: '/api/me',
    headers: { 'content-type': 'application/json' },
    body: parts.body,
    isBase64Encoded: false,
    queryStringParameters: parts.query,
    requestContext: {
      requestId: 'r',
      authorizer: parts.sub
        ? { jwt: { claims: { sub: parts.sub, token_use: 'access' }, scopes: [] } }
        : undefined,
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

async function call(handler: ReturnType<typeof handlerFor>, e: APIGatewayProxyEventV2WithJWTAuthorizer) {
  const res = (await handler(e, lambdaContext('test'))) as APIGatewayProxyStructuredResultV2;
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
}

/** The `me` route (every role) with the input under test and any JSON answer. */
const probe = <const I extends RouteInput>(input: I) =>
  ({ ...routeById('me'), input, answers: { 200: z.unknown() } }) as const;

beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

const body = z.object({
  name: z.string().min(1, 'Vul een naam in.'),
  address: z.object({ postcode: z.string().regex(/^\d{4}$/, 'Een postcode heeft 4 cijfers.') }),
});

describe('the handler wrapper', () => {
  it('gives the handler typed input and the caller resolved from data', async () => {
    const handler = handlerFor(
      probe({ body, query: z.object({ track: z.enum(['secondary', 'dual']) }) }),
      async ({ body: b, query, caller }) =>
        ok({ name: b.name, pc: b.address.postcode, track: query.track, org: caller.organisationId }),
      { identities },
    );
    const res = await call(
      handler,
      event({
        sub: 'sub-school',
        body: JSON.stringify({ name: 'An', address: { postcode: '8000' } }),
        query: { track: 'dual' },
      }),
    );
    expect(res).toMatchObject({ status: 200, body: { name: 'An', pc: '8000', track: 'dual', org: 'ORG1' } });
    expect(res.headers?.['x-request-id']).toBeTruthy();
  });

  it('answers 400 listing every wrong field with its path and a Dutch reason', async () => {
    const handler = handlerFor(
      probe({ body, query: z.object({ track: z.enum(['secondary']) }) }),
      async () => ok({}),
      {
        identities,
      },
    );
    const res = await call(
      handler,
      event({
        sub: 'sub-school',
        body: JSON.stringify({ name: '', address: { postcode: '80' } }),
        query: {},
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'name', in: 'body', message: 'Vul een naam in.' },
        { path: 'address.postcode', in: 'body', message: 'Een postcode heeft 4 cijfers.' },
        expect.objectContaining({ path: 'track', in: 'query' }),
      ]),
    );
  });

  it('answers 400 for a body that is not JSON', async () => {
    const handler = handlerFor(probe({ body }), async () => ok({}), { identities });
    const res = await call(handler, event({ sub: 'sub-school', body: '{"name":' }));
    expect(res).toMatchObject({ status: 400, body: { error: 'VALIDATION_FAILED' } });
  });

  it('answers 401 without claims, 403 for a deactivated or unknown person and for a role not allowed', async () => {
    const handler = handlerFor(probe({}), async () => ok({}), { identities });
    expect((await call(handler, event({}))).status).toBe(401);
    expect((await call(handler, event({ sub: 'sub-gone' }))).status).toBe(403);
    expect((await call(handler, event({ sub: 'nobody' }))).status).toBe(403);
    const adminOnly = handlerFor(probe({}), async () => ok({}), {
      identities: { findBySubject: async () => ({ ...people['sub-school']!, role: 'school' }) },
    });
    // `me` allows every role, so prove the role check through a store that hands out a role outside the list.
    const strict = handlerFor(probe({}), async () => ok({}), {
      identities: { findBySubject: async () => ({ ...people['sub-school']!, role: 'nobody' as never }) },
    });
    expect((await call(adminOnly, event({ sub: 'x' }))).status).toBe(200);
    expect((await call(strict, event({ sub: 'x' }))).body).toMatchObject({ error: 'FORBIDDEN' });
  });

  it('passes on deliberate errors such as 409 with their code and message', async () => {
    const handler = handlerFor(
      probe({}),
      async () => {
        throw conflict('Deze leerling werd net door een andere dienst geplaatst.');
      },
      { identities },
    );
    const res = await call(handler, event({ sub: 'sub-school' }));
    expect(res).toMatchObject({
      status: 409,
      body: { error: 'CONFLICT', message: 'Deze leerling werd net door een andere dienst geplaatst.' },
    });
  });

  it('answers 500 for anything unexpected, without a word about the internals', async () => {
    const handler = handlerFor(
      probe({}),
      async () => {
        throw new Error('ECONNREFUSED 10.0.0.7:8000 table stagematching-2026-2027');
      },
      { identities },
    );
    const res = await call(handler, event({ sub: 'sub-school' }));
    expect(res.status).toBe(500);
    expect(res.body.error).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|stagematching-2026|stack|Error/);
  });
});

describe('the caller', () => {
  it('is refused with 401 when the token is an ID token, not an access token', async () => {
    const { resolveCaller } = await import('#http/caller');
    const store = {
      findBySubject: async () => ({
        userId: 'u',
        email: 'x@y.be',
        name: 'X',
        role: 'school' as const,
        organisationId: 'o',
        active: true,
        organisationActive: true,
      }),
    };
    await expect(resolveCaller({ sub: 's', token_use: 'id' }, ['school'], store)).rejects.toMatchObject({
      status: 401,
    });
    await expect(resolveCaller({ sub: 's', token_use: 'access' }, ['school'], store)).resolves.toMatchObject({
      userId: 'u',
    });
  });
});
