import type { HTMLAttributes } from 'react';

/**
 * The card every part of the page sits on, for an element that is not a section (a form, a list,
 * a dialog): add the padding and layout after it.
 */
export const panelClasses =
  'rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900';

/** A section of the page on its card; name it (`aria-labelledby`) as a region. */
export function Panel({ className = '', ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={`${panelClasses} ${className}`} {...props} />;
}
