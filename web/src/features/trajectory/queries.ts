import { queryOptions } from '@tanstack/react-query';
import type { DualReportRow, Trajectory } from '#contract/trajectory';
import { api } from '../../api/client';

export const trajectoryKey = ['trajectory'] as const;

export const trajectoryQuery = (studentId: string) =>
  queryOptions({
    queryKey: [...trajectoryKey, studentId],
    queryFn: ({ signal }) => api<Trajectory>(`/students/${studentId}/trajectory`, { signal }),
  });

export const dualReportQuery = queryOptions({
  queryKey: [...trajectoryKey, 'dual-report'],
  queryFn: ({ signal }) => api<{ schoolYear: string; rows: DualReportRow[] }>('/dual-report', { signal }),
});
