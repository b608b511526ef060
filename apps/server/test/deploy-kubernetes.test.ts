// The plain Kubernetes manifests (deploy/kubernetes/) against the Kubernetes API schemas of the
// `kubernetes-models` packages, and the Helm chart (deploy/helm/myelectricaldata/) against them: no `helm`
// binary can be had here, so the chart's templates are not rendered; the test compares what they say
// about the essentials (objects, probes, ports, environment names, security) with the rendered manifests.
import { readdirSync, readFileSync } from 'node:fs';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { envSchema } from '../src/config/env.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const serverVariables = new Set(Object.keys(envSchema.shape));

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

/** The kubernetes-models class of each kind the manifests use; `validate()` throws on a schema error. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

function validationError(manifest: Manifest): string | undefined {
  const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) {
    return `no schema for ${manifest.apiVersion}/${manifest.kind}`;
  }
  try {
    new Model(manifest as never).validate();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const manifestFiles = readdirSync(new URL('deploy/kubernetes/', root)).filter((file) => file.endsWith('.yaml'));
const manifests: Manifest[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((document) => document.toJS() as Manifest),
);
const find = <T>(kind: string, name: string) =>
  manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name) as T | undefined;

interface Container {
  name: string;
  ports: { name: string; containerPort: number }[];
  envFrom: ({ configMapRef?: { name: string }; secretRef?: { name: string } } | undefined)[];
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
}
interface DeploymentShape {
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: { securityContext: { runAsNonRoot: boolean; runAsUser: number }; containers: Container[] };
    };
  };
}

const chartDir = 'deploy/helm/myelectricaldata/';
const template = (name: string) => read(`${chartDir}templates/${name}`);
const chartTemplates = readdirSync(new URL(`${chartDir}templates/`, root)).filter((file) => file.endsWith('.yaml'));
const values = parse(read(`${chartDir}values.yaml`)) as {
  replicaCount: number;
  config: Record<string, string>;
  secrets: Record<string, string>;
  service: { port: number };
  postgresql: { enabled: boolean };
  valkey: { enabled: boolean };
};

describe('plain Kubernetes manifests', () => {
  it('the schema check refuses a broken object', () => {
    const deployment = find<Manifest>('Deployment', 'myelectricaldata');
    expect(deployment).toBeDefined();
    expect(validationError(deployment as Manifest)).toBeUndefined();
    const broken = structuredClone(deployment) as Manifest & DeploymentShape;
    (broken.spec as { replicas: unknown }).replicas = 'two';
    expect(validationError(broken)).toMatch(/replicas/);
    const noPorts = structuredClone(find<Manifest & { spec: { ports: unknown } }>('Service', 'myelectricaldata'));
    expect(noPorts).toBeDefined();
    (noPorts as Manifest & { spec: { ports: unknown } }).spec.ports = [{ port: 'http' }];
    expect(validationError(noPorts as Manifest)).toMatch(/port/);
  });

  it.each(manifests.map((manifest) => [`${manifest.kind} ${manifest.metadata.name}`, manifest] as const))(
    '%s follows the Kubernetes schema',
    (_name, manifest) => {
      expect(validationError(manifest)).toBeUndefined();
    },
  );

  it('has the objects of a gateway: Deployment, Service, Ingress, ConfigMap, Secrets, PDB, bundled stores', () => {
    expect(manifests.map((manifest) => `${manifest.kind} ${manifest.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap myelectricaldata',
        'Deployment myelectricaldata',
        'Ingress myelectricaldata',
        'PodDisruptionBudget myelectricaldata',
        'Secret myelectricaldata',
        'Secret myelectricaldata-connections',
        'Secret myelectricaldata-postgresql',
        'Service myelectricaldata',
        'Service myelectricaldata-postgresql',
        'Service myelectricaldata-valkey',
        'StatefulSet myelectricaldata-postgresql',
        'StatefulSet myelectricaldata-valkey',
      ].sort(),
    );
  });

  const deployment = find<DeploymentShape>('Deployment', 'myelectricaldata');
  const container = deployment?.spec.template.spec.containers[0];

  it('runs several non-root replicas with /ping for liveness and /ready for readiness', () => {
    expect(deployment?.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment?.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
    expect(container?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(container?.livenessProbe.httpGet).toEqual({ path: '/ping', port: 'http' });
    expect(container?.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container?.ports).toEqual([{ name: 'http', containerPort: 8000 }]);
  });

  it('gives the server only variables it reads, from the ConfigMap and the Secrets it mounts', () => {
    const names = (container?.envFrom ?? []).flatMap((source) => {
      const object = source?.configMapRef
        ? find<{ data: Record<string, string> }>('ConfigMap', source.configMapRef.name)?.data
        : find<{ stringData: Record<string, string> }>('Secret', source?.secretRef?.name ?? '')?.stringData;
      expect(object, JSON.stringify(source)).toBeDefined();
      return Object.keys(object ?? {});
    });
    expect(names).toContain('SECRET_KEY');
    expect(names).toContain('DATABASE_URL');
    expect(names).toContain('REDIS_URL');
    expect(names.filter((name) => !serverVariables.has(name))).toEqual([]);
    expect(find<{ data: Record<string, string> }>('ConfigMap', 'myelectricaldata')?.data.PORT).toBe('8000');
  });

  it('routes Ingress → Service → the pods, and the PDB covers the same pods', () => {
    const service = find<{ spec: { selector: Record<string, string>; ports: { name: string; targetPort: string }[] } }>(
      'Service',
      'myelectricaldata',
    );
    const pods = deployment?.spec.template.metadata.labels ?? {};
    expect(service?.spec.selector).toEqual(deployment?.spec.selector.matchLabels);
    expect(pods).toMatchObject(service?.spec.selector ?? { missing: true });
    expect(service?.spec.ports[0]?.targetPort).toBe(container?.ports[0]?.name);
    const ingress = find<{
      spec: { rules: { http: { paths: { backend: { service: { name: string; port: unknown } } }[] } }[] };
    }>('Ingress', 'myelectricaldata');
    expect(ingress?.spec.rules[0]?.http.paths[0]?.backend.service).toEqual({
      name: 'myelectricaldata',
      port: { name: 'http' },
    });
    const pdb = find<{ spec: { selector: { matchLabels: Record<string, string> }; minAvailable: number } }>(
      'PodDisruptionBudget',
      'myelectricaldata',
    );
    expect(pdb?.spec.selector.matchLabels).toEqual(deployment?.spec.selector.matchLabels);
    expect(pdb?.spec.minAvailable).toBeLessThan(deployment?.spec.replicas ?? 0);
  });

  it('ships placeholders the server refuses, never a usable secret', () => {
    const secrets = manifests.filter((manifest) => manifest.kind === 'Secret') as unknown as {
      stringData: Record<string, string>;
    }[];
    expect(secrets.map((secret) => secret.stringData.SECRET_KEY).filter(Boolean)).toEqual(['CHANGE_ME']);
    expect(secrets.map((secret) => secret.stringData.POSTGRES_PASSWORD).filter(Boolean)).toEqual(['CHANGE_ME']);
    expect(secrets.map((secret) => secret.stringData.DATABASE_URL).filter(Boolean)[0]).toContain(':CHANGE_ME@');
  });
});

describe('Helm chart and plain manifests agree', () => {
  /** `kind: X` lines of the chart's templates (the objects it can make). */
  const chartKinds = chartTemplates.flatMap((file) => [...template(file).matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]));
  const deployment = template('deployment.yaml');

  it('makes the same kinds of objects', () => {
    expect([...new Set(chartKinds)].sort()).toEqual([...new Set(manifests.map((manifest) => manifest.kind))].sort());
  });

  it('probes the same paths on the same named port', () => {
    expect(deployment).toMatch(/livenessProbe:\n\s+httpGet: \{ path: \/ping, port: http \}/);
    expect(deployment).toMatch(/readinessProbe:\n\s+httpGet: \{ path: \/ready, port: http \}/);
    expect(values.service.port).toBe(8000);
  });

  it('sets the same environment names: fixed ones, values.config and values.secrets', () => {
    const fixed = [...template('configmap.yaml').matchAll(/^ {2}([A-Z][A-Z0-9_]*): /gm)].map((match) => match[1]);
    const chartConfig = [...fixed, ...Object.keys(values.config)].sort();
    const plainConfig = Object.keys(
      find<{ data: Record<string, string> }>('ConfigMap', 'myelectricaldata')?.data ?? {},
    );
    expect(chartConfig).toEqual(plainConfig.sort());
    expect(chartConfig.filter((name) => name !== undefined && !serverVariables.has(name))).toEqual([]);
    // values.secrets, and the names it shows commented out, are server variables too.
    const commented = [...read(`${chartDir}values.yaml`).matchAll(/^ {2}# ([A-Z][A-Z0-9_]*):/gm)].map(
      (m) => m[1] ?? '',
    );
    expect([...Object.keys(values.secrets), ...commented].filter((name) => !serverVariables.has(name))).toEqual([]);
    const connections = [...template('secret.yaml').matchAll(/^ {2}([A-Z][A-Z0-9_]*): /gm)].map((match) => match[1]);
    expect([...new Set(connections)].sort()).toEqual(['DATABASE_URL', 'POSTGRES_PASSWORD', 'REDIS_URL', 'SECRET_KEY']);
  });

  it('has the same security context, replicas and bundled stores by default', () => {
    expect(deployment).toContain('runAsNonRoot: true');
    expect(deployment).toContain('runAsUser: 10001');
    expect(deployment).toContain('readOnlyRootFilesystem: true');
    expect(values.replicaCount).toBe(find<DeploymentShape>('Deployment', 'myelectricaldata')?.spec.replicas);
    expect(values.postgresql.enabled && values.valkey.enabled).toBe(true);
    expect(template('postgresql.yaml')).toMatch(/^\{\{- if \.Values\.postgresql\.enabled \}\}/);
    expect(template('valkey.yaml')).toMatch(/^\{\{- if \.Values\.valkey\.enabled \}\}/);
  });

  it('balances its template actions (a cheap guard, since templates cannot be rendered here)', () => {
    for (const file of [...chartTemplates, '_helpers.tpl']) {
      const text = template(file);
      const opened = [...text.matchAll(/\{\{-? *(if|range|with|define)\b/g)].length;
      const closed = [...text.matchAll(/\{\{-? *end *-?\}\}/g)].length;
      expect(closed, file).toBe(opened);
      expect(text.split('{{').length, file).toBe(text.split('}}').length);
    }
  });
});
