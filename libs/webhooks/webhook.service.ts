import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@cchc/common';
import { WebhookDeliveryEntity, WebhookEntity } from '@cchc/database';
import { Outbox } from '@cchc/engine';
import { markOutboxProcessed, OutboxJobData, QUEUES } from '@cchc/queue';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { postWebhook } from './webhook-http';
import { signDelivery } from './webhook-signature';
import { BlockedTargetError, checkTargetUrl, TargetPolicy } from './webhook-target';
import { WebhookBody, WebhookEvent } from './webhook.types';

export interface DeliverJobData extends OutboxJobData {
  deliveryId: string;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'done-before';

export type WebhookView = Omit<WebhookEntity, 'secret'>;

interface DeliveryRow {
  id: string;
  webhook_id: string;
  body: WebhookEvent | string;
  created_at: Date;
  status: string;
}

/** Outbound webhooks of a ward: subscriptions, queued deliveries and their log. */
@Injectable()
export class WebhookService {
  private readonly policy: TargetPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = { allowPrivate: config.webhookAllowPrivate, requireHttps: config.isProduction };
  }

  /**
   * Queues one delivery per active webhook of the ward subscribed to `event.type`, inside the
   * caller's transaction (so a rolled-back transition sends nothing). A key published twice for
   * the same webhook is queued once.
   */
  async publish(manager: EntityManager, event: WebhookEvent): Promise<void> {
    const subscribed = (
      (await manager.query('SELECT id, events FROM webhooks WHERE ward_id = ? AND active = 1', [
        event.wardId,
      ])) as { id: string; events: string[] | string }[]
    ).filter((webhook) => {
      const events =
        typeof webhook.events === 'string' ? JSON.parse(webhook.events) : webhook.events;
      return (events as string[]).some((type) => type === event.type || type === '*');
    });
    const now = this.clock.now();
    for (const webhook of subscribed) {
      const inserted = (await manager.query(
        // Only a repeated (webhook, event key) is skipped; a key too long must fail, not be cut.
        'INSERT INTO webhook_deliveries (webhook_id, event_key, event_type, body, status, attempts, created_at) ' +
          "VALUES (?, ?, ?, ?, 'pending', 0, ?) ON DUPLICATE KEY UPDATE id = id",
        [webhook.id, event.key, event.type, JSON.stringify(event), now],
      )) as { affectedRows: number; insertId: number };
      if (inserted.affectedRows === 0) continue;
      await Outbox.enqueue(
        manager,
        [
          {
            queue: QUEUES.webhooks,
            jobName: 'deliver',
            payload: { deliveryId: String(inserted.insertId) },
          },
        ],
        now,
      );
    }
  }

  async create(wardId: string, createdBy: string, dto: CreateWebhookDto): Promise<WebhookView> {
    await checkTargetUrl(dto.url, this.policy).catch((error: unknown) => {
      if (error instanceof BlockedTargetError)
        throw new BadRequestException(`url: ${error.message}`);
      throw error;
    });
    const webhook = this.webhooks.create({
      id: randomUUID(),
      wardId,
      url: dto.url,
      secret: dto.secret,
      events: [...new Set(dto.events)],
      active: true,
      createdBy,
      createdAt: this.clock.now(),
    });
    await this.webhooks.insert(webhook);
    return withoutSecret(webhook);
  }

  async list(wardId: string): Promise<WebhookView[]> {
    return this.webhooks.find({ where: { wardId }, order: { createdAt: 'ASC' } });
  }

  async deliveriesOf(wardId: string, webhookId: string): Promise<WebhookDeliveryEntity[]> {
    if (!(await this.webhooks.exist({ where: { id: webhookId, wardId } }))) {
      throw new NotFoundException(`Không tìm thấy webhook ${webhookId}`);
    }
    return this.deliveries.find({ where: { webhookId }, order: { id: 'DESC' }, take: 200 });
  }

  /**
   * One attempt at a delivery. The row stays locked during the POST, so two workers never send
   * it at once, and a delivery already made is not made again. 'retry' asks the queue to try
   * later (exponential backoff); on the last attempt the delivery is marked failed.
   */
  async deliver(job: DeliverJobData, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const outcome = await this.attempt(job.deliveryId, lastAttempt);
    // Apart from the attempt, so that nothing after the POST can roll its record back.
    if (outcome !== 'retry') {
      await this.dataSource.transaction((manager) =>
        markOutboxProcessed(manager, job.outboxId, this.clock.now()),
      );
    }
    return outcome;
  }

  private attempt(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      // Only the delivery is locked: the webhook's row stays free for the transactions that
      // publish new events meanwhile.
      const [row] = (await manager.query(
        'SELECT id, webhook_id, body, created_at, status FROM webhook_deliveries WHERE id = ? FOR UPDATE',
        [deliveryId],
      )) as DeliveryRow[];
      if (!row || row.status !== 'pending') return 'done-before';
      const [target] = (await manager.query('SELECT url, secret FROM webhooks WHERE id = ?', [
        row.webhook_id,
      ])) as { url: string; secret: string }[];
      const event = (
        typeof row.body === 'string' ? JSON.parse(row.body) : row.body
      ) as WebhookEvent;
      const body: WebhookBody = {
        deliveryId: String(row.id),
        type: event.type,
        key: event.key,
        wardId: event.wardId,
        occurredAt: new Date(row.created_at).toISOString(),
        data: event.data,
      };
      const text = JSON.stringify(body);
      // The signature's timestamp is real time: the receiver compares it with its own clock.
      const { status, reason } = await postWebhook(
        target.url,
        text,
        {
          'content-type': 'application/json; charset=utf-8',
          ...signDelivery(target.secret, String(row.id), new Date(), text),
        },
        this.policy,
      );
      const now = this.clock.now();
      const delivered = status !== null && status >= 200 && status < 300;
      const outcome: DeliveryOutcome = delivered ? 'delivered' : lastAttempt ? 'failed' : 'retry';
      await manager.query(
        'UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, response_status = ?, ' +
          'last_error = ?, status = ?, delivered_at = ? WHERE id = ?',
        [
          now,
          status,
          delivered ? null : (reason ?? `HTTP ${status}`),
          outcome === 'retry' ? 'pending' : outcome,
          delivered ? now : null,
          row.id,
        ],
      );
      return outcome;
    });
  }
}

function withoutSecret(webhook: WebhookEntity): WebhookView {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { secret, ...view } = webhook;
  return view;
}
