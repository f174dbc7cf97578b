export type LogFormat = 'text' | 'json';

export interface RequestLine {
  method: string;
  /** Without the query string, which could hold a key someone pasted into a URL. */
  path: string;
  status: number;
  ms: number;
}

export interface ServerLog {
  request(line: RequestLine): void;
  info(message: string): void;
  error(message: string): void;
}

/**
 * The server's own log: one line per request and a few about starting and stopping, as text or,
 * with LOG_FORMAT=json, as one JSON object a line for a log collector. It is handed only what
 * is safe to keep: never a header, a key or a query string.
 */
export function createServerLog(
  format: LogFormat,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): ServerLog {
  const emit = (level: 'info' | 'error', message: string, fields: object = {}) => {
    if (format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
    } else {
      write(level === 'error' ? `error: ${message}` : message);
    }
  };
  return {
    request(line) {
      if (format === 'json') emit('info', 'request', line);
      else write(`${line.method} ${line.path} ${line.status} ${line.ms}ms`);
    },
    info: (message) => emit('info', message),
    error: (message) => emit('error', message),
  };
}
