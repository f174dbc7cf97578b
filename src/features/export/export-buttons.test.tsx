import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { makeEvent } from '../../domain/event-fixtures';
import { createInsightsFeed } from '../../domain/insights/insights-fixtures';
import { participantRows } from '../../domain/insights/participant-rows';
import { ExportButtons } from './export-buttons';
import { captureDownloads, textOf } from '../../testing/capture-downloads';

function meeting() {
  const events = [
    makeEvent('pe_1', 'a', 'join', Date.UTC(2026, 10, 24, 12), { participant_name: '=1+1' }),
    makeEvent('pe_2', 'b', 'join', Date.UTC(2026, 10, 24, 12, 1), {
      participant_name: 'Grace, "the host"',
      participant_is_host: true,
    }),
    makeEvent('pe_3', 'a', 'leave', Date.UTC(2026, 10, 24, 12, 5), { participant_name: '=1+1' }),
  ];
  const { insights } = createInsightsFeed(events);
  return { insights, events };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exporting', () => {
  it('downloads the participants as CSV: a header row, one row per person, formulas disarmed', async () => {
    const { blobs, names } = captureDownloads();
    const { insights, events } = meeting();
    render(
      <ExportButtons
        botId="bot_abc123"
        readRows={() => participantRows(insights, Date.UTC(2026, 10, 24, 12, 10))}
        readEvents={() => events}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(names[0]).toMatch(/^attendee-bot_abc123-participants-\d{8}-\d{6}\.csv$/);
    const lines = (await textOf(blobs[0]!)).split('\r\n');
    expect(lines[0]).toMatch(/^name,host,present,first_join,last_leave,time_present_seconds/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^'=1\+1,no,no,2026-11-24T\d\d:00:00(Z|[+-]\d\d:\d\d),/);
    expect(lines[2]).toMatch(/^"Grace, ""the host""",yes,yes,/);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
  });

  it('downloads the raw events as CSV and as JSON', async () => {
    const { blobs, names } = captureDownloads();
    const { insights, events } = meeting();
    render(
      <ExportButtons
        botId="bot_abc123"
        readRows={() => participantRows(insights, Date.now())}
        readEvents={() => events}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export events (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Export events (JSON)' }));

    expect(names[0]).toMatch(/^attendee-bot_abc123-events-\d{8}-\d{6}\.csv$/);
    expect(names[1]).toMatch(/^attendee-bot_abc123-events-\d{8}-\d{6}\.json$/);
    const csv = await textOf(blobs[0]!);
    expect(csv.split('\r\n')[0]).toBe(
      'id,time,timestamp_ms,event_type,participant_name,participant_uuid,participant_user_uuid,participant_is_host,event_data',
    );
    expect(csv).toContain('pe_1,2026-11-24T');
    expect(JSON.parse(await textOf(blobs[1]!))).toEqual(events);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
