import { createServer, Server } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { Metrics } from './metrics';
import { scrape } from './scrape';

/** The worker's only HTTP: GET /metrics on METRICS_PORT, when that is set. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metricsPort;
    if (port === null) return;
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      scrape(this.metrics, this.config, request.headers.authorization).then(
        (answer) =>
          response
            .writeHead(answer.status, { 'content-type': answer.contentType })
            .end(answer.body),
        (error: unknown) => {
          this.logger.error(`metrics scrape failed: ${String(error)}`);
          response.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject).listen(port, () => resolve());
    });
    this.logger.log(`metrics on http://localhost:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
