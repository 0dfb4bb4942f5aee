import { IMPORT_COLUMNS, ImportTemplateQuery } from '#contract/imports';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importTemplate } from '#imports/template';

const FILE_NAMES = { services: 'diensten-importeren.csv', schools: 'scholen-importeren.csv' } as const;

export const handler = defineHandler(
  'admin-imports-template',
  { query: ImportTemplateQuery },
  async ({ query }) =>
    ok(importTemplate(IMPORT_COLUMNS[query.kind]), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${FILE_NAMES[query.kind]}"`,
      },
    }),
);
