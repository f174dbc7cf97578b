export interface FieldLook {
  /** Less padding: in a table row, or beside short text. */
  compact?: boolean;
  /** In dark mode, the panel's own colour rather than a darker well (the settings' selects). */
  flush?: boolean;
}

/**
 * The frame every form control shares (text-field.tsx, select-field.tsx); what a control adds
 * (width, text size) comes after. A module of its own so that the connect screen's chunk takes
 * only the controls it shows.
 */
export function fieldClasses({ compact = false, flush = false }: FieldLook, className: string) {
  return `rounded-md border border-slate-300 bg-white px-2 ${compact ? 'py-1' : 'py-1.5'} dark:border-slate-600 ${flush ? 'dark:bg-slate-900' : 'dark:bg-slate-950'} ${className}`;
}
