// @vitest-environment node
import fc from 'fast-check';
import { createOrderedDelivery } from './ordered-delivery';

describe('ordered delivery of windows', () => {
  it('passes the first window on at once and holds later ones until those before finish', () => {
    const delivered: string[] = [];
    const delivery = createOrderedDelivery<string>((item) => delivered.push(item));
    delivery.push(0, 'a1');
    delivery.push(2, 'c1');
    delivery.push(1, 'b1');
    expect(delivered).toEqual(['a1']);
    expect(delivery.held).toBe(2);
    delivery.finish(2);
    delivery.push(1, 'b2');
    expect(delivered).toEqual(['a1']);
    delivery.finish(0);
    expect(delivered).toEqual(['a1', 'b1', 'b2']);
    delivery.push(1, 'b3');
    delivery.finish(1);
    expect(delivered).toEqual(['a1', 'b1', 'b2', 'b3', 'c1']);
    expect(delivery.held).toBe(0);
  });

  it('gives window order whatever order the windows produce and finish in', () => {
    const windowSizes = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        windowSizes.chain((sizes) => {
          // One turn per item and one to finish; a window's turns are its items, then its end.
          const turns = sizes.flatMap((size, window) => Array<number>(size + 1).fill(window));
          return fc
            .shuffledSubarray(turns, { minLength: turns.length, maxLength: turns.length })
            .map((order) => ({ sizes, order }));
        }),
        ({ sizes, order }) => {
          const delivered: string[] = [];
          const delivery = createOrderedDelivery<string>((item) => delivered.push(item));
          const produced = sizes.map(() => 0);
          for (const window of order) {
            if (produced[window] === sizes[window]) delivery.finish(window);
            else delivery.push(window, `${window}.${produced[window]}`);
            produced[window]! += 1;
          }
          const expected = sizes.flatMap((size, window) =>
            Array.from({ length: size }, (_, item) => `${window}.${item}`),
          );
          expect(delivered).toEqual(expected);
          expect(delivery.held).toBe(0);
        },
      ),
    );
  });
});
