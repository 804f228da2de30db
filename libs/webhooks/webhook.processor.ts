import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { onBehalfOfRequest, QUEUES } from '@cchc/queue';
import { DeliverJobData, DeliveryOutcome, WebhookService } from './webhook.service';

/** Runs webhook deliveries; a failed attempt is retried by BullMQ with exponential backoff. */
@Processor(QUEUES.webhooks, { concurrency: 4 })
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhookService) {
    super();
  }

  process(job: Job<DeliverJobData>): Promise<DeliveryOutcome> {
    return onBehalfOfRequest(job, () => this.deliver(job));
  }

  private async deliver(job: Job<DeliverJobData>): Promise<DeliveryOutcome> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.webhooks.deliver(job.data, lastAttempt);
    if (outcome === 'retry')
      throw new Error(`Webhook delivery ${job.data.deliveryId} failed; retrying`);
    return outcome;
  }
}
