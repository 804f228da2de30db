export * from './notice';
export * from './notification-statement';
export * from './notification.processor';
export * from './notification.service';
export * from './notifications.module';
export * from './dto/list-notifications.query';
