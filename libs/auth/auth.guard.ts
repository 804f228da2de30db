import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLE_LABELS, Role } from '@cchc/domain';
import { AuthService } from './auth.service';
import { IS_PUBLIC, ROLES_ALLOWED } from './decorators';

/** Global guard: every endpoint needs a Bearer token unless @Public, and the role @Roles names. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token)
      throw new UnauthorizedException(
        'Cần đăng nhập: thiếu mã truy cập (Authorization: Bearer ...)',
      );
    request.user = await this.auth.verify(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(
        `Vai trò ${ROLE_LABELS[request.user.role as Role]} không được thực hiện thao tác này; ` +
          `chỉ dành cho: ${roles.map((role) => ROLE_LABELS[role]).join(', ')}`,
      );
    }
    return true;
  }
}
