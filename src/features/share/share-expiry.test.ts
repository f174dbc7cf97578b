import { describe, expect, it } from 'vitest';
import { linkExpiryInWords, shareLinkFor, shareTokenFromFragment } from './share-expiry';

describe('a share link in the address', () => {
  it('says its expiry as "18:00, Tue 8 Dec" in local time', () => {
    expect(linkExpiryInWords(new Date(2026, 11, 8, 18, 0).getTime())).toBe('18:00, Tue 8 Dec');
    expect(linkExpiryInWords(new Date(2027, 0, 3, 9, 5).getTime())).toBe('09:05, Sun 3 Jan');
  });

  it('is the token in the fragment, and nothing else is read as one', () => {
    const link = shareLinkFor('https://live.example', 'AbC-_9');
    expect(link).toBe('https://live.example/#share=AbC-_9');
    expect(shareTokenFromFragment(new URL(link).hash)).toBe('AbC-_9');
    for (const hash of [
      '',
      '#',
      '#share=',
      '#share=a b',
      '#share=a&x=1',
      '#bots=a',
      '#share=%41',
    ]) {
      expect(shareTokenFromFragment(hash), hash).toBeNull();
    }
  });
});
