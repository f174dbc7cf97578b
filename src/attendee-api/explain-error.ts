import { ApiError } from './api-error';

// A module of its own: the first screen needs ApiError (the query client's retry policy) but none
// of these words, which load with the screens that show them.
export interface ErrorExplanation {
  title: string;
  detail: string | null;
}

export function explainError(error: unknown): ErrorExplanation {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: error instanceof Error ? error.message : null };
  }
  switch (error.kind) {
    case 'unauthorized':
      return { title: 'API key rejected', detail: error.serverMessage };
    case 'bot-not-found':
      return { title: 'Bot not found for this API key', detail: error.serverMessage };
    case 'bad-request':
      return { title: error.serverMessage ?? 'The server refused the request', detail: null };
    case 'rate-limited':
      return { title: 'Reconnecting…', detail: error.message };
    case 'server':
    case 'network':
    case 'timeout':
      return { title: 'Reconnecting…', detail: error.message };
    case 'malformed':
      return { title: 'The server sent a response we could not read', detail: error.message };
    case 'share-expired':
      return {
        title: 'This shared link has expired',
        detail: 'Ask whoever shared it for a new link.',
      };
    case 'share-invalid':
      return {
        title: 'This shared link is not valid',
        detail: 'It was changed or cut short on the way: copy the whole link again.',
      };
    case 'share-revoked':
      return {
        title: 'The key behind this link was revoked',
        detail: 'Attendee no longer accepts it: ask whoever shared it for a new link.',
      };
    case 'share-out-of-scope':
      return { title: 'This shared link does not open that', detail: null };
  }
}
