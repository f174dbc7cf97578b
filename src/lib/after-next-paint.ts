/**
 * Runs `task` once the next frame has been painted: a task queued from requestAnimationFrame runs
 * after that frame's paint. Returns a function that cancels it, for an effect's cleanup.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
