import { wallAddress, wallBotsFromLocation } from './wall-address';

describe('the wall’s address', () => {
  it('reads the bots of a wall, dropping junk and repeats', () => {
    expect(wallBotsFromLocation('?bots=bot_a1,bot_b2')).toEqual(['bot_a1', 'bot_b2']);
    expect(wallBotsFromLocation('?bots=bot_a1,,%20bot_b2%20,bot_a1,evil/../x,bot_')).toEqual([
      'bot_a1',
      'bot_b2',
    ]);
    expect(wallBotsFromLocation('?bot=bot_a1')).toEqual([]);
    expect(wallBotsFromLocation('')).toEqual([]);
  });

  it('keeps twelve at most', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `bot_n${i}`);
    expect(wallBotsFromLocation(`?bots=${ids.join(',')}`)).toEqual(ids.slice(0, 12));
  });

  it('writes the bots into the address with commas, replacing a single bot', () => {
    const address = wallAddress('http://localhost:5173/?bot=bot_x&theme=1', ['bot_a1', 'bot_b2']);
    expect(address).toBe('http://localhost:5173/?theme=1&bots=bot_a1,bot_b2');
    expect(wallBotsFromLocation(new URL(address).search)).toEqual(['bot_a1', 'bot_b2']);
  });
});
