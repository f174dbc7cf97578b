import { parseIsoDateTime } from './iso-datetime.ts';

// A port of Django REST Framework's CursorPagination, which Attendee uses with
// ordering by created_at (see docs/attendee-api.md, "Pagination"). The position
// is the created_at of a row; the offset skips rows that share that created_at, so ties
// across a page boundary are neither skipped nor repeated.

export interface Cursor {
  offset: number;
  reverse: boolean;
  /** created_at in ms, or null for "from the start". */
  position: number | null;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid cursor');
  }
}

/** DRF caps the offset so a forged cursor cannot force an expensive query. */
const OFFSET_CUTOFF = 1000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function encodeCursor(cursor: Cursor): string {
  const tokens = new URLSearchParams();
  if (cursor.offset !== 0) tokens.set('o', String(cursor.offset));
  if (cursor.reverse) tokens.set('r', '1');
  if (cursor.position !== null) tokens.set('p', new Date(cursor.position).toISOString());
  return btoa(tokens.toString());
}

function parseOffset(text: string): number {
  if (!/^\s*\+?\d+\s*$/.test(text)) throw new InvalidCursorError();
  return Math.min(Number(text), OFFSET_CUTOFF);
}

export function decodeCursor(encoded: string): Cursor {
  if (!BASE64.test(encoded)) throw new InvalidCursorError();
  const decoded = atob(encoded);
  if (!/^[\x20-\x7e]*$/.test(decoded)) throw new InvalidCursorError();
  const tokens = new URLSearchParams(decoded);
  const offset = parseOffset(tokens.get('o') ?? '0');
  const reverseText = tokens.get('r') ?? '0';
  if (!/^\s*[+-]?\d+\s*$/.test(reverseText)) throw new InvalidCursorError();
  const positionText = tokens.get('p');
  const position = positionText === null ? null : parseIsoDateTime(positionText);
  if (positionText !== null && position === null) throw new InvalidCursorError();
  return { offset, reverse: Number(reverseText) !== 0, position };
}

export interface Page<T> {
  rows: T[];
  next: Cursor | null;
  previous: Cursor | null;
}

interface PageState<T> {
  rows: T[];
  cursor: Cursor | null;
  positionOf: (row: T) => number;
  pageSize: number;
  hasNext: boolean;
  hasPrevious: boolean;
  nextPosition: number | null;
  previousPosition: number | null;
}

function nextCursor<T>(state: PageState<T>): Cursor | null {
  const { rows, cursor, positionOf } = state;
  if (!state.hasNext) return null;
  const last = rows[rows.length - 1];
  let compare =
    cursor?.reverse && cursor.offset !== 0 && last !== undefined
      ? positionOf(last)
      : state.nextPosition;
  let offset = 0;
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const position = positionOf(rows[i] as T);
    if (position !== compare) return { offset, reverse: false, position };
    compare = position;
    offset += 1;
  }
  // No row in the page has a position of its own.
  if (!state.hasPrevious) return { offset: state.pageSize, reverse: false, position: null };
  if (cursor?.reverse) return { offset: 0, reverse: false, position: state.previousPosition };
  return {
    offset: (cursor?.offset ?? 0) + state.pageSize,
    reverse: false,
    position: state.previousPosition,
  };
}

function previousCursor<T>(state: PageState<T>): Cursor | null {
  const { rows, cursor, positionOf } = state;
  if (!state.hasPrevious) return null;
  const first = rows[0];
  let compare =
    cursor && !cursor.reverse && cursor.offset !== 0 && first !== undefined
      ? positionOf(first)
      : state.previousPosition;
  let offset = 0;
  for (const row of rows) {
    const position = positionOf(row);
    if (position !== compare) return { offset, reverse: true, position };
    compare = position;
    offset += 1;
  }
  if (!state.hasNext) return { offset: state.pageSize, reverse: true, position: null };
  if (cursor?.reverse) {
    return { offset: cursor.offset + state.pageSize, reverse: true, position: state.nextPosition };
  }
  return { offset: 0, reverse: true, position: state.nextPosition };
}

/**
 * One page of `rows`, which must be sorted by position ascending (ties in a stable order).
 */
export function paginate<T>(
  rows: readonly T[],
  positionOf: (row: T) => number,
  cursor: Cursor | null,
  pageSize: number,
): Page<T> {
  const offset = cursor?.offset ?? 0;
  const reverse = cursor?.reverse ?? false;
  const current = cursor?.position ?? null;
  let ordered = reverse ? [...rows].reverse() : rows;
  if (current !== null) {
    ordered = ordered.filter((row) =>
      reverse ? positionOf(row) < current : positionOf(row) > current,
    );
  }
  const results = ordered.slice(offset, offset + pageSize + 1);
  const pageRows = results.slice(0, pageSize);
  const following = results.length > pageRows.length ? results[results.length - 1] : undefined;
  const followingPosition = following === undefined ? null : positionOf(following);
  if (reverse) pageRows.reverse();

  const moved = current !== null || offset > 0;
  const state: PageState<T> = {
    rows: pageRows,
    cursor,
    positionOf,
    pageSize,
    hasNext: reverse ? moved : following !== undefined,
    hasPrevious: reverse ? following !== undefined : moved,
    nextPosition: reverse ? current : followingPosition,
    previousPosition: reverse ? followingPosition : current,
  };
  return { rows: pageRows, next: nextCursor(state), previous: previousCursor(state) };
}
