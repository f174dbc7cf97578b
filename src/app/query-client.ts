import { QueryClient } from '@tanstack/react-query';
import { queryDefaults } from '../attendee-api/query-defaults';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: queryDefaults } });
}
