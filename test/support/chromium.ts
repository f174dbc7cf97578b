import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download cannot work on our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What Chromium 156 starts for every browser context that a test needs none of: the omnibox's
 * popup, a WebUI page preloaded for each new window in a renderer of its own (about 1.8
 * CPU-seconds, and 0.5 more of the browser process's), and a spare renderer kept warm beside the
 * page's. A test run opens about twenty contexts.
 */
const FEATURES_NOT_NEEDED = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'SpareRendererForSitePerProcess',
];

/**
 * Playwright's own `--disable-features` (playwright-core 1.65.1, chromiumSwitches.ts). Chromium
 * reads only the last of several such switches, so ours must carry Playwright's list too, and
 * Playwright's switch be left out; `checkOneFeatureSwitch` says when an upgrade changed it.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

const DISABLE_FEATURES = '--disable-features=';

const launchOptions: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  ignoreDefaultArgs: [DISABLE_FEATURES + PLAYWRIGHT_DISABLED_FEATURES.join(',')],
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    DISABLE_FEATURES + [...PLAYWRIGHT_DISABLED_FEATURES, ...FEATURES_NOT_NEEDED].join(','),
  ],
};

/**
 * Fails the launch when Chromium got two `--disable-features` switches: Playwright's list changed
 * (an upgrade), was not left out, and ours, read last, silently dropped it.
 */
function checkOneFeatureSwitch(server: BrowserServer): void {
  const pid = server.process().pid;
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return; // No /proc (not Linux): nothing to read the switches from.
  }
  const switches = argv.filter((arg) => arg.startsWith(DISABLE_FEATURES));
  if (switches.length > 1) {
    throw new Error(
      `Chromium got ${switches.length} ${DISABLE_FEATURES} switches and reads only the last. ` +
        `Set PLAYWRIGHT_DISABLED_FEATURES in test/support/chromium.ts to Playwright's: ${switches[0]}`,
    );
  }
}

/**
 * A Chromium of its own, for the scripts (soak, screenshots, benches) that run outside the test
 * run; `extraArgs` are added to ours (a bench's `--ignore-certificate-errors`, say).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ ...launchOptions, args: [...launchOptions.args!, ...extraArgs] });
}

/** One Chromium for a whole test run, which each browser test file connects to (shared-chromium.ts). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  const server = await chromium.launchServer({
    ...launchOptions,
    // Repaint whole tiles: re-rastering only the changed part of a tile drew the rounded corners
    // of buttons far from the change a little differently one time in three, so two screenshots
    // of the same page differed (the key-safety test's pictures, 30 pixels of anti-aliasing).
    // The test run's alone: the benches measure Chromium as people run it.
    args: [...launchOptions.args!, '--disable-partial-raster'],
  });
  try {
    checkOneFeatureSwitch(server);
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
