import { validateSeason, type TempoColour } from '@med/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPO_PATH, type TempoResponse } from './tempo.ts';
import { matching, rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

// 2025-01-15 is a Wednesday; Paris is UTC+1, so 10:40 Paris = 09:40Z.
const BEFORE_PUBLICATION = '2025-01-15T09:39:59Z';
const AT_PUBLICATION = '2025-01-15T09:40:00Z';

let emulator: RteTestEmulator;
afterEach(() => emulator.close());

const range = (start: string, end: string) => ({ start_date: start, end_date: end });
const dates = (body: TempoResponse) => body.tempo_like_calendars.values.map((v) => v.start_date.slice(0, 10));
const errorOf = (body: string) => (JSON.parse(body) as { error: string }).error;

describe('Tempo calendars: shape', () => {
  it('returns an object with values newest first and RTE date formats', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const response = await emulator.get(TEMPO_PATH, range('2025-01-13T00:00:00+01:00', '2025-01-15T00:00:00+01:00'));
    expect(response.statusCode).toBe(200);
    const body = response.json<TempoResponse>();
    expect(body.tempo_like_calendars).toEqual({
      start_date: '2025-01-13T00:00:00+01:00',
      end_date: '2025-01-15T00:00:00+01:00',
      values: [
        {
          start_date: '2025-01-14T00:00:00+01:00',
          end_date: '2025-01-15T00:00:00+01:00',
          value: matching(/^(BLUE|WHITE|RED)$/),
          updated_date: '2025-01-13T10:40:00+01:00',
        },
        {
          start_date: '2025-01-13T00:00:00+01:00',
          end_date: '2025-01-14T00:00:00+01:00',
          value: matching(/^(BLUE|WHITE|RED)$/),
          updated_date: '2025-01-12T10:40:00+01:00',
        },
      ],
    });
  });

  it('writes DST days with the offset of each end', async () => {
    emulator = await rteTestEmulator('2025-06-01T12:00:00Z');
    // 2025-03-30 lasts 23 h; asking for just that day is still "one calendar day" (no F05).
    const spring = await emulator.get(TEMPO_PATH, range('2025-03-30T00:00:00+01:00', '2025-03-31T00:00:00+02:00'));
    expect(spring.statusCode).toBe(200);
    const [value] = spring.json<TempoResponse>().tempo_like_calendars.values;
    expect(value).toMatchObject({ start_date: '2025-03-30T00:00:00+01:00', end_date: '2025-03-31T00:00:00+02:00' });
  });

  it('adds fallback flags when fallback_status=true', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const body = (
      await emulator.get(TEMPO_PATH, {
        ...range('2025-01-10T00:00:00+01:00', '2025-01-12T00:00:00+01:00'),
        fallback_status: 'true',
      })
    ).json<TempoResponse>();
    expect(body.tempo_like_calendars.values.map((v) => v.fallback)).toEqual([false, false]);
  });

  it('reproduces the missing value of 2022-12-28 and starts history on 2014-09-01', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const hole = (
      await emulator.get(TEMPO_PATH, range('2022-12-27T00:00:00+01:00', '2022-12-30T00:00:00+01:00'))
    ).json<TempoResponse>();
    const values = hole.tempo_like_calendars.values;
    expect(values).toHaveLength(3);
    expect(values[1]?.start_date).toBe('2022-12-28T00:00:00+01:00');
    expect(values[1]).not.toHaveProperty('value');
    expect(values[0]).toHaveProperty('value');

    const first = (
      await emulator.get(TEMPO_PATH, range('2014-08-30T00:00:00+02:00', '2014-09-03T00:00:00+02:00'))
    ).json<TempoResponse>();
    expect(dates(first)).toEqual(['2014-09-02', '2014-09-01']);
  });
});

