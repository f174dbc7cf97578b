import fc from 'fast-check';
import { ApiError } from './api-error';
import { parseEventsPage } from './participant-event-schema';
import { goodEvent } from './event-fixture';

/*
 * Whatever rows a page holds (any JSON at all, or near-misses of a real event: fields missing,
 * null, of another type, extra ones), parsing never throws for a well-formed page, keeps every
 * row it can use with exactly the fields we rely on, and sets the rest aside with a reason.
 */

const FIELDS = Object.keys(goodEvent);

/** A real event with some fields removed, replaced by any JSON value, and some added. */
const nearMiss = fc
  .record({
    removed: fc.subarray(FIELDS),
    replaced: fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue()),
    added: fc.dictionary(fc.string(), fc.jsonValue()),
  })
  .map(({ removed, replaced, added }) => {
    const row: Record<string, unknown> = { ...added, ...goodEvent, ...replaced };
    for (const field of removed) delete row[field];
    return row;
  });

const row = fc.oneof(nearMiss, fc.jsonValue(), fc.constant(goodEvent));

function isUsable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const event = value as Record<string, unknown>;
  const nonEmpty = (field: unknown) => typeof field === 'string' && field.length > 0;
  const optional = (field: unknown, type: string) =>
    field === undefined || field === null || typeof field === type;
  return (
    nonEmpty(event.id) &&
    nonEmpty(event.participant_uuid) &&
    nonEmpty(event.event_type) &&
    typeof event.timestamp_ms === 'number' &&
    Number.isFinite(event.timestamp_ms) &&
    optional(event.participant_name, 'string') &&
    optional(event.participant_user_uuid, 'string') &&
    optional(event.participant_is_host, 'boolean')
  );
}

describe('reading a page of any rows', () => {
  it('keeps exactly the usable rows, with only our fields, and gives a reason for the rest', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (results) => {
        const page = parseEventsPage({ next: null, previous: null, results });
        const usable = results.filter(isUsable);
        expect(page.events).toHaveLength(usable.length);
        expect(page.rejected).toHaveLength(results.length - usable.length);
        for (const event of page.events) {
          expect(Object.keys(event).sort()).toEqual([...FIELDS].sort());
          expect(typeof event.event_data).toBe('object');
          expect(event.event_data).not.toBeNull();
        }
        for (const rejected of page.rejected) {
          expect(rejected.reason.length).toBeGreaterThan(0);
          expect(rejected.id === null || rejected.id.length <= 64).toBe(true);
        }
      }),
    );
  });

  it('refuses anything that is not a page as a whole, with a typed error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const isPage =
          typeof body === 'object' &&
          body !== null &&
          !Array.isArray(body) &&
          Array.isArray((body as Record<string, unknown>).results) &&
          ((body as Record<string, unknown>).next === null ||
            typeof (body as Record<string, unknown>).next === 'string');
        if (isPage) expect(() => parseEventsPage(body)).not.toThrow();
        else expect(() => parseEventsPage(body)).toThrow(ApiError);
      }),
    );
  });
});
