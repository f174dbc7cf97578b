import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldLook {
  /** Less padding: in a table row, or beside short text. */
  compact?: boolean;
  /** In dark mode, the panel's own colour rather than a darker well (the settings' selects). */
  flush?: boolean;
}

/** The frame every form control shares; what a control adds (width, text size) comes after. */
function fieldClasses({ compact = false, flush = false }: FieldLook, className: string): string {
  return `rounded-md border border-slate-300 bg-white px-2 ${compact ? 'py-1' : 'py-1.5'} dark:border-slate-600 ${flush ? 'dark:bg-slate-900' : 'dark:bg-slate-950'} ${className}`;
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & Pick<FieldLook, 'compact'>;

export function TextField({ compact, className = '', ...props }: TextFieldProps) {
  return <input className={fieldClasses({ compact }, className)} {...props} />;
}

/** A box whose text narrows what is shown below it, as the user types. */
export function SearchField({ className = '', ...props }: Omit<TextFieldProps, 'type'>) {
  return <TextField type="search" className={`text-sm ${className}`} {...props} />;
}

export function SelectField({
  compact,
  flush,
  className = '',
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & FieldLook) {
  return <select className={fieldClasses({ compact, flush }, className)} {...props} />;
}

export function TextArea({
  className = '',
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={fieldClasses({}, className)} {...props} />;
}
