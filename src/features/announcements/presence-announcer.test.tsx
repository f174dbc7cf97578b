import { act, render, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { PresenceNews } from '../../domain/presence-news';
import { ANNOUNCEMENT_GAP_MS, PresenceAnnouncer } from './presence-announcer';
import { newsSource } from '../../testing/news-source';

const join = (name: string): PresenceNews => ({
  joined: [{ uuid: name, name, isHost: false }],
  left: [],
});
const leave = (name: string): PresenceNews => ({
  joined: [],
  left: [{ uuid: name, name, isHost: false }],
});

afterEach(() => {
  vi.useRealTimers();
});

describe('announcing joins and leaves', () => {
  it('announces in a polite live region, batching what arrives within a few seconds', () => {
    vi.useFakeTimers();
    const source = newsSource();
    render(<PresenceAnnouncer subscribeToNews={source.subscribe} enabled />);
    const region = screen.getByTestId('presence-announcer');
    expect(region).toHaveAttribute('aria-live', 'polite');

    source.send(join('Ada'));
    expect(region).toHaveTextContent('1 joined: Ada');

    source.send(join('Bob'));
    source.send(join('Cy'));
    source.send(leave('Dee'));
    expect(region).toHaveTextContent('1 joined: Ada');
    act(() => {
      vi.advanceTimersByTime(ANNOUNCEMENT_GAP_MS);
    });
    expect(region).toHaveTextContent('2 joined: Bob, Cy; 1 left: Dee');
  });

  it('says nothing about the history load', () => {
    const source = newsSource();
    const { rerender } = render(
      <PresenceAnnouncer subscribeToNews={source.subscribe} enabled={false} />,
    );
    source.send(join('Ada'));
    expect(screen.getByTestId('presence-announcer').textContent).toBe('');
    rerender(<PresenceAnnouncer subscribeToNews={source.subscribe} enabled />);
    source.send(join('Bob'));
    expect(screen.getByTestId('presence-announcer')).toHaveTextContent('1 joined: Bob');
  });
});
