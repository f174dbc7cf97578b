/**
 * Hands on what several windows produce in window order, as one sequential walk would: what window
 * k produces is held until every window before it has finished, then passed on at once. Windows
 * are numbered 0, 1, 2… and may be opened in any order; items of one window keep their order.
 */
export interface OrderedDelivery<T> {
  push(window: number, item: T): void;
  finish(window: number): void;
  /** Items held back because an earlier window is still open. */
  readonly held: number;
}

export function createOrderedDelivery<T>(deliver: (item: T) => void): OrderedDelivery<T> {
  const waiting = new Map<number, T[]>();
  const finished = new Set<number>();
  let head = 0;
  let held = 0;
  const flush = () => {
    for (;;) {
      const items = waiting.get(head);
      if (items) {
        waiting.delete(head);
        held -= items.length;
        for (const item of items) deliver(item);
      }
      if (!finished.has(head)) return;
      finished.delete(head);
      head += 1;
    }
  };
  return {
    push(window, item) {
      if (window < head) throw new Error(`window ${window} has already finished`);
      if (window === head) {
        deliver(item);
        return;
      }
      const items = waiting.get(window);
      if (items) items.push(item);
      else waiting.set(window, [item]);
      held += 1;
    },
    finish(window) {
      if (window < head) return;
      finished.add(window);
      flush();
    },
    get held() {
      return held;
    },
  };
}
