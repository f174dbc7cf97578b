import { ApiError } from './api-error';

/**
 * The `next` link is an absolute URL built from the host the upstream saw, which behind our proxy
 * is not our origin (docs/attendee-api.md, "Pagination"). We never follow it: we take its
 * `cursor` parameter and ask our own origin for it.
 */
export function readCursor(nextUrl: string | null): string | null {
  if (nextUrl === null) return null;
  let url: URL;
  try {
    url = new URL(nextUrl, 'http://relative.invalid');
  } catch {
    throw new ApiError('malformed', 'The next-page link is not a URL.');
  }
  const cursor = url.searchParams.get('cursor');
  if (cursor === null || cursor === '') {
    throw new ApiError('malformed', 'The next-page link has no cursor.');
  }
  return cursor;
}
