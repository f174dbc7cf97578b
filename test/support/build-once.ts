import type { TestProject } from 'vitest/node';
import { buildApp } from './build-app.ts';
import { launchChromiumServer } from './chromium.ts';
import { trackWorkerServers } from './worker-servers.ts';
import './shared-chromium.ts';

/**
 * Vitest's global setup for the browser tests: one build for every file that starts the app, as
 * `npm start` builds it, and one Chromium that every file connects to. At the end, it stops the
 * workers' app servers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [chromiumServer] = await Promise.all([launchChromiumServer(), buildApp()]);
  project.provide('chromiumEndpoint', chromiumServer.wsEndpoint());
  const stopWorkerServers = await trackWorkerServers(project);
  return async () => {
    await stopWorkerServers();
    await chromiumServer.close();
  };
}
