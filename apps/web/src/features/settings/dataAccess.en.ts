import type { frDataAccess } from './dataAccess.fr.ts';

// Same keys as dataAccess.fr.ts (see keys.test.ts).
export const enDataAccess: typeof frDataAccess = {
  dataAccess: {
    title: 'Reads of your data by administrators',
    empty: 'No administrator has read your data.',
    loadError: 'The log of reads is unavailable right now.',
    total_one: '{{count}} read recorded.',
    total_other: '{{count}} reads recorded.',
    truncated: 'Only the latest {{shown}} are shown.',
    entry: '{{who}} read {{route}}',
    meter: 'delivery point {{prm}}',
  },
};
