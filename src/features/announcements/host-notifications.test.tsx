import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import type { PresenceNews } from '../../domain/presence-news';
import { HostNotifications } from './host-notifications';
import { afterNextPaint } from '../../testing/after-next-paint';
import { usePageTitle } from './use-page-title';
import { newsSource } from '../../testing/news-source';

function stubNotification(answer: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const requestPermission = vi.fn(async () => answer);
  class FakeNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission = requestPermission;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission };
}

const hostJoins: PresenceNews = {
  joined: [
    { uuid: 'h', name: 'Grace', isHost: true },
    { uuid: 'g', name: 'Guest', isHost: false },
  ],
  left: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('host notifications', () => {
  it('asks for permission only when ticked, then notifies when a host joins', async () => {
    const { shown, requestPermission } = stubNotification('granted');
    const source = newsSource();
    render(<HostNotifications subscribeToNews={source.subscribe} enabled />);
    expect(requestPermission).not.toHaveBeenCalled();
    source.send(hostJoins);
    expect(shown).toEqual([]);

    await userEvent.setup().click(screen.getByLabelText('Notify me when a host joins or leaves'));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Notify me when a host joins or leaves')).toBeChecked();
    await afterNextPaint();
    source.send(hostJoins);
    source.send({ joined: [], left: [{ uuid: 'h', name: 'Grace', isHost: true }] });
    expect(shown.map((notification) => notification.title)).toEqual([
      'Host joined: Grace',
      'Host left: Grace',
    ]);
  });

  it('stays off and says why when permission is refused', async () => {
    const { shown } = stubNotification('denied');
    const source = newsSource();
    render(<HostNotifications subscribeToNews={source.subscribe} enabled />);
    await userEvent.setup().click(screen.getByLabelText('Notify me when a host joins or leaves'));
    expect(screen.getByLabelText('Notify me when a host joins or leaves')).not.toBeChecked();
    expect(screen.getByText(/Notifications are blocked/)).toBeInTheDocument();
    source.send(hostJoins);
    expect(shown).toEqual([]);
  });

  it('is not offered where the browser has no notifications', () => {
    vi.stubGlobal('Notification', undefined);
    const source = newsSource();
    render(<HostNotifications subscribeToNews={source.subscribe} enabled />);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('the page title', () => {
  it('shows how many are present, and goes back when the dashboard closes', async () => {
    const { rerender, unmount } = renderHook(({ count }) => usePageTitle(count), {
      initialProps: { count: null as number | null },
    });
    await waitFor(() => expect(document.title).toBe('Attendee Live'));
    rerender({ count: 34 });
    await waitFor(() => expect(document.title).toBe('(34) Attendee Live'));
    rerender({ count: 1240 });
    await waitFor(() => expect(document.title).toBe('(1,240) Attendee Live'));
    unmount();
    expect(document.title).toBe('Attendee Live');
  });

  it('changes after the frame that shows the new count, not in it', async () => {
    const { rerender, unmount } = renderHook(({ count }) => usePageTitle(count), {
      initialProps: { count: 5 },
    });
    await waitFor(() => expect(document.title).toBe('(5) Attendee Live'));
    rerender({ count: 6 });
    expect(document.title).toBe('(5) Attendee Live');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await waitFor(() => expect(document.title).toBe('(6) Attendee Live'));
    unmount();
  });

  it('says the meeting is over rather than a count', async () => {
    const { unmount } = renderHook(() => usePageTitle(3, true));
    await waitFor(() => expect(document.title).toBe('Meeting over · Attendee Live'));
    unmount();
    expect(document.title).toBe('Attendee Live');
  });
});
