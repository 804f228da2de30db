export * from './dto/escalation-policy.dto';
export * from './dto/list-escalations.query';
export * from './escalation-policy';
export * from './escalation-policy.service';
export * from './escalation.service';
export * from './reform-task-timer.handler';
export * from './task-timer-planner';
export * from './escalations.module';
