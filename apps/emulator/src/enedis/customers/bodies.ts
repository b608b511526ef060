/**
 * Bodies of the four customer endpoints (reference §A6), built from the meter definition so contract,
 * address, identity and contact stay consistent with each other and with the load curve.
 */
import { addDays, formatDateWithParisOffset, maxDate } from '@med/core';
import { seededRandom } from '../generator/prng.ts';
import { formatOffpeakText } from '../meters/offpeak.ts';
import type { MeterDefinition } from '../meters/types.ts';

function usagePointHeader(meter: MeterDefinition) {
  return { usage_point_id: meter.prm, usage_point_status: 'com', meter_type: 'AMM' };
}

/** TURPE tariff code: short/medium use (by power), single rate or peak/off-peak. */
function distributionTariff(meter: MeterDefinition): string {
  const use = meter.subscribedKva <= 6 ? 'CU' : 'MU';
  return `BTINF${use}${meter.offpeakHours === null ? 'ST' : 'DT'}`;
}

/** A tariff change some time after activation, stable per PRM. */
function lastTariffChange(meter: MeterDefinition): string {
  const random = seededRandom(meter.prm, 'tariff-change');
  return maxDate(meter.activationDate, addDays('2021-01-04', Math.floor(random() * 1200)));
}

export function contractBody(meter: MeterDefinition) {
  return {
    customer: {
      customer_id: meter.customer.customerId,
      usage_points: [
        {
          usage_point: usagePointHeader(meter),
          contracts: {
            segment: 'C5',
            subscribed_power: `${meter.subscribedKva} kVA`,
            last_activation_date: formatDateWithParisOffset(meter.activationDate),
            distribution_tariff: distributionTariff(meter),
            offpeak_hours: formatOffpeakText(meter.offpeakHours),
            contract_type: 'Contrat GRD-F',
            contract_status: 'SERVC',
            last_distribution_tariff_change_date: formatDateWithParisOffset(lastTariffChange(meter)),
          },
        },
      ],
    },
  };
}

export function addressBody(meter: MeterDefinition) {
  const { address } = meter;
  return {
    customer: {
      customer_id: meter.customer.customerId,
      usage_points: [
        {
          usage_point: {
            ...usagePointHeader(meter),
            usage_point_addresses: {
              street: address.street,
              locality: null,
              postal_code: address.postalCode,
              insee_code: address.inseeCode,
              city: address.city,
              country: 'France',
              geo_points: {
                latitude: address.latitude.toFixed(6),
                longitude: address.longitude.toFixed(6),
                altitude: String(Math.round(address.altitude)),
              },
            },
          },
        },
      ],
    },
  };
}

export function identityBody(meter: MeterDefinition) {
  const { customer } = meter;
  return {
    customer_id: customer.customerId,
    identity: { natural_person: { title: customer.title, firstname: customer.firstname, lastname: customer.lastname } },
  };
}

/** Contact fields the customer did not fill in are absent, as on the real API. */
export function contactBody(meter: MeterDefinition) {
  const { customer } = meter;
  const contact: Record<string, string> = {};
  if (customer.phone !== null) {
    contact.phone = customer.phone;
  }
  if (customer.email !== null) {
    contact.email = customer.email;
  }
  return { customer_id: customer.customerId, contact_data: contact };
}
