import { IMPORT_COLUMNS } from '#contract/imports';
import { defineHandler } from '#http/handler';
import { textBody } from '#http/responses';
import { importTemplate } from '#imports/template';

const FILE_NAMES = { services: 'diensten-importeren.csv', schools: 'scholen-importeren.csv' } as const;

export const handler = defineHandler('admin-imports-template', async ({ query }) =>
  textBody(importTemplate(IMPORT_COLUMNS[query.kind]), 'text/csv; charset=utf-8', {
    'content-disposition': `attachment; filename="${FILE_NAMES[query.kind]}"`,
  }),
);
