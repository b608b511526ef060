import { parisToday } from '@med/core';
import type { Db } from '../../../db/database.ts';
import { createOfferCatalogue } from '../../costs/offer-catalogue.ts';
import type { ClientMeter } from '../../sync/client-meters.repository.ts';
import { ecowattFigures, energyStats, maxPowerFigures, tempoFigures } from '../export-data.ts';
import type { ExportTarget } from '../exporter.ts';
import { directionsOf } from '../mqtt/mqtt.exporter.ts';

/**
 * Home Assistant MQTT discovery, current format (integrations-reference §3): one device-based config per
 * device on `{discovery_prefix}/device/{id}/config` with `dev`, `o` and `cmps`, the availability topic
 * `{entity_prefix}/status`, one JSON state per device read with `val_tpl`. Devices: each meter, RTE
 * (Tempo, EcoWatt), and each meter's tariff (its selected offer's prices from the catalogue) when one is
 * selected. `discovery_format: component` gives the same sensors as one config per sensor (Domoticz).
 */

type HaTarget = ExportTarget<'home_assistant'>;

export const ORIGIN = { name: 'MyElectricalData', sw: '0.1.0', url: 'https://github.com/MyElectricalData' };
export const TEMPO_OPTIONS = ['BLUE', 'WHITE', 'RED', 'UNKNOWN'];

/** One sensor of a device (abbreviated keys, integrations-reference §3.3). */
export interface Component {
  p: 'sensor';
  uniq_id: string;
  name: string;
  val_tpl: string;
  dev_cla?: string;
  stat_cla?: string;
  unit_of_meas?: string;
  ops?: string[];
  ic?: string;
  ent_cat?: 'diagnostic';
  sug_dsp_prc?: number;
  json_attr_t?: string;
  json_attr_tpl?: string;
}

export interface DevicePublication {
  /** Device id: the discovery topic's object id and `dev.ids[0]`. */
  id: string;
  device: { ids: string[]; name: string; mf: string; mdl: string; sn?: string };
  stateTopic: string;
  state: Record<string, unknown>;
  components: Record<string, Component>;
}

const value = (key: string) => `{{ value_json.${key} }}`;

function energy(id: string, key: string, name: string, total = false): Component {
  return {
    p: 'sensor',
    uniq_id: id,
    name,
    val_tpl: value(key),
    dev_cla: 'energy',
    unit_of_meas: 'kWh',
    sug_dsp_prc: 2,
    // Only the meter-like total feeds statistics; windows re-published daily would be filed at the hour they
    // arrive (integrations-reference §6.3): the Energy dashboard reads imported statistics instead.
    ...(total ? { stat_cla: 'total_increasing' } : {}),
  };
}

function meterLabel(meter: ClientMeter): string {
  return meter.pdl.name ? `Linky ${meter.pdl.name}` : `Linky ${meter.usagePointId}`;
}

