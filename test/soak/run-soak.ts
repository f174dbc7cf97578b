/**
 * `npm run soak`: the page in Chromium watching the demo meeting for minutes of wall time
 * (browser-soak.ts); `npm run soak -- --server-days 30`: the server's demo through 30 simulated
 * days (server-soak.ts). Figures are `name: value`; the exit code says whether they passed.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../support/build-app.ts';

const { values } = parseArgs({ options: { 'server-days': { type: 'string' } } });
const serverDays = values['server-days'];
if (serverDays !== undefined) {
  const days = Number(serverDays);
  if (!Number.isInteger(days) || days < 1)
    throw new Error('--server-days takes a whole number ≥ 1');
  const { runServerSoak } = await import('./server-soak.ts');
  process.exit((await runServerSoak(days)) ? 0 : 1);
}
await buildApp();
await import('./browser-soak.ts');
