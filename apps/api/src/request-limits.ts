import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { Server, STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import {
  jsonDepth,
  MAX_JSON_DEPTH,
  nonUtf8QueryParameter,
  notUtf8QueryMessage,
} from '@cchc/common';
import { refused } from './validation';

/** Largest JSON or form body: a task with its longest texts fits; anything larger is a 413. */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * JSON and form bodies with a size limit and a nesting limit checked on the raw bytes, before
 * parsing, so a deep document is refused before anything recursive (parser, class-transformer,
 * class-validator) walks it. Errors carry body-parser's `type`, turned into 4xx by the filter.
 * Bytes that are not UTF-8 are refused too (the parser would store them as U+FFFD), in the body
 * and, on every route, in the query string (a 400 naming the parameter).
 * Requests Node's HTTP parser refuses (an address or headers over 16 KB) get JSON too.
 */
export function useRequestLimits(app: INestApplication): void {
  app.use(refuseNonUtf8Query);
  const parseJson = json({ limit: MAX_BODY_BYTES, verify: checkJson, reviver: composed });
  // Named as body-parser names it, so that Nest does not add its own parser after this one.
  app.use(function jsonParser(request: Request, response: Response, next: NextFunction) {
    parseJson(request, response, (error?: unknown) => next(error && withoutSyntaxError(error)));
  });
  (app as NestExpressApplication).useBodyParser('urlencoded', {
    limit: MAX_BODY_BYTES,
    extended: false,
    verify: refuseNonUtf8,
  });
  (app.getHttpServer() as Server).on('clientError', answerInJson);
}

/**
 * A query string whose percent-encoded bytes are not UTF-8 (`?text=%C3%28`): Express's parser
 * would hand the route U+FFFD, so it is refused, naming the parameter, before anything reads it.
 */
function refuseNonUtf8Query(request: Request, _response: Response, next: NextFunction): void {
  const url = request.originalUrl ?? request.url;
  const start = url.indexOf('?');
  const name = start === -1 ? null : nonUtf8QueryParameter(url.slice(start + 1));
  if (name === null) return next();
  next(refused([{ field: name, message: notUtf8QueryMessage(name) }]));
}

/**
 * Nest turns a SyntaxError from the parser into a 400 with the parser's English message before
 * any filter sees it; as a plain Error it keeps its `type` and reaches HttpErrorsFilter.
 */
function withoutSyntaxError(error: unknown): unknown {
  if (!(error instanceof SyntaxError)) return error;
  const { status, type } = error as SyntaxError & { status?: number; type?: string };
  return Object.assign(new Error(error.message), { status, type });
}

function answerInJson(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Địa chỉ hoặc tiêu đề của yêu cầu quá dài']
      : [400, 'Yêu cầu HTTP không hợp lệ'];
  const body = JSON.stringify({ statusCode: status, message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Every string of a body in composed form (NFC): some Vietnamese keyboards type "ộ" as "o" and
 * two combining marks, which would look the same and be stored apart (a search for the
 * composed word would not find it).
 */
function composed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

function checkJson(request: unknown, response: unknown, body: Buffer, encoding: string): void {
  refuseNonUtf8(request, response, body, encoding);
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON lồng quá ${MAX_JSON_DEPTH} cấp`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}

/** A body declared (or defaulted to) UTF-8 whose bytes are not; UTF-16/32 JSON is left alone. */
function refuseNonUtf8(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string,
): void {
  if (encoding.toLowerCase() === 'utf-8' && !isUtf8(body)) {
    throw Object.assign(new Error('Body is not UTF-8'), { status: 400, type: 'entity.not.utf8' });
  }
}
