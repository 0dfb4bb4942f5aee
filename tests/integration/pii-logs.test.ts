import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#local/apigw-event';
import { call } from './helpers/api';
import { nationalNumber, validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

type Handler = (e: unknown, c: unknown) => Promise<unknown>;
let createStudent: Handler;
let getStudent: Handler;
let school: TestUser;
let supervisorId: string;
const written: string[] = [];

const event = (sub: string, body?: unknown, id?: string) =>
  ({
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    pathParameters: id ? { id } : undefined,
    requestContext: { authorizer: { jwt: { claims: { sub, token_use: 'access' }, scopes: [] } } },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

beforeAll(async () => {
  school = await createTestUser({ role: 'school' });
  const res = await call('POST', '/supervisors', {
    token: school.accessToken,
    body: { name: 'Begeleider', phone: '050 12 34 56', email: 'b@school.example' },
  });
  supervisorId = res.body.id;
  // The logger takes its level when it is made: load the handlers afresh with the most talkative one.
  process.env.LOG_LEVEL = 'DEBUG';
  vi.resetModules();
  createStudent = (await import('../../functions/matching/students/create')).handler as Handler;
  getStudent = (await import('../../functions/matching/students/get')).handler as Handler;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('personal data in logs', () => {
  it('never appear (national number, email, street), whether a request succeeds, is refused or fails', async () => {
    const number = nationalNumber();
    const ok = (await createStudent(
      event(school.sub, validStudent(supervisorId, { nationalNumber: number })),
      lambdaContext('students-create'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(ok.statusCode).toBe(201);
    const id = JSON.parse(ok.body!).id;
    await getStudent(event(school.sub, undefined, id), lambdaContext('students-get'));

    // Refused: the body with the number is logged about, not logged.
    const refused = (await createStudent(
      event(school.sub, validStudent(supervisorId, { nationalNumber: number, firstName: '' })),
      lambdaContext('students-create'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(refused.statusCode).toBe(400);

    // Failing inside: the key file cannot be used, so sealing the number throws.
    const keyFile = process.env.PII_KEY_FILE;
    process.env.PII_KEY_FILE = '/dev/null/nope';
    vi.resetModules();
    const failing = (await import('../../functions/matching/students/create')).handler as Handler;
    const failed = (await failing(
      event(school.sub, validStudent(supervisorId, { nationalNumber: number })),
      lambdaContext('students-create'),
    )) as APIGatewayProxyStructuredResultV2;
    process.env.PII_KEY_FILE = keyFile;

    const output = written.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain('Request refused');
    expect(failed.statusCode).toBe(500);
    expect(output).not.toContain(number);
    expect(output).not.toMatch(new RegExp(number.split('').join('\\D?')));
    expect(output).not.toContain('anke.peeters@leerling.example');
    expect(output).not.toContain('Stationsstraat 12');
  });
});
