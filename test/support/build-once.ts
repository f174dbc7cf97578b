import type { TestProject } from 'vitest/node';
import { buildApp } from './build-app.ts';
import { launchChromiumServer } from './chromium.ts';
import './shared-chromium.ts';

/**
 * Vitest's global setup for the browser tests: one build for every file that starts the app, as
 * `npm start` builds it, and one Chromium that every file connects to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [chromiumServer] = await Promise.all([launchChromiumServer(), buildApp()]);
  project.provide('chromiumEndpoint', chromiumServer.wsEndpoint());
  return () => chromiumServer.close();
}
