import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, bullPrefix } from '@cchc/common';
import { OutboxDeadLetters } from './outbox-dead-letters.service';
import { ALL_QUEUES } from './queues';
import { BullConnection, BullConnectionModule } from './redis-connection';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [BullConnectionModule],
      inject: [APP_CONFIG, BullConnection],
      useFactory: (config: AppConfig, connection: BullConnection) => ({
        connection: connection.options,
        prefix: bullPrefix(config),
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          // The outbox row, marked processed with the job's own writes, is the record of a done
          // job; a completed job stays only for the relay's redelivery window (a minute) with a
          // wide margin, and only the last thousand per queue: kept a day, completed jobs took
          // about 110 MB of Redis per 36,000 transitions.
          removeOnComplete: { age: 3600, count: 1000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [OutboxDeadLetters],
  exports: [BullModule, OutboxDeadLetters],
})
export class QueueModule {}
