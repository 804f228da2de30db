import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@cchc/domain';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'cchc:public';
export const ROLES_ALLOWED = 'cchc:roles';

/** The endpoint needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the endpoint. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user,
);
