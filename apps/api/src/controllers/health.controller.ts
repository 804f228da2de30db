import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { Public } from '@cchc/auth';

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.client = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }

  @Public()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database'), () => this.redis()]);
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.client.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }
}
