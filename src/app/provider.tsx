import { useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  DEFAULT_REFRESH_INTERVALS,
  RefreshIntervalsProvider,
  type RefreshIntervals,
} from '../lib/refresh-intervals';
import { createQueryClient } from './query-client';

export interface AppProviderProps {
  children: ReactNode;
  client?: QueryClient;
  intervals?: RefreshIntervals;
}

export function AppProvider({ children, client, intervals }: AppProviderProps) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <RefreshIntervalsProvider value={intervals ?? DEFAULT_REFRESH_INTERVALS}>
        {children}
      </RefreshIntervalsProvider>
    </QueryClientProvider>
  );
}
