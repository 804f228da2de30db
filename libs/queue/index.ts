export * from './queues';
export * from './redis-connection';
export * from './queue.module';
export * from './outbox-relay.service';
export * from './outbox-processed';