async function meterDevice(db: Db, target: HaTarget, meter: ClientMeter, now: Date): Promise<DevicePublication> {
  const pdl = meter.usagePointId;
  const id = `med_${pdl}`;
  const state: Record<string, unknown> = {};
  const components: Record<string, Component> = {};
  for (const direction of directionsOf(target, meter)) {
    const stats = await energyStats(db, pdl, direction, now);
    const word = direction === 'consumption' ? 'Consommation' : 'Production';
    state[`${direction}_total_kwh`] = stats.total_kwh;
    state[`${direction}_yesterday_kwh`] = stats.yesterday_kwh;
    state[`${direction}_last_7_days_kwh`] = stats.last_7_days_kwh;
    state[`${direction}_last_30_days_kwh`] = stats.last_30_days_kwh;
    state[`${direction}_this_month_kwh`] = stats.this_month_kwh;
    state[`${direction}_last_day`] = stats.last_day;
    components[`${direction}_total`] = energy(
      `${id}_${direction}_total`,
      `${direction}_total_kwh`,
      `${word} totale`,
      true,
    );
    components[`${direction}_yesterday`] = energy(
      `${id}_${direction}_yesterday`,
      `${direction}_yesterday_kwh`,
      `${word} hier`,
    );
    components[`${direction}_last_7_days`] = energy(
      `${id}_${direction}_last_7_days`,
      `${direction}_last_7_days_kwh`,
      `${word} 7 derniers jours`,
    );
    components[`${direction}_last_30_days`] = energy(
      `${id}_${direction}_last_30_days`,
      `${direction}_last_30_days_kwh`,
      `${word} 30 derniers jours`,
    );
    components[`${direction}_this_month`] = energy(
      `${id}_${direction}_this_month`,
      `${direction}_this_month_kwh`,
      `${word} ce mois-ci`,
    );
  }
  if (meter.pdl.has_consumption && target.scope.consumption) {
    const power = await maxPowerFigures(db, pdl, meter.pdl.subscribed_power, now);
    state.max_power_yesterday_va = power.yesterday_va;
    state.max_power_yesterday_at = power.yesterday_at;
    state.subscribed_power_va = power.subscribed_va;
    state.max_power_yesterday_percent = power.yesterday_percent;
    components.max_power_yesterday = {
      p: 'sensor',
      uniq_id: `${id}_max_power_yesterday`,
      name: 'Puissance max hier',
      val_tpl: value('max_power_yesterday_va'),
      dev_cla: 'apparent_power',
      stat_cla: 'measurement',
      unit_of_meas: 'VA',
      json_attr_t: `${target.settings.entity_prefix}/${pdl}/state`,
      json_attr_tpl:
        '{{ {"subscribed_power_va": value_json.subscribed_power_va, "percent_of_subscribed": value_json.max_power_yesterday_percent, "at": value_json.max_power_yesterday_at} | tojson }}',
    };
    components.max_power_yesterday_percent = {
      p: 'sensor',
      uniq_id: `${id}_max_power_yesterday_percent`,
      name: 'Puissance max hier / souscrite',
      val_tpl: value('max_power_yesterday_percent'),
      stat_cla: 'measurement',
      unit_of_meas: '%',
      ic: 'mdi:gauge',
    };
    components.subscribed_power = {
      p: 'sensor',
      uniq_id: `${id}_subscribed_power`,
      name: 'Puissance souscrite',
      val_tpl: value('subscribed_power_va'),
      dev_cla: 'apparent_power',
      unit_of_meas: 'VA',
      ent_cat: 'diagnostic',
    };
  }
  return {
    id,
    device: { ids: [id], name: meterLabel(meter), mf: 'Enedis', mdl: 'Linky', sn: pdl },
    stateTopic: `${target.settings.entity_prefix}/${pdl}/state`,
    state,
    components,
  };
}

async function rteDevice(db: Db, target: HaTarget, now: Date): Promise<DevicePublication> {
  const id = 'med_rte';
  const tempo = await tempoFigures(db, now);
  const ecowatt = await ecowattFigures(db, now);
  const state: Record<string, unknown> = {
    tempo_today: tempo.today.color ?? 'UNKNOWN',
    tempo_tomorrow: tempo.tomorrow.color ?? 'UNKNOWN',
    tempo_current: tempo.current.color ?? 'UNKNOWN',
    tempo_blue_remaining: tempo.remaining.blue,
    tempo_white_remaining: tempo.remaining.white,
    tempo_red_remaining: tempo.remaining.red,
    tempo_season: tempo.remaining.season,
  };
  const components: Record<string, Component> = {};
  for (const [key, name] of [
    ['tempo_today', 'Tempo aujourd’hui'],
    ['tempo_tomorrow', 'Tempo demain'],
    ['tempo_current', 'Tempo en cours'],
  ] as const) {
    components[key] = {
      p: 'sensor',
      uniq_id: `${id}_${key}`,
      name,
      val_tpl: value(key),
      dev_cla: 'enum',
      ops: TEMPO_OPTIONS,
    };
  }
  for (const colour of ['blue', 'white', 'red'] as const) {
    const key = `tempo_${colour}_remaining`;
    const label = { blue: 'bleus', white: 'blancs', red: 'rouges' }[colour];
    components[key] = {
      p: 'sensor',
      uniq_id: `${id}_${key}`,
      name: `Jours ${label} restants`,
      val_tpl: value(key),
      stat_cla: 'measurement',
      unit_of_meas: 'd',
      ic: 'mdi:calendar-range',
    };
  }
  ecowatt.forEach((day, offset) => {
    const key = `ecowatt_d${offset}`;
    state[key] = day.level;
    state[`${key}_date`] = day.date;
    state[`${key}_message`] = day.message;
    components[key] = {
      p: 'sensor',
      uniq_id: `${id}_${key}`,
      name: offset === 0 ? 'EcoWatt J' : `EcoWatt J+${offset}`,
      val_tpl: value(key),
      ic: 'mdi:transmission-tower',
    };
  });
  return {
    id,
    device: { ids: [id], name: 'RTE Tempo et EcoWatt', mf: 'RTE', mdl: 'Tempo / EcoWatt' },
    stateTopic: `${target.settings.entity_prefix}/rte/state`,
    state,
    components,
  };
}

