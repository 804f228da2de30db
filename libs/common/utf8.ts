import { isUtf8 } from 'node:buffer';

// Uploads and bodies are decoded strictly: Buffer#toString('utf8') would turn the bytes of a
// cp1258 or latin-1 file into U+FFFD and store "Ph�ng" without a word to the person.

const LF = 0x0a;
const CR = 0x0d;

/** Bytes that are not UTF-8; `line` (1-based; LF, CR or CRLF end a line) holds the first bad one. */
export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super(`Not UTF-8 (line ${line})`);
    this.name = 'NotUtf8Error';
  }
}

/** The line holding the first byte that is not UTF-8, counted from `firstLine`; null when valid. */
export function firstNonUtf8Line(bytes: Uint8Array, firstLine = 1): number | null {
  if (isUtf8(bytes)) return null;
  // Line breaks are ASCII, never inside a UTF-8 sequence, so each line can be checked alone.
  let line = firstLine;
  let start = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte !== LF && byte !== CR) continue;
    if (!isUtf8(bytes.subarray(start, index))) return line;
    if (byte === CR && bytes[index + 1] === LF) index += 1;
    line += 1;
    start = index + 1;
  }
  return line;
}

/** The text of `bytes`, or NotUtf8Error naming the first line that is not UTF-8. */
export function decodeUtf8(bytes: Buffer): string {
  const line = firstNonUtf8Line(bytes);
  if (line !== null) throw new NotUtf8Error(line);
  return bytes.toString('utf8');
}

/** How many lines `bytes` (valid UTF-8 ending in LF, or the last of the stream) ends. */
function lineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count += 1;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) count += 1;
  }
  return count;
}

/**
 * Passes a stream's chunks on as they come and throws NotUtf8Error once a line that is not
 * UTF-8 is complete (or at the end). Lines are checked whole, so a character split between
 * two chunks is not mistaken for a bad byte; a consumer must not act on what it read before
 * the stream has ended.
 */
export async function* utf8Checked(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let unchecked: Buffer[] = [];
  let line = 1;
  const check = (bytes: Buffer) => {
    const bad = firstNonUtf8Line(bytes, line);
    if (bad !== null) throw new NotUtf8Error(bad);
    line += lineBreaks(bytes);
  };
  for await (const chunk of chunks) {
    const lastBreak = chunk.lastIndexOf(LF);
    if (lastBreak === -1) {
      unchecked.push(chunk);
    } else {
      check(Buffer.concat([...unchecked, chunk.subarray(0, lastBreak + 1)]));
      unchecked = [chunk.subarray(lastBreak + 1)];
    }
    yield chunk;
  }
  check(Buffer.concat(unchecked));
}

const PERCENT_ESCAPE = /%[0-9a-f]{2}/gi;

/**
 * The bytes a percent-encoded query component stands for, as Node's querystring (Express's query
 * parser) reads them: `+` a space, each `%XX` a byte, anything else (a stray `%`) as it is.
 */
function percentDecoded(component: string): Buffer {
  const text = component.replace(/\+/g, ' ');
  const parts: Buffer[] = [];
  let last = 0;
  for (const escape of text.matchAll(PERCENT_ESCAPE)) {
    parts.push(Buffer.from(text.slice(last, escape.index), 'utf8'));
    parts.push(Buffer.from([parseInt(escape[0].slice(1), 16)]));
    last = escape.index + 3;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * The first parameter of a query string (what follows `?`) whose percent-encoded bytes are not
 * UTF-8 (`?text=%C3%28`, `?text=%FF`), which querystring would turn into U+FFFD without a word;
 * named decoded, or as sent when its name is the bad part. Null when every parameter is UTF-8.
 */
export function nonUtf8QueryParameter(query: string): string | null {
  if (!query.includes('%')) return null;
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const nameBytes = percentDecoded(name);
    if (!isUtf8(nameBytes)) return name;
    if (equals !== -1 && !isUtf8(percentDecoded(pair.slice(equals + 1)))) {
      return nameBytes.toString('utf8');
    }
  }
  return null;
}

/** Why a query parameter that is not UTF-8 is refused, naming it. */
export const notUtf8QueryMessage = (name: string) =>
  `${name} có byte không phải UTF-8 (địa chỉ mã hóa bằng bảng mã khác); hãy gửi địa chỉ mã hóa UTF-8`;
