import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@cchc/domain';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'cchc:public';
export const ROLES_ALLOWED = 'cchc:roles';
export const WITH_ONE_TIME_PASSWORD = 'cchc:one-time-password';

/** The endpoint needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The endpoint stays open to a user who has not yet replaced a one-time password (changing it,
 * who am I, renewal); every other one answers 403 until they have.
 */
export const AllowedWithOneTimePassword = () => SetMetadata(WITH_ONE_TIME_PASSWORD, true);

/** Only these roles may call the endpoint. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user,
);
