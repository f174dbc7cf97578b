import { describe, expect, it } from 'vitest';
import type { LivePush } from '../attendee-api/read-live-stream';
import { reactToTab, streamBots, type TabShare } from './tab-share';

function leading(open = true): TabShare {
  return { leader: true, open, wants: new Map() };
}

const following = (): TabShare => ({ leader: false, open: false, wants: new Map() });
const push: LivePush = { botId: 'bot_a', kind: 'state', state: 'ended' };

describe('tabs sharing one stream', () => {
  it('streams the union of the leader’s bots and every follower’s, each once, in a stable order', () => {
    const wants = new Map([
      ['tab1', ['bot_c', 'bot_a']],
      ['tab2', ['bot_b', 'bot_a']],
    ]);
    expect(streamBots(['bot_b', 'bot_d'], wants)).toEqual(['bot_a', 'bot_b', 'bot_c', 'bot_d']);
  });

  it('reopens the leader’s stream when a follower watches a bot it does not carry', () => {
    const share = leading();
    expect(reactToTab(share, { kind: 'want', tab: 't', bots: ['bot_b'] }, ['bot_a'])).toEqual({
      kind: 'restream',
    });
    expect(share.wants.get('t')).toEqual(['bot_b']);
  });

  it('tells a follower whose bots the stream already carries whether it is open, without reopening', () => {
    const share = leading(true);
    share.wants.set('t1', ['bot_b']);
    expect(reactToTab(share, { kind: 'want', tab: 't2', bots: ['bot_a'] }, ['bot_a'])).toEqual({
      kind: 'post',
      message: { kind: 'open', open: true },
    });
    expect(
      reactToTab(leading(false), { kind: 'want', tab: 't', bots: ['bot_a'] }, ['bot_a']),
    ).toEqual({ kind: 'post', message: { kind: 'open', open: false } });
  });

  it('drops a follower’s bots when it goes away, and reopens without them', () => {
    const share = leading();
    share.wants.set('t', ['bot_b']);
    expect(reactToTab(share, { kind: 'want', tab: 't', bots: [] }, ['bot_a'])).toEqual({
      kind: 'restream',
    });
    expect(streamBots(['bot_a'], share.wants)).toEqual(['bot_a']);
  });

  it('lets a follower take the leader’s pushes and open state, and announce itself to a new leader', () => {
    const share = following();
    expect(reactToTab(share, { kind: 'push', push }, [])).toEqual({ kind: 'deliver', push });
    expect(reactToTab(share, { kind: 'open', open: true }, [])).toEqual({
      kind: 'tell',
      open: true,
    });
    expect(reactToTab(share, { kind: 'lead' }, [])).toEqual({ kind: 'announce' });
    // A follower keeps no wants: a new leader hears them again after its `lead`.
    expect(reactToTab(share, { kind: 'want', tab: 't', bots: ['bot_b'] }, [])).toBeNull();
    expect(share.wants.size).toBe(0);
  });

  it('has the leader ignore what only a leader sends', () => {
    const share = leading();
    expect(reactToTab(share, { kind: 'push', push }, ['bot_a'])).toBeNull();
    expect(reactToTab(share, { kind: 'open', open: false }, ['bot_a'])).toBeNull();
    expect(reactToTab(share, { kind: 'lead' }, ['bot_a'])).toBeNull();
  });
});
