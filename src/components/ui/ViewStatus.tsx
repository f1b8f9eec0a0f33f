/** What a page shows instead of its figures: no data loaded, the computation failed, or still computing. */
import type { ReactNode } from 'react';

interface ViewState {
  isError: boolean;
  error: Error | null;
  data: unknown;
}

/**
 * @returns the element to show, or null when the page can draw its figures.
 * @example const status = viewStatus('Utredningstid', 'Ingen utredningsfil är inläst.', missing, view); if (status) return status;
 */
export function viewStatus(title: string, missingText: string, missing: boolean, view: ViewState): ReactNode {
  if (missing) {
    return (
      <section>
        <h1>{title}</h1>
        <p>
          {missingText} Läs in exporter under <a href="?sida=data">Data och import</a>.
        </p>
      </section>
    );
  }
  if (view.isError) return <p role="alert">Beräkningen misslyckades: {view.error?.message}</p>;
  if (view.data === undefined) return <p aria-busy="true">Beräknar…</p>;
  return null;
}
