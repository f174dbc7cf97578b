import { afterEach, vi } from 'vitest';
import { ApiError } from './api-error';
import { explainError } from './explain-error';
import { requestAttendee } from './request-attendee';

const session = { credential: { kind: 'key', apiKey: 'secret-key-123' } } as const;

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } }),
    ),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('requestAttendee', () => {
  it('sends the key as a Token header and reads the server clock from Date', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response('{"ok":true}', { headers: { Date: 'Tue, 24 Nov 2026 12:00:05 GMT' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const response = await requestAttendee(session, '/api/v1/bots/bot_x');
    expect(response.body).toEqual({ ok: true });
    expect(response.serverDateMs).toBe(Date.UTC(2026, 10, 24, 12, 0, 5));
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(new Headers(init.headers).get('Authorization')).toBe('Token secret-key-123');
  });

  it('explains a rejected key with the server’s reason', async () => {
    answer(401, '{"detail":"Invalid or disabled API key"}', { 'WWW-Authenticate': 'Token' });
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('unauthorized');
    expect(explainError(error)).toEqual({
      title: 'API key rejected',
      detail: 'Invalid or disabled API key',
    });
  });

  it('explains an unknown bot', async () => {
    answer(404, '{"error":"Bot not found"}');
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(explainError(error).title).toBe('Bot not found for this API key');
  });

  it('shows the server’s message for a bad request', async () => {
    answer(
      400,
      '{"error":"Invalid after format. Use ISO 8601 format (e.g., 2024-01-18T12:34:56Z)"}',
    );
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(explainError(error).title).toBe(
      'Invalid after format. Use ISO 8601 format (e.g., 2024-01-18T12:34:56Z)',
    );
  });

  it('waits as long as Retry-After says on 429', async () => {
    answer(429, '{"detail":"Request was throttled."}', { 'Retry-After': '7' });
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(7000);
    expect(explainError(error).title).toBe('Reconnecting…');
  });

  it('reports a server error as reconnecting with its cause', async () => {
    answer(503, '<html><body>Service Unavailable</body></html>');
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('server');
    expect(explainError(error).title).toBe('Reconnecting…');
    expect(explainError(error).detail).toContain('503');
  });

  it('reports a network failure as reconnecting', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('network');
    expect(explainError(error).title).toBe('Reconnecting…');
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      ),
    );
    const pending = failureOf(requestAttendee(session, '/x'));
    await vi.advanceTimersByTimeAsync(16_000);
    expect((await pending).kind).toBe('timeout');
  });

  it('calls an HTML page in a 200 response malformed, not a crash', async () => {
    answer(200, '<!doctype html><p>Proxy login</p>');
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('malformed');
    expect(explainError(error).title).toBe('The server sent a response we could not read');
  });

  it('retries a JSON body cut short, as it would a dropped connection', async () => {
    answer(200, '{"next":null,"previous":null,"resu');
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('network');
    expect(explainError(error)).toEqual({
      title: 'Reconnecting…',
      detail: 'The response arrived garbled (not valid JSON).',
    });
  });

  it('retries a body that breaks off while it is being read', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"next":'));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(broken, { headers: { 'Content-Type': 'application/json' } })),
    );
    const error = await failureOf(requestAttendee(session, '/x'));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('The response was cut off.');
  });

  it('never puts the key in an error message', async () => {
    for (const status of [400, 401, 404, 429, 500]) {
      answer(status, '{}');
      const error = await failureOf(requestAttendee(session, '/x'));
      const { title, detail } = explainError(error);
      expect(`${error.message} ${title} ${detail}`).not.toContain('secret-key-123');
    }
  });
});
