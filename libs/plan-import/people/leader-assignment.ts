/** One line of the ward's phân công lĩnh vực: a leader in charge of an area or of a unit. */
export interface LeaderAssignment {
  leaderId: string;
  /** A plan area code ('I', 'II', …), or null for a unit assignment. */
  areaCode: string | null;
  unitId: string | null;
}

/** Which rule gave a task its leader: the plan's column, the unit's or the area's leader, none. */
export type LeaderRule = 'plan' | 'unit' | 'area' | 'none';

export interface AssignedLeader {
  userId: string;
  rule: 'unit' | 'area';
}

export type AssignedLeaderOf = (unitId: string, area: string | null) => AssignedLeader | null;

/** The leader in charge of the task's lead unit, else of its area: the more specific wins. */
export function createAssignedLeader(assignments: LeaderAssignment[]): AssignedLeaderOf {
  const byUnit = new Map(assignments.flatMap((a) => (a.unitId ? [[a.unitId, a.leaderId]] : [])));
  const byArea = new Map(
    assignments.flatMap((a) => (a.areaCode ? [[a.areaCode.toUpperCase(), a.leaderId]] : [])),
  );
  return (unitId, area) => {
    const unitLeader = byUnit.get(unitId);
    if (unitLeader) return { userId: unitLeader, rule: 'unit' };
    const areaLeader = area ? byArea.get(area.toUpperCase()) : undefined;
    return areaLeader ? { userId: areaLeader, rule: 'area' } : null;
  };
}
