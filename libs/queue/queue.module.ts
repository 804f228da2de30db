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
          // Completed jobs stay a day so that a re-relayed outbox row is recognised by its id.
          removeOnComplete: { age: 24 * 3600 },
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
