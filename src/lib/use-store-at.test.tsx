import { renderHook } from '@testing-library/react';
import { useStoreAt } from './use-store-at';

describe('reading a store that changes in place', () => {
  it('reads again when the version moves, and gives the last read until then', () => {
    const store = { names: ['Ada'] };
    const read = vi.fn(() => store.names.join(', '));
    const { result, rerender } = renderHook(({ version }) => useStoreAt(version, read, [store]), {
      initialProps: { version: 1 },
    });
    expect(result.current).toBe('Ada');
    store.names.push('Bob');
    rerender({ version: 1 });
    expect(result.current).toBe('Ada');
    rerender({ version: 2 });
    expect(result.current).toBe('Ada, Bob');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again when an input changes at the same version', () => {
    const store = { names: ['Ada', 'Bob', 'Cy'] };
    const { result, rerender } = renderHook(
      ({ limit }) => useStoreAt(7, () => store.names.slice(0, limit), [store, limit]),
      { initialProps: { limit: 1 } },
    );
    const first = result.current;
    expect(first).toEqual(['Ada']);
    rerender({ limit: 1 });
    expect(result.current).toBe(first);
    rerender({ limit: 2 });
    expect(result.current).toEqual(['Ada', 'Bob']);
  });
});
