/**
 * What a request to our proxy is authorised with: an Attendee API key, or a read-only share
 * link's token (opened only by our server, which holds the key sealed inside it).
 */
export type Credential =
  | { kind: 'key'; apiKey: string }
  | {
      kind: 'share';
      token: string;
      /** When the link stops working, in ms since the epoch (as our server said). */
      expiresAtMs: number;
    };

/** What the connect screen hands to the dashboard: which bot to watch, with which key, from where. */
export interface WatchSession {
  botId: string;
  /** A key is kept in memory only, unless the user asked to remember it (features/connect). */
  credential: Credential;
  /** 'attendee' goes through our proxy to the configured upstream; 'demo' to the built-in simulator. */
  source: 'attendee' | 'demo';
  /** New for every press of Watch, so a new key or bot never reuses another session's cache. */
  id: string;
}

/** A credential the page lists bots with: what "Show my bots" and the wall hand around. */
export interface KeyConnection {
  credential: Credential;
  source: WatchSession['source'];
  /** New for every key entered: what query keys name instead of the key itself. */
  keyId: string;
}

/** The `Authorization` header our proxy expects for a credential. */
export function authorizationOf(credential: Credential): string {
  return credential.kind === 'key' ? `Token ${credential.apiKey}` : `Share ${credential.token}`;
}

/** An API key, when this is one: what sharing needs (a shared view cannot share further). */
export function apiKeyOf(credential: Credential): string | null {
  return credential.kind === 'key' ? credential.apiKey : null;
}
