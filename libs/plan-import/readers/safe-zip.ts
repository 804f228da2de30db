import type { Readable } from 'node:stream';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { PlanImportError } from '../plan-import-error';
import {
  MAX_ENTRY_RATIO,
  MAX_UNZIPPED_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECKED_FROM_BYTES,
  suspiciousRatio,
  tooManyEntries,
  unzipsTooLarge,
  UploadTooLargeError,
} from './upload-limits';

async function drain(stream: Readable): Promise<void> {
  for await (const chunk of stream) void chunk;
}

/**
 * An archive's entries as its central directory declares them, refused (UploadTooLargeError)
 * past the limits on entry count, total size and each large entry's compression ratio; null
 * when the bytes are not a zip. The caller closes the zip.
 */
export async function measuredZip(
  data: Buffer,
): Promise<{ zip: ZipFile; entries: Entry[] } | null> {
  const zip = await fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true }).catch(
    () => null,
  );
  if (!zip) return null;
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw tooManyEntries(zip.entryCount);
    const entries: Entry[] = [];
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > MAX_UNZIPPED_BYTES) throw unzipsTooLarge();
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_CHECKED_FROM_BYTES && ratio > MAX_ENTRY_RATIO) {
        throw suspiciousRatio(entry.fileName);
      }
      entries.push(entry);
    }
    return { zip, entries };
  } catch (error) {
    zip.close();
    if (error instanceof UploadTooLargeError) throw error;
    return null;
  }
}

/**
 * Measures a DOCX/XLSX archive before a reader opens it (measuredZip), then inflates every
 * entry and throws it away, since the directory can lie: yauzl stops an entry that outgrows its
 * declared size, so no more than the declared total is ever inflated.
 * `unreadable` is the message for a file that is not a sound archive.
 */
export async function assertSafeZip(data: Buffer, unreadable: string): Promise<void> {
  const refuse = () => new PlanImportError([{ row: null, field: 'table', message: unreadable }]);
  const measured = await measuredZip(data);
  if (!measured) throw refuse();
  try {
    for (const entry of measured.entries) {
      await drain(await measured.zip.openReadStreamPromise(entry));
    }
  } catch {
    throw refuse();
  } finally {
    measured.zip.close();
  }
}

/** The entries of a measured archive whose names match, as UTF-8 text. */
export async function zipEntryTexts(data: Buffer, names: RegExp): Promise<string[]> {
  const zip = await fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  try {
    const texts: string[] = [];
    for await (const entry of zip.eachEntry()) {
      if (!names.test(entry.fileName)) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk);
      texts.push(Buffer.concat(chunks).toString('utf8'));
    }
    return texts;
  } finally {
    zip.close();
  }
}
