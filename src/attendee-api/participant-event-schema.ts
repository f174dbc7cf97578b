import * as v from 'valibot';
import type { ParticipantEvent, RejectedEvent } from '../common/participant-event';
import { ApiError } from './api-error';

// Extra fields are dropped; event_data of any shape other than an object becomes {} since
// nothing we show depends on it. Everything the roster and timeline need is checked.
const participantEventSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  participant_name: v.nullish(v.string(), null),
  participant_uuid: v.pipe(v.string(), v.minLength(1)),
  participant_user_uuid: v.nullish(v.string(), null),
  participant_is_host: v.nullish(v.boolean(), false),
  event_type: v.pipe(v.string(), v.minLength(1)),
  event_data: v.fallback(v.record(v.string(), v.unknown()), {}),
  timestamp_ms: v.pipe(v.number(), v.finite()),
});

const pageSchema = v.object({
  next: v.nullable(v.string()),
  results: v.array(v.unknown()),
});

export interface ParsedEventsPage {
  events: ParticipantEvent[];
  rejected: RejectedEvent[];
  next: string | null;
}

/**
 * A page whose shape is wrong is an error; a single bad event in a good page is set aside with
 * its reason, so one broken row never hides the rest of the meeting.
 */
export function parseEventsPage(body: unknown): ParsedEventsPage {
  const page = v.safeParse(pageSchema, body);
  if (!page.success) {
    throw new ApiError('malformed', `Unexpected events page: ${describeIssues(page.issues)}.`);
  }
  return { ...parseEventRows(page.output.results), next: page.output.next };
}

/** Rows from a page or a push, each validated alike: the bad ones set aside with a reason. */
export function parseEventRows(rows: readonly unknown[]): Omit<ParsedEventsPage, 'next'> {
  const events: ParticipantEvent[] = [];
  const rejected: RejectedEvent[] = [];
  for (const row of rows) {
    const parsed = v.safeParse(participantEventSchema, row);
    if (parsed.success) {
      events.push(parsed.output);
    } else {
      rejected.push({ id: readId(row), reason: describeIssues(parsed.issues) });
    }
  }
  return { events, rejected };
}

function readId(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return null;
  const id = (row as Record<string, unknown>).id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
