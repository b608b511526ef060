import { open, seal } from '../../security/aead.ts';
import type { ServerKeys } from '../../security/keys.ts';

export type SecretValues = Record<string, string>;

/**
 * An exporter's passwords and tokens, sealed together (AES-256-GCM, key derived from SECRET_KEY for this
 * purpose only) and bound to the exporter's id, so a sealed value copied onto another row does not open.
 */
export function sealSecrets(keys: ServerKeys, exporterId: string, secrets: SecretValues): string | null {
  if (Object.keys(secrets).length === 0) {
    return null;
  }
  const plaintext = Buffer.from(JSON.stringify(secrets));
  return seal(keys.derive('exporter-secrets'), plaintext, `exporter:${exporterId}`).toString('base64');
}

/** The stored secrets; an envelope that does not open (SECRET_KEY changed) reads as none: they must be typed again. */
export function openSecrets(keys: ServerKeys, exporterId: string, sealed: string | null): SecretValues {
  if (sealed === null) {
    return {};
  }
  const plaintext = open(keys.derive('exporter-secrets'), Buffer.from(sealed, 'base64'), `exporter:${exporterId}`);
  if (plaintext === null) {
    return {};
  }
  const parsed: unknown = JSON.parse(plaintext.toString());
  return typeof parsed === 'object' && parsed !== null
    ? Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : {};
}
