import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import {
  AccessToken,
  AllowedWithOneTimePassword,
  AuthService,
  CurrentUser,
  Public,
  requestToken,
  SESSION_COOKIE,
  SignedInUser,
} from '@cchc/auth';
import { PASSWORD_RULE } from '@cchc/domain';
import { OrgService } from '@cchc/org';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { AccessTokenDto } from './auth.dto';
import { UserViewDto } from './org.dto';

class LoginDto {
  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @IsNotEmpty({ message: 'username không được để trống' })
  @MaxLength(64, { message: 'username tối đa 64 ký tự' })
  // One spelling per account: the database compares names without accents or width, so
  // "coördinator" would reach "coordinator" past its per-name login throttle.
  @Matches(/^[A-Za-z0-9._-]+$/, {
    message: 'username chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới và gạch ngang',
  })
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @IsNotEmpty({ message: 'password không được để trống' })
  @MaxLength(1024, { message: 'password tối đa 1024 ký tự' })
  password: string;
}

class ChangePasswordDto {
  @ApiProperty({ description: 'Mật khẩu hiện tại (hoặc mật khẩu dùng một lần)' })
  @IsString()
  @IsNotEmpty({ message: 'currentPassword không được để trống' })
  @MaxLength(1024, { message: 'currentPassword tối đa 1024 ký tự' })
  currentPassword: string;

  @ApiProperty({ description: PASSWORD_RULE, example: 'Phuong-Mau-2026' })
  @IsString()
  @IsNotEmpty({ message: 'newPassword không được để trống' })
  @MaxLength(1024, { message: 'newPassword tối đa 1024 ký tự' })
  newPassword: string;
}

class MeDto extends UserViewDto {
  @ApiProperty({ description: 'Còn dùng mật khẩu một lần: phải đổi trước khi làm việc' })
  mustChangePassword: boolean;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly org: OrgService,
  ) {}

  /**
   * 401 with the same message for an unknown user and a wrong password; 429 when throttled.
   * Also sets the console's session cookie (HttpOnly, SameSite=Strict); API clients use the token.
   */
  @ApiOperation({ summary: 'Đăng nhập (đặt cookie phiên cho bảng điều khiển)', security: [] })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400, 401, 403, 429)
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessToken> {
    return setSession(
      request,
      response,
      await this.auth.login(dto.username, dto.password, address),
    );
  }

  /** A new access token for the same session (until 12 hours after the password login). */
  @ApiOperation({ summary: 'Gia hạn phiên: mã truy cập mới (tối đa 12 giờ sau khi đăng nhập)' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(401, 403)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @AllowedWithOneTimePassword()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessToken> {
    return setSession(request, response, await this.auth.refresh(requestToken(request) as string));
  }

  /** Ends the console's session (clears its cookie); a Bearer token simply expires. */
  @ApiOperation({ summary: 'Đăng xuất (xóa cookie phiên)', security: [] })
  @ApiNoContentResponse({ description: 'Đã đăng xuất' })
  // 403: a write from another site is refused before it reaches the route.
  @ApiErrors(403)
  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
  }

  /**
   * Replaces the password (a one-time one included): the current one and a new one that
   * passes the rule. Until a one-time password is replaced, every other route answers 403.
   * The user's other sessions end; this one continues with the token (and cookie) answered.
   */
  @ApiOperation({ summary: 'Đổi mật khẩu (bắt buộc sau khi nhận mật khẩu dùng một lần)' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiSignedIn()
  @ApiErrors(400, 429)
  @AllowedWithOneTimePassword()
  @UseGuards(ThrottlerGuard)
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentUser() user: SignedInUser,
    @Body() dto: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessToken> {
    const token = await this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
    return setSession(request, response, token);
  }

  /** With `mustChangePassword`, so the console shows the change form before anything else. */
  @ApiOperation({ summary: 'Người dùng đang đăng nhập' })
  @ApiOkResponse({ type: MeDto })
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiErrors(401)
  @AllowedWithOneTimePassword()
  @Get('me')
  async me(@CurrentUser() user: SignedInUser): Promise<MeDto | null> {
    const view = await this.org.findUser(user.id);
    return view && { ...view, mustChangePassword: user.mustChangePassword };
  }
}

function sessionCookieOptions(request: Request) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: request.secure, path: '/' };
}

function setSession(request: Request, response: Response, token: AccessToken): AccessToken {
  response.cookie(SESSION_COOKIE, token.accessToken, {
    ...sessionCookieOptions(request),
    maxAge: token.expiresIn * 1000,
  });
  return token;
}
