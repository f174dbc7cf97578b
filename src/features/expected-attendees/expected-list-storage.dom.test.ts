import {
  EMPTY_EXPECTED_LIST,
  expectedListStorageKey,
  readExpectedList,
  storeExpectedList,
} from './expected-list-storage';

describe('keeping the expected list on this device', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one list per bot, and clearing it removes the entry', () => {
    const first = expectedListStorageKey('attendee', 'bot_one');
    const second = expectedListStorageKey('attendee', 'bot_two');
    const settings = {
      people: [{ name: 'Ada Okafor', email: 'ada@example.org' }],
      manual: [{ line: 0, expectedName: 'Ada Okafor', personKey: 'user:u1' }],
      lateAfterMinutes: 10,
    };
    storeExpectedList(first, settings);
    expect(readExpectedList(first)).toEqual(settings);
    expect(readExpectedList(second)).toEqual(EMPTY_EXPECTED_LIST);
    storeExpectedList(first, EMPTY_EXPECTED_LIST);
    expect(localStorage.length).toBe(0);
  });

  it('starts empty from an entry it cannot read', () => {
    const key = expectedListStorageKey('demo', 'bot_x');
    localStorage.setItem(key, '{not json');
    expect(readExpectedList(key)).toEqual(EMPTY_EXPECTED_LIST);
    localStorage.setItem(key, JSON.stringify({ people: 'Ada' }));
    expect(readExpectedList(key)).toEqual(EMPTY_EXPECTED_LIST);
  });
});
