import type { Permission } from '@med/contracts';
import { useId } from 'react';

interface PermissionChecklistProps {
  legend: string;
  permissions: Permission[];
  checked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/** Every permission as a checkbox, grouped as the reference groups them (by resource). */
export function PermissionChecklist({ legend, permissions, checked, onChange }: PermissionChecklistProps) {
  const id = useId();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {permissions.map((permission) => {
          const boxId = `${id}-${permission.id}`;
          return (
            <div key={permission.id} className="flex min-h-11 items-center gap-2">
              <input
                id={boxId}
                type="checkbox"
                className="size-5 accent-sky-700"
                checked={checked.has(permission.id)}
                onChange={(event) => {
                  const next = new Set(checked);
                  if (event.target.checked) {
                    next.add(permission.id);
                  } else {
                    next.delete(permission.id);
                  }
                  onChange(next);
                }}
              />
              <label htmlFor={boxId} className="text-sm">
                {permission.display_name}{' '}
                <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{permission.name}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
