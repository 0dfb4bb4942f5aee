import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const trajectoryKey = ['trajectory'] as const;

export const trajectoryQuery = (studentId: string) =>
  queryOptions({
    queryKey: [...trajectoryKey, studentId],
    queryFn: ({ signal }) => api('GET /api/students/{id}/trajectory', { path: { id: studentId }, signal }),
  });

export const dualReportQuery = queryOptions({
  queryKey: [...trajectoryKey, 'dual-report'],
  queryFn: ({ signal }) => api('GET /api/dual-report', { signal }),
});
