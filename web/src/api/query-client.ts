import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * One cache for every read. An answer of the API about the request itself (4xx) is final, so only
 * a dropped connection or a server error is tried once more before the page shows the error.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
