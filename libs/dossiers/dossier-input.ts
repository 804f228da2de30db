import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { createHash } from 'node:crypto';
import { readCsv } from '@cchc/plan-import';
import { foldKey } from '@cchc/procedures';
import { CreateDossierDto } from './dto/create-dossier.dto';
import { receivedInstant } from './received-at';

/** One line of a bulk upload: what it held, or why it could not be read. */
export interface BulkLine {
  /** NDJSON line number, or CSV record number (the header is record 1). */
  line: number;
  value: Record<string, unknown> | null;
  error?: string;
}

export type BulkFormat = 'ndjson' | 'csv';

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

/** Splits an upload into lines; one bad line never hides the others. */
export function parseBulk(text: string, format: BulkFormat): BulkLine[] {
  return format === 'ndjson' ? parseNdjson(text) : parseCsvLines(text);
}

function parseNdjson(text: string): BulkLine[] {
  return text.split(/\r?\n/).flatMap((raw, index): BulkLine[] => {
    if (raw.trim() === '') return [];
    const line = index + 1;
    try {
      const value: unknown = JSON.parse(raw);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return [{ line, value: null, error: 'Dòng phải là một đối tượng JSON.' }];
      }
      return [{ line, value: value as Record<string, unknown> }];
    } catch {
      return [{ line, value: null, error: 'Dòng không phải JSON hợp lệ.' }];
    }
  });
}

function parseCsvLines(text: string): BulkLine[] {
  const [header, ...rows] = readCsv(text).tables[0]?.rows ?? [];
  if (!header) return [];
  const fields = header.cells.map((cell) => {
    const key = foldKey(cell);
    return Object.keys(CSV_COLUMNS).find((field) => CSV_COLUMNS[field].includes(key));
  });
  const missing = ['code', 'procedureCode', 'applicant.name', 'receivedAt'].filter(
    (field) => !fields.includes(field),
  );
  if (missing.length > 0) {
    return [
      {
        line: header.sourceRow,
        value: null,
        error: `Dòng tiêu đề thiếu cột: ${missing.join(', ')}.`,
      },
    ];
  }
  return rows.map(({ sourceRow, cells }) => {
    const value: Record<string, unknown> = {};
    const applicant: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      const cell = (cells[index] ?? '').trim();
      if (!field || cell === '') return;
      if (field.startsWith('applicant.')) applicant[field.slice('applicant.'.length)] = cell;
      else value[field] = cell;
    });
    return { line: sourceRow, value: { ...value, applicant } };
  });
}

/** Validates a dossier as POST /dossiers does; the error names every wrong field. */
export async function toCreateDossierDto(
  value: Record<string, unknown>,
): Promise<{ dto: CreateDossierDto } | { error: string }> {
  const dto = plainToInstance(CreateDossierDto, value);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return { dto };
  return { error: describeErrors(errors).join('; ') };
}

function describeErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith('property ') ? `trường ${field} không được hỗ trợ` : message,
    );
    return [...own, ...describeErrors(error.children ?? [], field)];
  });
}

/**
 * What makes two submissions of one dossier code the same dossier: every field the one-stop
 * system sends, blanks as absent, the receipt as an instant (Vietnam time when no zone is written).
 */
export function dossierContentHash(dto: CreateDossierDto): string {
  const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);
  const content = [
    dto.code,
    dto.procedureCode.trim(),
    dto.applicant.name.trim(),
    blank(dto.applicant.address),
    blank(dto.applicant.phone),
    blank(dto.applicant.email),
    receivedInstant(dto.receivedAt)?.toISOString() ?? dto.receivedAt,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
