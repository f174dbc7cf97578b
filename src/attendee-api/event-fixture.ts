/** A participant event exactly as the API documents it, for tests to vary. */
export const goodEvent = {
  id: 'pe_abcdefghijklmnop',
  participant_name: 'Ada',
  participant_uuid: '16778240',
  participant_user_uuid: null,
  participant_is_host: true,
  event_type: 'join',
  event_data: {},
  timestamp_ms: 1737203696000,
};
