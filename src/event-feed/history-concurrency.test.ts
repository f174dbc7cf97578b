import { describe, expect, it } from 'vitest';
import { HISTORY_CONCURRENCY } from './parallel-history';
import { MULTIPLEXED_HISTORY_CONCURRENCY, historyConcurrencyFor } from './history-concurrency';

describe('how many history windows the page walks at once', () => {
  it('walks more over HTTP/2 or HTTP/3, where one connection carries every request', () => {
    expect(historyConcurrencyFor('h2')).toBe(MULTIPLEXED_HISTORY_CONCURRENCY);
    expect(historyConcurrencyFor('h3')).toBe(MULTIPLEXED_HISTORY_CONCURRENCY);
    expect(MULTIPLEXED_HISTORY_CONCURRENCY).toBeGreaterThanOrEqual(16);
    expect(MULTIPLEXED_HISTORY_CONCURRENCY).toBeLessThanOrEqual(24);
  });

  it('keeps to the HTTP/1.1 figure otherwise, or when the browser does not say', () => {
    expect(historyConcurrencyFor('http/1.1')).toBe(HISTORY_CONCURRENCY);
    expect(historyConcurrencyFor('')).toBe(HISTORY_CONCURRENCY);
    expect(historyConcurrencyFor(undefined)).toBe(HISTORY_CONCURRENCY);
  });
});
