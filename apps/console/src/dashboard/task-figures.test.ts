import type { TaskStats } from '../api/types';
import { escalationsByUnit, onTimeByUnit, overdueByArea, tasksByState } from './task-figures';

const figures = {
  accepted: 3,
  acceptedOnTime: 2,
  acceptedLate: 1,
  onTimeRate: 2 / 3,
  open: 4,
  overdue: 2,
};

const stats: TaskStats = {
  planId: null,
  from: null,
  to: null,
  today: '2026-03-02',
  overall: figures,
  byState: [
    { state: 'assigned', count: 1234 },
    { state: 'inProgress', count: 0 },
  ],
  units: [
    { unitId: 'u1', unitCode: 'VHXH', unitName: 'Phòng Văn hóa - Xã hội', ...figures },
    {
      unitId: 'u2',
      unitCode: 'VP',
      unitName: 'Văn phòng HĐND và UBND',
      ...figures,
      accepted: 0,
      acceptedOnTime: 0,
      acceptedLate: 0,
      onTimeRate: null,
    },
  ],
  overdueByArea: [
    {
      planId: 'p1',
      planNumber: '12/KH-UBND',
      areaCode: 'II',
      areaTitle: 'Cải cách TTHC',
      overdue: 2,
    },
    { planId: null, planNumber: null, areaCode: null, areaTitle: 'Ngoài kế hoạch', overdue: 1 },
  ],
  escalationsThisMonth: {
    from: '2026-03-01',
    to: '2026-03-31',
    total: 3,
    byLevel: [{ level: 1, count: 3 }],
    byUnit: [{ unitId: 'u1', unitName: 'Phòng Văn hóa - Xã hội', count: 3 }],
  },
};

describe('dashboard task figures', () => {
  it('gives each unit its on-time rate in percent, linked to its accepted tasks', () => {
    expect(onTimeByUnit(stats)).toEqual([
      {
        key: 'u1',
        label: 'Phòng Văn hóa - Xã hội',
        value: 66.7,
        text: 'Phòng Văn hóa - Xã hội: 66,7% đúng hạn (2/3 nhiệm vụ)',
        link: '/nhiem-vu?state=accepted&leadUnitId=u1',
      },
      {
        key: 'u2',
        label: 'Văn phòng HĐND và UBND',
        value: 0,
        text: 'Văn phòng HĐND và UBND: chưa có nhiệm vụ được nghiệm thu',
        link: '/nhiem-vu?state=accepted&leadUnitId=u2',
      },
    ]);
  });

  it('gives each state its exact count, zero included, linked to the list of that state', () => {
    expect(tasksByState(stats)).toEqual([
      {
        key: 'assigned',
        label: 'Đã giao',
        value: 1234,
        text: 'Đã giao: 1.234 nhiệm vụ',
        link: '/nhiem-vu?state=assigned',
      },
      {
        key: 'inProgress',
        label: 'Đang thực hiện',
        value: 0,
        text: 'Đang thực hiện: 0 nhiệm vụ',
        link: '/nhiem-vu?state=inProgress',
      },
    ]);
  });

  it('links overdue tasks by area to the overdue list of that plan and area', () => {
    expect(overdueByArea(stats).map(({ label, link }) => ({ label, link }))).toEqual([
      {
        label: '12/KH-UBND — II. Cải cách TTHC',
        link: '/nhiem-vu?planId=p1&areaCode=II&overdue=true',
      },
      { label: 'Ngoài kế hoạch', link: '/nhiem-vu?overdue=true' },
    ]);
  });

  it('links the escalations of a unit to its overdue tasks', () => {
    expect(escalationsByUnit(stats)).toEqual([
      expect.objectContaining({
        value: 3,
        text: 'Phòng Văn hóa - Xã hội: 3 lần chuyển lên',
        link: '/nhiem-vu?leadUnitId=u1&overdue=true',
      }),
    ]);
  });
});
