import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig, type ServerConfig } from './http/config.ts';
import { createServerLog } from './http/server-log.ts';
import { builtPage } from './http/static-files.ts';
import { startServer } from './start-server.ts';

/*
 * `npm start` (after building) and `npm run serve`: the production server. Bundled by
 * `npm run bundle` into dist-server/main.js, beside dist/, which holds the page.
 */

let config: ServerConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  // A setting to fix, not a bug to debug: one sentence, no stack.
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const log = createServerLog(config.logFormat);
const root = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(root, 'index.html'))) {
  log.error(`${root} has no built page: run \`npm run bundle\` first (\`npm start\` does)`);
  process.exit(1);
}
await startServer({ config, log, page: builtPage(root) });
