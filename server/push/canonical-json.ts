/**
 * Attendee signs its webhooks over the envelope as Python's `json.dumps(payload, sort_keys=True,
 * ensure_ascii=False, separators=(",", ":"))` writes it, not over the body it sends
 * (docs/attendee-api.md, "Webhooks"). `JSON.parse` then `JSON.stringify` cannot rebuild that: it
 * turns `1.0` into `1` and `1e-05` into `0.00001`, and the signature no longer matches. So this
 * small parser keeps each number's text as sent (Python writes the same float text in the body
 * and in the signed form) and writes the canonical form as it reads, beside the plain value.
 * A library that keeps number text would do too; this is 150 lines we can test to the byte.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface CanonicalJson {
  /** The bytes Attendee signed, as a string (UTF-8 encode it before hashing). */
  canonical: string;
  value: JsonValue;
}

export class JsonSyntaxError extends Error {}

/** Deeper than any envelope Attendee sends; bounds the recursion a hostile body could ask for. */
const MAX_DEPTH = 64;

/** Python's escapes with ensure_ascii=False: `"`, `\`, and control characters; the rest as is. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function pythonJsonString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f]/g, (character) => {
    return (
      SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
  });
  return `"${escaped}"`;
}

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
function byCodePoint(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Python writes these for non-finite floats (allow_nan defaults to True). */
const NON_FINITE = /-?Infinity|NaN/y;
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

class Reader {
  position = 0;
  constructor(private readonly text: string) {}

  skipWhitespace() {
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.exec(this.text);
    this.position = WHITESPACE.lastIndex;
  }

  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (found === null) return null;
    this.position = pattern.lastIndex;
    return found[0];
  }

  peek(): string | undefined {
    return this.text[this.position];
  }

  accept(literal: string): boolean {
    if (!this.text.startsWith(literal, this.position)) return false;
    this.position += literal.length;
    return true;
  }

  expect(literal: string) {
    if (!this.text.startsWith(literal, this.position)) this.fail(`expected ${literal}`);
    this.position += literal.length;
  }

  fail(message: string): never {
    throw new JsonSyntaxError(`${message} at character ${this.position}`);
  }

  get done(): boolean {
    return this.position >= this.text.length;
  }
}

function readString(reader: Reader): string {
  const token = reader.match(STRING);
  if (token === null) reader.fail('expected a string');
  return JSON.parse(token) as string;
}

function readValue(reader: Reader, depth: number): CanonicalJson {
  if (depth > MAX_DEPTH) reader.fail('nested too deeply');
  reader.skipWhitespace();
  const next = reader.peek();
  if (next === '{') return readObject(reader, depth);
  if (next === '[') return readArray(reader, depth);
  if (next === '"') {
    const value = readString(reader);
    return { canonical: pythonJsonString(value), value };
  }
  for (const [literal, value] of LITERALS) {
    if (reader.accept(literal)) return { canonical: literal, value };
  }
  const number = reader.match(NUMBER) ?? reader.match(NON_FINITE);
  if (number === null) reader.fail('expected a value');
  return { canonical: number, value: Number(number) };
}

function readArray(reader: Reader, depth: number): CanonicalJson {
  reader.expect('[');
  const items: CanonicalJson[] = [];
  reader.skipWhitespace();
  if (reader.peek() === ']') reader.expect(']');
  else {
    for (;;) {
      items.push(readValue(reader, depth + 1));
      reader.skipWhitespace();
      if (reader.peek() === ',') reader.expect(',');
      else {
        reader.expect(']');
        break;
      }
    }
  }
  return {
    canonical: `[${items.map((item) => item.canonical).join(',')}]`,
    value: items.map((item) => item.value),
  };
}

function readObject(reader: Reader, depth: number): CanonicalJson {
  reader.expect('{');
  // A key given twice keeps its last value, as Python's json.loads (and JSON.parse) do.
  const members = new Map<string, CanonicalJson>();
  reader.skipWhitespace();
  if (reader.peek() === '}') reader.expect('}');
  else {
    for (;;) {
      reader.skipWhitespace();
      const key = readString(reader);
      reader.skipWhitespace();
      reader.expect(':');
      members.set(key, readValue(reader, depth + 1));
      reader.skipWhitespace();
      if (reader.peek() === ',') reader.expect(',');
      else {
        reader.expect('}');
        break;
      }
    }
  }
  const keys = [...members.keys()].sort(byCodePoint);
  const value: { [key: string]: JsonValue } = {};
  for (const key of keys) {
    // defineProperty, not assignment: a key named `__proto__` stays a plain key.
    Object.defineProperty(value, key, {
      value: members.get(key)!.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    canonical: `{${keys.map((key) => `${pythonJsonString(key)}:${members.get(key)!.canonical}`).join(',')}}`,
    value,
  };
}

/** Parses a JSON text and writes the canonical form Attendee signs. Throws JsonSyntaxError. */
export function parseCanonicalJson(text: string): CanonicalJson {
  const reader = new Reader(text);
  const result = readValue(reader, 0);
  reader.skipWhitespace();
  if (!reader.done) reader.fail('unexpected text after the value');
  return result;
}
