import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { installLinkGuard } from './linkGuard';
import { startNotificationFeed } from './notifications';
import { Nav, panelShortcut } from './Nav';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { ReportsDialog } from './ReportsDialog';
import { panelById, panels } from './panels';
import { useAppInfo } from './store/app-info';
import { startJobFeed } from './store/jobs';
import { useReports } from './store/reports';
import { subscribe } from '../api/client';
import { useNav } from './store/nav';
import { reportError } from './store/toasts';

export function App() {
  const current = useNav((s) => s.current);
  const ready = useAppInfo((s) => s.info !== null);
  const Panel = (panelById(current) ?? panels[0]).component;

  useEffect(() => {
    const stopGuard = installLinkGuard();
    const stopJobs = startJobFeed();
    const stopNotifications = startNotificationFeed();
    // the desktop app's menu and tray: open a panel, open the Reports dialog
    const stopDesktop = subscribe('desktop.command', (c) => {
      if (c.command === 'navigate') useNav.getState().go(c.panel);
      else useReports.getState().show(c.kind);
    });
    void useAppInfo.getState().load();
    panelById(useNav.getState().current)?.prefetch?.(); // the first panel's data, alongside its code
    // each panel opened later: its data alongside its code
    const stopPrefetch = useNav.subscribe((s, prev) => {
      if (s.current !== prev.current) panelById(s.current)?.prefetch?.();
    });

    const onKey = (e: KeyboardEvent) => {
      const n = panelShortcut(e);
      if (n === null) return;
      e.preventDefault();
      useNav.getState().goIndex(n);
      // keep the focus visible on the panel's nav button, where Tab continues from
      document.querySelector<HTMLButtonElement>(`.nav__button[data-panel-id="${useNav.getState().current}"]`)?.focus();
    };
    const onHash = () => useNav.getState().go(decodeURIComponent(location.hash.replace(/^#\/?/, '')));
    const onRejection = (e: PromiseRejectionEvent) => reportError(e.reason);
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      stopPrefetch();
      stopGuard();
      stopJobs();
      stopNotifications();
      stopDesktop();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);

  return (
    <div className="app" data-app-ready={ready ? 'true' : 'false'}>
      <Nav />
      <main className="main" id="main">
        <ErrorBoundary resetKey={current}>
          <Suspense fallback={<div className="panel panel--loading">Loading…</div>}>
            <Panel key={current} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
      <ReportsDialog />
      <Toasts />
    </div>
  );
}
