import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { servicesToTakeOver } from '#takeovers/use-cases';

export const handler = defineHandler('takeovers-services', async () =>
  ok({ items: await servicesToTakeOver() }),
);
