import fc from 'fast-check';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// Malformed requests generated from the API's own OpenAPI document: every operation that takes a
// body, a query or a path parameter gets near-valid requests with one thing broken, and some
// with everything broken, so a new endpoint is fuzzed without anyone listing it.

type Schema = Record<string, unknown>;

export interface FuzzOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. /tasks/{id}/events. */
  path: string;
  pathParams: string[];
  queryParams: ParameterObject[];
  /** How the body is sent, when the operation takes one. */
  body:
    | { kind: 'json'; schema: Schema }
    | { kind: 'multipart' }
    | { kind: 'text'; type: string }
    | null;
}

export interface FuzzRequest {
  method: FuzzOperation['method'];
  /** Path with its parameters filled in and the query string appended. */
  url: string;
  /** Demo username whose token is sent, or null for no token, or 'forged' for a bad one. */
  as: string | null;
  json?: unknown;
  text?: { type: string; data: string };
  file?: { field: string; name: string; data: Buffer };
}

const MUTATING = ['post', 'put', 'patch', 'delete'] as const;

/** Operations worth fuzzing: every mutating one, and every read that takes parameters. */
export function fuzzOperations(document: OpenAPIObject): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', ...MUTATING] as const) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = parameters.filter((p) => p.in === 'query');
      const body = bodyOf(document, operation);
      if (method === 'get' && pathParams.length === 0 && queryParams.length === 0) continue;
      operations.push({ method, path, pathParams, queryParams, body });
    }
  }
  return operations;
}

function bodyOf(document: OpenAPIObject, operation: OperationObject): FuzzOperation['body'] {
  const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> })
    ?.content;
  if (!content) return null;
  if (content['application/json']) {
    return { kind: 'json', schema: resolve(document, content['application/json'].schema ?? {}) };
  }
  if (content['multipart/form-data']) return { kind: 'multipart' };
  return { kind: 'text', type: Object.keys(content)[0] };
}

/** Inlines `$ref`s (the document's schemas are small and not recursive). */
function resolve(document: OpenAPIObject, schema: Schema, depth = 0): Schema {
  if (depth > 8) return {};
  const ref = schema.$ref as string | undefined;
  if (ref) {
    const name = ref.split('/').pop() as string;
    return resolve(document, (document.components?.schemas?.[name] ?? {}) as Schema, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Schema>).map(([key, value]) => [
        key,
        resolve(document, value, depth + 1),
      ]),
    );
  }
  if (schema.items) out.items = resolve(document, schema.items as Schema, depth + 1);
  if (Array.isArray(schema.allOf)) {
    return (schema.allOf as Schema[]).reduce<Schema>(
      (merged, part) => {
        const resolved = resolve(document, part, depth + 1);
        return {
          ...merged,
          ...resolved,
          properties: { ...(merged.properties as Schema), ...(resolved.properties as Schema) },
        };
      },
      { ...out },
    );
  }
  return out;
}

const deepValue = (levels: number): unknown =>
  Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: [inner] }), 1);

/** Text just over the usual column sizes (VARCHAR 16–2000, TEXT), and multi-byte text. */
const longText = fc.constantFrom<unknown>(
  ...[17, 33, 65, 256, 501, 2001, 20_001, 70_000].map((length) => 'x'.repeat(length)),
  'ệ'.repeat(25_000),
  '🇻🇳'.repeat(300),
);

const badDates = fc.constantFrom<unknown>(
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '0000-00-00',
  '1899-12-31',
  '2200-01-01',
  '9999-12-31',
  '2026-02-12T09:30:00',
  '2026-02-12T25:61:00+07:00',
  '12/02/2026',
);

const hostileText = fc.constantFrom<unknown>(
  '',
  '   ',
  ' \t\r\n ',
  '\u0000',
  'Kế hoạch\u0000',
  "' OR '1'='1' -- ",
  "'; DROP TABLE reform_tasks; --",
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://127.0.0.1/")',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00',
  '\u202egnp.exe',
  '\ud800',
  'task.nope',
  'yes',
  'TRUE',
);

const oddNumbers = fc.constantFrom<unknown>(
  '99999999999999999999',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -0,
);

