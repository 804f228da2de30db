import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { verify } from 'argon2';
import { Repository } from 'typeorm';
import { UserEntity } from '@cchc/database';
import { AuthUser } from './auth-user';

interface TokenClaims {
  sub: string;
  username: string;
  role: AuthUser['role'];
  unitId: string | null;
  wardId: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string }> {
    const user = await this.users.findOne({
      where: { username, active: true },
      select: ['id', 'username', 'role', 'unitId', 'wardId', 'passwordHash'],
    });
    if (!user || !(await verify(user.passwordHash, password))) {
      throw new UnauthorizedException('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      wardId: user.wardId,
    };
    return { accessToken: await this.jwt.signAsync(claims) };
  }

  async verify(token: string): Promise<AuthUser> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return {
        id: claims.sub,
        username: claims.username,
        role: claims.role,
        unitId: claims.unitId,
        wardId: claims.wardId,
      };
    } catch {
      throw new UnauthorizedException(
        'Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại',
      );
    }
  }
}
