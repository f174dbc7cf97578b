import { describeNotice, watchedNews, watchKey } from './watch-list';

const person = (name: string) => ({ uuid: name, name, isHost: false });

describe('matching the watch list', () => {
  it('ignores case, accents, spaces, commas, word order and a trailing note in brackets', () => {
    const key = watchKey('Dana Ruiz');
    for (const spelling of ['dana ruiz', 'DANA  RUIZ', 'Ruiz, Dana', 'Dána Ruíz (she/her)']) {
      expect(watchKey(spelling)).toBe(key);
    }
    expect(watchKey('Dana Ruizz')).not.toBe(key);
    expect(watchKey('Dan Ruiz')).not.toBe(key);
  });

  it('says who on the list joined or left, and no one else', () => {
    const watched = new Set([watchKey('José García'), watchKey('Dana Ruiz')]);
    const notices = watchedNews(
      { joined: [person('garcia jose'), person('Ada')], left: [person('Dana Ruiz (Guest)')] },
      watched,
    );
    expect(notices.map(describeNotice)).toEqual(['garcia jose joined', 'Dana Ruiz (Guest) left']);
  });
});
