import type { MeterAddress } from './types.ts';

/**
 * Real French municipalities (INSEE code, postal code, approximate centre) used as default addresses.
 * The latitude also drives the solar model, so production differs a little between Lille and Nice.
 */
export const CITY_POOL: readonly Omit<MeterAddress, 'street'>[] = [
  { postalCode: '75015', inseeCode: '75115', city: 'PARIS', latitude: 48.8412, longitude: 2.3003, altitude: 38 },
  { postalCode: '69003', inseeCode: '69383', city: 'LYON', latitude: 45.7597, longitude: 4.8422, altitude: 170 },
  { postalCode: '31000', inseeCode: '31555', city: 'TOULOUSE', latitude: 43.6045, longitude: 1.444, altitude: 146 },
  { postalCode: '44000', inseeCode: '44109', city: 'NANTES', latitude: 47.2184, longitude: -1.5536, altitude: 20 },
  { postalCode: '59000', inseeCode: '59350', city: 'LILLE', latitude: 50.6292, longitude: 3.0573, altitude: 21 },
  { postalCode: '33000', inseeCode: '33063', city: 'BORDEAUX', latitude: 44.8378, longitude: -0.5792, altitude: 15 },
  { postalCode: '67000', inseeCode: '67482', city: 'STRASBOURG', latitude: 48.5734, longitude: 7.7521, altitude: 142 },
  { postalCode: '34000', inseeCode: '34172', city: 'MONTPELLIER', latitude: 43.6108, longitude: 3.8767, altitude: 27 },
  { postalCode: '35000', inseeCode: '35238', city: 'RENNES', latitude: 48.1173, longitude: -1.6778, altitude: 40 },
  {
    postalCode: '13100',
    inseeCode: '13001',
    city: 'AIX-EN-PROVENCE',
    latitude: 43.5297,
    longitude: 5.4474,
    altitude: 173,
  },
];

/** Street names combined with a house number derived from the PRM. */
export const STREET_POOL: readonly string[] = [
  'rue des Lilas',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'chemin des Vignes',
  'boulevard Pasteur',
  'rue de la République',
  'impasse des Tilleuls',
  'allée des Peupliers',
];

/** The homologation address Enedis returns in its test environment. */
export const HOMOLOGATION_ADDRESS: MeterAddress = {
  street: "1 rue de l'homologation",
  postalCode: '60000',
  inseeCode: '60057',
  city: 'BEAUVAIS',
  latitude: 49.4295,
  longitude: 2.0807,
  altitude: 67,
};
