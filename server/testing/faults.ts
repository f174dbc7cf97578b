import { DroppedConnection } from '../simulator/dropped-connection.ts';
import { waitUnlessAborted } from './request-log.ts';

/**
 * What can go wrong between the page and Attendee, on demand: tests switch a fault on, the
 * simulator answers the next matching requests with it instead of (or later than) the real answer.
 */
export type Fault =
  /** An error answer: 5xx bursts, 429 with `Retry-After`, an HTML page from a proxy in between. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** A 200 JSON response whose body stops half-way, as a buggy proxy or a cut connection leaves it. */
  | { kind: 'malformed-json' }
  /** The real answer, `delayMs` late; abandoned when the client goes away first. */
  | { kind: 'slow'; delayMs: number }
  /** No HTTP answer at all: the connection is dropped (the upstream is down or restarting). */
  | { kind: 'drop' };

/** Which resource a fault applies to; `any` by default. */
export type FaultTarget = 'participant_events' | 'participants' | 'bot' | 'any';

interface FaultRule {
  fault: Fault;
  target: FaultTarget;
  remaining: number;
}

export function faultTargetOf(path: string): Exclude<FaultTarget, 'any'> {
  if (path.endsWith('/participant_events')) return 'participant_events';
  if (path.endsWith('/participants')) return 'participants';
  return 'bot';
}

export class FaultSwitch {
  private readonly rules: FaultRule[] = [];

  /** The next `count` requests for `target` get `fault`; rules apply in the order they were added. */
  failNext(count: number, fault: Fault, target: FaultTarget = 'any'): void {
    this.rules.push({ fault, target, remaining: count });
  }

  /** Every request for `target` gets `fault` until `clear()`: the upstream is down, or slow. */
  always(fault: Fault, target: FaultTarget = 'any'): void {
    this.failNext(Number.POSITIVE_INFINITY, fault, target);
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Faults still waiting to happen (an always-rule counts as one). */
  get pending(): number {
    return this.rules.length;
  }

  /** The fault for this request, if any, used up by taking it. */
  take(path: string): Fault | null {
    const target = faultTargetOf(path);
    const index = this.rules.findIndex((rule) => rule.target === 'any' || rule.target === target);
    const rule = this.rules[index];
    if (rule === undefined) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}

/**
 * The answer to a request that met `fault`: `answer` gives the real one (when the fault lets it
 * through); `nowMs` dates a response the fault makes up.
 */
export async function answerWithFault(
  fault: Fault,
  request: Request,
  answer: () => Response,
  nowMs: number,
): Promise<Response> {
  switch (fault.kind) {
    case 'status':
      return new Response(fault.body ?? defaultFaultBody(fault.status), {
        status: fault.status,
        headers: {
          'Content-Type': fault.body?.startsWith('{') ? 'application/json' : 'text/html',
          Date: new Date(nowMs).toUTCString(),
          ...fault.headers,
        },
      });
    case 'drop':
      // What undici's fetch gives for a reset connection; the HTTP server drops the socket.
      throw new TypeError('fetch failed', { cause: new DroppedConnection() });
    case 'slow':
      await waitUnlessAborted(fault.delayMs, request.signal);
      return answer();
    case 'malformed-json': {
      const response = answer();
      const text = await response.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), {
        status: response.status,
        headers: response.headers,
      });
    }
  }
}

/** The body a `status` fault sends when none is given: what a proxy in front of Django would. */
function defaultFaultBody(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status}</h1><hr><center>nginx</center></body></html>`;
}
