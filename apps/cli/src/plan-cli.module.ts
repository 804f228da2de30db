import { Module } from '@nestjs/common';
import { CommonModule } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { PlansModule } from '@cchc/plans';

/** What `cli import` needs: the database and the plan services the API uses. */
@Module({ imports: [CommonModule, DatabaseModule, PlansModule] })
export class PlanCliModule {}
