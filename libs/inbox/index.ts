export * from './dto/inbox.dto';
export * from './inbox.module';
export * from './inbox.service';
export { INBOX_COUNT_CAP } from './dossier-inbox.service';
