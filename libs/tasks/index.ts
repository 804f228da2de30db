export * from './dto/create-task.dto';
export * from './dto/list-tasks.query';
export * from './dto/task-event.dto';
export * from './reform-task.persistence';
export * from './task-view';
export * from './task.service';
export * from './tasks.module';
