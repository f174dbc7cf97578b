import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { startAppUnderTest } from '../test/support/app-under-test.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { addIdleMeetings, measureIdleWall } from '../test/support/wall-page.ts';

const KEY = 'bench-wall-key';

export interface WallFigures {
  requestsPerSecond: number;
  byResource: Record<string, number>;
}

/**
 * A wall of twelve live meetings where nothing happens, at the default 3 s interval, in Chromium
 * through `npm start`: the requests the simulated upstream receives per second over `windowMs`.
 */
export async function measureIdleWallRate(windowMs: number): Promise<WallFigures> {
  const simulator = new InstrumentedAttendee({ lateCommitProbability: 0 });
  const botIds = addIdleMeetings(simulator, KEY, 12);
  const app = await startAppUnderTest(simulator);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    return await measureIdleWall(page, app.url, simulator, { key: KEY, botIds, windowMs });
  } finally {
    await browser.close();
    await app.stop();
  }
}
