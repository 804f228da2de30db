import { Module } from '@nestjs/common';
import { EngineModule } from '@cchc/engine';
import { NotificationsModule } from '@cchc/notifications';
import { OrgModule } from '@cchc/org';
import { TaskBulkService } from './task-bulk.service';
import { TaskExportService } from './task-export.service';
import { TaskListService } from './task-list.service';
import { TaskService } from './task.service';

@Module({
  imports: [EngineModule, OrgModule, NotificationsModule],
  providers: [TaskService, TaskListService, TaskBulkService, TaskExportService],
  exports: [TaskService, TaskListService, TaskBulkService, TaskExportService],
})
export class TasksModule {}
