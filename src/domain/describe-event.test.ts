import { describeEvent, displayName, isSpeechEvent } from './describe-event';

describe('describeEvent', () => {
  it('puts the known event types into words', () => {
    expect(describeEvent('join')).toBe('joined');
    expect(describeEvent('leave')).toBe('left');
    expect(describeEvent('speech_start')).toBe('started speaking');
    expect(describeEvent('speech_stop')).toBe('stopped speaking');
    expect(describeEvent('update')).toBe('updated');
  });

  it('shows an event type it does not know as it is', () => {
    expect(describeEvent('hand_raised')).toBe('sent a "hand_raised" event');
    expect(describeEvent('')).toBe('sent a "" event');
  });

  it('is not fooled by event types named like object properties', () => {
    expect(describeEvent('constructor')).toBe('sent a "constructor" event');
    expect(describeEvent('__proto__')).toBe('sent a "__proto__" event');
    expect(describeEvent('toString')).toBe('sent a "toString" event');
  });
});

describe('isSpeechEvent', () => {
  it('recognises speech start and stop and nothing else', () => {
    expect(isSpeechEvent('speech_start')).toBe(true);
    expect(isSpeechEvent('speech_stop')).toBe(true);
    expect(isSpeechEvent('join')).toBe(false);
    expect(isSpeechEvent('leave')).toBe(false);
    expect(isSpeechEvent('speech')).toBe(false);
  });
});

describe('displayName', () => {
  it('calls a participant without a name "Unnamed participant"', () => {
    expect(displayName(null)).toBe('Unnamed participant');
    expect(displayName('')).toBe('Unnamed participant');
  });

  it('calls a participant whose name is only blanks "Unnamed participant"', () => {
    expect(displayName('   ')).toBe('Unnamed participant');
    expect(displayName('\t\n\u00a0\u3000')).toBe('Unnamed participant');
  });

  it('shows any other name exactly as the participant wrote it', () => {
    expect(displayName('Ada')).toBe('Ada');
    expect(displayName('  Ada  ')).toBe('  Ada  ');
    expect(displayName('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(displayName('🦊 Zoë')).toBe('🦊 Zoë');
  });
});
