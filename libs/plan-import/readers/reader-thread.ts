import { parentPort } from 'node:worker_threads';
import { PlanImportError } from '../plan-import-error';
import type { SourceDocument } from '../types';
import { readSource, type UploadFormat } from './read-source';
import { UploadTooLargeError } from './upload-limits';

export interface ReaderJob {
  format: UploadFormat;
  data: Uint8Array;
}

/** What the reader thread answers: the document, or why the file was refused. */
export type ReaderAnswer =
  | { document: SourceDocument }
  | { refused: PlanImportError['problems']; tooLarge: boolean }
  | { failed: string };

async function answer({ format, data }: ReaderJob): Promise<ReaderAnswer> {
  try {
    return {
      document: await readSource(format, Buffer.from(data.buffer, data.byteOffset, data.length)),
    };
  } catch (error) {
    if (error instanceof PlanImportError) {
      return { refused: error.problems, tooLarge: error instanceof UploadTooLargeError };
    }
    return { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

// One job at a time: the pool in read-upload.ts sends the next only after this answer.
parentPort?.on('message', (job: ReaderJob) => {
  void answer(job).then((reply) => parentPort?.postMessage(reply));
});
