import { useState } from 'react';

export interface DesktopNotificationsChoice {
  /** False where the browser has no notifications: offer nothing then. */
  supported: boolean;
  /** Ticked, and the browser allows them. */
  wanted: boolean;
  /** Why they could not be turned on, for the page to say; null when nothing is wrong. */
  problem: string | null;
  toggle(checked: boolean): Promise<void>;
}

/**
 * An opt-in to desktop notifications behind a checkbox: permission is asked only when the box is
 * ticked, never on page load, and a refusal leaves it unticked with the reason.
 */
export function useDesktopNotifications(): DesktopNotificationsChoice {
  const [wanted, setWanted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async (checked: boolean) => {
    setProblem(null);
    if (!checked) return setWanted(false);
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    if (permission === 'granted') return setWanted(true);
    setProblem('Notifications are blocked for this page; allow them in the browser’s settings.');
  };
  return { supported: typeof Notification !== 'undefined', wanted, problem, toggle };
}
