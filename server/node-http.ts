import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Aborts when the client goes away before we answered (the page timed out and gave up, say), so
 * whatever we were waiting for on its behalf is abandoned rather than left to pile up.
 */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('The client closed the connection'));
  });
  return controller.signal;
}

/**
 * A bodiless Web Request for a Node request (we only serve GETs). Only the request target's path
 * and query matter downstream; the origin is a placeholder when the Host header is unusable.
 */
export function toWebRequest(
  req: IncomingMessage,
  target: string = req.url ?? '/',
  signal?: AbortSignal,
): Request {
  let url: URL;
  try {
    url = new URL(target, `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL(target, 'http://localhost');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(url, { method: req.method ?? 'GET', headers, signal });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}