/** The meter's selected offer record in force today, for its power; null when there is none (said in the read-back). */
async function tariffDevice(
  db: Db,
  target: HaTarget,
  meter: ClientMeter,
  now: Date,
): Promise<{ device: DevicePublication | null; note: string | null }> {
  const pdl = meter.usagePointId;
  const offerId = meter.pdl.selected_offer_id;
  if (!offerId) {
    return { device: null, note: `${pdl} : aucune offre choisie, pas d’appareil tarif.` };
  }
  const offer = await createOfferCatalogue(db).offerOf(offerId);
  const today = parisToday(now);
  const record = offer?.records.find(
    (candidate) =>
      candidate.power_kva === meter.pdl.subscribed_power &&
      candidate.valid_from <= today &&
      (candidate.valid_to === null || candidate.valid_to >= today),
  );
  if (!offer || !record) {
    return {
      device: null,
      note: `${pdl} : l’offre choisie (${offerId}) n’a pas de prix en vigueur pour ${meter.pdl.subscribed_power ?? '?'} kVA dans le catalogue local, pas d’appareil tarif.`,
    };
  }
  const id = `med_${pdl}_tariff`;
  const state: Record<string, unknown> = {
    offer: `${offer.offer.provider} ${offer.offer.name}`,
    valid_from: record.valid_from,
    subscription_eur_per_month: Number(record.subscription_eur_per_month),
  };
  const components: Record<string, Component> = {
    subscription: {
      p: 'sensor',
      uniq_id: `${id}_subscription`,
      name: 'Abonnement',
      val_tpl: value('subscription_eur_per_month'),
      unit_of_meas: 'EUR/mois',
      ic: 'mdi:cash',
    },
  };
  for (const [key, price] of Object.entries(record.prices)) {
    state[`price_${key}`] = Number(price);
    components[`price_${key}`] = {
      p: 'sensor',
      uniq_id: `${id}_price_${key}`,
      name: `Prix ${key.replaceAll('_', ' ').toUpperCase()}`,
      val_tpl: value(`price_${key}`),
      unit_of_meas: 'EUR/kWh',
      sug_dsp_prc: 4,
      ic: 'mdi:currency-eur',
    };
  }
  return {
    device: {
      id,
      device: { ids: [id], name: `Tarif ${meterLabel(meter)}`, mf: offer.offer.provider, mdl: offer.offer.name },
      stateTopic: `${target.settings.entity_prefix}/${pdl}/tariff`,
      state,
      components,
    },
    note: null,
  };
}

/** Every device of the target, and what was left out and why. */
export async function discoveryDevices(db: Db, target: HaTarget, now: Date) {
  const devices: DevicePublication[] = [];
  const notes: string[] = [];
  for (const meter of target.meters) {
    devices.push(await meterDevice(db, target, meter, now));
    const tariff = await tariffDevice(db, target, meter, now);
    if (tariff.device) {
      devices.push(tariff.device);
    }
    if (tariff.note) {
      notes.push(tariff.note);
    }
  }
  devices.push(await rteDevice(db, target, now));
  return { devices, notes };
}

export function availabilityTopic(target: HaTarget): string {
  return `${target.settings.entity_prefix}/status`;
}

/** Config topic → payload of each device (device-based) or each sensor (component, for Domoticz). */
export function discoveryConfigs(target: HaTarget, device: DevicePublication): Map<string, Record<string, unknown>> {
  const prefix = target.settings.discovery_prefix;
  const shared = { avty_t: availabilityTopic(target), stat_t: device.stateTopic };
  const configs = new Map<string, Record<string, unknown>>();
  if (target.settings.discovery_format === 'device') {
    configs.set(`${prefix}/device/${device.id}/config`, {
      dev: device.device,
      o: ORIGIN,
      ...shared,
      cmps: device.components,
    });
    return configs;
  }
  for (const [key, component] of Object.entries(device.components)) {
    const { p: platform, ...entity } = component;
    configs.set(`${prefix}/${platform}/${device.id}/${key}/config`, {
      ...entity,
      ...shared,
      dev: device.device,
      o: ORIGIN,
    });
  }
  return configs;
}
