import type { Browser } from 'playwright-core';
import { frenchContext } from './browser.ts';
import { expectPath, signUpAndLogIn, tickOnly, uniqueEmail } from './flows.ts';
import { startServer, type RunningServer } from './server.ts';

// Sandbox client 3 of the Enedis emulator: one consumption meter and one production meter.
export const CLIENT_METERS = { consumption: '12345678901234', production: '10284856584123' } as const;

export interface ClientStack {
  /** The real gateway (server mode, embedded Enedis emulator). */
  gateway: RunningServer;
  /** A real local client process (SERVER_MODE=false) against it, serving the built web app. */
  client: RunningServer;
  stop(): Promise<void>;
}

/**
 * A household's set-up as the README describes it: a gateway, an account signed up there and consent
 * given on the emulator for both meters, then a local client started with that account's credentials.
 * The client's own schedule is off: the tests start each sync, so what they see cannot race a timer.
 */
export async function startClientStack(browser: Browser): Promise<ClientStack> {
  // A faster Enedis pace than the real 5/s keeps a first sync to seconds, still long enough to watch it run.
  const gateway = await startServer({ ENEDIS_RATE_LIMIT_PER_SECOND: '25' });
  let client: RunningServer | undefined;
  try {
    const context = await frenchContext(browser, gateway.baseUrl);
    const page = await context.newPage();
    const credentials = await signUpAndLogIn(page, uniqueEmail('client-mode'));
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(page, Object.values(CLIENT_METERS));
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');
    await page.getByText('Consentement enregistré').waitFor();
    await context.close();
    client = await startServer({
      SERVER_MODE: 'false',
      MED_API_URL: `${gateway.baseUrl}/api`,
      MED_CLIENT_ID: credentials.clientId,
      MED_CLIENT_SECRET: credentials.clientSecret,
      JOBS_ENABLED: 'false',
    });
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  const started = client;
  return {
    gateway,
    client: started,
    async stop() {
      await started.stop();
      await gateway.stop();
    },
  };
}
