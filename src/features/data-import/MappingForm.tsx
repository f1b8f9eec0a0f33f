/** The column-mapping step for a file whose headers were not recognised; confirmed once, remembered. */
import { useState } from 'react';
import { saveMapping } from '../../data/mappings';
import { DATASET_LABELS, DATASETS, matchHeader, missingRequiredFields } from '../../data/datasets';
import type { DatasetKind, FileNeedingMapping, SavedMapping } from '../../data/types';

interface Props {
  pending: FileNeedingMapping;
  onConfirm: (mapping: SavedMapping) => void;
  onCancel: () => void;
}

export function MappingForm({ pending, onConfirm, onCancel }: Props) {
  const [dataset, setDataset] = useState<DatasetKind>(pending.guess ?? 'utredningar');
  const [columns, setColumns] = useState<Record<string, string>>(pending.suggested);
  const spec = DATASETS[dataset];
  const missing = missingRequiredFields({ dataset, columns });
  const chooseDataset = (kind: DatasetKind) => {
    setDataset(kind);
    const matched = matchHeader(DATASETS[kind], pending.header);
    setColumns(Object.fromEntries(Object.entries(matched).map(([field, index]) => [field, pending.header[index]])));
  };
  const idBase = `mapping-${pending.signature.replace(/[^a-z0-9]/g, '')}`;

  return (
    <form
      className="mapping"
      aria-labelledby={`${idBase}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length > 0) return;
        const mapping: SavedMapping = {
          dataset,
          columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => v)),
        };
        saveMapping(pending.signature, mapping);
        onConfirm(mapping);
      }}
    >
      <h2 id={`${idBase}-title`}>Koppla kolumner i {pending.file}</h2>
      <p>
        {pending.guess === null
          ? 'Rubrikerna i filen känns inte igen som någon av exporterna. Om filen ändå är en export, ange vad den innehåller och vilken kolumn som är vad.'
          : 'Några obligatoriska kolumner kunde inte hittas automatiskt. Kontrollera kopplingen nedan.'}{' '}
        Valet sparas och används automatiskt för filer med samma rubriker.
      </p>
      <p className="hint">Rubriker i filen: {pending.header.join(' · ')}</p>
      <label>
        Filen innehåller
        <select value={dataset} onChange={(e) => chooseDataset(e.target.value as DatasetKind)}>
          {Object.values(DATASETS).map((d) => (
            <option key={d.kind} value={d.kind}>
              {DATASET_LABELS[d.kind]}
            </option>
          ))}
        </select>
      </label>
      <div className="mapping-grid">
        {spec.fields.map((field) => (
          <label key={field.key}>
            {field.label}
            {field.required ? ' (obligatorisk)' : ''}
            <select
              value={columns[field.key] ?? ''}
              onChange={(e) => setColumns({ ...columns, [field.key]: e.target.value })}
            >
              <option value="">– saknas –</option>
              {pending.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {missing.length > 0 && (
        <p className="error" role="status">
          Välj kolumn för: {missing.join(', ')}.
        </p>
      )}
      <div className="buttons">
        <button type="submit" disabled={missing.length > 0}>
          Bekräfta och läs in
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hoppa över filen
        </button>
      </div>
    </form>
  );
}
