import { describe, expect, it } from 'vitest';
import { readDateText } from '../../../src/components/ui/dateText';

describe('readDateText: dates typed as ÅÅÅÅ-MM-DD', () => {
  it('reads a valid date and trims whitespace', () => {
    expect(readDateText('2025-03-31', 'date')).toEqual({ ok: true, value: '2025-03-31' });
    expect(readDateText('  2025-03-31\t', 'date')).toEqual({ ok: true, value: '2025-03-31' });
    expect(readDateText('2024-02-29', 'date')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('pads a one-digit month or day, which cannot be misread', () => {
    expect(readDateText('2025-2-3', 'date')).toEqual({ ok: true, value: '2025-02-03' });
    expect(readDateText('2025-12-1', 'date')).toEqual({ ok: true, value: '2025-12-01' });
  });

  it('rejects dates that are not in the calendar', () => {
    expect(readDateText('2025-02-30', 'date')).toEqual({ ok: false, error: '2025-02-30 finns inte i kalendern.' });
    expect(readDateText('2025-02-29', 'date')).toEqual({ ok: false, error: '2025-02-29 finns inte i kalendern.' });
    expect(readDateText('2025-13-01', 'date').ok).toBe(false);
    expect(readDateText('2025-04-31', 'date').ok).toBe(false);
    expect(readDateText('2025-00-10', 'date').ok).toBe(false);
  });

  it('rejects other formats with a Swedish message naming the format', () => {
    const message = { ok: false, error: 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-31.' };
    for (const text of [
      'hej',
      '31/3/2025',
      '2025/03/31',
      '25-03-31',
      '20250331',
      '2025-03-31T00:00',
      '2025-03',
      '2025-003-1',
    ])
      expect(readDateText(text, 'date'), text).toEqual(message);
  });

  it('takes an empty field as "use the default"', () => {
    expect(readDateText('', 'date')).toEqual({ ok: true, value: null });
    expect(readDateText('   ', 'date')).toEqual({ ok: true, value: null });
  });
});

describe('readDateText: months typed as ÅÅÅÅ-MM', () => {
  it('reads a valid month, padded and trimmed', () => {
    expect(readDateText('2025-01', 'month')).toEqual({ ok: true, value: '2025-01' });
    expect(readDateText(' 2025-3 ', 'month')).toEqual({ ok: true, value: '2025-03' });
  });

  it('rejects month 13 and 0 and other formats', () => {
    expect(readDateText('2025-13', 'month')).toEqual({ ok: false, error: '2025-13 finns inte i kalendern.' });
    expect(readDateText('2025-00', 'month').ok).toBe(false);
    expect(readDateText('2025-03-01', 'month')).toEqual({
      ok: false,
      error: 'Skriv månaden som ÅÅÅÅ-MM, t.ex. 2025-03.',
    });
    expect(readDateText('mars 2025', 'month').ok).toBe(false);
  });

  it('keeps to the bounds, inclusive, and names them', () => {
    expect(readDateText('2023-01', 'month', '2023-01', '2025-11')).toEqual({ ok: true, value: '2023-01' });
    expect(readDateText('2025-11', 'month', '2023-01', '2025-11')).toEqual({ ok: true, value: '2025-11' });
    expect(readDateText('2022-12', 'month', '2023-01', '2025-11')).toEqual({
      ok: false,
      error: '2022-12 ligger utanför uppgifterna: välj månaden från 2023-01 till 2025-11.',
    });
    expect(readDateText('2025-12', 'month', '2023-01', '2025-11').ok).toBe(false);
    expect(readDateText('2030-01', 'month', undefined, '2025-11').ok).toBe(false);
    expect(readDateText('2030-01', 'month', '2023-01').ok).toBe(true);
  });
});
