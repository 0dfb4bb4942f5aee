import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument, refusalsOf } from '#http/openapi';
import type { RouteDef } from '#http/route-types';
import { routes } from '#http/routes';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = (item as Record<string, Operation | undefined>)[method];
    return operation ? [{ key: `${method.toUpperCase()} ${path}`, operation }] : [];
  }),
);
const operationOf = (route: RouteDef) =>
  operations.find((o) => o.key === `${route.method} ${route.path}`)!.operation;

describe('GET /api/openapi.json', () => {
  it('lists every route of the table under its method, path and id, and nothing else', () => {
    expect(operations.map((o) => `${o.key} ${o.operation.operationId}`).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path} ${r.id}`).sort(),
    );
  });

  it('gives each route its parameters, body, answers and refusals from the table', () => {
    for (const route of routes as readonly RouteDef[]) {
      const operation = operationOf(route);
      const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.required]),
        route.id,
      ).toEqual(pathParams.map((name) => [name, true]));
      const queryShape = (route.input.query as { shape?: object } | undefined)?.shape;
      expect(
        (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        route.id,
      ).toEqual(Object.keys(queryShape ?? {}));
      expect(Boolean(operation.requestBody), route.id).toBe(route.input.body !== undefined);
      expect(Object.keys(operation.responses).sort(), route.id).toEqual(
        [...Object.keys(route.answers), ...refusalsOf(route).map(String)].sort(),
      );
    }
  });

  it('names the bearer token as the way in, and lets public routes in without it', () => {
    expect(document.components?.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const route of routes) {
      const operation = operationOf(route as RouteDef);
      if (route.public) expect(operation.security, route.id).toEqual([]);
      else expect(operation.security, route.id).toBeUndefined();
    }
  });

  it('answers every refusal in the one error shape', () => {
    const login = operationOf(routes.find((r) => r.id === 'login')! as RouteDef);
    expect(login.responses['400']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(document.components?.schemas?.Error).toMatchObject({
      type: 'object',
      required: ['error', 'message'],
    });
  });

  it('is a valid OpenAPI 3.1 document for an independent validator, its references all resolving', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });
});
