import {
  applyThemePreference,
  readThemePreference,
  storeThemePreference,
} from './theme-preference';

describe('the theme preference', () => {
  it('is remembered, and "system" forgets it and leaves the choice to the media query', () => {
    expect(readThemePreference()).toBe('system');
    storeThemePreference('dark');
    expect(readThemePreference()).toBe('dark');
    applyThemePreference('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');

    storeThemePreference('system');
    expect(readThemePreference()).toBe('system');
    applyThemePreference('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('attendee-live:theme', 'sepia');
    expect(readThemePreference()).toBe('system');
    localStorage.clear();
  });
});
