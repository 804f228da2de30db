import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { HttpException, INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService, requestToken } from '@cchc/auth';
import { ROLE_LABELS, Role } from '@cchc/domain';
import { ALL_QUEUES } from '@cchc/queue';

export const QUEUES_BOARD_ROUTE = '/queues';
export const QUEUES_BOARD_ROLES: Role[] = ['coordinator', 'chairman'];
const READ_METHODS = ['GET', 'HEAD'];

/**
 * Bull Board at /queues, to look at, for coordinators and chairmen: the token comes from the
 * Authorization header or the console's session cookie, never from the address; anything but
 * reading is refused
 * (retrying a dead job is an API command, audited like the rest).
 */
function boardAuth(auth: AuthService) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const refuse = (status: number, message: string) =>
      void response.status(status).json({ statusCode: status, message });
    const token = requestToken(request);
    if (!token) {
      return refuse(
        401,
        'Cần đăng nhập: gửi Authorization: Bearer ..., hoặc đăng nhập vào trang quản trị trước',
      );
    }
    try {
      const user = await auth.verify(token);
      if (!QUEUES_BOARD_ROLES.includes(user.role)) {
        return refuse(
          403,
          `Vai trò ${ROLE_LABELS[user.role]} không được xem hàng đợi; chỉ dành cho: ${QUEUES_BOARD_ROLES.map((role) => ROLE_LABELS[role]).join(', ')}`,
        );
      }
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 401;
      return refuse(status, (error as Error).message);
    }
    if (!READ_METHODS.includes(request.method)) {
      return refuse(403, 'Bảng hàng đợi chỉ để xem; không được thay đổi công việc từ đây');
    }
    next();
  };
}

/** Mounts Bull Board (read-only) on the API's Express instance, behind `boardAuth`. */
export function mountQueuesBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_BOARD_ROUTE);
  createBullBoard({
    queues: ALL_QUEUES.map(
      (name) =>
        new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), {
          readOnlyMode: true,
        }),
    ),
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api 9.10.1, whose types
    // differ in detail from the 9.10.2 installed beside it; at run time they agree.
    serverAdapter: serverAdapter as unknown as Parameters<
      typeof createBullBoard
    >[0]['serverAdapter'],
  });
  app.use(QUEUES_BOARD_ROUTE, boardAuth(app.get(AuthService)), serverAdapter.getRouter());
}
