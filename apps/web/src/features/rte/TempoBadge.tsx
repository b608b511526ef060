import type { TempoColour } from '@med/core';
import { useTranslation } from 'react-i18next';
import { TEMPO_SWATCH, UNKNOWN_SWATCH } from './colors.ts';

interface TempoBadgeProps {
  colour: TempoColour | null;
  size?: 'md' | 'lg';
}

/** A Tempo colour as a coloured pill that also says its name ("Bleu"). */
export function TempoBadge({ colour, size = 'md' }: TempoBadgeProps) {
  const { t } = useTranslation();
  const swatch = colour ? TEMPO_SWATCH[colour] : UNKNOWN_SWATCH;
  const sizing = size === 'lg' ? 'px-4 py-1.5 text-xl' : 'px-2.5 py-0.5 text-sm';
  return (
    <span
      data-testid="tempo-colour"
      className={`inline-flex items-center rounded-full border font-bold ${sizing} ${swatch}`}
    >
      {t(`rte.tempo.colours.${colour ?? 'unknown'}`)}
    </span>
  );
}
