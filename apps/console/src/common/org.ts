import { useQuery } from '@tanstack/react-query';
import { data, http } from '../api/http';

/** The ward's units, by id (they rarely change: cached for the session). */
export function useUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => data(http.GET('/org-units')),
    staleTime: Infinity,
    select: (units) => ({ list: units, byId: new Map(units.map((unit) => [unit.id, unit])) }),
  });
}

/** The ward's active users (GET /users: coordinator, chairman, inspector), cached for the session. */
export function useWardUsers() {
  return useQuery({
    queryKey: ['ward-users'],
    queryFn: () => data(http.GET('/users')),
    staleTime: Infinity,
  });
}
