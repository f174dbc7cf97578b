import { describe, expect, it } from 'vitest';
import { createServerLog } from './server-log.ts';

describe('the server log', () => {
  it('names the request an error happened in, as text and as JSON', () => {
    const lines: string[] = [];
    createServerLog('text', (line) => lines.push(line)).error('GET /x: broken', 'abc-1');
    createServerLog('json', (line) => lines.push(line)).error('GET /x: broken', 'abc-1');
    expect(lines[0]).toBe('error: GET /x: broken reqId=abc-1');
    expect(JSON.parse(lines[1]!)).toMatchObject({
      level: 'error',
      msg: 'GET /x: broken',
      reqId: 'abc-1',
    });
  });

  it('writes an error outside any request without an id', () => {
    const lines: string[] = [];
    createServerLog('text', (line) => lines.push(line)).error('while stopping: late');
    createServerLog('json', (line) => lines.push(line)).error('while stopping: late');
    expect(lines[0]).toBe('error: while stopping: late');
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('reqId');
  });
});
