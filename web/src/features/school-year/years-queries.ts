import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Every school year: status, retention date, students, erasure (the admin's Schooljaren). */
export const schoolYearsQuery = queryOptions({
  queryKey: ['school-years'],
  queryFn: ({ signal }) => api('GET /api/school-years', { signal }),
});

/** One year's calendar with its warnings, and for a prepared year who takes part. */
export const schoolYearProposalQuery = (schoolYear: string) =>
  queryOptions({
    queryKey: ['school-years', schoolYear],
    queryFn: ({ signal }) => api('GET /api/school-years/{schoolYear}', { path: { schoolYear }, signal }),
  });

/** The school year after `schoolYear`: `2026-2027` → `2027-2028`. */
export const yearAfter = (schoolYear: string) => {
  const start = Number(schoolYear.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
};
