import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import {
  AccessToken,
  AuthService,
  AuthUser,
  bearerToken,
  CurrentUser,
  Public,
  Roles,
} from '@cchc/auth';
import { OrgService, UserView } from '@cchc/org';
import { QUEUES_BOARD_ROLES, QUEUES_BOARD_ROUTE, QUEUES_TOKEN_COOKIE } from '../queues-board';

class LoginDto {
  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @IsNotEmpty({ message: 'username không được để trống' })
  @MaxLength(64, { message: 'username tối đa 64 ký tự' })
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @IsNotEmpty({ message: 'password không được để trống' })
  @MaxLength(1024, { message: 'password tối đa 1024 ký tự' })
  password: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly org: OrgService,
  ) {}

  /** 401 with the same message for an unknown user and a wrong password; 429 when throttled. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<AccessToken> {
    return this.auth.login(dto.username, dto.password, address);
  }

  /** A new access token for the same session (until 12 hours after the password login). */
  @ApiBearerAuth()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Req() request: Request): Promise<AccessToken> {
    return this.auth.refresh(bearerToken(request.headers) as string);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<UserView | null> {
    return this.org.findUser(user.id);
  }

  /**
   * For a browser opening Bull Board, which cannot send a Bearer header: the access token goes
   * into an HttpOnly cookie that only /queues receives (never into an address).
   */
  @ApiBearerAuth()
  @Roles(...QUEUES_BOARD_ROLES)
  @Post('queues-session')
  @HttpCode(204)
  queuesSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.cookie(QUEUES_TOKEN_COOKIE, bearerToken(request.headers), {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: QUEUES_BOARD_ROUTE,
    });
  }
}
