import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { pdlDisplayName } from '../pdl/pdlList.ts';

interface PdlPickerProps {
  options: readonly Pdl[];
  selected: Pdl;
  onSelect: (usagePointId: string) => void;
  label?: string;
  /** Text of each option; defaults to the PDL name and number. */
  describe?: (pdl: Pdl) => string;
}

export function PdlPicker({ options, selected, onSelect, label, describe }: PdlPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const text = describe ?? ((pdl: Pdl) => (pdl.name ? `${pdl.name} (${pdl.usage_point_id})` : pdlDisplayName(pdl)));
  return (
    <div className="max-w-md">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label ?? t('metering.picker.label')}
      </label>
      <select
        id={id}
        className={inputClass}
        value={selected.usage_point_id}
        onChange={(event) => onSelect(event.target.value)}
        disabled={options.length < 2}
      >
        {options.map((pdl) => (
          <option key={pdl.id} value={pdl.usage_point_id}>
            {text(pdl)}
          </option>
        ))}
      </select>
    </div>
  );
}
