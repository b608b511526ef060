/**
 * Where an import of one series starts so that `sum` stays continuous (integrations-reference §2.6):
 * the first local hour that Home Assistant does not hold exactly — missing (new data), a different hourly
 * value (a repaired day), or a sum step that is not the hour's value — and the sum HA holds just before
 * it. Everything from that hour on is sent again with its sum recomputed from there, so a repaired past
 * day shifts every later sum consistently and new hours continue from HA's last statistic. Comparisons are
 * made in integer base units (watt-minutes, micro-euros), so float noise in HA's answers cannot fake a change.
 */

/** One hourly row as HA answers it (`types: ["state", "sum"]`), in the series' unit. */
export interface HaRow {
  state?: number | null | undefined;
  sum?: number | null | undefined;
}

export interface SeriesStart {
  /** Index of the first local hour to send (`starts.length` when HA already holds everything). */
  from: number;
  /** Sum (base units) HA holds right before that hour. */
  baseUnits: number;
}

export function resumePoint(
  starts: readonly number[],
  values: readonly number[],
  scale: number,
  held: ReadonlyMap<number, HaRow>,
  /** HA's sum (base units) of its last row before the first local hour; 0 when it has none. */
  sumBefore: number,
): SeriesStart {
  let previous = sumBefore;
  for (let i = 0; i < starts.length; i++) {
    const row = held.get(starts[i] ?? 0);
    const value = values[i] ?? 0;
    if (!row || typeof row.sum !== 'number') {
      return { from: i, baseUnits: previous };
    }
    const sum = Math.round(row.sum * scale);
    const stateDiffers = typeof row.state === 'number' && Math.round(row.state * scale) !== value;
    if (stateDiffers || sum - previous !== value) {
      return { from: i, baseUnits: previous };
    }
    previous = sum;
  }
  return { from: starts.length, baseUnits: previous };
}