const oddShapes = fc.constantFrom<unknown>(
  true,
  false,
  null,
  [],
  {},
  [null],
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  deepValue(30),
  deepValue(1000),
  'x'.repeat(200_000),
);

/** Values no field should take without a clean 4xx. */
export const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: longText },
  { weight: 2, arbitrary: badDates },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: oddNumbers },
  { weight: 1, arbitrary: oddShapes },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A plausible value for a schema, so that one broken field is what the server sees. */
export function sampleOf(schema: Schema, known: KnownValues, name = ''): unknown {
  const real = known.forField(name);
  if (real !== undefined) return schema.type === 'array' ? [real] : real;
  if (schema.example !== undefined) return safeExample(schema.example);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [sampleOf(schema.items as Schema, known, name)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([key, value]) => [
          key,
          sampleOf(value, known, key),
        ]),
      );
    default:
      return 'Mẫu';
  }
}

/** URLs in examples point at loopback: the suite must not send traffic off this machine. */
function safeExample(example: unknown): unknown {
  return typeof example === 'string' && /^https?:/.test(example)
    ? 'http://127.0.0.1:9/fuzz'
    : example;
}

/** Real ids and codes created before fuzzing, so some requests get past the 404. */
export interface KnownValues {
  /** A real value for a field of that name (a unit id for leadUnitId...), if there is one. */
  forField(name: string): unknown;
  /** Candidates for path parameters. */
  pathValues: string[];
}

/** Whom and what an operation answers: found by probing, so most requests reach validation. */
export interface FuzzTarget {
  roles: string[];
  otherRoles: string[];
  pathValues: string[];
}

/** The operation called plainly (sample body, no query) with `pathValue` in every parameter. */
export function plainRequest(
  operation: FuzzOperation,
  known: KnownValues,
  as: string,
  pathValue: string,
): FuzzRequest {
  const url = operation.pathParams.reduce(
    (path, name) => path.replace(`{${name}}`, encode(pathValue)),
    operation.path,
  );
  const json = operation.body?.kind === 'json' ? sampleOf(operation.body.schema, known) : undefined;
  return { method: operation.method, url, as, json };
}

/** What every text field meets in the systematic pass: too long, blank, NUL, impossible date. */
const EDGE_VALUES: unknown[] = [
  'x'.repeat(70_000),
  'ệ'.repeat(25_000),
  '   ',
  'a\u0000b',
  '2026-02-30',
];

/**
 * The systematic pass: the plain body with one field (top level, or the first one inside a
 * nested object or list) set to each edge value, sent by the first role the operation lets in.
 */
export function fieldByFieldRequests(
  operation: FuzzOperation,
  known: KnownValues,
  target: FuzzTarget,
): FuzzRequest[] {
  const plain = plainRequest(operation, known, target.roles[0], target.pathValues[0]);
  const body = plain.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const valid = body as Record<string, unknown>;
  return Object.keys(valid).flatMap((key) =>
    EDGE_VALUES.flatMap((value) => {
      const variants = [{ ...valid, [key]: value }];
      const nested = nestInto(valid[key], value);
      if (nested !== value) variants.push({ ...valid, [key]: nested });
      return variants.map((json) => ({ ...plain, json }));
    }),
  );
}

export function requestArbitrary(
  operation: FuzzOperation,
  known: KnownValues,
  target: FuzzTarget,
): fc.Arbitrary<FuzzRequest> {
  const as = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...target.roles) },
    { weight: 2, arbitrary: fc.constantFrom<string | null>(null, 'forged', ...target.otherRoles) },
  );
  const pathValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...target.pathValues) },
    { weight: 2, arbitrary: malformedValue.map(String) },
  );
  const path = fc
    .tuple(...operation.pathParams.map(() => pathValue))
    .map((values) =>
      operation.pathParams.reduce(
        (url, name, index) => url.replace(`{${name}}`, encode(values[index])),
        operation.path,
      ),
    );
  const query = queryArbitrary(operation.queryParams, known);
  return fc
    .record({ as, path, query, body: bodyArbitrary(operation.body, known) })
    .map(({ as, path, query, body }) => ({
      method: operation.method,
      url: query ? `${path}?${query}` : path,
      as,
      ...body,
    }));
}

