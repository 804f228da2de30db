import { ApiProperty } from '@nestjs/swagger';
import { AccessToken } from '@cchc/auth';

export class AccessTokenDto implements AccessToken {
  @ApiProperty({ description: 'Mã truy cập (Bearer); bảng điều khiển dùng cookie phiên thay vào' })
  accessToken: string;

  @ApiProperty({
    example: 3600,
    description: 'Số giây còn hiệu lực; gia hạn bằng POST /auth/refresh',
  })
  expiresIn: number;

  @ApiProperty({ description: 'Mật khẩu dùng một lần: chỉ POST /auth/password mở cho đến khi đổi' })
  mustChangePassword: boolean;
}
