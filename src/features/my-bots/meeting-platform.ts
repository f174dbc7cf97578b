export type MeetingPlatform = 'Zoom' | 'Google Meet' | 'Teams' | 'Other';

const PLATFORM_HOSTS: readonly [MeetingPlatform, RegExp][] = [
  ['Zoom', /(^|\.)zoom\.(us|com)$|(^|\.)zoomgov\.com$/],
  ['Google Meet', /^meet\.google\.com$/],
  ['Teams', /(^|\.)teams\.(microsoft|live)\.com$/],
];

/** The platform a meeting is on, read from its address; anything unreadable is Other. */
export function meetingPlatform(meetingUrl: string | null): MeetingPlatform {
  if (meetingUrl === null) return 'Other';
  let host: string;
  try {
    host = new URL(meetingUrl.trim()).hostname.toLowerCase();
  } catch {
    return 'Other';
  }
  return PLATFORM_HOSTS.find(([, pattern]) => pattern.test(host))?.[0] ?? 'Other';
}
