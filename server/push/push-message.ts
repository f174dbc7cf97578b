import * as v from 'valibot';
import type { JsonValue } from './canonical-json.ts';

/** What reaches the pages watching a bot: one participant event, or the bot's new state. */
export type PushMessage =
  | { botId: string; kind: 'event'; event: { [key: string]: JsonValue } }
  | { botId: string; kind: 'state'; state: string; at: string | null };

const BOT_ID = v.pipe(v.string(), v.regex(/^bot_[A-Za-z0-9]{1,64}$/));
const RECORD = v.record(v.string(), v.unknown());

const ENVELOPE = v.object({
  idempotency_key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  bot_id: BOT_ID,
  trigger: v.string(),
  data: RECORD,
});
/** Participant triggers carry one event as the events endpoint returns it, with its `id`. */
const PARTICIPANT_DATA = v.looseObject({ id: v.pipe(v.string(), v.minLength(1)) });
const STATE_DATA = v.looseObject({
  new_state: v.string(),
  created_at: v.optional(v.nullable(v.string()), null),
});

export type WebhookReading =
  | { kind: 'push'; idempotencyKey: string; message: PushMessage }
  /** Signed and well formed, but nothing a page shows (another trigger): acknowledged only. */
  | { kind: 'ignore'; idempotencyKey: string }
  | { kind: 'malformed' };

/**
 * A verified envelope (docs/attendee-api.md, "Webhooks") as what pages are sent. The page
 * validates each event again at its own boundary, as it does a polled one.
 */
export function readWebhook(value: JsonValue): WebhookReading {
  const envelope = v.safeParse(ENVELOPE, value);
  if (!envelope.success) return { kind: 'malformed' };
  const { idempotency_key: idempotencyKey, bot_id: botId, trigger, data } = envelope.output;
  if (trigger.startsWith('participant_events.')) {
    const event = v.safeParse(PARTICIPANT_DATA, data);
    if (!event.success) return { kind: 'malformed' };
    return {
      kind: 'push',
      idempotencyKey,
      message: { botId, kind: 'event', event: data as { [key: string]: JsonValue } },
    };
  }
  if (trigger === 'bot.state_change') {
    const state = v.safeParse(STATE_DATA, data);
    if (!state.success) return { kind: 'malformed' };
    return {
      kind: 'push',
      idempotencyKey,
      message: { botId, kind: 'state', state: state.output.new_state, at: state.output.created_at },
    };
  }
  return { kind: 'ignore', idempotencyKey };
}
