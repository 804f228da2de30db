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
import { requestToken } from './request-token';
import { refusesWardWrite } from './read-only-roles';
import { isCrossSiteWrite } from './same-origin';
import { IS_PUBLIC, ROLES_ALLOWED, WITH_ONE_TIME_PASSWORD } from './decorators';

/**
 * Global guard, the one place access is decided: every endpoint needs the token of an active
 * user (Bearer header, or the console's session cookie) unless @Public, and the role @Roles
 * names (the user's current role, read from the database for each request). A user holding a
 * one-time password may only change it (and the few routes marked @AllowedWithOneTimePassword).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest();
    // Before anything else, public routes (login) included: the session cookie must not act for
    // a page of another site.
    if (isCrossSiteWrite(request))
      throw new ForbiddenException('Yêu cầu thay đổi dữ liệu từ một trang web khác bị từ chối');
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const token = requestToken(request);
    if (!token)
      throw new UnauthorizedException(
        'Cần đăng nhập: thiếu mã truy cập (Authorization: Bearer ... hoặc phiên đăng nhập)',
      );
    request.user = await this.auth.verify(token);
    if (
      request.user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(WITH_ONE_TIME_PASSWORD, targets)
    ) {
      throw new ForbiddenException(
        'Cần đổi mật khẩu dùng một lần trước khi làm việc: POST /auth/password ' +
          '(mật khẩu hiện tại và mật khẩu mới)',
      );
    }
    const ownAccount = this.reflector.getAllAndOverride<boolean>(WITH_ONE_TIME_PASSWORD, targets);
    if (refusesWardWrite(request.user.role, request.method, ownAccount === true)) {
      throw new ForbiddenException(
        `Vai trò ${ROLE_LABELS[request.user.role as Role]} chỉ được xem, không thay đổi dữ liệu của phường/xã`,
      );
    }
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
