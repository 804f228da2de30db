import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiPropertyOptions,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Cluster, Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, createRedisClient } from '@cchc/common';
import { Public } from '@cchc/auth';

/** Each component (database, redis) and whether it answers. */
const COMPONENTS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { database: { status: 'up' }, redis: { status: 'up' } },
};

type Components = Record<string, { status: 'up' | 'down' }>;

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiPropertyOptional({ ...COMPONENTS, description: 'Các thành phần hoạt động' })
  info?: Components;

  @ApiPropertyOptional({ ...COMPONENTS, description: 'Các thành phần không hoạt động' })
  error?: Components;

  @ApiProperty({ ...COMPONENTS, description: 'Mọi thành phần' })
  details: Components;
}

/**
 * Up or down for the database and Redis, nothing more: anyone may call it, so it never shows
 * an error's text (addresses, user names, versions); the logs have that.
 */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly client: Redis | Cluster;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.client = createRedisClient(config, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }

  @ApiOperation({ summary: 'Cơ sở dữ liệu và Redis có hoạt động không', security: [] })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Một thành phần không hoạt động' })
  @Public()
  @Get()
  // Documented above with the shared conventions instead of terminus' own schema.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.probe('database', () => this.dataSource.query('SELECT 1')),
      () => this.probe('redis', () => this.client.ping()),
    ]);
  }

  private async probe(name: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    try {
      await ping();
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }
}
