/**
 * Words for event types and names. Event types are open-ended (see docs/attendee-api.md,
 * "Fields"): anything we do not know is shown as it is, never dropped.
 */

export function isSpeechEvent(eventType: string): boolean {
  return eventType === 'speech_start' || eventType === 'speech_stop';
}

// A switch rather than a lookup object: an event type such as "constructor" or "__proto__" must
// not find something on Object.prototype.
export function describeEvent(eventType: string): string {
  switch (eventType) {
    case 'join':
      return 'joined';
    case 'leave':
      return 'left';
    case 'speech_start':
      return 'started speaking';
    case 'speech_stop':
      return 'stopped speaking';
    case 'update':
      return 'updated';
    default:
      return `sent a "${eventType}" event`;
  }
}

const UNNAMED = 'Unnamed participant';

/** Names are chosen by participants: null, empty or only whitespace gets a readable stand-in. */
export function displayName(name: string | null): string {
  if (name === null || name.trim() === '') return UNNAMED;
  return name;
}
