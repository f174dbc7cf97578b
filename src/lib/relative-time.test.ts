import fc from 'fast-check';
import { formatDistanceStrict, formatISO } from 'date-fns';
import { isoWithOffset, timeAgo } from './relative-time';

// date-fns stays as the oracle these are held to (a dev dependency; the page no longer ships it).
describe('relative times', () => {
  it('says what date-fns says for any time in the past, from seconds to years', () => {
    const now = Date.UTC(2026, 10, 27, 12);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 365 * 86_400_000 }), (elapsedMs) => {
        expect(timeAgo(now - elapsedMs, now)).toBe(
          formatDistanceStrict(now - elapsedMs, now, { addSuffix: true }),
        );
      }),
      { numRuns: 2000 },
    );
    expect(timeAgo(now - 150_000, now)).toBe('3 minutes ago');
    expect(timeAgo(now - 3_600_000, now)).toBe('1 hour ago');
  });

  it('writes ISO 8601 with the offset exactly as date-fns formatISO does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (timestampMs) => {
        expect(isoWithOffset(timestampMs)).toBe(formatISO(timestampMs));
      }),
    );
  });
});
