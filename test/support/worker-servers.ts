import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each browser test worker notes the pid of its app server (app-in-chromium.ts). */
    serverPidsDir: string;
  }
}

/**
 * For the global setup: a folder where the workers note their app servers, and how to stop them
 * at the end of the run. A worker cannot do it itself: Vitest ends its workers with a signal,
 * and a child process outlives its parent.
 */
export async function trackWorkerServers(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'attendee-live-servers-'));
  project.provide('serverPidsDir', dir);
  return async () => {
    for (const pid of await readdir(dir)) {
      try {
        process.kill(Number(pid), 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
}
