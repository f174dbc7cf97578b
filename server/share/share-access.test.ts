import { describe, expect, it } from 'vitest';
import { routeAttendeeTarget } from '../proxy/allowed-paths.ts';
import { decideSharedRequest, shareTokenOf } from './share-access.ts';
import { deriveShareKeys, sealShareToken } from './share-token.ts';

const NOW = Date.parse('2026-12-08T12:00:00Z');
const KEYS = deriveShareKeys([Buffer.alloc(32, 3)]);
const BOT = 'bot_SharedMeeting0001';
const TOKEN = sealShareToken(
  { apiKey: 'sk_key', source: 'attendee', botIds: [BOT], expiresAtMs: NOW + 1000 },
  KEYS,
);

function decide(rawTarget: string, token = TOKEN) {
  return decideSharedRequest(token, routeAttendeeTarget(rawTarget), KEYS, NOW);
}

describe('what a share token lets through', () => {
  it('reads the token out of "Share <token>" only', () => {
    expect(shareTokenOf(`Share ${TOKEN}`)).toBe(TOKEN);
    expect(shareTokenOf(`Token ${TOKEN}`)).toBeNull();
    expect(shareTokenOf(undefined)).toBeNull();
  });

  it.each([`/api/v1/bots/${BOT}`, `/api/v1/bots/${BOT}/participant_events?after=x`])(
    'forwards %s with the sealed key',
    (target) => {
      expect(decide(target)).toEqual({ kind: 'forward', authorization: 'Token sk_key' });
    },
  );

  it.each([
    `/api/v1/bots/${BOT}/../bot_Other00000000001`,
    `/api/v1/bots/${BOT}/..%2Fbot_Other00000000001`,
    `/api/v1/bots/${BOT}%2Fparticipants`,
    `/api/v1/bots/${BOT}%2F..%2F`,
    `/api/v1/bots/%62ot_SharedMeeting0001`,
    `/api/v1/bots/${BOT}//participants`,
    `/api/v1/bots/${BOT}\\participants`,
    `http://elsewhere.example/api/v1/bots/${BOT}`,
    `//elsewhere.example/api/v1/bots/${BOT}`,
    `/api/v1/bots/bot_Other00000000001`,
    '/api/v1/bots',
    '/api/v1/bots?states=joined_recording',
    `/demo/api/v1/bots/${BOT}`,
  ])('refuses %s (403)', (target) => {
    expect(decide(target)).toMatchObject({ kind: 'refuse', status: 403 });
  });

  it('says an altered token is invalid and an old one expired (401)', () => {
    expect(decide(`/api/v1/bots/${BOT}`, `${TOKEN}x`)).toMatchObject({
      status: 401,
      body: { share: 'invalid' },
    });
    const old = decideSharedRequest(
      TOKEN,
      routeAttendeeTarget(`/api/v1/bots/${BOT}`),
      KEYS,
      NOW + 1000,
    );
    expect(old).toMatchObject({ status: 401, body: { share: 'expired' } });
  });
});
