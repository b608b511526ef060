import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { blockedStatus } from '../consent/consentState.ts';
import { pdlDisplayName } from '../pdl/pdlList.ts';
import { splitOptions, type BlockedOf } from './pdlSelection.ts';

interface PdlPickerProps {
  options: readonly Pdl[];
  /** Null when no option can be read: the picker then asks for a choice. */
  selected: Pdl | null;
  onSelect: (usagePointId: string) => void;
  label?: string;
  /** Text of each option; defaults to the PDL name and number. */
  describe?: (pdl: Pdl) => string;
  /** Why an option's data cannot be read; defaults to its own consent state. */
  blockedOf?: BlockedOf;
}

/**
 * The meter selector of the metering pages. Meters whose data can be read come first; the others stay
 * selectable (the page then explains why there is no data) but are grouped apart and say their state.
 */
export function PdlPicker({ options, selected, onSelect, label, describe, blockedOf = blockedStatus }: PdlPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const text = describe ?? ((pdl: Pdl) => (pdl.name ? `${pdl.name} (${pdl.usage_point_id})` : pdlDisplayName(pdl)));
  const { readable, blocked } = splitOptions(options, blockedOf);
  const blockedOptions = blocked.map(({ pdl, status }) => (
    <option key={pdl.id} value={pdl.usage_point_id}>
      {t(`consent.picker.${status}`, { name: text(pdl) })}
    </option>
  ));
  return (
    <div className="max-w-md">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label ?? t('metering.picker.label')}
      </label>
      <select
        id={id}
        className={inputClass}
        value={selected?.usage_point_id ?? ''}
        onChange={(event) => onSelect(event.target.value)}
        disabled={options.length < 2 && selected !== null}
      >
        {selected === null && (
          <option value="" disabled>
            {t('consent.picker.placeholder')}
          </option>
        )}
        {readable.map((pdl) => (
          <option key={pdl.id} value={pdl.usage_point_id}>
            {text(pdl)}
          </option>
        ))}
        {blocked.length > 0 && readable.length > 0 ? (
          <optgroup label={t('consent.picker.blockedGroup')}>{blockedOptions}</optgroup>
        ) : (
          blockedOptions
        )}
      </select>
    </div>
  );
}
