import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanAreaEntity, PlanEntity } from '@cchc/database';
import { IsoDate, PlanKind, TASK_STATES, TaskState } from '@cchc/domain';

export type StateCounts = Record<TaskState, number>;

export interface PlanSummary {
  id: string;
  number: string | null;
  title: string | null;
  year: number;
  kind: PlanKind;
  issuedOn: IsoDate | null;
  sourceFile: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  tasks: number;
}

export interface PlanAreaView {
  code: string;
  title: string;
  tasks: number;
  byState: StateCounts;
}

export interface PlanView extends PlanSummary {
  byState: StateCounts;
  areas: PlanAreaView[];
}

const emptyCounts = (): StateCounts =>
  Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as StateCounts;

/** The ward's imported plans, with how far their tasks have come. */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
    @InjectRepository(PlanAreaEntity) private readonly areas: Repository<PlanAreaEntity>,
  ) {}

  async list(wardId: string): Promise<PlanSummary[]> {
    const plans = await this.plans.find({
      where: { wardId },
      order: { year: 'DESC', createdAt: 'DESC' },
    });
    if (plans.length === 0) return [];
    const counts = (await this.dataSource.query(
      'SELECT plan_id, COUNT(*) AS tasks FROM reform_tasks WHERE plan_id IN (?) GROUP BY plan_id',
      [plans.map((plan) => plan.id)],
    )) as { plan_id: string; tasks: string }[];
    const tasksOf = new Map(counts.map((row) => [row.plan_id, Number(row.tasks)]));
    return plans.map((plan) => summary(plan, tasksOf.get(plan.id) ?? 0));
  }

  async get(wardId: string, id: string): Promise<PlanView> {
    const plan = await this.plans.findOne({ where: { id, wardId } });
    if (!plan) throw new NotFoundException(`Không tìm thấy kế hoạch ${id}`);
    const areas = await this.areas.find({ where: { planId: id }, order: { position: 'ASC' } });
    const rows = (await this.dataSource.query(
      'SELECT area_code, state, COUNT(*) AS tasks FROM reform_tasks WHERE plan_id = ? GROUP BY area_code, state',
      [id],
    )) as { area_code: string | null; state: TaskState; tasks: string }[];
    const byState = emptyCounts();
    const byArea = new Map(areas.map((area) => [area.code, emptyCounts()]));
    for (const row of rows) {
      byState[row.state] += Number(row.tasks);
      const area = row.area_code === null ? undefined : byArea.get(row.area_code);
      if (area) area[row.state] += Number(row.tasks);
    }
    const total = (counts: StateCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      ...summary(plan, total(byState)),
      byState,
      areas: areas.map((area) => {
        const counts = byArea.get(area.code) ?? emptyCounts();
        return { code: area.code, title: area.title, tasks: total(counts), byState: counts };
      }),
    };
  }
}

function summary(plan: PlanEntity, tasks: number): PlanSummary {
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    year: plan.year,
    kind: plan.kind,
    issuedOn: plan.issuedOn,
    sourceFile: plan.sourceFile,
    revision: plan.revision,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    tasks,
  };
}
