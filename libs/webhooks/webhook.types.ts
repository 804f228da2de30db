/** An event another system may subscribe to, published inside the transaction that caused it. */
export interface WebhookEvent {
  wardId: string;
  /** e.g. 'task.overdue', 'dossier.appointment-missed'. */
  type: string;
  /** Identifies the event: publishing the same key again queues nothing new. */
  key: string;
  data: Record<string, unknown>;
}

/** What the receiver gets as the JSON body of the POST. */
export interface WebhookBody {
  deliveryId: string;
  type: string;
  key: string;
  wardId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
