import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { firstNonUtf8Line } from '@cchc/common';
import { PlanImportError } from '../plan-import-error';
import type { SourceDocument } from '../types';
import { notUtf8Problem, type UploadFormat } from './read-source';
import type { ReaderAnswer, ReaderJob } from './reader-thread';
import {
  MAX_PARALLEL_READS,
  READ_MEMORY_LIMIT_MB,
  READ_TIME_LIMIT_MS,
  readTooBig,
  readTooSlow,
  UploadTooLargeError,
} from './upload-limits';

/*
 * The threads run the same sources as the caller: TypeScript through SWC when the caller does
 * (npm start, the CLI, Jest), so a thread registers SWC itself unless the process already
 * does it for every thread (node -r tools/register.js).
 */
const ENTRY = join(__dirname, `reader-thread${extname(__filename)}`);
const REGISTER =
  extname(__filename) === '.ts' ? join(__dirname, '../../../tools/register.js') : null;
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.register && !require.extensions['.ts']) require(workerData.register);
require(workerData.entry);
`;

/*
 * Reader threads are kept between reads (starting one costs a second or more: SWC, ExcelJS);
 * one that ran out of time or memory is terminated and replaced.
 */
const idle: Worker[] = [];
const waiting: ((worker: Worker) => void)[] = [];
let threads = 0;

function spawn(): Worker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: ENTRY, register: REGISTER },
    resourceLimits: { maxOldGenerationSizeMb: READ_MEMORY_LIMIT_MB },
  });
  worker.unref(); // an idle reader never keeps the process alive
  return worker;
}

function acquire(): Promise<Worker> {
  const ready = idle.pop();
  if (ready) return Promise.resolve(ready);
  if (threads < MAX_PARALLEL_READS) {
    threads += 1;
    return Promise.resolve(spawn());
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(worker: Worker): void {
  const next = waiting.shift();
  if (next) next(worker);
  else idle.push(worker);
}

function discard(worker: Worker): void {
  void worker.terminate();
  const next = waiting.shift();
  if (next) next(spawn());
  else threads -= 1;
}

function refusal(answer: Exclude<ReaderAnswer, { document: SourceDocument }>): Error {
  if ('failed' in answer) return new Error(`Reading an upload failed: ${answer.failed}`);
  return answer.tooLarge
    ? new UploadTooLargeError(answer.refused[0].message)
    : new PlanImportError(answer.refused);
}

function run(worker: Worker, job: ReaderJob, timeLimitMs: number): Promise<SourceDocument> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (healthy) release(worker);
      else discard(worker);
      outcome();
    };
    const onMessage = (answer: ReaderAnswer) =>
      finish(
        () => ('document' in answer ? resolve(answer.document) : reject(refusal(answer))),
        true,
      );
    const onError = (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? readTooBig() : error), false);
    const onExit = (code: number) =>
      finish(() => reject(new Error(`The reader thread stopped (exit code ${code})`)), false);
    const timer = setTimeout(
      () => finish(() => reject(readTooSlow(timeLimitMs)), false),
      timeLimitMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * Reads an uploaded file in a worker thread, so a crafted file cannot stall the event loop:
 * the thread is stopped after `timeLimitMs` or when it needs more than
 * READ_MEMORY_LIMIT_MB (UploadTooLargeError); at most MAX_PARALLEL_READS run at once, the
 * others wait their turn. A CSV or text file that is not UTF-8 is a PlanImportError naming its
 * first bad line.
 */
export async function readUpload(
  format: UploadFormat,
  data: Buffer,
  timeLimitMs = READ_TIME_LIMIT_MS,
): Promise<SourceDocument> {
  // Checked here rather than in the thread, which then need not load @cchc/common.
  if (format === 'csv' || format === 'text') {
    const line = firstNonUtf8Line(data);
    if (line !== null) throw new PlanImportError([notUtf8Problem(format, line)]);
  }
  return run(await acquire(), { format, data }, timeLimitMs);
}
