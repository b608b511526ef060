/**
 * Bytes of an uploaded file to text. The customer area writes UTF-8 with a BOM; a file opened and saved
 * again in Excel comes back as Windows-1252 ("ANSI", `;`) or UTF-16 ("Unicode text", tab-separated).
 * Latin-1 is never guessed wrong for these files: their only non-ASCII characters are the accents of
 * the header (`Unité`, `Données`), which are invalid UTF-8 when written in Windows-1252.
 */
import { issue, type EnedisCsvIssue } from './issues.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Zip archives (xlsx, docx…) and other binary files start with bytes no CSV export has. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return true;
  }
  // Old Excel (.xls, OLE2).
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return true;
  }
  const sample = bytes.subarray(0, 4096);
  return sample.includes(0);
}

function encodingOf(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return 'utf-8';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return 'utf-16le';
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return 'utf-16be';
  }
  return null;
}

/** Decodes the bytes of a file, or says why they are not a text file. The BOM is removed. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText | EnedisCsvIssue<'CSV_NOT_TEXT'> {
  const declared = encodingOf(bytes);
  if (declared === 'utf-16le' || declared === 'utf-16be') {
    return { text: stripBom(new TextDecoder(declared).decode(bytes)), encoding: declared };
  }
  if (looksBinary(bytes)) {
    return issue(
      'CSV_NOT_TEXT',
      null,
      'this is a binary file (an Excel workbook?), not a CSV export: download the CSV file or save the sheet as CSV',
    );
  }
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
