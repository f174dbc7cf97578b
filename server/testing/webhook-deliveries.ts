import { randomUUID } from 'node:crypto';
import type { ParticipantEvent } from '../../src/common/participant-event.ts';
import { parseCanonicalJson } from '../push/canonical-json.ts';
import { signWebhook } from '../push/webhook-signature.ts';

/** A webhook secret for tests, as Attendee shows one: 32 bytes. */
export const TEST_WEBHOOK_SECRET = Buffer.alloc(32, 5);

export interface WebhookDelivery {
  body: string;
  headers: Record<string, string>;
  idempotencyKey: string;
}

/** An envelope as Attendee posts it (docs/attendee-api.md, "Webhooks"), signed with `secret`. */
export function signedDelivery(
  botId: string,
  trigger: string,
  data: ParticipantEvent | Record<string, unknown>,
  secret: Buffer = TEST_WEBHOOK_SECRET,
  idempotencyKey: string = randomUUID(),
): WebhookDelivery {
  const body = JSON.stringify({
    idempotency_key: idempotencyKey,
    bot_id: botId,
    bot_metadata: null,
    trigger,
    data,
  });
  const signature = signWebhook(parseCanonicalJson(body).canonical, secret);
  return {
    body,
    idempotencyKey,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': signature },
  };
}

export function joinDelivery(botId: string, event: ParticipantEvent, secret?: Buffer) {
  return signedDelivery(botId, 'participant_events.join_leave', event, secret);
}

export function stateDelivery(botId: string, oldState: string, newState: string) {
  return signedDelivery(botId, 'bot.state_change', {
    event_type: 'state_change',
    event_sub_type: null,
    event_metadata: {},
    old_state: oldState,
    new_state: newState,
    created_at: new Date().toISOString(),
  });
}

let pushedOnlyEvents = 0;

/** An event only a webhook carries: no simulator has it, so no poll can bring it. */
export function pushedOnlyEvent(name: string, eventType = 'join'): ParticipantEvent {
  pushedOnlyEvents++;
  return {
    id: `pe_pushed${String(pushedOnlyEvents).padStart(10, '0')}`,
    participant_name: name,
    participant_uuid: `pushed-${name}`,
    participant_user_uuid: null,
    participant_is_host: false,
    event_type: eventType,
    event_data: {},
    timestamp_ms: Date.now(),
  };
}

/** Posts a delivery to a running app's receiver, as Attendee would; resolves with the status. */
export async function deliverWebhook(
  appUrl: string,
  delivery: Pick<WebhookDelivery, 'body' | 'headers'>,
): Promise<number> {
  const response = await fetch(`${appUrl}/webhooks/attendee`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  await response.arrayBuffer();
  return response.status;
}
