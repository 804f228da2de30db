import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { useBodyParsers } from './body-parsing';
import { HttpErrorsFilter } from './http-errors.filter';
import { mountQueuesBoard } from './queues-board';
import { validationPipe } from './validation';

/** The API application, configured but not listening. */
export async function createApi(): Promise<INestApplication> {
  return configureApi(await NestFactory.create(AppModule, { bufferLogs: true }));
}

/** Pipes, error format, logger and OpenAPI: shared by main.ts and the e2e tests. */
export function configureApi(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  useBodyParsers(app);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new HttpErrorsFilter());
  app.enableShutdownHooks();
  mountQueuesBoard(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CCHC workflow API')
      .setDescription('Nhiệm vụ cải cách hành chính và hồ sơ thủ tục hành chính của phường')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
