/**
 * Hands on what several windows produce in window order, as one sequential walk would: what a
 * window produces is held until every window before it has finished, then passed on at once.
 * Windows are slots in a list: `open()` adds one at the end, `open(slot)` right after `slot` (the
 * part split off a running window comes just after it); items of one window keep their order.
 */
export interface DeliverySlot<T> {
  items: T[];
  finished?: boolean;
  next?: DeliverySlot<T>;
}

export interface OrderedDelivery<T> {
  open(after?: DeliverySlot<T>): DeliverySlot<T>;
  push(slot: DeliverySlot<T>, item: T): void;
  finish(slot: DeliverySlot<T>): void;
}

export function createOrderedDelivery<T>(deliver: (item: T) => void): OrderedDelivery<T> {
  let head: DeliverySlot<T> | undefined;
  let tail: DeliverySlot<T> | undefined;
  return {
    open(after = tail) {
      const slot: DeliverySlot<T> = { items: [], next: after?.next };
      if (after) after.next = slot;
      // Every slot before has finished (or there is none): this one is delivered at once.
      head ??= slot;
      if (after === tail) tail = slot;
      return slot;
    },
    push(slot, item) {
      if (slot.finished) throw new Error('this window has already finished');
      if (slot === head) deliver(item);
      else slot.items.push(item);
    },
    finish(slot) {
      slot.finished = true;
      while (head?.finished) {
        head = head.next;
        head?.items.splice(0).forEach(deliver);
      }
    },
  };
}
