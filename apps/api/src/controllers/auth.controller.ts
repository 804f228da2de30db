import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { AuthService, AuthUser, CurrentUser, Public } from '@cchc/auth';
import { OrgService, UserView } from '@cchc/org';

class LoginDto {
  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @IsNotEmpty({ message: 'username không được để trống' })
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @IsNotEmpty({ message: 'password không được để trống' })
  password: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly org: OrgService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<{ accessToken: string }> {
    return this.auth.login(dto.username, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<UserView | null> {
    return this.org.findUser(user.id);
  }
}
