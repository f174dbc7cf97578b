import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
/** What `npm run bundle` makes and `npm start` runs: the production server, beside dist/. */
export const SERVER_ENTRY = join(PROJECT_ROOT, 'dist-server', 'main.js');

/**
 * The environment of a user's shell. Vitest sets NODE_ENV=test, which would make `vite build`
 * bundle React's development build; a user's `npm start` has no NODE_ENV, and that is the page
 * under test.
 */
export function userEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_ENV;
  return env;
}

/**
 * Runs `npm run bundle`, the build half of `npm start`: the page into dist/, the server beside it.
 * Its gzip copies are zlib's rather than Zopfli's (BUILD_GZIP): the tests read them unpacked,
 * where the two are the same bytes, and Zopfli was about 6 CPU-seconds of a fresh clone's run.
 */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('npm', ['run', '--silent', 'bundle'], {
      cwd: PROJECT_ROOT,
      env: userEnvironment({ BUILD_GZIP: 'zlib' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run bundle exited with ${code}\n${output}`)),
    );
  });
}

const NOT_COPIED = new Set(['node_modules', 'dist', 'dist-server', '.git', '.screenshots']);

/**
 * A copy of the project in a temporary folder, its node_modules linked, for a test that runs
 * `npm start` (which builds): built in place, it would empty dist/ under the other browser test
 * files' servers while they run. Returns the folder and how to remove it.
 */
export async function copyOfProject(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'attendee-live-'));
  await cp(PROJECT_ROOT, root, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(basename(source)),
  });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
