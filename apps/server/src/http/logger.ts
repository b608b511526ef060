import { createHmac, createSecretKey } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Config } from '../config/config.ts';
import type { ServerKeys } from '../security/keys.ts';
import { createRedactor } from './log-redaction.ts';

export type LogFormat = 'pretty' | 'json';

/**
 * LOG_FORMAT when given; otherwise pretty only for a person watching a development server in a terminal,
 * and JSON lines everywhere else (containers, files, log collectors parse them).
 */
export function logFormatFor(
  config: Pick<Config, 'logFormat' | 'env'>,
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): LogFormat {
  return config.logFormat ?? (config.env === 'development' && stdoutIsTty ? 'pretty' : 'json');
}

export interface LoggerOptions {
  level: Config['logLevel'];
  /** Of the stdout lines only (default JSON); the journal always gets JSON, the admin page parses it. */
  format?: LogFormat;
  keys: ServerKeys;
  /** Where lines go (default stdout); tests capture them. */
  stream?: DestinationStream;
  /** A second destination receiving the same redacted lines (the admin log journal). */
  journal?: DestinationStream;
}

/**
 * Paths whose values are dropped whole: credentials, cookies, secrets, at the top of a record (what
 * `log.info({ password })` writes), one level down and in logged header objects.
 */
const SECRET_FIELDS = [
  'password',
  'new_password',
  'old_password',
  'client_secret',
  'secret',
  'access_token',
  'refresh_token',
  'cookie',
  'authorization',
];
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/**
 * The process logger (Fastify's and the Enedis gateway's): JSON lines where PRMs, e-mail addresses and
 * OAuth/link secrets appear only as an 8-hex-digit HMAC under a server key (see log-redaction.ts).
 * Applied in three places, since pino handles each part of a line separately: the request serializer
 * (URL path and query), the merging object and child bindings (explicit `log.info({ ... })` calls),
 * and the message string.
 */
export function createLogger(options: LoggerOptions): Logger {
  const key = createSecretKey(options.keys.derive('log-redaction'));
  const redact = createRedactor((value) => createHmac('sha256', key).update(value).digest('hex').slice(0, 8));
  const output = options.stream ?? pino.destination(1);
  // Formatting happens after pino wrote the (already redacted) JSON line, in-process and synchronously, so
  // the last lines before an exit are not lost in a worker thread. Colours only on a real terminal.
  const stdout =
    options.format === 'pretty'
      ? pinoPretty({
          destination: output,
          sync: true,
          colorize: options.stream === undefined && process.stdout.isTTY === true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
        })
      : output;
  return pino(
    {
      level: options.level,
      redact: REDACTED_PATHS,
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redact.url(request.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket.remotePort,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        // The standard serializer's object has its own prototype: copy it so its message and stack are walked.
        err: (error: Error) => redact.deep({ ...pino.stdSerializers.err(error) }),
      },
      formatters: {
        // Runs before the serializers above, which handle `req`, `res` and `err` (not plain objects).
        log: (object) => redact.deep(object) as Record<string, unknown>,
        bindings: (bindings) => redact.deep(bindings) as pino.Bindings,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg: unknown) => (typeof arg === 'string' ? redact.text(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    options.journal
      ? pino.multistream([
          // The logger's level filters first; these streams take whatever it lets through.
          { level: 'trace', stream: stdout },
          { level: 'trace', stream: options.journal },
        ])
      : stdout,
  );
}