function queryArbitrary(parameters: ParameterObject[], known: KnownValues): fc.Arbitrary<string> {
  const value = (parameter: ParameterObject) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      {
        weight: 2,
        arbitrary: fc.constant(sampleOf((parameter.schema ?? {}) as Schema, known, parameter.name)),
      },
      { weight: 3, arbitrary: malformedValue },
    );
  const pairs = fc.tuple(
    ...parameters.map((parameter) =>
      value(parameter).map((v): [string, unknown] => [parameter.name, v]),
    ),
  );
  const extra = fc.option(
    fc.tuple(fc.constantFrom('unknownFilter', 'page[0]', '__proto__', 'sort'), malformedValue),
    { freq: 5 },
  );
  return fc.tuple(pairs, extra).map(([given, more]) =>
    [...given, ...(more ? [more] : [])]
      .filter(([, v]) => v !== undefined)
      .flatMap(([name, v]) =>
        (Array.isArray(v) ? v : [v]).map((item) => `${encode(name)}=${encode(stringOf(item))}`),
      )
      .join('&'),
  );
}

function bodyArbitrary(
  body: FuzzOperation['body'],
  known: KnownValues,
): fc.Arbitrary<Pick<FuzzRequest, 'json' | 'text' | 'file'>> {
  if (!body) return fc.constant({});
  if (body.kind === 'multipart') {
    return fc
      .record({
        field: fc.constantFrom('file', 'file', 'upload'),
        name: fc.constantFrom('ke-hoach.docx', 'a.xlsx', 'b.csv', 'c.txt', 'x\u0000.docx', '..'),
        data: fc.oneof(
          fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
          fc
            .array(malformedValue.map(stringOf), { maxLength: 6 })
            .map((cells) => Buffer.from(`STT,Nội dung,Chủ trì\n1,${cells.join(',')}\n`)),
          fc.constant(Buffer.from('PK\u0003\u0004 not really a zip')),
        ),
      })
      .map((file) => ({ file }));
  }
  if (body.kind === 'text') {
    return fc
      .array(
        fc.oneof(
          malformedValue.map((value) => JSON.stringify(value) ?? ''),
          jsonBody({ type: 'object', properties: { code: { type: 'string' } } }, known).map(
            (value) => JSON.stringify(value) ?? '',
          ),
        ),
        { maxLength: 5 },
      )
      .map((lines) => ({ text: { type: body.type, data: lines.join('\n') } }));
  }
  return jsonBody(body.schema, known).map((json) => ({ json }));
}

/** A near-valid body with one thing broken (a field dropped, wrong, extra or nested), or junk. */
function jsonBody(schema: Schema, known: KnownValues): fc.Arbitrary<unknown> {
  const valid = sampleOf({ type: 'object', ...schema, example: undefined }, known) as Record<
    string,
    unknown
  >;
  const keys = Object.keys(valid);
  const broken: fc.WeightedArbitrary<unknown>[] = [
    { weight: 1, arbitrary: fc.constant(valid) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('extra', 'id', 'wardId', 'state', '__proto__'), malformedValue)
        .map(([key, value]) => ({ ...valid, [key]: value })),
    },
    { weight: 1, arbitrary: malformedValue },
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    broken.push(
      {
        weight: 1,
        arbitrary: key.map((dropped) =>
          Object.fromEntries(Object.entries(valid).filter(([k]) => k !== dropped)),
        ),
      },
      {
        weight: 5,
        arbitrary: fc.tuple(key, malformedValue).map(([k, value]) => ({ ...valid, [k]: value })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(key, malformedValue)
          .map(([k, value]) => ({ ...valid, [k]: nestInto(valid[k], value) })),
      },
    );
  }
  return fc.oneof(...broken);
}

/** Breaks one field inside a nested object or the first element of a list. */
function nestInto(container: unknown, value: unknown): unknown {
  if (Array.isArray(container)) return [nestInto(container[0], value), ...container.slice(1)];
  if (container && typeof container === 'object') {
    const [first] = Object.keys(container);
    return first ? { ...container, [first]: value } : { extra: value };
  }
  return value;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** Percent-encodes, lone surrogates (which encodeURIComponent refuses) as U+FFFD. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'));
}
