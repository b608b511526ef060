/**
 * The fake clients of the Enedis Data Connect sandbox (sandbox guide, reference §A8). Like the real
 * sandbox, the application already holds consent for all of them (except client 8, revoked at once).
 * Activation dates marked "since rollout" are set during the Linky rollout (2016–2017), far beyond
 * the 36-month history limit of any recent call.
 */
import { HOMOLOGATION_ADDRESS } from './addresses.ts';
import type { MeterInput } from './types.ts';

/** One fake client: its number (the last digit of `state` in the real sandbox) and its meters. */
export interface SandboxClient {
  number: number;
  description: string;
  meters: MeterInput[];
}

export const SANDBOX_CLIENTS: readonly SandboxClient[] = [
  {
    number: 0,
    description: '1 PRM de consommation, données complètes depuis la pose',
    meters: [
      {
        prm: '22516914714270',
        activationDate: '2016-03-14',
        subscribedKva: 9,
        offpeakHours: ['22:00-06:00'],
        dailyKwh: 18,
        address: HOMOLOGATION_ADDRESS,
      },
    ],
  },
  {
    number: 1,
    description: '1 PRM de consommation, mis en service le 27/08/2019',
    meters: [
      {
        prm: '11453290002823',
        activationDate: '2019-08-27',
        subscribedKva: 6,
        offpeakHours: ['23:00-07:00'],
        dailyKwh: 12,
      },
    ],
  },
  {
    number: 2,
    description: '1 PRM de consommation sans courbe de charge (données quotidiennes seulement)',
    meters: [
      {
        prm: '32320647321714',
        activationDate: '2016-11-02',
        subscribedKva: 6,
        offpeakHours: null,
        loadCurve: false,
        dailyKwh: 9,
        electricHeating: false,
      },
    ],
  },
  {
    number: 3,
    description: '1 PRM de consommation et 1 PRM de production, avec courbes',
    meters: [
      {
        prm: '12345678901234',
        activationDate: '2017-02-20',
        subscribedKva: 12,
        offpeakHours: ['01:30-07:30', '12:30-14:30'],
        dailyKwh: 22,
      },
      {
        prm: '10284856584123',
        label: 'Production',
        directions: ['production'],
        activationDate: '2018-06-05',
        subscribedKva: 6,
        offpeakHours: null,
        peakKw: 6,
      },
    ],
  },
  {
    number: 4,
    description: '1 PRM de consommation avec des trous de données tous les mardis et mercredis',
    meters: [
      {
        prm: '42900589957123',
        activationDate: '2016-09-12',
        subscribedKva: 6,
        offpeakHours: ['22:30-06:30'],
        dailyKwh: 14,
        holesOnWeekdays: [2, 3],
      },
    ],
  },
  {
    number: 5,
    description: '1 PRM de production uniquement',
    meters: [
      {
        prm: '24880057139941',
        directions: ['production'],
        activationDate: '2019-04-18',
        subscribedKva: 3,
        offpeakHours: null,
        peakKw: 3,
      },
    ],
  },
  {
    number: 6,
    description: '1 PRM en autoconsommation (consommation et production nettes)',
    meters: [
      {
        prm: '12655648759651',
        directions: ['consumption', 'production'],
        netMetering: true,
        activationDate: '2017-05-29',
        subscribedKva: 9,
        offpeakHours: ['02:00-07:00', '14:00-17:00'],
        dailyKwh: 15,
        peakKw: 4.5,
      },
    ],
  },
  {
    number: 7,
    description: '3 PRM de consommation',
    meters: [
      {
        prm: '64975835695673',
        activationDate: '2016-06-01',
        subscribedKva: 6,
        offpeakHours: ['22:00-06:00'],
        dailyKwh: 16,
      },
      {
        prm: '63695879465986',
        activationDate: '2017-10-16',
        subscribedKva: 3,
        offpeakHours: null,
        dailyKwh: 5,
        electricHeating: false,
      },
      {
        prm: '22315546958763',
        activationDate: '2016-12-05',
        subscribedKva: 12,
        offpeakHours: ['23:30-07:30'],
        dailyKwh: 30,
      },
    ],
  },
  {
    number: 8,
    description: 'Consentement donné puis révoqué immédiatement (ADAM-DC-0008)',
    meters: [
      {
        prm: '26584978546985',
        activationDate: '2017-03-27',
        subscribedKva: 6,
        offpeakHours: ['21:30-05:30'],
        dailyKwh: 13,
        revoked: true,
      },
    ],
  },
];

/** Every sandbox meter, tagged with its client number and pre-consented like in the real sandbox. */
export function sandboxMeterInputs(preConsented: boolean): MeterInput[] {
  return SANDBOX_CLIENTS.flatMap((client) =>
    client.meters.map((meter) => ({
      label: `Client sandbox ${client.number}`,
      ...meter,
      sandboxClient: client.number,
      preConsented,
    })),
  );
}
