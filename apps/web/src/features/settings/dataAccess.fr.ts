// Strings of the audit trail under the data-sharing switch in Settings. Merged into i18n/fr.ts;
// dataAccess.en.ts must have exactly the same keys (see keys.test.ts).
export const frDataAccess = {
  dataAccess: {
    title: 'Consultations de vos données par les administrateurs',
    empty: 'Aucun administrateur n’a consulté vos données.',
    loadError: 'Le journal des consultations est indisponible pour le moment.',
    total_one: '{{count}} consultation enregistrée.',
    total_other: '{{count}} consultations enregistrées.',
    truncated: 'Seules les {{shown}} plus récentes sont affichées.',
    entry: '{{who}} a lu {{route}}',
    meter: 'point de livraison {{prm}}',
  },
};
