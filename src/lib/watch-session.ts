/** What the connect screen hands to the dashboard: which bot to watch, with which key, from where. */
export interface WatchSession {
  botId: string;
  /** Kept in memory only, unless the user asked to remember it (features/connect). */
  apiKey: string;
  /** 'attendee' goes through our proxy to the configured upstream; 'demo' to the built-in simulator. */
  source: 'attendee' | 'demo';
  /** New for every press of Watch, so a new key or bot never reuses another session's cache. */
  id: string;
}

/** An API key the page lists bots with: what "Show my bots" and the wall hand around. */
export interface KeyConnection {
  apiKey: string;
  source: WatchSession['source'];
  /** New for every key entered: what query keys name instead of the key itself. */
  keyId: string;
}
