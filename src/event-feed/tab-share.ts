import type { LivePush } from '../attendee-api/read-live-stream';

/** What the tabs sharing one credential's stream say to each other over a BroadcastChannel. */
export type TabMessage =
  /** A follower's bots, all of them (none when it goes away). */
  | { kind: 'want'; tab: string; bots: readonly string[] }
  /** A tab took the lead: the others say again what they watch. */
  | { kind: 'lead' }
  | { kind: 'open'; open: boolean }
  | { kind: 'push'; push: LivePush };

/** One tab's side of the sharing: whether it leads, and (leading) what the others want. */
export interface TabShare {
  leader: boolean;
  /** Whether the leader's stream is open now. */
  open: boolean;
  wants: Map<string, readonly string[]>;
}

/** What a tab does about a message from another: nothing, or one of these. */
export type TabReaction =
  /** Leading: the union of bots changed, so the stream reopens with it. */
  | { kind: 'restream' }
  /** Leading: nothing changed for the stream; the newcomer learns whether it is open. */
  | { kind: 'post'; message: TabMessage }
  | { kind: 'tell'; open: boolean }
  | { kind: 'deliver'; push: LivePush }
  /** Following a new leader: no stream is open yet, and it must hear what this tab watches. */
  | { kind: 'announce' }
  | null;

/** The bots the leader's stream carries: its own and every follower's, in a stable order. */
export function streamBots(
  own: Iterable<string>,
  wants: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [...new Set([...own, ...[...wants.values()].flat()])].sort();
}

export function reactToTab(
  share: TabShare,
  message: TabMessage,
  own: Iterable<string>,
): TabReaction {
  if (share.leader) {
    if (message.kind !== 'want') return null;
    const before = streamBots(own, share.wants).join();
    if (message.bots.length > 0) share.wants.set(message.tab, message.bots);
    else share.wants.delete(message.tab);
    return streamBots(own, share.wants).join() === before
      ? { kind: 'post', message: { kind: 'open', open: share.open } }
      : { kind: 'restream' };
  }
  if (message.kind === 'open') return { kind: 'tell', open: message.open };
  if (message.kind === 'push') return { kind: 'deliver', push: message.push };
  return message.kind === 'lead' ? { kind: 'announce' } : null;
}
