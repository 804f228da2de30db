import { OpenAPIObject } from '@nestjs/swagger';
import { untyped } from './openapi-untyped';

const document = (parts: Partial<OpenAPIObject>): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'x', version: '1' },
  paths: {},
  ...parts,
});

describe('untyped parts of the OpenAPI document', () => {
  it('names a property swagger saw as a bare object, not a typed, nested or free-form one', () => {
    const found = untyped(
      document({
        components: {
          schemas: {
            TaskDto: {
              type: 'object',
              properties: {
                dueDate: { type: 'object', example: '2026-06-30' },
                title: { type: 'string' },
                sla: { type: 'object', nullable: true, allOf: [{ $ref: '#/x' }] },
                payload: { type: 'object', additionalProperties: true },
                extension: { type: 'object', properties: { reason: { type: 'string' } } },
              },
            },
          },
        },
      }),
    );
    expect(found).toEqual(['TaskDto.dueDate']);
  });

  it('names a 2xx answer with no schema, but not a 204 or a refusal', () => {
    const found = untyped(
      document({
        paths: {
          '/tasks': {
            get: { responses: { '200': { description: '' } } },
            post: {
              responses: {
                '201': { description: '', content: { 'application/json': { schema: {} } } },
                '400': { description: 'refused' },
              },
            },
          },
          '/auth/logout': { post: { responses: { '204': { description: '' } } } },
        },
      }),
    );
    expect(found).toEqual(['GET /tasks 200']);
  });
});
