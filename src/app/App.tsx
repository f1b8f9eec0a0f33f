/**
 * Layout and page switch. The page lives in the URL (`?sida=`), with its controls. Only the first
 * page (Översikt) is in the first download; every other page, and Recharts with it, loads when opened.
 */
import { lazy, Suspense, useEffect } from 'react';
import { UrlControlsContext } from '../components/ui/urlControls';
import { OverviewPage } from '../features/overview/OverviewPage';
import { usePublishedData } from '../data/published';
import { useRestoreRememberedFiles } from '../data/rememberedFiles';
import { useWorkspace } from '../data/queries';
import { readUrlParams, URL_KEYS } from '../data/urlSchema';
import { useUrlState } from '../data/urlState';

const InvestigationsPage = lazy(() =>
  import('../features/investigations/InvestigationsPage').then((m) => ({ default: m.InvestigationsPage })),
);
const ConcernsPage = lazy(() => import('../features/concerns/ConcernsPage').then((m) => ({ default: m.ConcernsPage })));
const DecisionsPage = lazy(() =>
  import('../features/decisions/DecisionsPage').then((m) => ({ default: m.DecisionsPage })),
);
const WatchPage = lazy(() => import('../features/watch/WatchPage').then((m) => ({ default: m.WatchPage })));
const ReportPage = lazy(() => import('../features/report/ReportPage').then((m) => ({ default: m.ReportPage })));
const ImportPage = lazy(() => import('../features/data-import/ImportPage').then((m) => ({ default: m.ImportPage })));
const AboutPage = lazy(() => import('../features/about/AboutPage').then((m) => ({ default: m.AboutPage })));

const PAGES = [
  { id: 'oversikt', title: 'Översikt', render: () => <OverviewPage /> },
  { id: 'utredningstid', title: 'Utredningstid', render: () => <InvestigationsPage /> },
  { id: 'orosanmalningar', title: 'Orosanmälningar', render: () => <ConcernsPage /> },
  { id: 'verkstallighet', title: 'Verkställighet', render: () => <DecisionsPage /> },
  { id: 'bevakning', title: 'Bevakning', render: () => <WatchPage /> },
  { id: 'rapport', title: 'Rapport för nämnden', render: () => <ReportPage /> },
  { id: 'data', title: 'Data och import', render: () => <ImportPage /> },
  { id: 'om', title: 'Om tjänsten', render: () => <AboutPage /> },
] as const;

export function App() {
  const [params, setParams] = useUrlState();
  const published = usePublishedData();
  const restoring = useRestoreRememberedFiles();
  const workspace = useWorkspace();
  const page = PAGES.find((p) => p.id === readUrlParams(params).page) ?? PAGES[0];
  const state = workspace.data;

  useEffect(() => {
    document.title = `${page.title} – Insyn`;
  }, [page.title]);

  return (
    <UrlControlsContext.Provider value={[params, setParams]}>
      <a className="skip" href="#main">
        Hoppa till innehållet
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Insyn <span className="tagline">uppföljning av socialtjänstens tidsfrister</span>
        </div>
        {state?.demo && (
          <span
            className="badge demo"
            data-testid="demo-badge"
            title="Påhittade uppgifter för att visa hur Insyn fungerar"
          >
            Exempeldata
          </span>
        )}
        <nav aria-label="Sidor">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a
                  href={`?${URL_KEYS.page}=${p.id}`}
                  aria-current={p.id === page.id ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ [URL_KEYS.page]: p.id }, true);
                  }}
                >
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {published.isPending && (
          <p aria-busy="true" role="status">
            Hämtar publicerade data…
          </p>
        )}
        {published.isError && (
          <p role="alert" className="error">
            {published.error.message} Du kan fortfarande läsa in egna filer under Data och import.
          </p>
        )}
        {restoring && !published.isPending && (
          <p aria-busy="true" role="status">
            Läser in filerna som sparats i den här webbläsaren…
          </p>
        )}
        {!published.isPending && !restoring && (
          <Suspense
            fallback={
              <p aria-busy="true" role="status">
                Hämtar sidan…
              </p>
            }
          >
            {page.render()}
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <p>
          Uppgifterna behandlas bara i din webbläsare. Ingenting skickas vidare, ingenting sparas utom dina
          kolumnmappningar och, om du väljer det under Data och import, filerna.
        </p>
      </footer>
    </UrlControlsContext.Provider>
  );
}
