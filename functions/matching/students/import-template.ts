import { defineHandler } from '#http/handler';
import { fileBody } from '#http/responses';
import { exampleRow, studentTemplateCsv, studentTemplateXlsx } from '#imports/student-template';
import { notFound } from '#kernel/errors';
import { getOrganisation } from '#organisations/store';
import { supervisors } from '#people/supervisors';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The school's template: the columns the import reads and one example row in its own words. */
export const handler = defineHandler('students-import-template', async ({ caller, query }) => {
  const school = await getOrganisation(caller.organisationId);
  if (!school) throw notFound();
  const [first] = await supervisors.list(school.id);
  const example = exampleRow({ tracks: school.tracks ?? [], supervisorName: first?.name }, new Date());
  return query.format === 'csv'
    ? fileBody(
        Buffer.from(studentTemplateCsv(example), 'utf8'),
        'text/csv; charset=utf-8',
        'leerlingen-importeren.csv',
      )
    : fileBody(await studentTemplateXlsx(example), XLSX_TYPE, 'leerlingen-importeren.xlsx');
});
