/**
 * Checks Home Assistant MQTT discovery payloads against the rules of integrations-reference §3.2–3.5
 * (HA MQTT docs and `homeassistant/components/mqtt/sensor.py`, `sensor/const.py`). Returns the broken
 * rules; an empty list means Home Assistant would accept the payload.
 */
const TOPIC_LEVEL = /^[A-Za-z0-9_-]+$/;
const UNITS: Record<string, readonly string[]> = {
  energy: ['Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'mWh', 'MJ', 'GJ', 'cal', 'kcal', 'Mcal', 'Gcal'],
  apparent_power: ['VA', 'kVA', 'mVA'],
  monetary: ['EUR'],
};
const STATE_CLASSES: Record<string, readonly (string | undefined)[]> = {
  energy: ['total', 'total_increasing'],
  monetary: ['total'],
  apparent_power: ['measurement', undefined],
};
const ALLOWED_STATE_CLASSES = ['measurement', 'measurement_angle', 'total', 'total_increasing'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function validateSensor(entity: Json, where: string): string[] {
  const problems: string[] = [];
  const deviceClass = entity.dev_cla ?? entity.device_class;
  const rawStateClass = entity.stat_cla ?? entity.state_class;
  const stateClass = rawStateClass === undefined ? undefined : JSON.stringify(rawStateClass).replace(/^"|"$/g, '');
  const unit = entity.unit_of_meas ?? entity.unit_of_measurement;
  const options = entity.ops ?? entity.options;
  if (typeof (entity.uniq_id ?? entity.unique_id) !== 'string') {
    problems.push(`${where}: unique_id missing`);
  }
  if (typeof (entity.stat_t ?? entity.state_topic) !== 'string' && entity.__shared_state_topic !== true) {
    problems.push(`${where}: state_topic missing`);
  }
  if (stateClass !== undefined && !ALLOWED_STATE_CLASSES.includes(stateClass)) {
    problems.push(`${where}: unknown state_class ${stateClass}`);
  }
  if (options !== undefined) {
    if (!Array.isArray(options) || options.length === 0) {
      problems.push(`${where}: options must be a non-empty list`);
    }
    if (deviceClass !== 'enum') {
      problems.push(`${where}: options only with device_class enum`);
    }
    if (stateClass !== undefined || unit !== undefined) {
      problems.push(`${where}: options never with state_class or unit`);
    }
  }
  if (deviceClass === 'enum' && options === undefined) {
    problems.push(`${where}: enum needs options`);
  }
  if (typeof deviceClass === 'string' && deviceClass in UNITS && !UNITS[deviceClass]?.includes(String(unit))) {
    problems.push(`${where}: unit ${String(unit)} not allowed for ${deviceClass}`);
  }
  if (typeof deviceClass === 'string' && deviceClass in STATE_CLASSES && stateClass !== undefined) {
    if (!STATE_CLASSES[deviceClass]?.includes(stateClass)) {
      problems.push(`${where}: state_class ${stateClass} not allowed for ${deviceClass}`);
    }
  }
  if ((entity.lrst_val_tpl ?? entity.last_reset_value_template) !== undefined && stateClass !== 'total') {
    problems.push(`${where}: last_reset only with state_class total`);
  }
  if ((entity.obj_id ?? entity.object_id) !== undefined) {
    problems.push(`${where}: object_id is deprecated (use default_entity_id)`);
  }
  return problems;
}

function validateDevice(device: unknown, where: string, required: boolean): string[] {
  if (device === undefined) {
    return required ? [`${where}: device required`] : [];
  }
  if (!isObject(device)) {
    return [`${where}: device must be an object`];
  }
  const ids = device.ids ?? device.identifiers;
  const problems: string[] = [];
  if (!(Array.isArray(ids) && ids.length > 0) && device.cns === undefined && device.connections === undefined) {
    problems.push(`${where}: device needs identifiers or connections`);
  }
  if (typeof device.name !== 'string' || device.name === '') {
    problems.push(`${where}: device needs a name`);
  }
  return problems;
}

function validateOrigin(origin: unknown, where: string, required: boolean): string[] {
  if (origin === undefined) {
    return required ? [`${where}: origin required`] : [];
  }
  return isObject(origin) && typeof origin.name === 'string' && origin.name !== ''
    ? []
    : [`${where}: origin needs a name`];
}

/** One retained discovery message: its topic and JSON payload. */
export function validateDiscovery(topic: string, payload: unknown): string[] {
  const levels = topic.split('/');
  const problems: string[] = [];
  if (!isObject(payload)) {
    return [`${topic}: payload must be a JSON object`];
  }
  if (levels.at(-1) !== 'config' || levels.length < 4 || levels.length > 5) {
    return [`${topic}: not a discovery config topic`];
  }
  for (const level of levels.slice(2, -1)) {
    if (!TOPIC_LEVEL.test(level)) {
      problems.push(`${topic}: topic level « ${level} » has characters outside [a-zA-Z0-9_-]`);
    }
  }
  const component = levels[1];
  if (component === 'device') {
    problems.push(...validateDevice(payload.dev ?? payload.device, topic, true));
    problems.push(...validateOrigin(payload.o ?? payload.origin, topic, true));
    const components = payload.cmps ?? payload.components;
    if (!isObject(components) || Object.keys(components).length === 0) {
      problems.push(`${topic}: components required`);
      return problems;
    }
    const sharedState = typeof (payload.stat_t ?? payload.state_topic) === 'string';
    for (const [key, entry] of Object.entries(components)) {
      if (!isObject(entry)) {
        problems.push(`${topic} ${key}: component must be an object`);
        continue;
      }
      if (entry.dev !== undefined || entry.device !== undefined) {
        problems.push(`${topic} ${key}: device cannot be overridden per component`);
      }
      const platform = entry.p ?? entry.platform;
      if (typeof platform !== 'string') {
        problems.push(`${topic} ${key}: platform required`);
      } else if (platform === 'sensor') {
        problems.push(...validateSensor({ ...entry, __shared_state_topic: sharedState }, `${topic} ${key}`));
      }
    }
    return problems;
  }
  if (component === 'sensor') {
    problems.push(...validateDevice(payload.dev ?? payload.device, topic, false));
    problems.push(...validateOrigin(payload.o ?? payload.origin, topic, false));
    problems.push(...validateSensor(payload, topic));
  }
  return problems;
}