describe('Tempo calendars: publication of tomorrow', () => {
  it('serves the latest published day when no dates are given', async () => {
    emulator = await rteTestEmulator(BEFORE_PUBLICATION);
    expect(dates((await emulator.get(TEMPO_PATH)).json())).toEqual(['2025-01-15']);
    emulator.setNow(AT_PUBLICATION);
    const after = (await emulator.get(TEMPO_PATH)).json<TempoResponse>();
    expect(dates(after)).toEqual(['2025-01-16']);
    expect(after.tempo_like_calendars.values[0]?.updated_date).toBe('2025-01-15T10:40:00+01:00');
  });

  it('answers F04 for tomorrow before the publication time, and serves it after', async () => {
    emulator = await rteTestEmulator(BEFORE_PUBLICATION);
    const toTomorrow = range('2025-01-10T00:00:00+01:00', '2025-01-17T00:00:00+01:00');
    const early = await emulator.get(TEMPO_PATH, toTomorrow);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      error: 'TMPLIKSUPCON_TMPLIKCAL_F04',
      error_description: 'The value of "end_date" field is incorrect. It is not possible to recover data to this term.',
    });
    const toToday = await emulator.get(TEMPO_PATH, range('2025-01-10T00:00:00+01:00', '2025-01-16T00:00:00+01:00'));
    expect(dates(toToday.json())).toEqual([
      '2025-01-15',
      '2025-01-14',
      '2025-01-13',
      '2025-01-12',
      '2025-01-11',
      '2025-01-10',
    ]);

    emulator.setNow(AT_PUBLICATION);
    const late = await emulator.get(TEMPO_PATH, toTomorrow);
    expect(late.statusCode).toBe(200);
    expect(dates(late.json())[0]).toBe('2025-01-16');
    const beyond = await emulator.get(TEMPO_PATH, range('2025-01-10T00:00:00+01:00', '2025-01-18T00:00:00+01:00'));
    expect(errorOf(beyond.body)).toBe('TMPLIKSUPCON_TMPLIKCAL_F04');
  });

  it('can cut the period instead of failing, and move the publication time', async () => {
    emulator = await rteTestEmulator(BEFORE_PUBLICATION, { tempoUnpublishedBehaviour: 'truncate' });
    const cut = await emulator.get(TEMPO_PATH, range('2025-01-14T00:00:00+01:00', '2025-01-17T00:00:00+01:00'));
    expect(dates(cut.json())).toEqual(['2025-01-15', '2025-01-14']);
    emulator.app.rteEmulator.setTempoPublicationTime('07:00');
    expect(dates((await emulator.get(TEMPO_PATH)).json())).toEqual(['2025-01-16']);
  });

  it('serves overridden colours', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    emulator.app.rteEmulator.setTempoColours({ '2025-01-16': 'RED', '2025-01-15': 'WHITE' });
    const values = (
      await emulator.get(TEMPO_PATH, range('2025-01-15T00:00:00+01:00', '2025-01-17T00:00:00+01:00'))
    ).json<TempoResponse>().tempo_like_calendars.values;
    expect(values.map((v) => v.value)).toEqual(['RED', 'WHITE']);
  });
});

describe('Tempo calendars: functional errors', () => {
  it.each([
    ['F01', { start_date: '2025-01-10T00:00:00+01:00' }],
    ['F02', range('2025-01-12T00:00:00+01:00', '2025-01-10T00:00:00+01:00')],
    ['F03', range('2023-01-01T00:00:00+01:00', '2024-01-03T00:00:00+01:00')],
    ['F05', range('2025-01-10T00:00:00+01:00', '2025-01-10T12:00:00+01:00')],
    ['F06', range('2025-01-10', '2025-01-12T00:00:00+01:00')],
    ['F06', range('2025-01-10T00:00:00Z', '2025-01-12T00:00:00Z')],
    ['F07', { fallback_status: 'yes' }],
  ])('answers %s', async (code, query) => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const response = await emulator.get(TEMPO_PATH, query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: `TMPLIKSUPCON_TMPLIKCAL_${code}`, error_uri: '' });
  });

  it('accepts exactly 366 days', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const response = await emulator.get(TEMPO_PATH, range('2023-09-01T00:00:00+02:00', '2024-09-01T00:00:00+02:00'));
    expect(response.json<TempoResponse>().tempo_like_calendars.values).toHaveLength(366);
  });

  it('answers F06 to an unencoded "+" (it arrives as a space)', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const token = await emulator.token();
    const response = await emulator.app.inject({
      method: 'GET',
      url: `${TEMPO_PATH}?start_date=2025-01-10T00:00:00+01:00&end_date=2025-01-12T00:00:00+01:00`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(errorOf(response.body)).toBe('TMPLIKSUPCON_TMPLIKCAL_F06');
  });
});

describe('Tempo calendars: a whole season through the API', () => {
  it('obeys quotas and rules (2023-2024, a 366-day season)', async () => {
    emulator = await rteTestEmulator(AT_PUBLICATION);
    const body = (
      await emulator.get(TEMPO_PATH, range('2023-09-01T00:00:00+02:00', '2024-09-01T00:00:00+02:00'))
    ).json<TempoResponse>();
    const calendar = new Map<string, TempoColour>(
      body.tempo_like_calendars.values.map((v) => [v.start_date.slice(0, 10), v.value ?? 'BLUE']),
    );
    const report = validateSeason(calendar, { season: '2023-2024' });
    expect(report.violations).toEqual([]);
    expect(report.counts).toEqual({ BLUE: 301, WHITE: 43, RED: 22 });
  });
});
