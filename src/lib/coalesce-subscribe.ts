type Subscribe = (listener: () => void) => () => void;

/**
 * `subscribe`, with the listener told at most once every `everyMs`: the first change is passed
 * on after `everyMs`, together with every change made meanwhile. For a store that changes far
 * more often than a person can read (a page of history every few milliseconds).
 */
export function coalesceSubscribe(subscribe: Subscribe, everyMs: number): Subscribe {
  return (listener) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe(() => {
      timer ??= setTimeout(() => {
        timer = null;
        listener();
      }, everyMs);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  };
}
