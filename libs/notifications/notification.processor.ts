import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { onBehalfOfRequest, QUEUES } from '@cchc/queue';
import { NotificationService, NotifyJobData } from './notification.service';

@Processor(QUEUES.notifications)
export class NotificationProcessor extends WorkerHost {
  constructor(private readonly notifications: NotificationService) {
    super();
  }

  async process(job: Job<NotifyJobData>): Promise<number> {
    return onBehalfOfRequest(job, () => this.notifications.deliver(job.data));
  }
}
