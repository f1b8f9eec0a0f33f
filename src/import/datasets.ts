/**
 * The four extracts: their canonical columns, the header synonyms seen in the field, and how a
 * header is recognised as one of them.
 */
import type { DateWarningCode } from '../format/importRecords';
import type { DatasetName } from '../kpi/publishedPackage';

export type DatasetKind = DatasetName;

export const DATASET_LABELS: Record<DatasetKind, string> = {
  utredningar: 'Utredningar',
  forlangningar: 'Förlängningar',
  beslut: 'Beslut om insats',
  orosanmalningar: 'Orosanmälningar',
};

/**
 * How a column is read: `id` is a unique key, `ref` a key into another dataset, `date` a calendar
 * date, `category` a small dictionary (enhet, insats), `sex` the kön codes, `integer` a count
 * (ålder), `text` free text, `person` a pseudonymised person key.
 */
export type FieldKind = 'id' | 'ref' | 'date' | 'category' | 'sex' | 'integer' | 'text' | 'person';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** A planned date (may lie in the future): not an event, so not checked against the as-of date. */
  planned?: boolean;
  /** This date may not lie before that date field of the same row (the row is rejected). */
  notBefore?: string;
  /**
   * This date should not lie before that date field of the same row; if it does, the row still
   * counts and this date is ignored (stored empty), with a warning of the given code.
   */
  ignoredBefore?: { field: string; code: DateWarningCode };
  /** Allowed range of an `integer` field; a value outside it is ignored with a warning. */
  range?: { min: number; max: number };
  /** Category label for an empty value; default "(ingen enhet)". */
  emptyLabel?: string;
  synonyms: string[];
}

export interface DatasetSpec {
  kind: DatasetKind;
  fields: FieldSpec[];
}

const unitField: FieldSpec = {
  key: 'enhet',
  label: 'Enhet',
  kind: 'category',
  synonyms: ['Enhet', 'Stadsdel', 'Stadsdelsförvaltning', 'Avdelning', 'Enhetsnamn'],
};
const sexField: FieldSpec = { key: 'kon', label: 'Kön', kind: 'sex', synonyms: ['Kön', 'Kon', 'Kön barn'] };
const ageField: FieldSpec = {
  key: 'alder',
  label: 'Ålder',
  kind: 'integer',
  range: { min: 0, max: 20 },
  synonyms: ['Ålder', 'Alder', 'Ålder år'],
};
const genericIds = ['Ärende-ID', 'Ärendenummer', 'Ärendenr', 'Löpnummer', 'ID'];

