import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { HttpException, INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '@cchc/auth';
import { ROLE_LABELS, Role } from '@cchc/domain';
import { ALL_QUEUES } from '@cchc/queue';

export const QUEUES_BOARD_ROUTE = '/queues';
const BOARD_ROLES: Role[] = ['coordinator', 'chairman'];
/** A browser cannot send a Bearer header; it gets the token once in ?token= and keeps it in this cookie. */
const TOKEN_COOKIE = 'cchc_queues_token';

/**
 * Bull Board at /queues for coordinators and chairmen. The token is taken from the Authorization
 * header, or from the cookie, or once from `?token=`: then it is moved into an HttpOnly cookie
 * scoped to /queues and the browser is sent to the same page without it in the address.
 */
function boardAuth(auth: AuthService) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.headers.authorization;
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const token =
      (header?.startsWith('Bearer ') ? header.slice(7) : undefined) ??
      fromQuery ??
      cookieOf(request.headers.cookie, TOKEN_COOKIE);
    try {
      if (!token) {
        response
          .status(401)
          .json({ statusCode: 401, message: 'Cần đăng nhập: mở /queues?token=<mã truy cập>' });
        return;
      }
      const user = await auth.verify(token);
      if (!BOARD_ROLES.includes(user.role)) {
        response.status(403).json({
          statusCode: 403,
          message: `Vai trò ${ROLE_LABELS[user.role]} không được xem hàng đợi; chỉ dành cho: ${BOARD_ROLES.map((role) => ROLE_LABELS[role]).join(', ')}`,
        });
        return;
      }
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 401;
      response.status(status).json({ statusCode: status, message: (error as Error).message });
      return;
    }
    if (fromQuery) {
      response.cookie(TOKEN_COOKIE, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        path: QUEUES_BOARD_ROUTE,
      });
      const url = new URL(request.originalUrl, 'http://localhost');
      url.searchParams.delete('token');
      response.redirect(303, url.pathname + url.search);
      return;
    }
    next();
  };
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Mounts Bull Board on the API's Express instance, behind `boardAuth`. */
export function mountQueuesBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_BOARD_ROUTE);
  createBullBoard({
    queues: ALL_QUEUES.map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api 9.10.1, whose types
    // differ in detail from the 9.10.2 installed beside it; at run time they agree.
    serverAdapter: serverAdapter as unknown as Parameters<
      typeof createBullBoard
    >[0]['serverAdapter'],
  });
  app.use(QUEUES_BOARD_ROUTE, boardAuth(app.get(AuthService)), serverAdapter.getRouter());
}
