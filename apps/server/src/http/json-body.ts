import { ErrorCode } from '@med/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

// `ignoreBOM`: a leading BOM stays in the text, so it is refused as before (JSON.parse rejects it).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * JSON bodies must be UTF-8 (RFC 8259 §8.1). Fastify's own parser decodes with replacement, so bytes
 * that are not UTF-8 used to become U+FFFD silently and be stored that way; here they are a
 * 400 INVALID_JSON. The parsing itself stays Fastify's (same prototype-poisoning refusal, same errors).
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError(400, ErrorCode.INVALID_JSON, 'Le corps de la requête n’est pas de l’UTF-8 valide.'), undefined);
      return;
    }
    // Fastify's default parser is synchronous and answers through `done`.
    void parse(request, text, done);
  });
}