export const DATASETS: Record<DatasetKind, DatasetSpec> = {
  utredningar: {
    kind: 'utredningar',
    fields: [
      {
        key: 'utredning_id',
        label: 'Utrednings-id',
        kind: 'id',
        required: true,
        synonyms: ['Utredning-ID', 'Utredningsnummer', 'Utredningsnr', 'Utredning', ...genericIds],
      },
      {
        key: 'startdatum',
        label: 'Startdatum',
        kind: 'date',
        required: true,
        synonyms: ['Startdatum', 'Utredning inledd', 'Inledd', 'Datum inledd', 'Inledningsdatum', 'Start'],
      },
      {
        key: 'avslutsdatum',
        label: 'Avslutsdatum',
        kind: 'date',
        notBefore: 'startdatum',
        synonyms: ['Avslutsdatum', 'Avslutad', 'Datum avslut', 'Utredning avslutad', 'Slutdatum'],
      },
      unitField,
      sexField,
      ageField,
      {
        key: 'person_id',
        label: 'Personnyckel',
        kind: 'person',
        synonyms: ['Person-ID', 'Personnyckel', 'Klient-ID', 'Barn-ID', 'Personnummer'],
      },
      // Some systems carry the extension on the investigation row instead of a separate file.
      {
        key: 'forlangning_beslutsdatum',
        label: 'Beslut om förlängning',
        kind: 'date',
        notBefore: 'startdatum',
        synonyms: ['Beslut förlängning', 'Datum beslut förlängning', 'Förlängning beslutad'],
      },
      {
        key: 'forlangd_till',
        label: 'Förlängd till',
        kind: 'date',
        planned: true,
        synonyms: ['Förlängd till', 'Förlängt till'],
      },
    ],
  },
  forlangningar: {
    kind: 'forlangningar',
    fields: [
      {
        key: 'utredning_id',
        label: 'Utrednings-id',
        kind: 'ref',
        required: true,
        synonyms: ['Utredning-ID', 'Utredningsnummer', 'Utredningsnr', 'Utredning', ...genericIds],
      },
      {
        key: 'beslutsdatum',
        label: 'Beslutsdatum',
        kind: 'date',
        required: true,
        synonyms: [
          'Beslutsdatum',
          'Beslut förlängning',
          'Datum beslut förlängning',
          'Förlängning beslutad',
          'Datum beslut',
        ],
      },
      {
        key: 'forlangd_till',
        label: 'Förlängd till',
        kind: 'date',
        planned: true,
        notBefore: 'beslutsdatum',
        synonyms: ['Förlängd till', 'Förlängt till', 'Ny slutdag'],
      },
      { key: 'skal', label: 'Skäl', kind: 'text', synonyms: ['Skäl', 'Skal', 'Orsak', 'Motivering'] },
    ],
  },
  beslut: {
    kind: 'beslut',
    fields: [
      {
        key: 'beslut_id',
        label: 'Besluts-id',
        kind: 'id',
        required: true,
        synonyms: ['Besluts-ID', 'Beslutsnummer', 'Beslutsnr', ...genericIds],
      },
      {
        key: 'beslutsdatum',
        label: 'Beslutsdatum',
        kind: 'date',
        required: true,
        synonyms: ['Beslutsdatum', 'Datum beslut', 'Beslutad'],
      },
      {
        key: 'insats',
        label: 'Insats',
        kind: 'category',
        required: true,
        synonyms: ['Insats', 'Insatstyp', 'Typ av insats', 'Bistånd'],
      },
      {
        key: 'verkstalldatum',
        label: 'Verkställd',
        kind: 'date',
        notBefore: 'beslutsdatum',
        synonyms: ['Verkställd', 'Verkställd datum', 'Verkställighetsdatum', 'Datum verkställd', 'Verkställt'],
      },
      {
        key: 'avbrottsdatum',
        label: 'Avbrott',
        kind: 'date',
        notBefore: 'beslutsdatum',
        ignoredBefore: { field: 'verkstalldatum', code: 'interruption-before-execution' },
        synonyms: ['Avbrott', 'Avbrott datum', 'Avbrottsdatum', 'Datum avbrott'],
      },
      {
        key: 'aterupptagen_datum',
        label: 'Återupptagen',
        kind: 'date',
        notBefore: 'avbrottsdatum',
        synonyms: ['Återupptagen', 'Återupptagen datum', 'Verkställighet återupptagen', 'Datum återupptagen'],
      },
      { key: 'orsak', label: 'Orsak', kind: 'text', synonyms: ['Orsak', 'Orsak försening', 'Skäl'] },
      unitField,
      sexField,
      ageField,
    ],
  },
  orosanmalningar: {
    kind: 'orosanmalningar',
    fields: [
      {
        key: 'anmalan_id',
        label: 'Anmälan-id',
        kind: 'id',
        required: true,
        synonyms: ['Anmälan-ID', 'Anmälningsnummer', 'Anmälan', ...genericIds],
      },
      {
        key: 'inkomstdatum',
        label: 'Inkomstdatum',
        kind: 'date',
        required: true,
        synonyms: ['Inkomstdatum', 'Inkom', 'Inkommen', 'Inkommen datum', 'Datum inkommen', 'Mottagen'],
      },
      {
        key: 'skyddsbedomning_datum',
        label: 'Skyddsbedömning',
        kind: 'date',
        ignoredBefore: { field: 'inkomstdatum', code: 'protective-before-receipt' },
        synonyms: ['Skyddsbedömning', 'Skyddsbedömning datum', 'Datum skyddsbedömning'],
      },
      {
        key: 'forhandsbedomning_datum',
        label: 'Förhandsbedömning',
        kind: 'date',
        notBefore: 'inkomstdatum',
        synonyms: ['Förhandsbedömning', 'Förhandsbedömning klar', 'Förhandsbedömning datum', 'Datum förhandsbedömning'],
      },
      {
        key: 'beslut',
        label: 'Beslut',
        kind: 'category',
        emptyLabel: '(inget beslut)',
        synonyms: ['Beslut', 'Beslut förhandsbedömning', 'Utfall', 'Beslut om utredning'],
      },
      {
        key: 'orsak_forsening',
        label: 'Orsak försening',
        kind: 'category',
        emptyLabel: '(ingen orsak angiven)',
        synonyms: ['Orsak försening', 'Orsak till försening', 'Förseningsorsak'],
      },
      unitField,
      sexField,
      ageField,
    ],
  },
};

/**
 * Header names compare with case, spaces, diacritics, `-`, `_` and `.` ignored.
 * @example normalizeHeader('Ärende-ID') // 'arendeid'
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_.]/g, '');
}

/** A header's identity for remembering a confirmed mapping: its normalised names, in order. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normalizeHeader).join('|');
}

/** Which column (index in the header) each field reads from; absent fields are not present. */
export type ColumnAssignment = Record<string, number>;

