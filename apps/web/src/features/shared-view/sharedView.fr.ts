// Strings of the read-only shared-data banner. Merged into i18n/fr.ts; sharedView.en.ts has the same keys.
export const frSharedView = {
  sharedView: {
    banner: 'Vous consultez en lecture seule les données partagées par {{owner}}.',
    leave: 'Quitter',
    leaveLabel: 'Quitter les données de {{owner}} et revenir aux miennes',
  },
};
