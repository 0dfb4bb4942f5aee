import { queryOptions } from '@tanstack/react-query';
import type { Organisation } from '#contract/organisations';
import type { MemberList, OrganisationList } from '#contract/organisations-api';
import { api } from '../../api/client';

/** Everything read about organisations starts with this key, so one invalidation refreshes it all. */
export const organisationsKey = ['organisations'] as const;

export const organisationListQuery = (search: string) =>
  queryOptions({
    queryKey: [...organisationsKey, 'list', search],
    queryFn: ({ signal }) => api<OrganisationList>(`/organisations${search ? `?${search}` : ''}`, { signal }),
  });

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: [...organisationsKey, id],
    queryFn: ({ signal }) => api<Organisation>(`/organisations/${id}`, { signal }),
  });

export const membersQuery = (id: string) =>
  queryOptions({
    queryKey: [...organisationsKey, id, 'members'],
    queryFn: ({ signal }) => api<MemberList>(`/organisations/${id}/members`, { signal }),
  });
