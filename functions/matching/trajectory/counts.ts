import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { evaluationCounts } from '#trajectory/store';

/** The admin sees how many evaluations there are, not what they say. */
export const handler = defineHandler('trajectory-counts', async () => ok(await evaluationCounts()));
