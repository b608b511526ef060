/**
 * The three meters of the MyElectricalData demo account (upstream-reference §2.4). They behave like
 * real customer meters: the consent page must be used (or `autoSelect`) before their data is served.
 */
import type { MeterCustomer, MeterInput } from './types.ts';

/** One person holds the three contracts, as in the upstream demo account. */
const DEMO_CUSTOMER: MeterCustomer = {
  customerId: '7135218549',
  title: 'Mme',
  firstname: 'Claire',
  lastname: 'Démo',
  email: 'demo@myelectricaldata.fr',
  phone: '0612345678',
};

export const DEMO_METERS: readonly MeterInput[] = [
  {
    prm: '04004253849200',
    label: 'Démo : résidence principale',
    activationDate: '2018-04-09',
    subscribedKva: 6,
    offpeakHours: ['22:00-06:00'],
    dailyKwh: 20,
    address: {
      street: '12 rue des Lilas',
      postalCode: '75015',
      inseeCode: '75115',
      city: 'PARIS',
      latitude: 48.8412,
      longitude: 2.3003,
      altitude: 38,
    },
    customer: DEMO_CUSTOMER,
  },
  {
    prm: '04004253849201',
    label: 'Démo : maison solaire',
    directions: ['consumption', 'production'],
    activationDate: '2019-05-20',
    subscribedKva: 9,
    offpeakHours: ['02:00-07:00', '13:00-16:00'],
    dailyKwh: 25,
    peakKw: 6,
    address: {
      street: '4 chemin des Vignes',
      postalCode: '13100',
      inseeCode: '13001',
      city: 'AIX-EN-PROVENCE',
      latitude: 43.5297,
      longitude: 5.4474,
      altitude: 173,
    },
    customer: DEMO_CUSTOMER,
  },
  {
    prm: '04004253849202',
    label: 'Démo : résidence secondaire',
    activationDate: '2018-07-02',
    subscribedKva: 3,
    offpeakHours: null,
    dailyKwh: 12,
    electricHeating: false,
    occupiedMonths: [1, 7, 8, 12],
    address: {
      street: '8 allée des Peupliers',
      postalCode: '56170',
      inseeCode: '56186',
      city: 'QUIBERON',
      latitude: 47.4836,
      longitude: -3.1197,
      altitude: 10,
    },
    customer: DEMO_CUSTOMER,
  },
];
