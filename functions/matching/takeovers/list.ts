import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { takeoversFor } from '#takeovers/use-cases';

export const handler = defineHandler('takeovers-list', async ({ caller }) => ok(await takeoversFor(caller)));
