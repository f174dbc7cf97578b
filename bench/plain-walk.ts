export interface PlainWindow {
  afterMs: number | null;
  beforeMs: number | null;
}

/**
 * The simplest client there is: one cursor chain, page after page, reading the cursor out of
 * `next` and parsing nothing else, so what it measures is the server, the proxy and the network.
 */
export async function walkPlainly(
  origin: string,
  eventsPath: string,
  apiKey: string,
  window: PlainWindow,
): Promise<{ events: number; requests: number }> {
  const query = new URLSearchParams();
  if (window.afterMs !== null) query.set('after', new Date(window.afterMs).toISOString());
  if (window.beforeMs !== null) query.set('before', new Date(window.beforeMs).toISOString());
  let events = 0;
  let requests = 0;
  for (;;) {
    const response = await fetch(`${origin}${eventsPath}?${query.toString()}`, {
      headers: { Authorization: `Token ${apiKey}`, Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${eventsPath}`);
    const page = (await response.json()) as { next: string | null; results: unknown[] };
    requests += 1;
    events += page.results.length;
    const cursor = page.next === null ? null : new URL(page.next).searchParams.get('cursor');
    if (cursor === null) return { events, requests };
    query.set('cursor', cursor);
  }
}
