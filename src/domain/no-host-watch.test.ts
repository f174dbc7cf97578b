import { isNoHostWarningDue, noHostSince } from './no-host-watch';

const hostless = { peoplePresent: true, hostPresent: false };

describe('the no-host warning clock', () => {
  it('starts when people are present without a host and keeps its start while that lasts', () => {
    const since = noHostSince(null, hostless, 1_000);
    expect(since).toBe(1_000);
    expect(noHostSince(since, hostless, 50_000)).toBe(1_000);
  });

  it('warns only once the chosen time has passed', () => {
    expect(isNoHostWarningDue(1_000, 1_000 + 119_999, 120_000)).toBe(false);
    expect(isNoHostWarningDue(1_000, 1_000 + 120_000, 120_000)).toBe(true);
    expect(isNoHostWarningDue(null, 10_000_000, 120_000)).toBe(false);
  });

  it('clears when a host is present, and does not count an empty meeting as hostless', () => {
    expect(noHostSince(1_000, { peoplePresent: true, hostPresent: true }, 5_000)).toBeNull();
    expect(noHostSince(1_000, { peoplePresent: false, hostPresent: false }, 5_000)).toBeNull();
    // A new hostless stretch starts afresh.
    expect(noHostSince(null, hostless, 9_000)).toBe(9_000);
  });

  it('never warns sooner than 30 seconds, whatever is asked', () => {
    expect(isNoHostWarningDue(0, 10_000, 5_000)).toBe(false);
    expect(isNoHostWarningDue(0, 30_000, 5_000)).toBe(true);
  });
});
