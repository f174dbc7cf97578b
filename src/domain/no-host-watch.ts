/**
 * The "no host" warning's clock: since when people have been present with no host among them.
 *
 * Counted from when this page saw it happen, not from the events: host flags have no history (the
 * API changes a participant's host flag in place, docs/attendee-api.md "Fields"), so the page
 * cannot tell who was host before it was watching, nor when the last host left. Times are the
 * browser's, passed in, so the rule is tested without waiting.
 */
export interface HostSituation {
  peoplePresent: boolean;
  hostPresent: boolean;
}

export const DEFAULT_NO_HOST_WARNING_MS = 2 * 60_000;
export const SHORTEST_NO_HOST_WARNING_MS = 30_000;

/** The moment the hostless stretch began, kept while it lasts; null when a host is present. */
export function noHostSince(
  since: number | null,
  situation: HostSituation,
  nowMs: number,
): number | null {
  const hostless = situation.peoplePresent && !situation.hostPresent;
  if (!hostless) return null;
  return since ?? nowMs;
}

export function isNoHostWarningDue(since: number | null, nowMs: number, afterMs: number): boolean {
  return since !== null && nowMs - since >= Math.max(afterMs, SHORTEST_NO_HOST_WARNING_MS);
}
