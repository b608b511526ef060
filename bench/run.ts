// `npm run bench`: every benchmark, one after the other. They print figures; they do not pass or fail.
import { runChartOverview } from './chart-overview.ts';
import { runChartOverviewBrowser } from './chart-overview-browser.ts';
import { runColdLoadCurve } from './cold-load-curve.ts';
import { runCsvImport } from './csv-import.ts';
import { runFairShare } from './fair-share.ts';
import { runShutdown } from './shutdown.ts';
import { runForgotPasswordTiming } from './forgot-password-timing.ts';
import { runTariff } from './tariff.ts';
import { runWarmCache } from './warm-cache.ts';
import { runClientSync } from './client-sync.ts';
import { runHaStatistics } from './ha-statistics.ts';
import { runWebWire } from './web-wire.ts';
import { runTsdbExport } from './tsdb-export.ts';

await runColdLoadCurve();
await runFairShare();
await runWarmCache();
await runWebWire();
await runShutdown();
await runForgotPasswordTiming();
await runClientSync();
await runHaStatistics();
runTariff();
await runCsvImport();
runChartOverview();
await runChartOverviewBrowser();
await runTsdbExport();
