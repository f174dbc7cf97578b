import { buildApp } from './build-app.ts';

/** Vitest's global setup for the browser tests: one build for every file that starts the app. */
export default async function setup(): Promise<void> {
  await buildApp();
}
