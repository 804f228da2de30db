export * from './calendar.service';
export * from './calendar-store.module';
export * from './edited-schedules';
