export * from './dto/inbox.dto';
export { NEAR_APPOINTMENT_WORKING_DAYS } from './dossier-inbox.service';
export * from './inbox.module';
export * from './inbox.service';
