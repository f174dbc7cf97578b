import type { ProxyLogEntry } from '../proxy/attendee-proxy.ts';

export type LogFormat = 'text' | 'json';

export interface RequestLine {
  method: string;
  /** Without the query string, which could hold a key someone pasted into a URL. */
  path: string;
  status: number;
  ms: number;
  /** The request's id (request-id.ts), also in its X-Request-Id header. */
  reqId: string | null;
}

export interface ServerLog {
  request(line: RequestLine): void;
  /** A request that went on to Attendee (or the demo's simulator): not answered from a shared one. */
  upstream(line: RequestLine): void;
  info(message: string): void;
  /** `reqId`: the request it happened in, if any. */
  error(message: string, reqId?: string): void;
}

function idSuffix(reqId: string | null): string {
  return reqId === null ? '' : ` reqId=${reqId}`;
}

let stdoutClosed = false;

/**
 * A line on stdout. A reader that goes away (`| head`, a log collector restarting) closes the
 * pipe, and the next write fails with EPIPE: unhandled, that ended the server. It goes on serving
 * without its log instead.
 */
function writeToStdout(line: string): void {
  if (stdoutClosed) return;
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', () => {
      stdoutClosed = true;
    });
  }
  process.stdout.write(`${line}\n`);
}

/**
 * The server's own log: one line per request and a few about starting and stopping, as text or,
 * with LOG_FORMAT=json, as one JSON object a line for a log collector. It is handed only what
 * is safe to keep: never a header, a key or a query string.
 */
export function createServerLog(
  format: LogFormat,
  write: (line: string) => void = writeToStdout,
): ServerLog {
  const emit = (level: 'info' | 'error', message: string, fields: object = {}) => {
    if (format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
    } else {
      write(level === 'error' ? `error: ${message}` : message);
    }
  };
  const describe = (line: RequestLine) =>
    `${line.method} ${line.path} ${line.status} ${line.ms}ms${idSuffix(line.reqId)}`;
  return {
    request(line) {
      if (format === 'json') emit('info', 'request', line);
      else write(describe(line));
    },
    upstream(line) {
      if (format === 'json') emit('info', 'upstream', line);
      else write(`  upstream ${describe(line)}`);
    },
    info: (message) => emit('info', message),
    error: (message, reqId) =>
      format === 'json'
        ? emit('error', message, reqId === undefined ? {} : { reqId })
        : emit('error', `${message}${idSuffix(reqId ?? null)}`),
  };
}

/**
 * For createAttendeeApi's `log`: a line for each request that reached the upstream (or the demo's
 * simulator), so the log shows how many viewers' requests cost Attendee one, and how fast it was.
 */
export function logUpstreamRequests(log: ServerLog) {
  return (entry: ProxyLogEntry, api: 'upstream' | 'demo') => {
    if (!entry.forwarded) return;
    const { method, path, status, ms, requestId } = entry;
    log.upstream({
      method,
      path: api === 'demo' ? `/demo${path}` : path,
      status,
      ms,
      reqId: requestId,
    });
  };
}
