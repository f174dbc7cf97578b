/** Where the simulator reads "now" from, so tests can move time by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  private currentMs: number;

  constructor(startMs: number) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  advance(ms: number): void {
    this.currentMs += ms;
  }

  set(ms: number): void {
    this.currentMs = ms;
  }
}

/**
 * Real time, optionally sped up, that a test can also jump forward or hold still: a demo meeting
 * at ten times speed for a soak test, or minutes of meeting passing during a simulated outage.
 */
export class RunningClock implements Clock {
  private readonly speed: number;
  private anchorRealMs: number;
  private anchorMs: number;
  private heldAtMs: number | null = null;

  constructor(options: { speed?: number; startMs?: number } = {}) {
    this.speed = options.speed ?? 1;
    this.anchorRealMs = Date.now();
    this.anchorMs = options.startMs ?? this.anchorRealMs;
  }

  now(): number {
    return this.heldAtMs ?? this.anchorMs + (Date.now() - this.anchorRealMs) * this.speed;
  }

  /** Time passes `ms` at once, as over a laptop's sleep. */
  jump(ms: number): void {
    if (this.heldAtMs !== null) this.heldAtMs += ms;
    else this.anchorMs += ms;
  }

  /** Time stops (nothing more happens in the meeting) until `release()`. */
  hold(): void {
    this.heldAtMs = this.now();
  }

  release(): void {
    if (this.heldAtMs === null) return;
    this.anchorMs = this.heldAtMs;
    this.anchorRealMs = Date.now();
    this.heldAtMs = null;
  }
}
