import { randomUUID } from 'node:crypto';
import { parseCanonicalJson } from '../push/canonical-json.ts';
import { signWebhook } from '../push/webhook-signature.ts';
import type { SimulatedAttendee, StoredChange } from './simulated-attendee.ts';

export interface WebhookSenderOptions {
  /** Where Attendee would POST: a server's `/webhooks/attendee`. */
  url: string;
  /** The secret's bytes, as the receiver decodes ATTENDEE_WEBHOOK_SECRET. */
  secret: Buffer;
  /** How often scripted meetings are brought up to now, so their events are sent as they happen. */
  tickMs?: number;
  /** Told of a delivery that failed (a refusal or an unreachable receiver); none is retried. */
  onFailure?: (reason: string) => void;
  /** How deliveries are sent; the global fetch unless the receiver is reached another way. */
  fetchImpl?: typeof fetch;
}

const TRIGGERS = { join: 'join_leave', leave: 'join_leave' } as const;

function envelopeOf(change: StoredChange): Record<string, unknown> {
  const common = { idempotency_key: randomUUID(), bot_id: change.botId, bot_metadata: null };
  if (change.kind === 'state') {
    return {
      ...common,
      trigger: 'bot.state_change',
      data: {
        event_type: 'state_change',
        event_sub_type: null,
        event_metadata: {},
        old_state: change.oldState,
        new_state: change.newState,
        created_at: new Date(change.atMs).toISOString(),
      },
    };
  }
  const kind = TRIGGERS[change.event.event_type as keyof typeof TRIGGERS] ?? 'speech_start_stop';
  return { ...common, trigger: `participant_events.${kind}`, data: change.event };
}

/**
 * The simulator as Attendee with a webhook configured (docs/attendee-api.md, "Webhooks"): each
 * event is posted, signed, once it commits, and each state change at once. `npm start` points
 * it at its own server, so the demo is pushed; `npm run simulator` at any receiver.
 */
export function sendWebhooks(simulator: SimulatedAttendee, options: WebhookSenderOptions) {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const post = (change: StoredChange) => {
    const body = JSON.stringify(envelopeOf(change));
    const signature = signWebhook(parseCanonicalJson(body).canonical, options.secret);
    (options.fetchImpl ?? fetch)(options.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': signature },
      body,
      signal: AbortSignal.timeout(10_000),
    }).then(
      async (response) => {
        await response.arrayBuffer();
        if (!response.ok) options.onFailure?.(`HTTP ${response.status}`);
      },
      (error: unknown) => options.onFailure?.(String(error)),
    );
  };
  // The meetings' history so far was stored before the webhook existed: Attendee would not send
  // it, and thousands of deliveries at start would only hold up the server.
  simulator.advanceAll();
  simulator.onStored = (change) => {
    const delayMs = change.kind === 'event' ? change.committedAtMs - Date.now() : 0;
    if (delayMs <= 0) return post(change);
    // A late commit is not visible, nor announced, before it commits.
    const timer = setTimeout(() => {
      timers.delete(timer);
      post(change);
    }, delayMs);
    timers.add(timer);
  };
  const tick = setInterval(() => simulator.advanceAll(), options.tickMs ?? 100);
  tick.unref();
  return () => {
    clearInterval(tick);
    for (const timer of timers) clearTimeout(timer);
    simulator.onStored = null;
  };
}
