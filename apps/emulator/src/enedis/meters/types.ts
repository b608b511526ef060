/** Meter catalogue types: what a configured meter can say and what the emulator derives from it. */

/** Direction of a measure: energy drawn from the grid or injected into it. */
export type Direction = 'consumption' | 'production';

/** Postal address in the shape of `customers_upa` (geo point as numbers here, strings on the wire). */
export interface MeterAddress {
  street: string;
  postalCode: string;
  inseeCode: string;
  city: string;
  latitude: number;
  longitude: number;
  altitude: number;
}

/** The holder of the contract, as `customers_i` and `customers_cd` describe them. */
export interface MeterCustomer {
  customerId: string;
  title: 'M' | 'Mme';
  firstname: string;
  lastname: string;
  email: string | null;
  phone: string | null;
}

/**
 * A meter as given in the emulator options. Only `prm` is required; everything else has a default
 * (a 6 kVA consumption meter with 30-minute load curve, HC 22:00–06:00, about 15 kWh a day).
 */
export interface MeterInput {
  /** 14-digit PRM (point de référence mesure). */
  prm: string;
  /** Text shown on the consent page. */
  label?: string;
  /** Measured directions; default `['consumption']`. */
  directions?: Direction[];
  /**
   * Self-consumption with surplus injection: a PRM measuring both directions where, in each slot, only
   * the net side (consumption − production, or the reverse) is non-zero. Default false.
   */
  netMetering?: boolean;
  /** Last activation (mise en service) date, `YYYY-MM-DD`; no data exists before it. */
  activationDate?: string;
  /** Subscribed power in kVA (`subscribed_power: "6 kVA"`); caps the load curve and max power. */
  subscribedKva?: number;
  /** Off-peak ranges `HH:MM-HH:MM` (`['22:00-06:00']`), or null for a single-rate (base) contract. */
  offpeakHours?: string[] | null;
  /** Whether load-curve collection is enabled; without it only daily data exists. Default true. */
  loadCurve?: boolean;
  /** Load-curve step in minutes (10, 15, 30 or 60). Default 30. */
  stepMinutes?: number;
  /** Average household consumption in kWh per day over a year. Default 15. */
  dailyKwh?: number;
  /** Electric heating makes winter days much heavier than summer days. Default true. */
  electricHeating?: boolean;
  /** Peak power of the solar installation in kWp, for production meters. Default 3. */
  peakKw?: number;
  /** Months (1–12) when the home is lived in; other months only draw standby power. Default all. */
  occupiedMonths?: number[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the meter sends nothing. Default none. */
  holesOnWeekdays?: number[];
  /** Consent is revoked as soon as it is given (sandbox client 8): every data call gets ADAM-DC-0008. */
  revoked?: boolean;
  /** The application holds consent without going through the consent page. Default false. */
  preConsented?: boolean;
  /** Sandbox fake client number (0–8) this PRM belongs to, if any. */
  sandboxClient?: number;
  /** Postal address; default picked deterministically from a pool of French cities. */
  address?: Partial<MeterAddress>;
  /** Contract holder; default generated from the PRM. */
  customer?: Partial<MeterCustomer>;
}

/** A fully resolved meter: every default applied. */
export interface MeterDefinition {
  prm: string;
  label: string;
  directions: Direction[];
  netMetering: boolean;
  activationDate: string;
  subscribedKva: number;
  offpeakHours: string[] | null;
  loadCurve: boolean;
  stepMinutes: number;
  dailyKwh: number;
  electricHeating: boolean;
  peakKw: number;
  occupiedMonths: number[];
  holesOnWeekdays: number[];
  revoked: boolean;
  preConsented: boolean;
  sandboxClient: number | null;
  address: MeterAddress;
  customer: MeterCustomer;
}

/** True when the meter measures the given direction. */
export function measures(meter: MeterDefinition, direction: Direction): boolean {
  return meter.directions.includes(direction);
}
