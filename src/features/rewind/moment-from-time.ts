import { clockTime } from '../../lib/clock-time';

export type MomentChoice = { atMs: number } | { problem: string };

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A local time typed as HH:MM or HH:MM:SS, turned into a moment of the meeting (from `startMs`
 * to `endMs`). HH:MM means that minute: typing the minute the meeting started shows its start,
 * though the first event came some seconds into it. A meeting across midnight has the same time
 * twice; the later one is taken, being the one a person watching live most likely means.
 */
export function momentFromTime(text: string, startMs: number, endMs: number): MomentChoice {
  const match = TIME_OF_DAY.exec(text.trim());
  const [hours, minutes, seconds] = [match?.[1], match?.[2], match?.[3]].map(Number);
  if (match === null || hours! > 23 || minutes! > 59 || seconds! > 59) {
    return { problem: 'Type a time as HH:MM or HH:MM:SS, for example 14:05.' };
  }
  const spanMs = match[3] === undefined ? 60_000 : 1000;
  const lastDay = new Date(endMs);
  for (
    let day = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate());
    day.getTime() + 86_400_000 > startMs;
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1)
  ) {
    const from = new Date(day);
    from.setHours(hours!, minutes!, match[3] === undefined ? 0 : seconds!, 0);
    const fromMs = from.getTime();
    if (fromMs <= endMs && fromMs + spanMs > startMs) {
      return { atMs: Math.min(endMs, Math.max(startMs, fromMs)) };
    }
  }
  return {
    problem: `${text.trim()} is outside the meeting, which runs from ${clockTime(startMs, true)} to ${clockTime(endMs, true)}.`,
  };
}
