export * from './dto/create-webhook.dto';
export * from './webhook.types';
export * from './webhook-signature';
export * from './webhook.service';
export * from './webhook.processor';
export * from './webhooks.module';
