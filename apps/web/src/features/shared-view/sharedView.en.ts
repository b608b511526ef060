import type { frSharedView } from './sharedView.fr.ts';

// Same keys as sharedView.fr.ts (see keys.test.ts).
export const enSharedView: typeof frSharedView = {
  sharedView: {
    banner: 'You are viewing, read-only, the data shared by {{owner}}.',
    leave: 'Leave',
    leaveLabel: 'Leave the data of {{owner}} and return to mine',
  },
};
