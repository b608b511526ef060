import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { inputClass } from './fieldStyles.ts';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  label: string;
  children: ReactNode;
  className?: string;
}

/**
 * A labelled select. The label points at the select (not wrapping it), so its accessible name is the
 * label alone, not the label followed by every option.
 */
export function SelectField({ label, children, className = '', ...props }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} className={`${inputClass} mt-1`} {...props}>
        {children}
      </select>
    </div>
  );
}
