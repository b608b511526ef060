import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Undoes quoted-printable (soft line breaks, =XX bytes) as nodemailer writes the text part. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index] ?? ''));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function linksIn(dataDir: string, to: string, path: string): string[] {
  let files: string[];
  try {
    files = readdirSync(join(dataDir, 'outbox')).filter((file) => file.endsWith('.eml'));
  } catch {
    return [];
  }
  const links: string[] = [];
  for (const file of files.sort()) {
    const raw = readFileSync(join(dataDir, 'outbox', file), 'utf8');
    if (!new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi').test(raw)) {
      continue;
    }
    const pattern = new RegExp(`https?://[^\\s"<>]+${path.replace(/[?]/g, '\\?')}[^\\s"<>]*`, 'g');
    links.push(...(decodeQuotedPrintable(raw).match(pattern) ?? []));
  }
  return links;
}

/** The newest link to `path` (e.g. `/verify-email?token=`) mailed to `to` by the server's dev outbox; waits for the mail queue. */
export async function mailedLink(dataDir: string, to: string, path: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = linksIn(dataDir, to, path).at(-1);
    if (link) {
      return link;
    }
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${to} with a ${path} link`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
}
