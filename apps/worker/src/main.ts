import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@cchc/common';
import { closeOnSignals, prepareRuntime, runMain } from '@cchc/runtime';
import { WorkerModule } from './worker.module';

runMain(async () => {
  const config = loadConfig();
  for (const step of await prepareRuntime(config, { seedDemo: false }))
    console.log(`worker: ${step}`);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals('worker', app);
  await app.init();
  console.log('worker: relaying the outbox and running jobs');
});
