import type { MailMessage } from './mailer.ts';

/**
 * A mail written in full by the request that queues it (contribution notices): nothing is looked up
 * when it is sent, and it carries no secret (the queue seals it anyway, as it holds an address).
 */
export interface ComposedMail {
  kind: 'composed';
  message: MailMessage;
}

export function composedMail(message: MailMessage): ComposedMail {
  return { kind: 'composed', message };
}