/** A user-confirmed mapping, stored by header signature (in the browser and as `--mapping` file). */
export interface SavedMapping {
  dataset: DatasetKind;
  /** field key → header name as it appears in the file */
  columns: Record<string, string>;
}

/** Assigns header columns to a dataset's fields by canonical name or synonym. */
export function matchHeader(spec: DatasetSpec, header: readonly string[]): ColumnAssignment {
  const normalized = header.map(normalizeHeader);
  const assignment: ColumnAssignment = {};
  const taken = new Set<number>();
  // Canonical names first, so `beslutsdatum` is not stolen by a synonym of another field.
  for (const pass of ['canonical', 'synonym'] as const) {
    for (const field of spec.fields) {
      if (field.key in assignment) continue;
      const names = pass === 'canonical' ? [field.key] : field.synonyms;
      for (const name of names) {
        const index = normalized.findIndex((h, i) => h === normalizeHeader(name) && !taken.has(i));
        if (index >= 0) {
          assignment[field.key] = index;
          taken.add(index);
          break;
        }
      }
    }
  }
  return assignment;
}

export type Recognition =
  | { status: 'recognised'; dataset: DatasetKind; columns: ColumnAssignment }
  | { status: 'unknown'; guess: DatasetKind | null; columns: ColumnAssignment };

/**
 * Recognises the dataset from a header: among datasets whose required fields all match, the one
 * with most matched fields. Without a full match, the best partial guess is returned for the
 * mapping step.
 */
export function recognizeDataset(header: readonly string[]): Recognition {
  let best: { dataset: DatasetKind; columns: ColumnAssignment; score: number } | null = null;
  let bestGuess: { dataset: DatasetKind; columns: ColumnAssignment; score: number } | null = null;
  for (const spec of Object.values(DATASETS)) {
    const columns = matchHeader(spec, header);
    const score = Object.keys(columns).length;
    const complete = spec.fields.every((field) => !field.required || field.key in columns);
    if (complete && (!best || score > best.score)) best = { dataset: spec.kind, columns, score };
    if (!bestGuess || score > bestGuess.score) bestGuess = { dataset: spec.kind, columns, score };
  }
  if (best) return { status: 'recognised', dataset: best.dataset, columns: best.columns };
  return bestGuess && bestGuess.score > 0
    ? { status: 'unknown', guess: bestGuess.dataset, columns: bestGuess.columns }
    : { status: 'unknown', guess: null, columns: {} };
}

/** Applies a saved mapping to a header; null when a mapped column is missing from it. */
export function applyMapping(mapping: SavedMapping, header: readonly string[]): ColumnAssignment | null {
  const normalized = header.map(normalizeHeader);
  const columns: ColumnAssignment = {};
  for (const [field, name] of Object.entries(mapping.columns)) {
    const index = normalized.indexOf(normalizeHeader(name));
    if (index < 0) return null;
    columns[field] = index;
  }
  const spec = DATASETS[mapping.dataset];
  return spec.fields.every((f) => !f.required || f.key in columns) ? columns : null;
}

/** kön as written in exports → code into SEX_LABELS (okänt for anything unrecognised). */
export function parseSex(raw: string): number {
  return SEX_CODES.get(raw) ?? SEX_CODES.get(raw.trim().toLowerCase()) ?? 0;
}

/** kön as written → code (1 pojke, 2 flicka, 3 annat); one lookup per row, no arrays made. */
const SEX_CODES: ReadonlyMap<string, number> = new Map([
  ...['pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk'].map((text) => [text, 1] as const),
  ...['flicka', 'flickor', 'f', 'kvinna', 'k', 'kvinnlig'].map((text) => [text, 2] as const),
  ...['annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x'].map((text) => [text, 3] as const),
]);

/**
 * The förhandsbedömning outcome as written in exports → ConcernDecision code
 * (1 inleds, 2 inleds ej, 3 pågående utredning, 0 unknown or empty).
 * @example concernDecisionCode('Inleds ej') // 2
 */
export function concernDecisionCode(label: string): 0 | 1 | 2 | 3 {
  const text = normalizeHeader(label);
  if (/pagaende|redanutredning|aktuellutredning|pagaendeutredning/.test(text)) return 3;
  if (/^(inledsej|ejinled|inteinled|ingenutredning|nej)/.test(text) || text.includes('inledsej')) return 2;
  if (/^(inleds|inledd|utredninginleds|inledautredning|ja)$/.test(text) || text === 'utredninginledd') return 1;
  return 0;
}
