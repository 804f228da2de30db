import { Module } from '@nestjs/common';
import { WebhookProcessor } from './webhook.processor';
import { WebhookService } from './webhook.service';

/** Publishing events to webhooks and managing them; import it anywhere. */
@Module({ providers: [WebhookService], exports: [WebhookService] })
export class WebhooksModule {}

/** The worker's part: sends the queued deliveries. Needs QueueModule. */
@Module({ imports: [WebhooksModule], providers: [WebhookProcessor] })
export class WebhookDeliveryModule {}
