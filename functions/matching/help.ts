import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { helpline } from '#platform/config';

/** The helpline as this deployment sets it: the help page shows it, every mail's footer too. */
export const handler = defineHandler('help', async () => ok(helpline()));
