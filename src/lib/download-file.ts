import { fileTimestamp } from './clock-time';

/**
 * Saves text as a file through a temporary `<a download>`: no server round trip, and the object
 * URL is revoked once the click has been handed to the browser.
 */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `attendee-bot_abc-participants-20261124-130500.csv`: which bot, what, and when it was taken. */
export function exportFileName(
  botId: string,
  what: string,
  extension: string,
  nowMs: number,
): string {
  // Bot IDs are checked at the connect form, but a file name is no place to trust input.
  const safeBot = botId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `attendee-${safeBot}-${what}-${fileTimestamp(nowMs)}.${extension}`;
}
