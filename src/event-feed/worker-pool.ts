type Task = () => Promise<void>;

/**
 * Runs `tasks` in order, at most `concurrency` at a time: each worker takes the next task as soon
 * as its last one settles, so there is no gap between one window's end and the next one's start.
 * Once every task has started, a worker asks `more` for another (work split off a running task),
 * and stops when it says there is none. The first failure rejects the pool at once and no further
 * task starts; the caller cancels the ones still running.
 */
export async function runWorkerPool(
  tasks: readonly Task[],
  concurrency: number,
  more: () => Promise<Task | undefined> = async () => undefined,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed) {
      const task = next < tasks.length ? tasks[next++] : await more();
      if (!task || failed) return;
      try {
        await task();
      } catch (reason) {
        failed = true;
        throw reason;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
