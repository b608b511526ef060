// CSV import benchmark: parse throughput of a two-year 30-minute load curve as the Enedis customer area
// exports it (UTF-8 with BOM, `;`, metadata lines, ISO stamps with the Paris offset, two March and two
// October DST days), then the same data as a Conso Downloader file (naive local starts, kW with a
// decimal comma), which takes the slower path through the Paris time-zone rules.
import os from 'node:os';
import { formatEnedisLocal, parseEnedisCsv, slotStartsOfDay, eachDay, addDays, parisOffsetMinutes } from '@med/core';

const FIRST_DAY = '2023-01-01';
const DAYS = 731;
const RUNS = 5;

function offsetText(instant: Date): string {
  const minutes = parisOffsetMinutes(instant);
  return `+${String(minutes / 60).padStart(2, '0')}:00`;
}

/** Wall clock with the Paris offset: `2023-01-01T00:30:00+01:00`. */
function isoParis(instant: Date): string {
  return `${formatEnedisLocal(instant).replace(' ', 'T')}${offsetText(instant)}`;
}

function twoYearsOfSlots(): Date[] {
  return eachDay(FIRST_DAY, addDays(FIRST_DAY, DAYS)).flatMap((day) => slotStartsOfDay(day, 30));
}

function customerAreaExport(slots: readonly Date[]): Uint8Array {
  const lines = [
    'Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes',
    '12345678901234;Courbe de charge;01/01/2023;01/01/2025;Energie active;Consommation;Comptage Brut;W;',
    'Horodate;Valeur',
    ...slots.map((start, i) => `${isoParis(new Date(start.getTime() + 1_800_000))};${200 + (i % 1700)}`),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function consoDownloaderExport(slots: readonly Date[]): Uint8Array {
  const naive = (instant: Date) => formatEnedisLocal(instant).slice(0, 16).replace(' ', 'T');
  const lines = [
    'debut;fin;kW',
    ...slots.map((start, i) => {
      const kw = ((200 + (i % 1700)) / 1000).toFixed(3).replace('.', ',');
      return `"${naive(start)}";"${naive(new Date(start.getTime() + 1_800_000))}";${kw}`;
    }),
  ];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Median of the runs; CPU time is shown too because the wall clock depends on what else the machine runs. */
function measure(label: string, bytes: Uint8Array, expectedRows: number): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = parseEnedisCsv(bytes, { fileName: 'historique_conso_12345678901234.csv' });
    const cpuUsed = process.cpuUsage(cpuBefore);
    wall.push(performance.now() - began);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    if (!result.ok || result.rows.length !== expectedRows || result.issues.length > 0) {
      throw new Error(
        `${label}: unexpected parse result (${result.ok ? `${result.rows.length} rows` : result.error.code})`,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const perSecond = (ms: number) => Math.round(expectedRows / (ms / 1000)).toLocaleString('en');
  const mib = bytes.byteLength / 1024 / 1024;
  console.log(`  ${label}: ${expectedRows} rows, ${mib.toFixed(1)} MiB, median of ${RUNS} runs`);
  console.log(
    `    wall ${median(wall).toFixed(0)} ms → ${perSecond(median(wall))} rows/s; ` +
      `CPU ${median(cpu).toFixed(0)} ms → ${perSecond(median(cpu))} rows per CPU-second`,
  );
}

export async function runCsvImport(): Promise<void> {
  console.log(`CSV import: two years of 30-min load curve (${FIRST_DAY}, ${DAYS} days)`);
  const slots = twoYearsOfSlots();
  measure('customer-area export (ISO stamps with offset)', customerAreaExport(slots), slots.length);
  measure('Conso Downloader file (naive local starts, kW)', consoDownloaderExport(slots), slots.length);
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(`  heap used after the runs ${heap.toFixed(0)} MiB; load average ${os.loadavg()[0]?.toFixed(1)}`);
}

if (import.meta.main) {
  await runCsvImport();
}
