/**
 * Data och import: drop or pick CSV exports, confirm column mappings for unknown headers, and see
 * the reconciliation (rows read = accepted + rejected) and every problem.
 */
import { useRef, useState, type DragEvent } from 'react';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { AsOfInput } from '../../components/ui/AsOfInput';
import { downloadText } from '../../components/ui/download';
import { hasMappings, mappingsFileText } from '../../data/mappings';
import { useOwnFiles } from '../../data/ownFiles';
import { fetchProblemsCsv, useLoadFiles, useReconciliation, useRemoveFile, useWorkspace } from '../../data/queries';
import { useAsOfDescription } from '../../data/published';
import { forgetAll, forgetFile, rememberLoaded, setRemember, useRemembered } from '../../data/rememberedFiles';
import { cancelLoads } from '../../data/workerClient';
import { reconciliationColumns } from '../../format/exports';
import { PublishPackage } from './PublishPackage';
import { formatCount, formatNumber, formatProgress } from '../../format/number';
import { DATASET_LABELS } from '../../data/datasets';
import type { FileInput, FileNeedingMapping, FileOutcome, SavedMapping } from '../../data/types';
import { delimiterName, type FileReconciliation, type Problem } from '../../format/importRecords';
import { isoDate, NO_DATE } from '../../kpi';
import { useUrlControls } from '../../components/ui/urlControls';
import { ExampleFiles } from './ExampleFiles';
import { MappingForm } from './MappingForm';

type SeverityFilter = 'alla' | 'avvisad' | 'varning';
const SEVERITY_FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'alla', label: 'Alla' },
  { value: 'avvisad', label: 'Avvisade' },
  { value: 'varning', label: 'Varningar' },
];

/** "6 898 rader lästa = 6 890 godkända (varav 3 med varning) + 8 avvisade". */
function reconciliationLine(f: FileReconciliation): string {
  return `${formatNumber(f.rowsRead)} rader lästa = ${formatNumber(f.rowsAccepted)} godkända (varav ${formatNumber(f.rowsWithWarning)} med varning) + ${formatNumber(f.rowsRejected)} avvisade`;
}

/** The File itself goes to the worker, which streams it; the page never holds its bytes. */
function toInputs(files: File[], mapping?: SavedMapping): FileInput[] {
  return files.map((file) => ({ name: file.name, bytes: file, mapping }));
}

