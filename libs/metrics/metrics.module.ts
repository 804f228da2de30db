import { Global, Module } from '@nestjs/common';
import { BacklogGauges } from './backlog-gauges';
import { Metrics } from './metrics';

/**
 * One Metrics per application; every module may count into it. The API serves it at /metrics;
 * the worker adds MetricsServer.
 */
@Global()
@Module({
  providers: [Metrics, BacklogGauges],
  exports: [Metrics],
})
export class MetricsModule {}
