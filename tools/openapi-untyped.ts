import { OpenAPIObject } from '@nestjs/swagger';
import {
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * What the document leaves untyped: a property swagger saw as Object (a type alias such as
 * IsoDate, or a union like `string | null`; it needs `type: String`…), or an answer with no
 * schema (a route without `@ApiOkResponse({ type })`).
 */
export function untyped(document: OpenAPIObject): string[] {
  const properties = Object.entries(document.components?.schemas ?? {}).flatMap(([name, schema]) =>
    Object.entries((schema as SchemaObject).properties ?? {})
      .filter(([, property]) => {
        const p = property as SchemaObject;
        return p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf;
      })
      .map(([property]) => `${name}.${property}`),
  );
  const answers = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationObject>).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {})
        .filter(([status, answer]) => /^2/.test(status) && status !== '204' && !contentOf(answer))
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );
  return [...properties, ...answers];
}

const contentOf = (answer: unknown) => (answer as ResponseObject | undefined)?.content;
