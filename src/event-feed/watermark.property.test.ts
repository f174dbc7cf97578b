import fc from 'fast-check';
import { DEFAULT_OVERLAP_MS, nextWatermark, WATERMARK_GRID_MS } from './watermark';

/*
 * The watermark is rounded down to a grid so that viewers ask identical questions and our server
 * can answer them once. Rounding may only move `after` earlier (more overlap, which the merge by
 * id absorbs), never later (which would skip events). event-delivery.property.test.ts runs the
 * live tail, grid and all, through every way the API delivers events;
 * server/proxy/shared-answers.property.test.ts runs several viewers sharing answers.
 */

const START = Date.UTC(2026, 10, 24, 9, 0, 0);

describe('the watermark on its grid', () => {
  it('is never later than the server’s clock minus the overlap, and never more than a grid earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: START, max: START + 86_400_000 }),
        fc.option(fc.integer({ min: START - 60_000, max: START + 86_400_000 })),
        (serverDateMs, previousMs) => {
          const next = nextWatermark({
            previousMs,
            serverDateMs,
            requestSentAtMs: 0,
            clockOffsetMs: 0,
          });
          const unrounded = serverDateMs - DEFAULT_OVERLAP_MS;
          if (previousMs === null || previousMs <= unrounded - WATERMARK_GRID_MS) {
            expect(next % WATERMARK_GRID_MS).toBe(0);
            expect(next).toBeLessThanOrEqual(unrounded);
            expect(next).toBeGreaterThan(unrounded - WATERMARK_GRID_MS);
          }
          expect(next).toBeGreaterThanOrEqual(previousMs ?? -Infinity);
        },
      ),
    );
  });

  it('gives viewers whose server clocks read within the same grid step the same watermark', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: WATERMARK_GRID_MS - 1 }),
        (step, offset) => {
          const base = START + step * WATERMARK_GRID_MS + DEFAULT_OVERLAP_MS;
          const at = (serverDateMs: number) =>
            nextWatermark({ previousMs: null, serverDateMs, requestSentAtMs: 0, clockOffsetMs: 0 });
          expect(at(base + offset)).toBe(at(base));
        },
      ),
    );
  });
});
