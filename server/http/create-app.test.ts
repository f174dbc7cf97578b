import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

describe('the production server', () => {
  it.each([
    ['the page', '/'],
    ['a script', '/assets/index-Ab12Cd34.js'],
    ['the API', '/demo/api/v1/bots/bot_DemoMeetingLive1'],
    ['a refused API path', '/api/v1/projects'],
    ['a missing file', '/nope'],
    ['the health check', '/healthz'],
  ])('sends the security headers with %s', async (_what, url) => {
    running = await startTestApp();
    const response = await running.app.inject({
      url,
      headers: { authorization: 'Token demo' },
    });
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('forbids inline script, other origins and being framed', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('answers GET /healthz with 200 and a small JSON body', async () => {
    running = await startTestApp();
    const response = await running.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ status: 'ok' });
    expect(response.body.length).toBeLessThan(100);
  });
});
