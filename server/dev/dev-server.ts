import { join } from 'node:path';
import { readConfig } from '../http/config.ts';
import { createServerLog } from '../http/server-log.ts';
import { startServer } from '../start-server.ts';
import { vitePage } from './vite-page.ts';

/*
 * `npm run dev`: the production server (the same routes, rate limit, body limit, headers and
 * demo, on PORT), with Vite serving the page from the sources, hot reload and all.
 */

const config = readConfig(process.env);
await startServer({
  config,
  log: createServerLog(config.logFormat),
  page: vitePage(join(import.meta.dirname, '..', '..')),
});
