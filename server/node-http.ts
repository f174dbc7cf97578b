import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A bodiless Web Request for a Node request (we only serve GETs). Only the request target's path
 * and query matter downstream; the origin is a placeholder when the Host header is unusable.
 */
export function toWebRequest(req: IncomingMessage, target: string = req.url ?? '/'): Request {
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
  return new Request(url, { method: req.method ?? 'GET', headers });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}
