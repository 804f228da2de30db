import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '@cchc/common';
import { jwtOptions } from './access-token';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleModule } from './login-throttle';

@Module({
  imports: [
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: jwtOptions }),
    LoginThrottleModule,
  ],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
