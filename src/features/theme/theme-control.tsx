import { useId, useState } from 'react';
import {
  applyThemePreference,
  readThemePreference,
  storeThemePreference,
  type ThemePreference,
} from './theme-preference';

/** System, light or dark; remembered on this device. */
export function ThemeControl() {
  const id = useId();
  const [preference, setPreference] = useState(() => readThemePreference());
  const choose = (next: ThemePreference) => {
    setPreference(next);
    storeThemePreference(next);
    applyThemePreference(next);
  };
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={preference}
        onChange={(event) => choose(event.target.value as ThemePreference)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
