import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { fieldClasses, type FieldLook } from './field-classes';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & Pick<FieldLook, 'compact'>;

export function TextField({ compact, className = '', ...props }: TextFieldProps) {
  return <input className={fieldClasses({ compact }, className)} {...props} />;
}

/** A box whose text narrows what is shown below it, as the user types. */
export function SearchField({ className = '', ...props }: Omit<TextFieldProps, 'type'>) {
  return <TextField type="search" className={`text-sm ${className}`} {...props} />;
}

export function TextArea({
  className = '',
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={fieldClasses({}, className)} {...props} />;
}
