/**
 * The card every part of the page sits on (a section, a form, a list, a dialog): add the padding
 * and layout after it.
 */
export const panelClasses =
  'rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900';
