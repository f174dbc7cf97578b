import type { SelectHTMLAttributes } from 'react';
import { fieldClasses, type FieldLook } from './field-classes';

export function SelectField({
  compact,
  flush,
  className = '',
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & FieldLook) {
  return <select className={fieldClasses({ compact, flush }, className)} {...props} />;
}
