import { dynamoClient } from '#platform/aws-clients/dynamodb';

/**
 * Store calls and capacity, counted by an SDK middleware that only the bench installs: every
 * command asks DynamoDB for `ReturnConsumedCapacity: TOTAL` (DynamoDB Local reports it as AWS
 * would bill it), and the answer's units are added up. The identity read every authenticated
 * request makes (`#http/identities`: a BatchGetItem of the identity and its organisation) is
 * counted apart as `auth`, so a request's own calls can be read beside it.
 */
export interface Meter {
  calls: Map<string, number>;
  auth: number;
  read: number;
  write: number;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const total: Meter = { calls: new Map(), auth: 0, read: 0, write: 0 };
let installed = false;
/** Store calls sent and not yet answered: a request's work is measured until none is left. */
let inFlight = 0;
/** When the piece of work being metered began: the trace shows each call's start and length from it. */
let workStarted = performance.now();

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

const unitsOf = (consumed: Capacity | Capacity[] | undefined) =>
  (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
    (sum, c) => sum + (c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0)),
    0,
  );

const isAuthRead = (name: string, input: Record<string, unknown>) =>
  name === 'BatchGetItem' &&
  JSON.stringify((input as { RequestItems?: unknown }).RequestItems ?? {}).includes('"USER#');

export function installMeter() {
  if (installed) return;
  installed = true;
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      if (isAuthRead(name, input)) total.auth++;
      else total.calls.set(name, (total.calls.get(name) ?? 0) + 1);
      inFlight++;
      const sent = performance.now();
      const result = await next(args).finally(() => {
        inFlight--;
      });
      const took = performance.now() - sent;
      const units = unitsOf((result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity);
      if (process.env.BENCH_TRACE_ON)
        console.log(
          `    +${(sent - workStarted).toFixed(1)} ms, ${took.toFixed(1)} ms: ${name} ${String(input.IndexName ?? '')} ${JSON.stringify(input.ExpressionAttributeValues ?? input.Key ?? '').slice(0, 160)} ${units} CU`,
        );
      if (WRITES.has(name)) total.write += units;
      else total.read += units;
      return result;
    },
    { step: 'initialize', name: 'benchStoreMeter' },
  );
}

const snapshot = (): Meter => ({ ...total, calls: new Map(total.calls) });

export interface Metered<T> {
  out: T;
  /** The request's own store calls, by command (the identity read left out). */
  calls: Map<string, number>;
  own: number;
  auth: number;
  read: number;
  write: number;
}

/** What one piece of work cost the store: run it alone, nothing else in flight. */
export async function metered<T>(work: () => Promise<T>): Promise<Metered<T>> {
  const before = snapshot();
  workStarted = performance.now();
  const out = await work();
  // Work the request left running (an answer sent before all its reads came back) is its own.
  for (let waited = 0; inFlight > 0 && waited < 60_000; waited += 10)
    await new Promise((r) => setTimeout(r, 10));
  const calls = new Map(
    [...total.calls].map(([k, v]) => [k, v - (before.calls.get(k) ?? 0)] as const).filter(([, n]) => n > 0),
  );
  return {
    out,
    calls,
    own: [...calls.values()].reduce((a, b) => a + b, 0),
    auth: total.auth - before.auth,
    read: total.read - before.read,
    write: total.write - before.write,
  };
}

export const describeCalls = (m: Pick<Metered<unknown>, 'calls' | 'own' | 'auth'>) =>
  `${m.own} + ${m.auth} auth (${[...m.calls].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`;
