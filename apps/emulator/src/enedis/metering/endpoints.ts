/** The five Data Connect v5 metering endpoints (reference §A5): path, data family and direction. */
import type { Direction } from '../meters/types.ts';

/** Daily energy, load curve, or daily max power: each has its own history depth and span rules. */
export type DataFamily = 'daily' | 'loadCurve' | 'maxPower';

export interface MeteringEndpoint {
  path: string;
  family: DataFamily;
  direction: Direction;
  readingType: Record<string, string>;
}

const DAILY_ENERGY = { unit: 'Wh', measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' };
const AVERAGE_POWER = { unit: 'W', measurement_kind: 'power', aggregate: 'average' };
const MAX_POWER = { unit: 'VA', measurement_kind: 'power', aggregate: 'maximum', measuring_period: 'P1D' };

export const METERING_ENDPOINTS: readonly MeteringEndpoint[] = [
  {
    path: '/metering_data_dc/v5/daily_consumption',
    family: 'daily',
    direction: 'consumption',
    readingType: DAILY_ENERGY,
  },
  {
    path: '/metering_data_clc/v5/consumption_load_curve',
    family: 'loadCurve',
    direction: 'consumption',
    readingType: AVERAGE_POWER,
  },
  {
    path: '/metering_data_dcmp/v5/daily_consumption_max_power',
    family: 'maxPower',
    direction: 'consumption',
    readingType: MAX_POWER,
  },
  {
    path: '/metering_data_dp/v5/daily_production',
    family: 'daily',
    direction: 'production',
    readingType: DAILY_ENERGY,
  },
  {
    path: '/metering_data_plc/v5/production_load_curve',
    family: 'loadCurve',
    direction: 'production',
    readingType: AVERAGE_POWER,
  },
];
