import type { Download } from 'playwright-core';

/** What a download holds, as text. Read as a stream: the run's Chromium is remote (shared-chromium.ts). */
export async function downloadText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
