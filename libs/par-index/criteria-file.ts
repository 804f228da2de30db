import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { decodeUtf8, jsonDepth, MAX_JSON_DEPTH, NotUtf8Error } from '@cchc/common';
import { foldKey, locateColumns, readSheetFile } from '@cchc/procedures';
import { CriteriaTreeDto, CriterionDto } from './dto/par.dto';
import { TreeProblem } from './criteria-tree';

type Field = 'code' | 'name' | 'maxPoints' | 'method' | 'metric';
const HEADERS: Record<Field, string[]> = {
  code: ['code', 'ma', 'matieuchi', 'stt', 'tt'],
  name: ['name', 'ten', 'tentieuchi', 'linhvuctieuchi', 'tieuchi', 'noidung'],
  maxPoints: ['maxpoints', 'diemtoida', 'diem', 'diemchuan'],
  method: ['method', 'phuongphap', 'cachcham', 'phuongphapcham'],
  metric: ['metric', 'chiso', 'solieu'],
};
const METHOD_WORDS: Record<string, string> = {
  tucham: 'self',
  tudanhgia: 'self',
  dieutra: 'survey',
  dieutraxahoihoc: 'survey',
  khaosat: 'survey',
  hethongtinh: 'computed',
  tinhtoan: 'computed',
};

export class CriteriaFileRefused extends BadRequestException {
  constructor(problems: TreeProblem[]) {
    super({
      error: 'ImportFailed',
      message: `Không nạp bộ tiêu chí: ${problems.length} lỗi; chưa ghi tiêu chí nào.`,
      problems,
    });
  }
}

const messageOf = (error: ValidationError): string =>
  Object.values(error.constraints ?? {}).join('; ') ||
  (error.children ?? []).map(messageOf).join('; ');

/** Validates a tree given as JSON (the API body, or a JSON file); problems name their field. */
export function validTree(plain: unknown): CriteriaTreeDto {
  const tree = plainToInstance(CriteriaTreeDto, plain);
  const errors = validateSync(tree, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length === 0) return tree;
  const problems = errors.flatMap((error): TreeProblem[] =>
    error.property === 'criteria'
      ? criteriaProblems(error, tree.criteria)
      : [{ row: 0, field: error.property, message: messageOf(error) }],
  );
  throw new CriteriaFileRefused(problems);
}

const NOT_A_CRITERION = 'Mỗi tiêu chí phải là một đối tượng {code, name, maxPoints, …}';

/**
 * The problems of the list by row: a criterion's by its fields, an item that is no criterion
 * at all (a list, a number, a text) as a whole; the list's own (too long…) on row 0.
 */
function criteriaProblems(error: ValidationError, criteria: unknown): TreeProblem[] {
  // An item that is a list is said on the list (IsNestedList): find its rows.
  const { isNotList, ...own } = error.constraints ?? {};
  const lists = isNotList && Array.isArray(criteria) ? criteria : [];
  return [
    ...Object.values(own).map((message) => ({ row: 0, field: 'criteria', message })),
    ...lists.flatMap((item: unknown, index) =>
      Array.isArray(item) ? [{ row: index + 1, field: 'criteria', message: NOT_A_CRITERION }] : [],
    ),
    ...(error.children ?? []).flatMap((row): TreeProblem[] => {
      const at = Number(row.property) + 1;
      // A list in a criterion's place is named above; what its own items lack is beside the point.
      if (Array.isArray(lists[at - 1])) return [];
      return row.constraints
        ? [{ row: at, field: 'criteria', message: NOT_A_CRITERION }]
        : (row.children ?? []).map((field) => ({
            row: at,
            field: field.property,
            message: messageOf(field),
          }));
    }),
  ].sort((a, b) => a.row - b.row);
}

export interface CriteriaUpload {
  tree: CriteriaTreeDto;
  /** Where each criterion is in the file (sheet row, or position in the JSON list). */
  sourceRows: number[];
}

/**
 * The text of a JSON file, decoded as strictly as CSV uploads (libs/common/utf8.ts): bytes of
 * another encoding are a 400 naming the file and the line, never criteria named "Ph�ng". A BOM
 * (Notepad's "UTF-8 with BOM") is dropped, as JSON.parse would refuse it.
 */
function jsonText(data: Buffer): string {
  try {
    return decodeUtf8(data).replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    throw new BadRequestException(
      `file: Dòng ${error.line}: Tệp không phải UTF-8: hãy lưu lại dưới dạng JSON UTF-8.`,
    );
  }
}

/**
 * A criteria file: JSON ({issuer, year, criteria: […]}) or a sheet (CSV/XLSX with columns code,
 * name, maxPoints, method, metric — or their Vietnamese headers) whose issuer and year are given.
 * Sheet rows are numbered as the sheet shows them.
 */
export async function readCriteriaFile(
  file: { fileName: string; data: Buffer },
  defaults: { issuer?: string; year?: number },
): Promise<CriteriaUpload> {
  if (/\.json$/i.test(file.fileName) || file.data.subarray(0, 1).toString() === '{') {
    const text = jsonText(file.data);
    // Deeper than any tree: validating it would overflow the stack.
    if (jsonDepth(file.data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      throw new BadRequestException(`file: JSON lồng quá ${MAX_JSON_DEPTH} cấp`);
    let plain: unknown;
    try {
      plain = JSON.parse(text);
    } catch (error) {
      throw new BadRequestException(`file: JSON không đọc được (${(error as Error).message})`);
    }
    const tree = validTree({ ...defaults, ...(plain as object) });
    return { tree, sourceRows: tree.criteria.map((_, index) => index + 1) };
  }
  const rows = (await readSheetFile(file)).filter((row) => row.cells.some((cell) => cell.trim()));
  const [header, ...body] = rows;
  const columns = header ? locateColumns(header.cells, HEADERS) : {};
  const missing = (['code', 'name', 'maxPoints'] as Field[]).filter(
    (f) => columns[f] === undefined,
  );
  if (!header || missing.length > 0)
    throw new CriteriaFileRefused(
      missing.map((field) => ({
        row: header?.sourceRow ?? 0,
        field,
        message: `Thiếu cột ${field} (${HEADERS[field].slice(0, 3).join(' / ')}) ở dòng tiêu đề.`,
      })),
    );
  const criteria = body.map(({ cells }) => {
    const cell = (field: Field) => (cells[columns[field] ?? -1] ?? '').trim();
    const points = cell('maxPoints').replace(',', '.');
    return {
      code: cell('code'),
      name: cell('name'),
      maxPoints: points === '' || Number.isNaN(Number(points)) ? points : Number(points),
      method: METHOD_WORDS[foldKey(cell('method'))] ?? (cell('method') || 'self'),
      metric: cell('metric') || null,
    } satisfies Record<keyof CriterionDto, unknown>;
  });
  try {
    return {
      tree: validTree({ ...defaults, criteria }),
      sourceRows: body.map((row) => row.sourceRow),
    };
  } catch (error) {
    // Sheet rows: the header comes first, and rows keep the numbers the sheet shows.
    if (error instanceof CriteriaFileRefused) {
      const response = error.getResponse() as { problems: TreeProblem[] };
      throw new CriteriaFileRefused(
        response.problems.map((problem) => ({
          ...problem,
          row: problem.row > 0 ? body[problem.row - 1].sourceRow : problem.row,
        })),
      );
    }
    throw error;
  }
}
