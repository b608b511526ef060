import type { Pdl } from '@med/contracts';

export type MoveDirection = 'up' | 'down';

/** A copy of `items` with the item at `index` swapped with its neighbour; unchanged at the edges. */
export function moveItem<T>(items: readonly T[], index: number, direction: MoveDirection): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  const copy = [...items];
  const moving = copy[index];
  const neighbour = copy[target];
  if (moving === undefined || neighbour === undefined) {
    return copy;
  }
  copy[target] = moving;
  copy[index] = neighbour;
  return copy;
}

/** The `PATCH /pdl/reorder` payload: every PDL with its position as `order`. */
export function toReorderPayload(pdls: readonly Pick<Pdl, 'id'>[]): { id: string; order: number }[] {
  return pdls.map((pdl, order) => ({ id: pdl.id, order }));
}

/** The list with `updated` in place of the PDL that has the same id (appended if absent). */
export function replacePdl(pdls: readonly Pdl[], updated: Pdl): Pdl[] {
  const found = pdls.some((pdl) => pdl.id === updated.id);
  return found ? pdls.map((pdl) => (pdl.id === updated.id ? updated : pdl)) : [...pdls, updated];
}

/** The label shown for a PDL: its name when it has one, else its number. */
export function pdlDisplayName(pdl: Pick<Pdl, 'name' | 'usage_point_id'>): string {
  const name = pdl.name?.trim();
  return name ? name : pdl.usage_point_id;
}
