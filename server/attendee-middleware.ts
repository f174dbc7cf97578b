import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_PATH_PREFIX } from '../src/shared/demo-meeting.ts';
import { isAllowedAttendeePath, originFormPath } from './proxy/allowed-paths.ts';
import { clientGoneSignal, sendWebResponse, toWebRequest } from './node-http.ts';

type Handler = (request: Request) => Promise<Response>;

export interface AttendeeMiddlewareOptions {
  /** Answers `/api/...`: the proxy to the real Attendee. */
  upstream: Handler;
  /** Answers `/demo/api/...` with the prefix removed: the proxy to the simulator. */
  demo: Handler;
  log: (line: string) => void;
}

function sendNotFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ error: 'Not found' }));
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Connect middleware for Vite's dev and preview servers. The raw request target is checked
 * here, before it becomes a URL: URL parsing resolves `..` and `%2e%2e`, so only the raw
 * target shows whether someone tried a path trick.
 */
export function createAttendeeMiddleware(options: AttendeeMiddlewareOptions) {
  async function serve(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const target = req.url ?? '/';
    const path = originFormPath(target);
    if (path === null) {
      // An absolute-form target (`GET http://elsewhere/...`): never ours to forward.
      if (target.includes('/api')) sendNotFound(res);
      else next();
      return;
    }
    const demoPrefix = `${DEMO_PATH_PREFIX}/`;
    const isDemo = path.startsWith(demoPrefix) && isApiPath(path.slice(DEMO_PATH_PREFIX.length));
    if (!isDemo && !isApiPath(path)) {
      next();
      return;
    }
    const apiTarget = isDemo ? target.slice(DEMO_PATH_PREFIX.length) : target;
    const apiPath = isDemo ? path.slice(DEMO_PATH_PREFIX.length) : path;
    const apiQuery = new URLSearchParams(apiTarget.slice(apiPath.length));
    if (!isAllowedAttendeePath(apiPath, apiQuery)) {
      options.log(`${req.method ?? '?'} ${path.slice(0, 200)} 404 (rejected locally)`);
      sendNotFound(res);
      return;
    }
    let request: Request;
    try {
      request = toWebRequest(req, apiTarget, clientGoneSignal(res));
    } catch {
      // Methods a Web Request cannot carry (CONNECT, TRACE) are not GET either.
      res.statusCode = 405;
      res.setHeader('Allow', 'GET');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: 'Method not allowed' }));
      return;
    }
    const handler = isDemo ? options.demo : options.upstream;
    await sendWebResponse(res, await handler(request));
  }

  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    serve(req, res, next).catch((error: unknown) => next(error));
  };
}
