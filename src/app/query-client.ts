import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Each query sets its own refetching; none of them should refetch on focus by surprise.
      queries: { refetchOnWindowFocus: false },
    },
  });
}
