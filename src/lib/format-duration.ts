/**
 * A duration as people read it on a dashboard: "45 s", "12 min", "1 h 05 min". Seconds are
 * dropped past ten minutes, where they would only flicker.
 */
export function formatDuration(durationMs: number): string {
  const totalSeconds = Math.max(0, Math.floor(durationMs / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 10)
    return `${totalMinutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}
