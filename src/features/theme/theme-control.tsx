import { useId, useState } from 'react';
import {
  applyThemePreference,
  readThemePreference,
  storeThemePreference,
  type ThemePreference,
} from './theme-preference';
import { SelectField } from '../../components/ui/field';

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
      <SelectField
        flush
        id={id}
        value={preference}
        onChange={(event) => choose(event.target.value as ThemePreference)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </SelectField>
    </div>
  );
}
