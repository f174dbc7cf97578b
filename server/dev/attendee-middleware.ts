import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeAttendeeTarget } from '../proxy/allowed-paths.ts';
import { clientGoneSignal, sendWebResponse, toWebRequest } from '../node-http.ts';

type Handler = (request: Request) => Promise<Response>;

export interface AttendeeMiddlewareOptions {
  /** Answers `/api/...`: the proxy to the real Attendee. */
  upstream: Handler;
  /** Answers `/demo/api/...` with the prefix removed: the proxy to the simulator. */
  demo: Handler;
  log: (line: string) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Connect middleware for Vite's dev server; `npm start` serves the same handlers with Fastify. */
export function createAttendeeMiddleware(options: AttendeeMiddlewareOptions) {
  async function serve(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const route = routeAttendeeTarget(req.url ?? '/');
    if (route.kind === 'not-ours') {
      next();
      return;
    }
    if (route.kind === 'refused') {
      options.log(`${req.method ?? '?'} ${route.path.slice(0, 200)} 404 (rejected locally)`);
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    if (/^Share\s/i.test(req.headers.authorization ?? '')) {
      // Share links are opened by the production server alone (server/http/share-routes.ts):
      // never pass a token on to Attendee.
      sendJson(res, 501, { error: 'Shared links need `npm start`' });
      return;
    }
    let request: Request;
    try {
      request = toWebRequest(req, route.apiTarget, clientGoneSignal(res));
    } catch {
      // Methods a Web Request cannot carry (CONNECT, TRACE) are not GET either.
      res.setHeader('Allow', 'GET');
      sendJson(res, 405, { error: 'Method not allowed' });
      return;
    }
    await sendWebResponse(res, await options[route.api](request));
  }

  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    serve(req, res, next).catch((error: unknown) => next(error));
  };
}
