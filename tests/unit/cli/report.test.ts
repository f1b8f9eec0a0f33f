import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  months: Record<string, Record<string, number>>;
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { encoding: 'utf8' });

describe('npm run report', () => {
  const out = mkdtempSync(join(tmpdir(), 'insyn-'));
  const result = run(
    '--as-of',
    '2025-11-30',
    '--out',
    out,
    'public/data/utredningar.csv',
    'public/data/forlangningar.csv',
    'fixtures/problems/utredningar_fel.csv',
  );

  it('prints the reconciliation and exits 0', () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('utredningar_fel.csv (utredningar): 8 rader lästa = 2 godkända + 6 avvisade');
    expect(result.stdout).toContain('Uttagsdatum: 2025-11-30');
  });

  it('writes the monthly CSV with the generator’s intended counts', () => {
    const lines = readFileSync(join(out, 'utredningar_manad.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const header = lines[0].split(';');
    const row = lines.find((l) => l.startsWith('2024-03;'))?.split(';') ?? [];
    const col = (name: string) => Number(row[header.indexOf(name)]);
    const want = expected.months['2024-03'];
    // The problem fixture adds its 2 accepted rows (Jan and Apr 2025), not March 2024.
    expect([col('i_tid'), col('forlangd'), col('sen'), col('pagaende')]).toEqual([
      want['i tid'],
      want['förlängd'],
      want['sen'],
      want['pågående'],
    ]);
    expect(row[header.indexOf('andel_sen')]).toBe(
      String(Math.round((1000 * want.sen) / col('inledda')) / 10).replace('.', ','),
    );
  });

  it('writes the orosanmälningar tables when that extract is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'insyn-'));
    const run2 = run('--as-of', '2025-11-30', '--out', dir, 'public/data/orosanmalningar.csv');
    expect(run2.status).toBe(0);
    const lines = readFileSync(join(dir, 'orosanmalningar_manad.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const header = lines[0].split(';');
    expect(header.slice(0, 7)).toEqual([
      'manad',
      'inkomna',
      'inom_14_dagar',
      'sena',
      'pagaende',
      'andel_inom_14_dagar',
      'preliminar',
    ]);
    const concerns = (
      JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
        concernMonths: Record<string, Record<string, number>>;
      }
    ).concernMonths;
    const row = lines.find((l) => l.startsWith('2025-06;'))?.split(';') ?? [];
    expect(Number(row[header.indexOf('inom_14_dagar')])).toBe(concerns['2025-06']['i tid']);
    expect(Number(row[header.indexOf('sena')])).toBe(concerns['2025-06']['sen']);
    expect(readFileSync(join(dir, 'orosanmalningar_orsaker.csv'), 'utf8')).toContain(
      '2025;Vårdnadshavare uteblev eller bokade om mötet;',
    );
  });

  it('writes the quarter’s IVO list and its de-identified summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'insyn-'));
    expect(run('--as-of', '2025-11-30', '--quarter', '2025Q3', '--out', dir, 'public/data/beslut.csv').status).toBe(0);
    const ivo = (JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as { ivo2025Q3: { id: string }[] })
      .ivo2025Q3;
    const lines = readFileSync(join(dir, 'ivo_2025Q3.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'kvartal;beslut_id;beslutsdatum;insats;typ;avbrottsdatum;frist;status;verkstalldatum;dagar;orsak;kon;enhet;jamfort_med_foregaende_kvartal',
    );
    expect(lines).toHaveLength(ivo.length + 1);
    expect(lines.find((l) => l.includes(';B-KANT-02;'))).toMatch(
      /^2025Q3;B-KANT-02;2025-03-31;Öppenvård;beslut;;2025-06-30;verkställt;2025-07-01;92;/,
    );
    const summary = readFileSync(join(dir, 'ivo_2025Q3_sammanstallning.csv'), 'utf8');
    expect(summary).not.toContain('B-');
    expect(run('--quarter', '2025Q9', '--out', dir, 'public/data/beslut.csv').status).toBe(1);
  });

  it('lists the problems in problem.csv', () => {
    const text = readFileSync(join(out, 'problem.csv'), 'utf8');
    expect(text.split('\r\n').filter((l) => l.startsWith('utredningar_fel.csv'))).toHaveLength(6);
  });

  it('exits 1 with a Swedish message for headers that need a mapping, and reads the mapping file', () => {
    const unknown = run('--out', out, 'fixtures/dialects/utredningar_okanda_rubriker.csv');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('känns inte igen');
    const mappingFile = join(out, 'mappning.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        'nr|oppnad|stangd|grupp': {
          dataset: 'utredningar',
          columns: { utredning_id: 'Nr', startdatum: 'Öppnad', avslutsdatum: 'Stängd', enhet: 'Grupp' },
        },
      }),
    );
    const mapped = run('--mapping', mappingFile, '--out', out, 'fixtures/dialects/utredningar_okanda_rubriker.csv');
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toContain('2 rader lästa = 2 godkända + 0 avvisade');
  });

  it('exits 1 for a file that is not CSV or does not exist', () => {
    expect(run('--out', out, 'fixtures/problems/inte_csv.pdf').status).toBe(1);
    expect(run('--out', out, 'finns/inte.csv').stderr).toContain('kan inte läsas');
  });

  it('exits 1 for an unknown --engine and for DuckDB-only options with the app engine', () => {
    const engine = run('--engine', 'spark', '--out', out, 'public/data/beslut.csv');
    expect([engine.status, engine.stderr]).toEqual([1, 'Fel: --engine är app eller duckdb, inte spark.\n']);
    const threads = run('--threads', '2', '--out', out, 'public/data/beslut.csv');
    expect(threads.status).toBe(1);
    expect(threads.stderr).toContain('gäller bara --engine duckdb');
  });
});
