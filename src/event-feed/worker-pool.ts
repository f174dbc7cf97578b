/**
 * Runs `tasks` in order, at most `concurrency` at a time: each worker takes the next task as soon
 * as its last one settles, so there is no gap between one window's end and the next one's start.
 * The first failure rejects the pool at once and no further task starts; the caller cancels the
 * ones still running.
 */
export async function runWorkerPool(
  tasks: readonly (() => Promise<void>)[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < tasks.length && !failed) {
      const task = tasks[next]!;
      next += 1;
      try {
        await task();
      } catch (reason) {
        failed = true;
        throw reason;
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, tasks.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
