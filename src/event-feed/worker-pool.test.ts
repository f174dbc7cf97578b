// @vitest-environment node
import { runWorkerPool } from './worker-pool';

function deferred() {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the worker pool', () => {
  it('runs at most `concurrency` tasks at once, in order, starting the next as one ends', async () => {
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const pool = runWorkerPool(
      gates.map((gate, index) => () => {
        started.push(index);
        return gate.promise;
      }),
      2,
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3]!.resolve();
    gates[4]!.resolve();
    await expect(pool).resolves.toBeUndefined();
  });

  it('rejects at the first failure and starts nothing after it', async () => {
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const pool = runWorkerPool(
      gates.map((gate, index) => () => {
        started.push(index);
        return gate.promise;
      }),
      2,
    );
    await tick();
    gates[0]!.reject(new Error('window 0 failed'));
    await expect(pool).rejects.toThrow('window 0 failed');
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1]);
  });

  it('asks for more work once every task has started, until there is none', async () => {
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const task = (index: number) => () => {
      started.push(index);
      return gates[index]!.promise;
    };
    const offers = [task(2), undefined, task(3)];
    let asked = 0;
    const pool = runWorkerPool([task(0), task(1)], 2, async () => {
      asked += 1;
      return offers.shift();
    });
    await tick();
    expect(asked).toBe(0);
    gates[0]!.resolve();
    await tick();
    // The worker that finished takes what is offered; the next to ask is told there is none.
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[3]!.resolve();
    await expect(pool).resolves.toBeUndefined();
    expect(asked).toBe(4);
  });
});
