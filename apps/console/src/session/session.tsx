import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, data, http, onSessionExpired } from '../api/http';
import type { Me } from '../api/types';
import { PATHS } from '../paths';
import { ChangePasswordPage } from './ChangePasswordPage';

interface Session {
  user: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the signed-in user again (after their password changed). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const ME = ['auth', 'me'] as const;

export const SESSION_EXPIRED = 'Phiên làm việc đã hết hạn; vui lòng đăng nhập lại.';

/** The signed-in user. The token lives in an HttpOnly cookie the API sets; the page never sees it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        return await data(http.GET('/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });

  useEffect(
    () =>
      onSessionExpired(() => {
        if (!queryClient.getQueryData(ME)) return;
        queryClient.setQueryData(ME, null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
        navigate(loginPath(location.pathname + location.search), {
          state: { message: SESSION_EXPIRED },
        });
      }),
    [queryClient, navigate, location],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      await data(http.POST('/auth/login', { body: { username, password } }));
      queryClient.setQueryData(ME, await data(http.GET('/auth/me')));
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await data(http.POST('/auth/logout')).catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(ME, null);
    navigate(PATHS.login);
  }, [queryClient, navigate]);

  const { refetch } = me;
  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const value = useMemo(
    () => ({ user: me.data ?? null, loading: me.isPending, signIn, signOut, refresh }),
    [me.data, me.isPending, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export function loginPath(next: string): string {
  return `${PATHS.login}?next=${encodeURIComponent(next)}`;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { user, loading, refresh, signOut } = useSession();
  const location = useLocation();
  if (loading) return <Spin fullscreen tip="Đang tải…" />;
  if (!user) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (user.mustChangePassword)
    return (
      <ChangePasswordPage
        fullName={user.fullName}
        onChanged={refresh}
        onSignOut={() => void signOut()}
      />
    );
  return <>{children}</>;
}
