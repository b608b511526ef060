import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from './test-server.ts';

export const STRONG_PASSWORD = 'Correct-Horse-42';

export interface TestUser {
  email: string;
  password: string;
  clientId: string;
  clientSecret: string;
  /** Session cookie header value (`access_token=...`). */
  cookie: string;
  /** JWT from the login body. */
  jwt: string;
}

let counter = 0;

/** Signs up and logs in a fresh user through the public API. */
export async function createUser(server: TestServer, prefix = 'user'): Promise<TestUser> {
  counter += 1;
  const email = `${prefix}-${counter}-${Date.now()}@example.org`;
  // A distinct client address per user keeps the per-IP sign-up throttle out of unrelated tests.
  const remoteAddress = `2001:db8::${counter.toString(16)}`;
  const signup = await server.app.inject({
    method: 'POST',
    url: '/api/accounts/signup',
    payload: { email, password: STRONG_PASSWORD },
    remoteAddress,
  });
  if (signup.statusCode !== 201) {
    throw new Error(`signup failed: ${signup.statusCode} ${signup.body}`);
  }
  const credentials = signup.json<{ data: { client_id: string; client_secret: string } }>().data;
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/accounts/login',
    payload: { email, password: STRONG_PASSWORD },
    remoteAddress,
  });
  if (login.statusCode !== 200) {
    throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  }
  return {
    email,
    password: STRONG_PASSWORD,
    clientId: credentials.client_id,
    clientSecret: credentials.client_secret,
    cookie: sessionCookie(login),
    jwt: login.json<{ data: { access_token: string } }>().data.access_token,
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name === 'access_token');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return `access_token=${cookie.value}`;
}

/** Exchanges client credentials for a JWT at the OAuth2 token endpoint. */
export async function clientCredentialsToken(server: TestServer, user: TestUser): Promise<string> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/accounts/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: user.clientId,
      client_secret: user.clientSecret,
    }).toString(),
  });
  if (response.statusCode !== 200) {
    throw new Error(`token failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<{ access_token: string }>().access_token;
}

export type AuthMethod = 'cookie' | 'jwt' | 'client_credentials' | 'client_secret';
export const AUTH_METHODS: AuthMethod[] = ['cookie', 'jwt', 'client_credentials', 'client_secret'];

/** Request headers authenticating `user` with the given method. */
export async function authHeaders(
  server: TestServer,
  user: TestUser,
  method: AuthMethod,
): Promise<Record<string, string>> {
  switch (method) {
    case 'cookie':
      return { cookie: user.cookie };
    case 'jwt':
      return { authorization: `Bearer ${user.jwt}` };
    case 'client_credentials':
      return { authorization: `Bearer ${await clientCredentialsToken(server, user)}` };
    case 'client_secret':
      return { authorization: `Bearer ${user.clientSecret}` };
  }
}

/** Every mail queued so far, sent (the queue's worker runs in the background; this waits for it). */
export async function sentMails(server: TestServer) {
  await server.deps.mailQueue.drain();
  return server.deps.mailer.sent;
}

/** The last mail sent to `to` from the dev outbox (queued mails sent first), and the first link in it. */
export async function lastMailLink(server: TestServer, to: string): Promise<string> {
  await server.deps.mailQueue.drain();
  const mail = [...server.deps.mailer.sent].reverse().find((message) => message.to === to);
  if (!mail) {
    throw new Error(`no mail to ${to}`);
  }
  const link = /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) {
    throw new Error('no link in mail');
  }
  return link;
}
