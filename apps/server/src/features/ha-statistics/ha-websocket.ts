/**
 * A Home Assistant WebSocket API connection (integrations-reference §1): the auth phase, then commands
 * with ids from one counter per socket, sent in id order, each answer matched by its id (pongs and events
 * may interleave). Failures become `HaError`s with the stable reason the routes map to error codes.
 */
import WebSocket from 'ws';

/** A text frame's content (`ws` hands frames over as a Buffer, a list of Buffers or an ArrayBuffer). */
export function frameText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

const textOf = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

export type HaFailure =
  /** No connection (refused, DNS, TLS, timeout) or the socket closed mid-command. */
  | 'unreachable'
  /** `auth_invalid`: the token is refused. */
  | 'auth_invalid'
  /** The token's user is not an administrator: imports and clears are refused. */
  | 'not_admin'
  /** A command answered `success: false` (its HA code and message are kept). */
  | 'command_failed';

export class HaError extends Error {
  readonly failure: HaFailure;
  readonly haCode: string | undefined;
  constructor(failure: HaFailure, message: string, haCode?: string) {
    super(message);
    this.name = 'HaError';
    this.failure = failure;
    this.haCode = haCode;
  }
}

export interface HaConnection {
  /** `ha_version` announced in `auth_required`. */
  readonly haVersion: string;
  /** Sends `{id, type, ...payload}` and resolves with the `result` of a successful answer. */
  command<T>(type: string, payload?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/** `http(s)://host:8123[/]` (as a user types it) or a `ws(s)://…/api/websocket` URL → the WebSocket URL. */
export function haWebSocketUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  }
  if (!parsed.pathname.endsWith('/api/websocket')) {
    parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/api/websocket`;
  }
  return parsed.toString();
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Opens and authenticates a connection; rejects with a `HaError` within `timeoutMs`. */
export async function connectHa(url: string, token: string, timeoutMs = 10_000): Promise<HaConnection> {
  const socket = new WebSocket(haWebSocketUrl(url), { handshakeTimeout: timeoutMs, maxPayload: 64 * 1024 * 1024 });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let haVersion = '';
  let closedReason: HaError | null = null;

  const failAll = (error: HaError) => {
    closedReason ??= error;
    for (const waiter of pending.values()) {
      waiter.reject(error);
    }
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new HaError('unreachable', `Home Assistant did not complete the handshake within ${timeoutMs} ms`));
      socket.terminate();
    }, timeoutMs);
    const done = (error?: HaError) => {
      clearTimeout(timer);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    socket.on('error', (error) => {
      const failure = new HaError('unreachable', `Home Assistant unreachable: ${error.message}`);
      failAll(failure);
      done(failure);
    });
    socket.on('close', () => {
      const failure = closedReason ?? new HaError('unreachable', 'Home Assistant closed the connection');
      failAll(failure);
      done(failure);
    });
    socket.on('message', (data) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(frameText(data)) as Record<string, unknown>;
      } catch {
        return;
      }
      switch (message['type']) {
        case 'auth_required':
          haVersion = textOf(message['ha_version'], '');
          socket.send(JSON.stringify({ type: 'auth', access_token: token }));
          return;
        case 'auth_ok':
          done();
          return;
        case 'auth_invalid': {
          const failure = new HaError('auth_invalid', textOf(message['message'], 'Invalid access token'));
          closedReason = failure;
          done(failure);
          return;
        }
        case 'result': {
          const waiter = pending.get(Number(message['id']));
          if (!waiter) {
            return;
          }
          pending.delete(Number(message['id']));
          if (message['success'] === true) {
            waiter.resolve(message['result']);
          } else {
            const error = (message['error'] ?? {}) as { code?: string; message?: string };
            const failure = error.code === 'unauthorized' ? 'not_admin' : 'command_failed';
            waiter.reject(new HaError(failure, error.message ?? 'Home Assistant refused the command', error.code));
          }
          return;
        }
        default:
          // Pongs and events: nothing waits for them here.
          return;
      }
    });
  });

  return {
    haVersion,
    command<T>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
      if (closedReason) {
        return Promise.reject(closedReason);
      }
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        // Sent synchronously after the id is taken: frames leave in id order (id_reuse otherwise).
        socket.send(JSON.stringify({ ...payload, id, type }));
      });
    },
    close() {
      closedReason ??= new HaError('unreachable', 'connection closed');
      socket.close();
    },
  };
}
