import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '#local/apigw-event';
import { handler } from '../../functions/matching/health';

const event = { headers: {}, requestContext: {} } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
const tableName = process.env.TABLE_NAME;

afterEach(() => {
  process.env.TABLE_NAME = tableName;
});

describe('health', () => {
  it('is ok while the table answers', async () => {
    const res = (await handler(event, lambdaContext('health'))) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ status: 'ok' });
  });

  it('says 503 without internals when the table does not answer', async () => {
    process.env.TABLE_NAME = 'stagematching-1999-2000';
    const res = (await handler(event, lambdaContext('health'))) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body!)).toEqual({
      error: 'SERVICE_UNAVAILABLE',
      message: 'De databank is niet bereikbaar.',
    });
  });
});
