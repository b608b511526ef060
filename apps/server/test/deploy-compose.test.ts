// The two Compose files (gateway and local client) against the Compose specification's JSON schema (as
// shipped by the `dclint` package, which tracks compose-spec), and against the server's own configuration
// schema: every variable they give the app must be one the server reads, and every knob their example
// env files offer must be used.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '../src/config/env.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface ComposeService {
  image?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  name: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const serverVariables = new Set(Object.keys(envSchema.shape));

function composeValidator() {
  const schema = JSON.parse(read('node_modules/dclint/schemas/compose.schema.json')) as Record<string, unknown>;
  // Ajv knows draft-07 as http://json-schema.org/draft-07/schema#; the schema names it with https.
  delete schema.$schema;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}`: the names a Compose file interpolates. */
function interpolated(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?\}/g)].map((match) => match[1] ?? ''));
}

/** Variables an example env file sets, and those it shows commented out (`# NAME=value`). */
function exampleVariables(text: string): { set: string[]; commented: string[] } {
  const lines = text.split('\n');
  return {
    set: lines.filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line)).map((line) => line.split('=')[0] ?? ''),
    commented: lines
      .map((line) => /^# ([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined),
  };
}

const files = [
  {
    file: 'docker-compose.yml',
    example: 'deploy/compose/server.env.example',
    envFile: '.env',
    // Variables only Compose reads (interpolation); the app ignores them.
    composeOnly: ['POSTGRES_PASSWORD', 'MED_IMAGE', 'MED_PORT'],
    port: '8000',
  },
  {
    file: 'docker-compose.client.yml',
    example: 'deploy/compose/client.env.example',
    envFile: '.env.client',
    composeOnly: ['MED_IMAGE', 'MED_CLIENT_PORT', 'MQTT_PORT'],
    port: '8100',
  },
] as const;

describe('Compose files', () => {
  const validate = composeValidator();

  it('the validator refuses what the Compose specification refuses', () => {
    const broken = parse(read('docker-compose.yml')) as ComposeFile;
    expect(validate(broken)).toBe(true);
    expect(validate({ ...broken, services: { app: { ...broken.services.app, imagee: 'x' } } })).toBe(false);
    expect(validate({ ...broken, services: { app: { ...broken.services.app, ports: 8000 } } })).toBe(false);
    expect(validate({ ...broken, volumes: [] })).toBe(false);
  });

  for (const { file, example, envFile, composeOnly, port } of files) {
    describe(file, () => {
      const text = read(file);
      const compose = parse(text) as ComposeFile;
      const app = compose.services.app;

      it('follows the Compose specification', () => {
        const valid = validate(compose);
        expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
        expect(valid).toBe(true);
      });

      it('gives the app only variables the server reads, and reads its env file', () => {
        expect(app?.env_file).toBe(envFile);
        const given = Object.keys(app?.environment ?? {});
        expect(given.length).toBeGreaterThan(0);
        expect(given.filter((name) => !serverVariables.has(name))).toEqual([]);
      });

      it('has an example env file whose every variable is the server’s or used by the Compose file', () => {
        const variables = exampleVariables(read(example));
        const unknown = [...variables.set, ...variables.commented].filter(
          (name) => !serverVariables.has(name) && !(composeOnly as readonly string[]).includes(name),
        );
        expect(unknown).toEqual([]);
        // Every knob Compose reads is documented in the example, and every Compose-only knob is read.
        const used = interpolated(text);
        expect([...used].filter((name) => !variables.set.includes(name))).toEqual([]);
        expect(composeOnly.filter((name) => !used.has(name))).toEqual([]);
        // The wiring the file sets itself is not offered in the example (it would be overridden silently).
        const wired = Object.keys(app?.environment ?? {});
        expect(variables.set.filter((name) => wired.includes(name))).toEqual([]);
      });

      it('keeps every piece of state in a named volume of its own project', () => {
        const declared = Object.keys(compose.volumes ?? {});
        for (const [name, service] of Object.entries(compose.services)) {
          const named = (service.volumes ?? [])
            .map((mount) => mount.split(':')[0] ?? '')
            .filter((source) => !source.startsWith('.'));
          expect(named.length, `${name} has a volume`).toBeGreaterThan(0);
          expect(named.filter((volume) => !declared.includes(volume))).toEqual([]);
        }
        // The app's DATA_DIR (SQLite, generated key, outbox) is one of those volumes.
        const dataDir = app?.environment?.DATA_DIR;
        expect(dataDir).toBe('/var/lib/myelectricaldata');
        expect((app?.volumes ?? []).filter((mount) => mount.endsWith(`:${dataDir}`))).toHaveLength(1);
      });

      it('checks every service’s health; the app with the image’s own check on /ready', () => {
        for (const [name, service] of Object.entries(compose.services)) {
          expect(service.healthcheck?.test, name).toBeDefined();
        }
        const dockerfile = read('Dockerfile');
        const imageCheck = /HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])/.exec(dockerfile)?.[1];
        expect(JSON.parse(imageCheck ?? '[]')).toEqual(app?.healthcheck?.test.slice(1));
      });

      it(`publishes the app on ${port}, where the mode listens`, () => {
        expect(app?.environment?.PORT).toBe(port);
        expect(app?.ports?.[0]).toMatch(new RegExp(`:${port}$`));
        expect(app?.ports?.[0]).toContain(`:-${port}}`);
      });
    });
  }

  it('runs side by side: other project names (so other volumes and networks) and host ports', () => {
    const [server, client] = files.map(({ file }) => parse(read(file)) as ComposeFile);
    expect(server?.name).not.toBe(client?.name);
    const hostPorts = (compose: ComposeFile | undefined) =>
      Object.values(compose?.services ?? {}).flatMap((service) =>
        (service.ports ?? []).map((mapping) => /:-(\d+)\}/.exec(mapping)?.[1]),
      );
    const serverPorts = hostPorts(server);
    expect(hostPorts(client).filter((hostPort) => serverPorts.includes(hostPort))).toEqual([]);
    expect(server?.services.app?.environment?.SERVER_MODE).toBe('true');
    expect(client?.services.app?.environment?.SERVER_MODE).toBe('false');
  });

  it('wires the gateway to its PostgreSQL and Valkey, started healthy first', () => {
    const server = parse(read('docker-compose.yml')) as ComposeFile;
    const app = server.services.app;
    expect(app?.environment?.DATABASE_URL).toMatch(
      /^postgresql:\/\/med:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\//,
    );
    expect(app?.environment?.REDIS_URL).toBe('redis://valkey:6379');
    expect(app?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      valkey: { condition: 'service_healthy' },
    });
  });

  it('offers Mosquitto to the client only behind the mqtt profile', () => {
    const client = parse(read('docker-compose.client.yml')) as ComposeFile;
    expect(client.services.mosquitto?.profiles).toEqual(['mqtt']);
    expect(client.services.app?.profiles).toBeUndefined();
    expect(client.services.app?.environment?.HOST).toBe('0.0.0.0');
  });
});
