import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@cchc/auth';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { Metrics, scrape } from '@cchc/metrics';

/**
 * Prometheus text format, for the monitoring system rather than people: outside the OpenAPI
 * document, and guarded by METRICS_TOKEN rather than a user's session.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiExcludeEndpoint()
  async metricsText(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const answer = await scrape(this.metrics, this.config, authorization);
    response.status(answer.status).type(answer.contentType).send(answer.body);
  }
}
