/**
 * Percent-encodes like `encodeURIComponent`, except that a lone surrogate (which makes
 * `encodeURIComponent` throw) is written as its WTF-8 bytes: what a careless client sends, and not UTF-8.
 */
export function encodeUrlComponent(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(text.charAt(index));
    }
  }
  return encoded;
}

/** A generated value as parameter text: strings as they are, anything else as JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** An object as an `application/x-www-form-urlencoded` body (anything else as one encoded value). */
export function formEncode(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return encodeUrlComponent(asText(value));
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${encodeUrlComponent(key)}=${encodeUrlComponent(asText(item))}`)
    .join('&');
}
