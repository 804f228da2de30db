import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { jsonDepth, MAX_JSON_DEPTH, NotUtf8Error, utf8Checked } from '@cchc/common';
import { csvMessage, csvOptions, detectDelimiter } from '@cchc/plan-import';
import { foldKey } from '@cchc/procedures';
import { CreateDossierDto } from './dto/create-dossier.dto';

export type BulkFormat = 'ndjson' | 'csv';

/** One line of a bulk upload: the dossier it holds, or why it cannot be received. */
export type CheckedLine =
  | { line: number; code: string | null; dto: CreateDossierDto }
  | { line: number; code: string | null; error: string };

/** What may be read from one upload; past either limit the whole upload is refused (413). */
export interface BulkLimits {
  maxBytes: number;
  maxLines: number;
}

/** CSV columns (folded header text) → field of a dossier. */
const CSV_COLUMNS: Record<string, string[]> = {
  code: ['code', 'mahoso', 'sohoso'],
  procedureCode: ['procedurecode', 'mathutuc', 'mattc'],
  'applicant.name': ['applicantname', 'nguoinop', 'tennguoinop', 'tochuccanhan', 'hoten'],
  'applicant.address': ['applicantaddress', 'diachi'],
  'applicant.phone': ['applicantphone', 'dienthoai', 'sodienthoai'],
  'applicant.email': ['applicantemail', 'email', 'thudientu'],
  receivedAt: ['receivedat', 'thoidiemtiepnhan', 'ngaytiepnhan', 'ngaynhan'],
};
const REQUIRED_COLUMNS = ['code', 'procedureCode', 'applicant.name', 'receivedAt'];

type RawLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

const tooLarge = (limits: BulkLimits) =>
  new PayloadTooLargeException(
    `Tệp hồ sơ vượt giới hạn ${limits.maxLines} dòng hoặc ${Math.round(limits.maxBytes / 1024 / 1024)} MB; ` +
      'hãy chia thành nhiều lần gửi. Chưa hồ sơ nào được ghi.',
  );

/** The body's chunks, refused once they add up to more than the limit. */
async function* limited(body: AsyncIterable<Buffer>, limits: BulkLimits): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits);
    yield chunk;
  }
}

async function* textLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() as string;
    yield* lines;
  }
  yield rest + decoder.end();
}

async function* ndjsonLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawLine> {
  let line = 0;
  for await (const text of textLines(chunks)) {
    line += 1;
    if (text.trim() === '') continue;
    // Deeper than any dossier: checking it would overflow the stack (a 500 for the whole file).
    if (jsonDepth(Buffer.from(text), MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      yield { line, error: `Dòng lồng quá ${MAX_JSON_DEPTH} cấp đối tượng, danh sách.` };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, error: 'Dòng không phải JSON hợp lệ.' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, error: 'Dòng phải là một đối tượng JSON.' };
    } else yield { line, value: value as Record<string, unknown> };
  }
}

/** The first line (the header) without consuming it, to choose the delimiter. */
async function peekHeader(
  chunks: AsyncIterator<Buffer>,
): Promise<{ header: string; read: Buffer[] }> {
  const read: Buffer[] = [];
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    read.push(next.value);
    if (next.value.includes(0x0a) || next.value.includes(0x0d)) break;
  }
  const header = Buffer.concat(read)
    .toString('utf8')
    .split(/\r?\n|\r/)[0];
  return { header, read };
}

async function* csvLines(chunks: AsyncGenerator<Buffer>): AsyncGenerator<RawLine> {
  const { header, read } = await peekHeader(chunks);
  const parser = parse(csvOptions(detectDelimiter(header)));
  const source = Readable.from(
    (async function* () {
      yield* read;
      yield* chunks;
    })(),
  );
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let fields: (string | undefined)[] | null = null;
  let record = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      record += 1;
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (!fields) {
        fields = cells.map((cell) =>
          Object.keys(CSV_COLUMNS).find((field) => CSV_COLUMNS[field].includes(foldKey(cell))),
        );
        const missing = REQUIRED_COLUMNS.filter((field) => !fields?.includes(field));
        if (missing.length > 0) {
          throw new BadRequestException(
            `Dòng ${record}: dòng tiêu đề thiếu cột ${missing.join(', ')}; chưa hồ sơ nào được ghi.`,
          );
        }
        continue;
      }
      yield { line: record, value: dossierOfCells(fields, cells) };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new BadRequestException(
        `Dòng ${record + 1}: ${csvMessage(error)} Chưa hồ sơ nào được ghi.`,
      );
    }
    throw error;
  }
}

function dossierOfCells(fields: (string | undefined)[], cells: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const applicant: Record<string, unknown> = {};
  fields.forEach((field, index) => {
    const cell = (cells[index] ?? '').trim();
    if (!field || cell === '') return;
    if (field.startsWith('applicant.')) applicant[field.slice('applicant.'.length)] = cell;
    else value[field] = cell;
  });
  return { ...value, applicant };
}

/** Validates a dossier with the rules of POST /dossiers; the error names every wrong field. */
export async function checkDossier(
  value: Record<string, unknown>,
): Promise<{ dto: CreateDossierDto } | { error: string }> {
  const dto = plainToInstance(CreateDossierDto, value);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return { dto };
  return { error: describeErrors(errors).join('; ') };
}

/** `field: message` for every failed rule, field paths in full, as the API's 400s write them. */
function describeErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map(
      (message) =>
        `${field}: ${message.replace(/^property (\S+) should not exist$/, 'trường $1 không được hỗ trợ')}`,
    );
    return [...own, ...describeErrors(error.children ?? [], field)];
  });
}

/**
 * Reads an upload line by line as it streams in (NDJSON: one dossier per line; CSV: a header
 * naming the columns in English or Vietnamese, `,` `;` or tab) and checks every line. Line
 * numbers are the file's lines (NDJSON) or records (CSV, the header is 1). The whole upload
 * is read and checked before anything is written, so a 413 (over `limits`, or a declared
 * Content-Length over them, refused before reading) or a 400 (a CSV that cannot be parsed, a
 * file that is not UTF-8) never comes after a write.
 */
export async function readBulkLines(
  body: AsyncIterable<Buffer>,
  format: BulkFormat,
  limits: BulkLimits,
  declaredBytes: number | null = null,
): Promise<CheckedLine[]> {
  if (declaredBytes !== null && declaredBytes > limits.maxBytes) throw tooLarge(limits);
  const chunks = utf8Checked(limited(body, limits));
  const checked: CheckedLine[] = [];
  try {
    for await (const raw of format === 'ndjson' ? ndjsonLines(chunks) : csvLines(chunks)) {
      if (checked.length >= limits.maxLines) throw tooLarge(limits);
      if ('error' in raw) {
        checked.push({ line: raw.line, code: null, error: raw.error });
        continue;
      }
      const code = typeof raw.value.code === 'string' ? raw.value.code : null;
      checked.push({ line: raw.line, code, ...(await checkDossier(raw.value)) });
    }
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const saveAs = format === 'csv' ? 'CSV UTF-8' : 'NDJSON mã hóa UTF-8';
    throw new BadRequestException(
      `Dòng ${error.line}: tệp không phải UTF-8; hãy lưu lại dưới dạng ${saveAs}. Chưa hồ sơ nào được ghi.`,
    );
  }
  return checked;
}
