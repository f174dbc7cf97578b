import { useQuery } from '@tanstack/react-query';
import { isTransientError } from '../../attendee-api/api-error';
import { openShareLink } from './api/share-api';

/**
 * What the link in the address opens, asked of our server once. The query key leaves the token
 * out: like a key, it is a credential, and keys show in devtools.
 */
export function useSharedLink(token: string) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- one link per page load, read once at start
  return useQuery({
    queryKey: ['share', 'opened-link'],
    queryFn: ({ signal }) => openShareLink(token, signal),
    // Not forever, unlike the defaults: the page has nothing to show until the link opens, so
    // after a few tries it says why rather than waiting on.
    retry: (failures, error) => failures < 3 && isTransientError(error),
    staleTime: Infinity,
  });
}
