import { samePersonKey } from './person-name';
import { describeNotice, watchedNews } from './watch-list';

const person = (name: string) => ({ uuid: name, name, isHost: false });

describe('matching the watch list', () => {
  it('says who on the list joined or left, and no one else', () => {
    const watched = new Set([samePersonKey('José García'), samePersonKey('Dana Ruiz')]);
    const notices = watchedNews(
      { joined: [person('garcia jose'), person('Ada')], left: [person('Dana Ruiz (Guest)')] },
      watched,
    );
    expect(notices.map(describeNotice)).toEqual(['garcia jose joined', 'Dana Ruiz (Guest) left']);
  });
});
