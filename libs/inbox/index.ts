export * from './dto/inbox.dto';
export * from './inbox.module';
export * from './inbox.service';
