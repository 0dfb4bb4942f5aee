import { queryOptions } from '@tanstack/react-query';
import type { ServiceOptionList } from '#contract/organisations-api';
import type { StudentDetail, StudentList } from '#contract/students-api';
import { api } from '../../api/client';

/** Everything a school reads about its students starts with this key. */
export const studentsKey = ['students'] as const;
export const studentListsKey = [...studentsKey, 'list'] as const;

export const studentListQuery = (search: string) =>
  queryOptions({
    queryKey: [...studentListsKey, search],
    queryFn: ({ signal }) => api<StudentList>(`/students${search ? `?${search}` : ''}`, { signal }),
  });

export const studentQuery = (id: string) =>
  queryOptions({
    queryKey: [...studentsKey, 'detail', id],
    queryFn: ({ signal }) => api<StudentDetail>(`/students/${id}`, { signal }),
  });

/** The active services a school can name as the student's preference. */
export const serviceOptionsQuery = queryOptions({
  queryKey: ['services'],
  queryFn: ({ signal }) => api<ServiceOptionList>('/services', { signal }),
  staleTime: 5 * 60_000,
});
