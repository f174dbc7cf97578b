import { msUntilSharedTick } from './shared-schedule';

describe('the shared poll schedule', () => {
  it('brings viewers of one bot to the same moment, whenever each of them last asked', () => {
    const moments = [1_000, 2_345, 4_999, 7_777].map(
      (askedAt) => askedAt + msUntilSharedTick(3000, 'bot_abc', askedAt),
    );
    const ticks = new Set(moments.map((at) => at % 3000));
    expect(ticks.size).toBe(1);
    for (const [index, at] of moments.entries()) {
      const askedAt = [1_000, 2_345, 4_999, 7_777][index]!;
      expect(at - askedAt).toBeGreaterThan(0);
      expect(at - askedAt).toBeLessThanOrEqual(3000);
    }
  });

  it('spreads different bots over the interval', () => {
    const bots = Array.from({ length: 12 }, (_, index) => `bot_wall${index}`);
    const phases = new Set(bots.map((bot) => Math.floor(msUntilSharedTick(3000, bot, 0) / 250)));
    expect(phases.size).toBeGreaterThanOrEqual(6);
  });
});
