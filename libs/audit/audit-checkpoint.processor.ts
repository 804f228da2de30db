import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '@cchc/queue';
import { AuditCheckpoints } from './audit-checkpoints.service';

const DAILY = 'audit-daily-checkpoint';

/**
 * The daily ward checkpoints: a BullMQ job scheduler (one, however many workers start) fires at
 * 23:50 Vietnam time; the job checkpoints every ward once per day, so a retried or doubled job
 * adds nothing.
 */
@Processor(QUEUES.audit)
export class AuditCheckpointProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly checkpoints: AuditCheckpoints,
    @InjectQueue(QUEUES.audit) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DAILY,
      { pattern: '0 50 23 * * *', tz: 'Asia/Ho_Chi_Minh' },
      { name: 'checkpoint' },
    );
  }

  async process(): Promise<number> {
    return (await this.checkpoints.checkpointAll('daily')).length;
  }
}
