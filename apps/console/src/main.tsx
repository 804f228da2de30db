import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { ReactNode, StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/http';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session/session';
import './styles.css';

dayjs.locale('vi');

/**
 * Ant Design's palette, with secondary texts, and the red of errors and danger buttons, dark
 * enough for WCAG AA contrast (axe).
 */
const THEME_TOKENS = {
  colorPrimary: '#b71c1c',
  colorLink: '#0047a3',
  colorError: '#cf1322',
  colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

/** The system's "reduce motion" setting (WCAG 2.3.3), followed while the console is open. */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
function onReducedMotionChange(onChange: () => void) {
  reducedMotion.addEventListener('change', onChange);
  return () => reducedMotion.removeEventListener('change', onChange);
}

/**
 * Ant Design's theme and locale; no animations for those who asked their system for none, nor
 * the wave that spreads from a clicked button (it fades for 2 s whatever the theme's motion).
 */
function Theme({ children }: { children: ReactNode }) {
  const motion = !useSyncExternalStore(onReducedMotionChange, () => reducedMotion.matches);
  return (
    <ConfigProvider
      locale={viVN}
      theme={{ token: { ...THEME_TOKENS, motion } }}
      wave={{ disabled: !motion }}
    >
      {children}
    </ConfigProvider>
  );
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Theme>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <ConsoleRoutes />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </Theme>
  </StrictMode>,
);
