import type { TaskStats } from '../api/types';
import { formatNumber } from '../common/format';
import { stateLabel } from '../common/labels';
import { PATHS } from '../paths';
import { searchFromFilters, type TaskFilters } from '../tasks/task-filters';

/** A figure of the dashboard with the filtered task list behind it. */
export interface LinkedFigure {
  key: string;
  label: string;
  value: number;
  /** What the figure says, in words (also the link's accessible name). */
  text: string;
  link: string;
}

const taskList = (filters: Omit<TaskFilters, 'page'>) =>
  `${PATHS.tasks}?${searchFromFilters({ ...filters, page: 1 }).toString()}`;

const percent = (rate: number) => Math.round(rate * 1000) / 10;

/**
 * The ward's tasks in each state (every state, zero included), linked to the list filtered by
 * that state: both count the stored state over the whole ward, so the figure is the list's total.
 */
export function tasksByState(stats: TaskStats): LinkedFigure[] {
  return stats.byState.map(({ state, count }) => {
    const label = stateLabel(state);
    return {
      key: state,
      label,
      value: count,
      text: `${label}: ${formatNumber(count)} nhiệm vụ`,
      link: taskList({ state }),
    };
  });
}

/**
 * On-time acceptance by lead unit, each linked to the unit's accepted tasks; a unit with no task
 * accepted yet has no rate (value 0, said in words).
 */
export function onTimeByUnit(stats: TaskStats): LinkedFigure[] {
  return stats.units.map((unit) => ({
    key: unit.unitId,
    label: unit.unitName,
    value: unit.onTimeRate === null ? 0 : percent(unit.onTimeRate),
    text:
      unit.onTimeRate === null
        ? `${unit.unitName}: chưa có nhiệm vụ được nghiệm thu`
        : `${unit.unitName}: ${formatNumber(percent(unit.onTimeRate))}% đúng hạn (${formatNumber(unit.acceptedOnTime)}/${formatNumber(unit.accepted)} nhiệm vụ)`,
    link: taskList({ leadUnitId: unit.unitId, state: 'accepted' }),
  }));
}

/** Overdue tasks by plan area (tasks outside any plan together), linked to the overdue list. */
export function overdueByArea(stats: TaskStats): LinkedFigure[] {
  return stats.overdueByArea.map((area) => {
    const label = [
      area.planNumber,
      area.areaCode ? `${area.areaCode}. ${area.areaTitle}` : area.areaTitle,
    ]
      .filter(Boolean)
      .join(' — ');
    return {
      key: `${area.planId ?? ''}/${area.areaCode ?? ''}`,
      label,
      value: area.overdue,
      text: `${label}: ${formatNumber(area.overdue)} nhiệm vụ quá hạn`,
      link: taskList({
        overdue: true,
        planId: area.planId ?? undefined,
        areaCode: area.areaCode ?? undefined,
      }),
    };
  });
}

/** This month's escalations by lead unit, linked to the unit's overdue tasks. */
export function escalationsByUnit(stats: TaskStats): LinkedFigure[] {
  return stats.escalationsThisMonth.byUnit.map((unit) => ({
    key: unit.unitId,
    label: unit.unitName,
    value: unit.count,
    text: `${unit.unitName}: ${formatNumber(unit.count)} lần chuyển lên`,
    link: taskList({ leadUnitId: unit.unitId, overdue: true }),
  }));
}
