import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

/** A free port, asked of the kernel: the test's Redis then shares its port with nobody. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's redis-server on a port of its own, in memory only; `stop()` ends it. */
export async function startRedisServer(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  // Ready once it answers PING; a client retries the connection by itself meanwhile.
  const probe = createClient({ url });
  probe.on('error', () => undefined);
  await probe.connect();
  await probe.ping();
  await probe.close();
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
