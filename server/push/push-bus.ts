import type { PushMessage } from './push-message.ts';

export type PushListener = (message: PushMessage) => void;

/**
 * Where verified webhooks go and where open streams listen. In memory for one instance
 * (memory-push-bus.ts); through Redis when several instances share the pages (redis-push-bus.ts).
 */
export interface PushBus {
  /**
   * True the first time an `idempotency_key` is claimed: Attendee sends the same key on each of
   * its retries, which may reach another instance behind the same load balancer.
   */
  claim(idempotencyKey: string): Promise<boolean>;
  /** Gives a claimed key back when its push failed, so that Attendee's retry is pushed. */
  release(idempotencyKey: string): Promise<void>;
  publish(message: PushMessage): Promise<void>;
  /** The listener hears every message for `botId` published on any instance, from now on. */
  subscribe(botId: string, listener: PushListener): () => void;
  close(): Promise<void>;
}

/** How long a delivery's key is remembered: Attendee's 3 attempts end within a minute. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The listeners of this instance, by bot: what each bus delivers to once a message arrives. */
export class LocalFanout {
  private readonly listeners = new Map<string, Set<PushListener>>();

  subscribe(botId: string, listener: PushListener): () => void {
    let set = this.listeners.get(botId);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(botId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(botId);
    };
  }

  deliver(message: PushMessage) {
    for (const listener of this.listeners.get(message.botId) ?? []) listener(message);
  }
}
