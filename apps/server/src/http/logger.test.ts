import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createServerKeys } from '../security/keys.ts';
import { createLogger, logFormatFor, type LogFormat } from './logger.ts';

const PRM = '12345678901234';
const EMAIL = 'jane@example.org';

/** A real stream (pino-pretty pipes into it) keeping what it receives. */
function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function logged(format: LogFormat): Promise<string> {
  const out = capture();
  const log = createLogger({
    level: 'info',
    format,
    keys: createServerKeys(randomBytes(32).toString('base64url')),
    stream: out.stream,
  });
  log.info({ password: 'hunter2-secret', access_token: 'tok-abc-123', pdl: PRM }, `mail sent to ${EMAIL}`);
  log.warn({ upstream: { headers: { authorization: 'Bearer tok-abc-123' } } }, 'odd request');
  // pino-pretty formats in a transform stream: give it a turn to reach the destination.
  await nextTurn();
  await nextTurn();
  return out.text();
}

describe('log format', () => {
  it('is pretty only in development on a terminal unless LOG_FORMAT says otherwise', () => {
    expect(logFormatFor({ logFormat: undefined, env: 'development' }, true)).toBe('pretty');
    expect(logFormatFor({ logFormat: undefined, env: 'development' }, false)).toBe('json');
    expect(logFormatFor({ logFormat: undefined, env: 'production' }, true)).toBe('json');
    expect(logFormatFor({ logFormat: undefined, env: 'test' }, true)).toBe('json');
    expect(logFormatFor({ logFormat: 'json', env: 'development' }, true)).toBe('json');
    expect(logFormatFor({ logFormat: 'pretty', env: 'production' }, false)).toBe('pretty');
  });

  it('writes JSON lines by default and person-readable lines when pretty', async () => {
    const json = await logged('json');
    const jsonLines = json.trim().split('\n');
    expect(jsonLines).toHaveLength(2);
    expect(JSON.parse(jsonLines[0] ?? '')).toMatchObject({ level: 30 });

    const pretty = await logged('pretty');
    const prettyLines = pretty.trim().split('\n');
    expect(() => JSON.parse(prettyLines[0] ?? '') as unknown).toThrow();
    expect(prettyLines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: mail sent to /);
    expect(pretty).toContain('WARN: odd request');
  });

  it('still redacts secrets, PRMs and addresses in pretty lines', async () => {
    for (const format of ['json', 'pretty'] as const) {
      const text = await logged(format);
      // The records did reach the output (the redaction test below could not pass on an empty one).
      expect(text, format).toContain('mail sent to');
      for (const secret of ['hunter2-secret', 'tok-abc-123', PRM, EMAIL]) {
        expect(text, `${format}: ${secret}`).not.toContain(secret);
      }
      expect(text, format).toContain('[Redacted]');
    }
  });
});
