/** A JSON response as Attendee sends it: every one carries a Date header from the server clock. */
export function jsonResponse(
  status: number,
  body: unknown,
  nowMs: number,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json',
      Date: new Date(nowMs).toUTCString(),
      ...headers,
    },
  });
}

export const AUTH_FAILURES = {
  missing: 'Missing Authorization header',
  malformed: 'Invalid Authorization header. Should have this format: Token <api_key>',
  unknownKey: 'Invalid or disabled API key',
} as const;

/** The key from `Authorization: Token <key>`, or which of the documented failures it is. */
export function readApiKey(
  header: string | null,
): { key: string } | { failure: keyof typeof AUTH_FAILURES } {
  if (header === null || header === '') return { failure: 'missing' };
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'token') return { failure: 'malformed' };
  return { key: parts[1] as string };
}

export function authFailureResponse(failure: keyof typeof AUTH_FAILURES, nowMs: number): Response {
  return jsonResponse(401, { detail: AUTH_FAILURES[failure] }, nowMs, {
    'WWW-Authenticate': 'Token',
  });
}
