import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { httpMetrics, Metrics } from '@cchc/metrics';
import { AppModule } from './app.module';
import { serveConsole } from './console-static';
import { useKeepAlive } from './keep-alive';
import { useRequestLimits } from './request-limits';
import { HttpErrorsFilter } from './http-errors.filter';
import { apiDocument } from './openapi';
import { mountQueuesBoard } from './queues-board';
import { validationPipe } from './validation';

/** The API application, configured but not listening. */
export async function createApi(): Promise<INestApplication> {
  return configureApi(
    await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true }),
  );
}

/** Pipes, error format, logger, OpenAPI and the web console: shared by main.ts and the e2e tests. */
export function configureApi(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(httpMetrics(app.get(Metrics)));
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.use(helmet());
  useRequestLimits(app);
  useKeepAlive(app);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new HttpErrorsFilter());
  mountQueuesBoard(app);
  serveConsole(app);
  if (app.get<AppConfig>(APP_CONFIG).apiDocs) serveApiDocs(app);
  return app;
}

/** The OpenAPI page at /docs (and its JSON at /docs-json): on in development, or with API_DOCS=true. */
function serveApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, apiDocument(app));
}
