import { authFailureResponse, readApiKey } from '../simulator/api-responses.ts';
import { SimulatedAttendee, type SimulatorOptions } from '../simulator/simulated-attendee.ts';
import { answerWithFault, FaultSwitch } from './faults.ts';
import { recordRequest, type LoggedRequest } from './request-log.ts';

export { peakConcurrency, type LoggedRequest } from './request-log.ts';

/**
 * What a list page costs a real server beyond the network: a fixed part (authentication, one
 * indexed query, the framework) and a part per row (DRF serialises row by row). It is a wait, not
 * work on this machine: the real server runs elsewhere, with workers answering in parallel.
 * Cursor pagination seeks by an index on created_at, so the cost does not grow with the position.
 */
export interface PageCost {
  fixedMs: number;
  perRowMs: number;
}

export interface InstrumentedOptions extends SimulatorOptions {
  /** Delay added to every response; default 0. */
  latencyMs?: number;
  /** A server's own work for a list page, added to `latencyMs`; default none. */
  pageCost?: PageCost;
}

/**
 * The simulated Attendee with what tests and benchmarks need and a long-running server must not
 * keep: a log of every request (kept until `clearRequests()`), a fault switch, and delays.
 */
export class InstrumentedAttendee extends SimulatedAttendee {
  readonly requests: LoggedRequest[] = [];
  /** Switch faults on here; see faults.ts. */
  readonly faults = new FaultSwitch();
  private readonly latencyMs: number;
  private readonly pageCost: PageCost | null;
  private readonly revokedKeys = new Set<string>();

  constructor(options: InstrumentedOptions = {}) {
    super(options);
    this.latencyMs = options.latencyMs ?? 0;
    this.pageCost = options.pageCost ?? null;
  }

  override handle(request: Request): Promise<Response> {
    const fault = this.faults.take(new URL(request.url).pathname);
    return recordRequest(this.requests, request, fault, async () => {
      const auth = readApiKey(request.headers.get('Authorization'));
      if (!('failure' in auth) && this.revokedKeys.has(auth.key)) {
        return authFailureResponse('unknownKey', this.clock.now());
      }
      if (fault) {
        return answerWithFault(fault, request, () => this.route(request), this.clock.now());
      }
      let rowsServed: number | null = null;
      const response = this.route(request, (rows) => (rowsServed = rows));
      const costMs =
        this.pageCost && rowsServed !== null
          ? this.pageCost.fixedMs + this.pageCost.perRowMs * rowsServed
          : 0;
      const delayMs = this.latencyMs + costMs;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return response;
    });
  }

  /** The key stops working, as when its owner deletes it in Attendee: every request is a 401. */
  revokeKey(apiKey: string): void {
    this.revokedKeys.add(apiKey);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }
}
