import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext, requestIdOf } from '@cchc/common';

/**
 * Gives every request an id (the caller's X-Request-Id, or a new one), answers with it, and runs
 * the rest of the request in its context. A module middleware, so it runs after the body parser,
 * whose stream callbacks would otherwise lose the context.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const holder = request as Request & { id?: string };
    holder.id ??= requestIdOf(request.headers['x-request-id']);
    response.setHeader('x-request-id', holder.id);
    RequestContext.run(holder.id, next);
  }
}
