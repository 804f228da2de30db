import { Module } from '@nestjs/common';
import { EngineModule } from '@cchc/engine';
import { OrgModule } from '@cchc/org';
import { TaskService } from './task.service';

@Module({ imports: [EngineModule, OrgModule], providers: [TaskService], exports: [TaskService] })
export class TasksModule {}
