import * as z from '#kernel/zod';
import { AdminStudentQuery } from './admin';
import { OrganisationQuery, TRACKS } from './organisations';
import { RequestQuery } from './requests';
import { StudentListQuery } from './students';

export const EXPORT_LISTS = [
  'school-students',
  'service-requests',
  'admin-students',
  'admin-organisations',
  'admin-history',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** Each list as the people who download it call it (the audit log names an export so). */
export const EXPORT_LIST_LABELS: Record<ExportList, string> = {
  'school-students': 'leerlingen van de school',
  'service-requests': 'stagevragen',
  'admin-students': 'alle leerlingen',
  'admin-organisations': 'organisaties en hun mensen',
  'admin-history': 'historiek van de beslissingen',
};

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which role may ask for which list. */
export const EXPORT_ROLES: Record<ExportList, 'admin' | 'school' | 'service'> = {
  'school-students': 'school',
  'service-requests': 'service',
  'admin-students': 'admin',
  'admin-organisations': 'admin',
  'admin-history': 'admin',
};

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/** "Export stagevragen (CSV)": an export in words; an unknown list or format keeps its code. */
export const exportLabel = (list: string, format: string) =>
  `Export ${EXPORT_LIST_LABELS[list as ExportList] ?? list} (${FORMAT_LABELS[format as ExportFormat] ?? format})`;

const format = z.enum(EXPORT_FORMATS, 'Kies CSV of Excel (XLSX).');

/** The service's filters are its list's query, without the page. */
export const ServiceRequestFilters = RequestQuery.omit({ cursor: true, limit: true });
export const SchoolStudentFilters = StudentListQuery;
/** The all-students page's filters (its list's query without the page); `q` is the older name filter. */
export const AdminStudentFilters = AdminStudentQuery.omit({ cursor: true, limit: true }).extend({
  q: z.string().trim().max(100).optional(),
});
/** The admin's organisations page: kind, province and name, as its list's query. */
export const AdminOrganisationFilters = OrganisationQuery;
export const AdminHistoryFilters = z.object({ track: z.enum(TRACKS).optional() });

/** `POST /api/exports`: which list, in which format, with the filters and sort the list shows. */
export const ExportInput = z.discriminatedUnion(
  'list',
  [
    z.object({
      list: z.literal('school-students'),
      format,
      filters: SchoolStudentFilters.optional().default({ sort: '-registered' }),
    }),
    z.object({ list: z.literal('service-requests'), format, filters: ServiceRequestFilters }),
    z.object({
      list: z.literal('admin-students'),
      format,
      filters: AdminStudentFilters.optional().default({}),
    }),
    z.object({
      list: z.literal('admin-organisations'),
      format,
      filters: AdminOrganisationFilters.optional().default({}),
    }),
    z.object({
      list: z.literal('admin-history'),
      format,
      filters: AdminHistoryFilters.optional().default({}),
    }),
  ],
  { error: 'Kies een lijst om te exporteren.' },
);
export type ExportInput = z.output<typeof ExportInput>;

export const ExportPath = z.object({ id: z.string().min(1).max(64) });

export const EXPORT_STATUSES = ['pending', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** `GET /api/exports/{id}`: the job as its owner sees it; the link only once it is ready. */
export const ExportJobView = z.object({
  id: z.string(),
  list: z.enum(EXPORT_LISTS),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_STATUSES),
  rows: z.number(),
  /** 0..1; a rough share of the work done. */
  progress: z.number(),
  fileName: z.string(),
  url: z.string().optional(),
  expiresAt: z.string().optional(),
  message: z.string().optional(),
});
export type ExportJobView = z.output<typeof ExportJobView>;

/** `POST /api/exports`: the job started; poll `GET /api/exports/{id}`. */
export const ExportStarted = z.object({ id: z.string() });
