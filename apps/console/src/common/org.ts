import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Unit } from '../api/types';

/** The ward's units, by id (they rarely change: cached for the session). */
export function useUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => api<Unit[]>('/org-units'),
    staleTime: Infinity,
    select: (units) => ({ list: units, byId: new Map(units.map((unit) => [unit.id, unit])) }),
  });
}