export function ImportPage() {
  const state = useWorkspace().data;
  const asOfInUse = useAsOfDescription();
  const { asOf } = asOfInUse;
  const load = useLoadFiles();
  const remove = useRemoveFile();
  const ownFiles = useOwnFiles();
  const remembered = useRemembered();
  const reconciliation = useReconciliation(state?.version, asOf).data;
  const [severity, setSeverity] = useState<SeverityFilter>('alla');
  const [, setParams] = useUrlControls();
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [pendingFiles, setPendingFiles] = useState<Map<string, File>>(new Map());
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const importFiles = async (files: File[], mapping?: SavedMapping) => {
    if (files.length === 0) return;
    const result = await load.mutateAsync(toInputs(files, mapping));
    setOutcomes(result.outcomes);
    void rememberLoaded(files, result.outcomes, mapping);
    const waiting = new Map(pendingFiles);
    for (const file of files) waiting.delete(file.name);
    for (const outcome of result.outcomes) {
      const file = files.find((f) => f.name === outcome.file);
      if (outcome.status === 'needs-mapping' && file) waiting.set(file.name, file);
    }
    setPendingFiles(waiting);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };

  const needingMapping = outcomes.filter(
    (o): o is FileNeedingMapping => o.status === 'needs-mapping' && pendingFiles.has(o.file),
  );

  const reconciliationTable: Column<FileReconciliation>[] = [
    { header: 'Fil', cell: (f) => f.file, rowHeader: true },
    { header: 'Datamängd', cell: (f) => DATASET_LABELS[f.dataset] },
    { header: 'Teckenkodning', cell: (f) => f.encoding },
    { header: 'Avgränsare', cell: (f) => delimiterName(f.delimiter) },
    { header: 'Rader lästa', cell: (f) => formatCount(f.rowsRead), numeric: true },
    { header: 'Godkända', cell: (f) => formatCount(f.rowsAccepted), numeric: true },
    {
      header: 'Varav med varning',
      cell: (f) => formatCount(f.rowsWithWarning),
      numeric: true,
    },
    { header: 'Avvisade', cell: (f) => formatCount(f.rowsRejected), numeric: true },
  ];
  const problemTable: Column<Problem>[] = [
    { header: 'Fil', cell: (p) => p.file },
    { header: 'Rad', cell: (p) => p.line, numeric: true },
    {
      header: 'Allvarlighet',
      cell: (p) => (
        <span className={`severity severity-${p.severity}`}>{p.severity === 'varning' ? 'Varning' : 'Avvisad'}</span>
      ),
    },
    { header: 'Kolumn', cell: (p) => p.column || '–' },
    { header: 'Värde', cell: (p) => (p.value === '' ? <em>(tomt)</em> : <code>{p.value}</code>) },
    { header: 'Problem', cell: (p) => p.message },
  ];
  const allProblems = reconciliation?.problems ?? [];
  const problems = severity === 'alla' ? allProblems : allProblems.filter((p) => p.severity === severity);
  const severityCount = (value: SeverityFilter) =>
    value === 'alla' ? allProblems.length : allProblems.filter((p) => p.severity === value).length;
  const loaded = !!state && state.files.length > 0;
  const removeFile = (file: string | null) => remove.mutate(file, { onSuccess: () => void forgetFile(file) });
  const fromMemory = [...ownFiles.values()].filter((f) => f.fromBrowserMemory).length;
  const anythingStored = remembered.optedIn || remembered.stored.size > 0 || hasMappings();
  const forgetEverything = async () => {
    await forgetAll();
    if (ownFiles.size > 0) remove.mutate(null);
  };

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Data och import</h1>
      <p className="lead">
        Läs in CSV-exporter ur verksamhetssystemet: utredningar, förlängningar, beslut om insats och orosanmälningar.
        Filerna läses bara i din webbläsare – ingenting skickas någonstans. Semikolon, komma eller tabb; UTF-8 eller
        Windows-1252 (Excel). Excel-arbetsböcker (.xlsx) går också: det första bladet läses.
      </p>

      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Släpp filer här, eller</p>
        <label className="button">
          Välj filer…
          <input
            ref={inputRef}
            type="file"
            multiple
            accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="visually-hidden"
            data-testid="file-input"
            onChange={(e) => {
              void importFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        {state?.demo && <p className="hint">Exempeldata visas nu. Dina egna filer ersätter exempeldata.</p>}
      </div>
      <ExampleFiles />

      {load.progress && (
        <div className="progress" role="status">
          <label>
            Läser {load.progress.label || 'filer'} – {formatProgress(load.progress.done, load.progress.total)}
            <progress max={load.progress.total} value={load.progress.done} />
          </label>{' '}
          <button type="button" className="secondary small" onClick={cancelLoads}>
            Avbryt
          </button>
        </div>
      )}
      {load.isError && (
        <p role="alert" className="error">
          Inläsningen misslyckades: {load.error.message}
        </p>
      )}

      <div aria-live="polite">
        {outcomes.map((o) =>
          o.status === 'failed' ? (
            <p key={o.file} role="alert" className="error">
              {o.problem.message}
            </p>
          ) : o.status === 'loaded' ? (
            <p key={o.file} className="ok">
              {o.file}: inläst som {DATASET_LABELS[o.dataset].toLowerCase()}, {formatNumber(o.rowsRead)} rader. Godkända
              och avvisade rader per fil står i avstämningen nedan.
            </p>
          ) : null,
        )}
      </div>

      {needingMapping.map((pending) => (
        <MappingForm
          key={pending.file}
          pending={pending}
          onConfirm={(mapping) => {
            const file = pendingFiles.get(pending.file);
            if (file) void importFiles([file], mapping);
          }}
          onCancel={() => {
            const waiting = new Map(pendingFiles);
            waiting.delete(pending.file);
            setPendingFiles(waiting);
          }}
        />
      ))}

      <h2>Inlästa filer</h2>
      {state?.package ? (
        <p data-testid="package-source">
          Inga filer med ärenden är inlästa. Sidorna visar ett publicerat paket med bara antal, ”{state.package.title}”,
          uttag {state.package.asOf}, gjort {state.package.created.slice(0, 10)} av{' '}
          {state.files.map((f) => f.file).join(', ')}.
        </p>
      ) : !state || state.files.length === 0 ? (
        <p>Inga filer är inlästa.</p>
      ) : (
        <>
          <ul className="files">
            {state.files.map((f) => (
              <li key={f.file}>
                <span>
                  {f.file} – {DATASET_LABELS[f.dataset]}
                  {f.demo && <span className="badge">Exempeldata</span>}
                  {remembered.stored.has(f.file) && <span className="badge">Sparad i webbläsaren</span>}
                </span>
                <button type="button" className="secondary" onClick={() => removeFile(f.file)}>
                  Ta bort <span className="visually-hidden">{f.file}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => removeFile(null)}>
            Ta bort alla filer
          </button>
        </>
      )}

      <h2>Spara filerna mellan besöken</h2>
      <div className="remember" data-testid="remember">
        <label>
          <input
            type="checkbox"
            checked={remembered.optedIn}
            aria-describedby="remember-statement"
            onChange={(e) => void setRemember(e.target.checked)}
          />{' '}
          Kom ihåg filerna i den här webbläsaren
        </label>
        <p id="remember-statement">
          Då sparas filerna som de är (med eventuella personnummer) okrypterade i den här webbläsarens lagring på den
          här datorn, för ditt användarkonto, tills du trycker på ”Glöm alla filer”. Alla som kommer åt datorns
          användarkonto kan läsa dem. Använd det inte på en delad dator. Tar du bort bocken raderas de sparade filerna;
          de inlästa finns kvar tills du stänger sidan.
        </p>
        {fromMemory > 0 && (
          <p data-testid="from-browser-memory">
            {fromMemory === 1 ? 'En fil' : `${formatNumber(fromMemory)} filer`} lästes in ur den här webbläsarens minne
            när sidan öppnades.
          </p>
        )}
        {remembered.problem && (
          <p role="alert" className="error">
            {remembered.problem}
          </p>
        )}
        {anythingStored && (
          <>
            <button
              type="button"
              className="secondary"
              aria-describedby="forget-all-note"
              onClick={() => void forgetEverything()}
            >
              Glöm alla filer
            </button>
            <p id="forget-all-note" className="hint">
              Tar bort filerna ur webbläsarens lagring och ur appen, och även sparade kolumnmappningar (de innehåller
              filernas rubriker; spara dem som fil nedan först om du behöver dem).
            </p>
          </>
        )}
      </div>

      {loaded && (
        <>
          <h2>Uttagsdatum</h2>
          <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Val av uttagsdatum">
            <AsOfInput asOf={asOf} />
            {asOfInUse.origin === 'chosen' && (
              <button type="button" className="secondary" onClick={() => setParams({ uttag: null })}>
                Använd filernas datum
              </button>
            )}
          </form>
          <p data-testid="as-of">
            Uttagsdatum <strong>{asOf === NO_DATE ? '–' : isoDate(asOf)}</strong> ({asOfInUse.text}). Rader med ett
            händelsedatum efter uttagsdatum räknas som avvisade.
          </p>
        </>
      )}

      {loaded && reconciliation && reconciliation.files.length > 0 && (
        <>
          <h2>Avstämning per fil</h2>
          <ul className="reconciliation-lines" data-testid="reconciliation-lines">
            {reconciliation.files.map((f) => {
              const masked = ownFiles.get(f.file)?.masked;
              return (
                <li key={f.file} data-file={f.file}>
                  <strong>{f.file}</strong>: <span data-testid="reconciliation-line">{reconciliationLine(f)}</span>
                  {masked && masked.length > 0 && (
                    <ul className="masked" data-testid="masked">
                      {masked.map((m) => (
                        <li key={m.column}>
                          Kolumnen {m.column}: {formatNumber(m.count)} {m.count === 1 ? 'värde' : 'värden'} med
                          personnummer{' '}
                          {m.how === 'pseudonym'
                            ? 'ersatta med pseudonym (nyckelkolumn: raderna hänger ihop, numret syns inte)'
                            : 'maskerade som ÅÅMMDD-XXXX (fritext: numret syns inte)'}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <p data-testid="reconciliation-total">
            Totalt {formatNumber(reconciliation.totals.read)} rader lästa ={' '}
            {formatNumber(reconciliation.totals.accepted)} godkända + {formatNumber(reconciliation.totals.rejected)}{' '}
            avvisade (uttagsdatum {isoDate(asOf)}).
          </p>
          <DataTable
            testId="reconciliation-table"
            caption="Rader lästa, godkända och avvisade per fil"
            columns={reconciliationTable}
            rows={reconciliation.files}
            rowKey={(f) => f.file}
            csv={{ fileName: 'avstamning.csv', columns: reconciliationColumns }}
          />
          <PublishPackage asOf={asOf} />
          <h2>Problem ({formatNumber(reconciliation.problemCount)})</h2>
          {reconciliation.problemCount === 0 ? (
            <p>Inga problem: alla rader godkändes utan varning.</p>
          ) : (
            <>
              <fieldset className="severity-filter">
                <legend>Visa</legend>
                {SEVERITY_FILTERS.map((f) => (
                  <label key={f.value}>
                    <input
                      type="radio"
                      name="allvarlighet"
                      value={f.value}
                      checked={severity === f.value}
                      onChange={() => setSeverity(f.value)}
                    />{' '}
                    {f.label} ({formatNumber(severityCount(f.value))})
                  </label>
                ))}
              </fieldset>
              {allProblems.length < reconciliation.problemCount && (
                <p className="hint">
                  Sidan visar de första {formatNumber(allProblems.length)} av{' '}
                  {formatNumber(reconciliation.problemCount)} problemen; alla finns i CSV-filen.
                </p>
              )}
              <DataTable
                testId="problem-table"
                caption={
                  severity === 'alla'
                    ? 'Avvisade rader och varningar'
                    : severity === 'avvisad'
                      ? 'Avvisade rader'
                      : 'Varningar'
                }
                columns={problemTable}
                rows={problems}
                rowKey={(p) => `${p.file}:${p.line}:${p.code}:${p.column}`}
                csv={{ fileName: 'problem.csv', text: () => fetchProblemsCsv(asOf) }}
              />
            </>
          )}
        </>
      )}

      <h2>Kolumnmappningar</h2>
      <p>
        Bekräftade mappningar för okända rubriker sparas i den här webbläsaren. Spara dem som fil för den automatiska
        månadsrapporten (<code>npm run report -- --mapping kolumnmappning.json</code>).
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => downloadText('kolumnmappning.json', mappingsFileText(), 'application/json')}
      >
        Spara kolumnmappningar som fil
      </button>
    </section>
  );
}
