/** Tariff engine: exact costs of consumption for every offer type of the offers data set. */
export * from './types.ts';
export { OFFER_BANDS, OFFER_TYPES, isOfferType } from './bands.ts';
export { prepareConsumption, type PreparedConsumption, type PreparedDay } from './prepare.ts';
export * from './price-offer.ts';
export { toMicroEuros } from './money.ts';
export * from './simulate.ts';
export * from './hourly-bands.ts';
