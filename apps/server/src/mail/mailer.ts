import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * The last `OUTBOX_MEMORY` messages written by the dev outbox, oldest first (empty when SMTP is
   * used); tests read them. Every message stays on disk.
   */
  readonly sent: readonly MailMessage[];
}

/** Messages the dev outbox keeps in memory: a long-running development server must not grow without bound. */
export const OUTBOX_MEMORY = 100;

/**
 * SMTP through nodemailer when `SMTP_URL` is set. Otherwise a development outbox: each message is
 * logged (without links in production logs) and written as an .eml file under `<data>/outbox`.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
  log: FastifyBaseLogger;
}): Mailer {
  const sent: MailMessage[] = [];
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      sent,
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
    };
  }
  const outbox = join(options.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let written = 0;
  return {
    sent,
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      mkdirSync(outbox, { recursive: true });
      written += 1;
      const file = join(outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${written}.eml`);
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      sent.push(message);
      if (sent.length > OUTBOX_MEMORY) {
        sent.splice(0, sent.length - OUTBOX_MEMORY);
      }
      // The app's logger writes `to` as a keyed hash (http/logger.ts): lines correlate, addresses stay out.
      options.log.info(
        { to: message.to, subject: message.subject, file },
        'mail written to the dev outbox (no SMTP_URL)',
      );
    },
  };
}
