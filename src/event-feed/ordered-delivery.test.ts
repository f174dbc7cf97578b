// @vitest-environment node
import fc from 'fast-check';
import { createOrderedDelivery, type DeliverySlot } from './ordered-delivery';

describe('ordered delivery of windows', () => {
  it('passes the first window on at once and holds later ones until those before finish', () => {
    const delivered: string[] = [];
    const delivery = createOrderedDelivery<string>((item) => delivered.push(item));
    const [a, b, c] = [delivery.open(), delivery.open(), delivery.open()];
    delivery.push(a, 'a1');
    delivery.push(c, 'c1');
    delivery.push(b, 'b1');
    expect(delivered).toEqual(['a1']);
    delivery.finish(c);
    delivery.push(b, 'b2');
    expect(delivered).toEqual(['a1']);
    delivery.finish(a);
    expect(delivered).toEqual(['a1', 'b1', 'b2']);
    delivery.push(b, 'b3');
    delivery.finish(b);
    expect(delivered).toEqual(['a1', 'b1', 'b2', 'b3', 'c1']);
    expect(() => delivery.push(b, 'b4')).toThrow();
  });

  it('places a window split off another right after it, before the windows that follow', () => {
    const delivered: string[] = [];
    const delivery = createOrderedDelivery<string>((item) => delivered.push(item));
    const [a, c] = [delivery.open(), delivery.open()];
    delivery.push(c, 'c1');
    const b = delivery.open(a);
    // Split again: the newer part covers the earlier stretch, so it goes before the older one.
    const ab = delivery.open(a);
    delivery.push(b, 'b1');
    delivery.push(ab, 'ab1');
    delivery.push(a, 'a1');
    delivery.finish(c);
    delivery.finish(b);
    delivery.finish(a);
    expect(delivered).toEqual(['a1', 'ab1']);
    delivery.finish(ab);
    expect(delivered).toEqual(['a1', 'ab1', 'b1', 'c1']);
    // Once all have finished, a new window is passed on at once.
    delivery.push(delivery.open(), 'd1');
    expect(delivered.at(-1)).toBe('d1');
  });

  it('gives window order whatever order windows open, produce and finish in', () => {
    // A step picks an open window and does one thing: split a window off right after it, open one
    // at the end, hand on an item, or finish it.
    const steps = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 })), { maxLength: 120 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 10 }), (run, maxWindows) => {
        const delivered: string[] = [];
        const delivery = createOrderedDelivery<string>((item) => delivered.push(item));
        const slots: DeliverySlot<string>[] = [];
        const items: string[][] = [];
        /** The windows in the order a sequential walk would give their items. */
        const order: number[] = [];
        const open = (after?: number) => {
          order.splice(
            after === undefined ? order.length : order.indexOf(after) + 1,
            0,
            slots.length,
          );
          slots.push(delivery.open(after === undefined ? undefined : slots[after]));
          items.push([]);
        };
        open();
        for (const [pick, kind] of run) {
          const live = slots.flatMap((slot, window) => (slot.finished ? [] : [window]));
          const window = live[pick % Math.max(1, live.length)];
          const room = slots.length < maxWindows;
          if (kind === 0 && room) open(window);
          else if (kind === 1 && room) open();
          else if (window === undefined) continue;
          else if (kind === 2) delivery.finish(slots[window]!);
          else {
            const item = `${window}.${items[window]!.length}`;
            items[window]!.push(item);
            delivery.push(slots[window]!, item);
          }
        }
        for (const slot of slots) if (!slot.finished) delivery.finish(slot);
        expect(delivered).toEqual(order.flatMap((window) => items[window]!));
      }),
    );
  });
});
