import { botIdFromLocation, botIdProblem } from './bot-id';

describe('bot ID check', () => {
  it('accepts bot_ followed by letters and digits', () => {
    expect(botIdProblem('bot_weIAju4OXNZkDTpZ')).toBeNull();
    expect(botIdProblem('  bot_weIAju4OXNZkDTpZ ')).toBeNull();
  });

  it.each([
    ['', 'Enter the bot ID'],
    ['weIAju4OXNZkDTpZ', 'starts with'],
    ['bot_', 'only letters and digits'],
    ['bot_../../admin', 'only letters and digits'],
    ['bot_abc/participants', 'only letters and digits'],
    ['bot_abc def', 'only letters and digits'],
    ['bot_abc.def', 'only letters and digits'],
    ['bot_abc?x=1', 'only letters and digits'],
    ['bot_%2e%2e', 'only letters and digits'],
    ['bot_abc#frag', 'only letters and digits'],
    ['bot_abc\\..\\x', 'only letters and digits'],
    ['https://evil.example/bot_x', 'starts with'],
    ['//evil.example/bot_abc', 'starts with'],
    ['abc', 'starts with'],
  ])('refuses %j before any request', (value, message) => {
    expect(botIdProblem(value)).toContain(message);
  });

  it('pre-fills from ?bot= only when the value is a plausible ID', () => {
    expect(botIdFromLocation('?bot=bot_abc123')).toBe('bot_abc123');
    expect(botIdFromLocation('?bot=bot_../x')).toBe('');
    expect(botIdFromLocation(`?bot=${encodeURIComponent('bot_../../admin')}`)).toBe('');
    expect(botIdFromLocation('')).toBe('');
  });
});
