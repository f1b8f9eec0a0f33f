/**
 * "Publicera för nämnden" (issue 13): the loaded files' package of aggregates – the same package as
 * `npm run publish` – zipped in the browser (fflate, no server) and downloaded.
 */
import { strToU8, zipSync } from 'fflate';
import { useState } from 'react';
import { downloadBlob } from '../../components/ui/download';
import { callWorker } from '../../data/workerClient';
import { isoDate, type DayNumber } from '../../kpi';

/** The package's files as one zip; folder named after the as-of date so monthly packages sit side by side. */
export function packageZip(asOf: DayNumber, files: readonly { name: string; text: string }[]): Uint8Array {
  const folder = `namndpaket-${isoDate(asOf)}`;
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, strToU8(f.text)])));
}

export function PublishPackage({ asOf }: { asOf: DayNumber }) {
  const [status, setStatus] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });

  async function publish() {
    setStatus({ busy: true, message: 'Bygger paketet…', error: false });
    try {
      // The user's clock names when the package was made; the engine never reads it.
      const result = await callWorker({ type: 'publish', query: { asOf, created: new Date().toISOString() } });
      if (!result) {
        setStatus({ busy: false, message: 'Läs in filer först: paketet byggs av de inlästa filerna.', error: true });
        return;
      }
      const zip = packageZip(asOf, result.files);
      const fileName = `namndpaket-${isoDate(asOf)}.zip`;
      downloadBlob(fileName, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      setStatus({
        busy: false,
        message: `Paketet sparades som ${fileName} (${result.files.length} filer, ${result.package.manifest.tables.length} tabeller).`,
        error: false,
      });
    } catch (error) {
      setStatus({ busy: false, message: `Paketet kunde inte byggas: ${(error as Error).message}`, error: true });
    }
  }

  return (
    <>
      <h2>Publicera för nämnden</h2>
      <p>
        Ett paket med bara antal per månad, enhet, kön och utfall – inga id, personnummer, enskilda datum eller
        fritexter. Antal 1–4 och det som går att räkna fram ur dem döljs. Samma paket som <code>npm run publish</code>.
      </p>
      <button type="button" onClick={publish} disabled={status.busy} data-testid="publish-package">
        Publicera för nämnden (zip)
      </button>
      {status.message && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : undefined}>
          {status.message}
        </p>
      )}
    </>
  );
}
