/** `bot_` then letters and digits (docs/attendee-api.md): checked before any request. */
const BOT_ID_PATTERN = /^bot_[A-Za-z0-9]{1,64}$/;

/** The message to show at the field, or null when the ID is acceptable. */
export function botIdProblem(value: string): string | null {
  const id = value.trim();
  if (id === '') return 'Enter the bot ID, for example bot_weIAju4OXNZkDTpZ.';
  if (!id.startsWith('bot_'))
    return 'A bot ID starts with “bot_”, for example bot_weIAju4OXNZkDTpZ.';
  if (!BOT_ID_PATTERN.test(id)) {
    return 'A bot ID has only letters and digits after “bot_” (no spaces, slashes or dots).';
  }
  return null;
}

/** `?bot=bot_…` pre-fills the form; anything that is not a plausible ID is ignored. */
export function botIdFromLocation(search: string): string {
  const id = new URLSearchParams(search).get('bot') ?? '';
  return botIdProblem(id) === null ? id.trim() : '';
}
