import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_LENGTH = 32;
const WEAK_MARKERS = ['dev-', 'changeme', 'change-me', 'secret', 'password', 'test', 'example'];

/** Why a SECRET_KEY is unacceptable in production, or null when it is fine. */
export function secretKeyWeakness(key: string | undefined): string | null {
  if (key === undefined) {
    return 'SECRET_KEY is required in production';
  }
  if (key.length < MIN_LENGTH) {
    return `SECRET_KEY must be at least ${MIN_LENGTH} characters`;
  }
  const lower = key.toLowerCase();
  const marker = WEAK_MARKERS.find((word) => lower.includes(word));
  if (marker) {
    return `SECRET_KEY looks like a placeholder (contains "${marker}")`;
  }
  if (new Set(key).size < 10) {
    return 'SECRET_KEY has too few distinct characters';
  }
  return null;
}

/**
 * Outside production a missing key is generated once and kept in the data folder, so sessions and
 * encrypted values survive restarts of a development instance.
 */
export function loadOrCreateDevSecretKey(dataDir: string): string {
  const path = join(dataDir, 'secret_key');
  if (existsSync(path)) {
    const stored = readFileSync(path, 'utf8').trim();
    if (stored.length >= MIN_LENGTH) {
      return stored;
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}
