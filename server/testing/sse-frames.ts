/** One Server-Sent Events frame: its `event:` (or null for a comment) and its data. */
export interface SseFrame {
  event: string | null;
  data: string;
}

/** The frames of a `text/event-stream` body as they arrive, comments included. */
export async function* sseFrames(response: Response): AsyncGenerator<SseFrame> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let end;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let event: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
        else if (line.startsWith(':')) data.push(line.slice(1).trim());
      }
      yield { event, data: data.join('\n') };
    }
  }
}

/** The next frame that is not a comment, or null when the stream ended first. */
export async function nextMessage(frames: AsyncGenerator<SseFrame>): Promise<SseFrame | null> {
  for (;;) {
    const { value, done } = await frames.next();
    if (done) return null;
    if (value.event !== null) return value;
  }
}
