import { describe, expect, it } from 'vitest';
import { countSentence, extremesSentence, periodSentence } from '../../../src/format/sentences';
import { periodComparison, type MonthlyShare } from '../../../src/kpi';

const m = (year: number, month: number, numerator: number, denominator: number, preliminary = false): MonthlyShare => ({
  month: year * 12 + month - 1,
  numerator,
  denominator,
  preliminary,
});

describe('periodSentence', () => {
  // The source city's January–June figures 2024 and 2025.
  const rows = periodComparison(
    [
      ...[406, 500, 530, 550, 539, 416].map((s, i) => m(2024, i + 1, [125, 142, 157, 153, 158, 127][i], s)),
      ...[531, 529, 552, 643, 577, 533].map((s, i) => m(2025, i + 1, [107, 128, 117, 155, 144, 122][i], s)),
    ],
    1,
    6,
  );
  const [y2024, y2025] = rows;

  it('states the share and the change in percentage points, computed unrounded', () => {
    // 2025: mean 22.92 % → 23 %; 2024: mean 29.41 %; change −6.49 → 6 procentenheter lägre.
    expect(
      periodSentence({
        subject: 'Andelen sena utredningar',
        span: 'januari–juni',
        year: 2025,
        current: y2025,
        previous: y2024,
      }),
    ).toBe(
      'Andelen sena utredningar januari–juni 2025 var 23\u202f% (medelvärde av månadsandelarna), 6 procentenheter lägre än samma period 2024.',
    );
  });
  it('says "högre", singular "procentenhet", "oförändrat", and marks preliminary figures', () => {
    const base = { ...y2025, meanOfMonthlyShares: 0.2 };
    expect(
      periodSentence({
        subject: 'Andelen',
        span: 'maj',
        year: 2025,
        current: { ...base, meanOfMonthlyShares: 0.21 },
        previous: base,
      }),
    ).toBe(
      'Andelen maj 2025 var 21\u202f% (medelvärde av månadsandelarna), 1 procentenhet högre än samma period 2024.',
    );
    expect(
      periodSentence({
        subject: 'Andelen',
        span: 'maj',
        year: 2025,
        current: { ...base, meanOfMonthlyShares: 0.204 },
        previous: base,
      }),
    ).toBe('Andelen maj 2025 var 20\u202f% (medelvärde av månadsandelarna), oförändrat jämfört med samma period 2024.');
    expect(
      periodSentence({
        subject: 'Andelen',
        span: 'maj',
        year: 2025,
        current: { ...base, preliminary: true },
        previous: undefined,
      }),
    ).toBe(
      'Andelen maj 2025 var 20\u202f% (medelvärde av månadsandelarna); jämförelse med 2024 saknas. Siffran är preliminär.',
    );
  });
  it('states no change for a preliminary year, only the counts so far', () => {
    const current = { ...y2025, numerator: 12, denominator: 40, meanOfMonthlyShares: 0, preliminary: true };
    const text = periodSentence({ subject: 'Andelen', span: 'maj', year: 2025, current, previous: y2024 });
    expect(text).toBe(
      'Andelen maj 2025 var 0\u202f% (medelvärde av månadsandelarna), prel. (hittills 12 av 40); ingen förändring mot 2024 redovisas förrän alla ärenden är avslutade.',
    );
    expect(text).not.toMatch(/procentenhet|lägre|högre|oförändrat/);
  });
  it('states no change against a preliminary previous year', () => {
    const text = periodSentence({
      subject: 'Andelen',
      span: 'maj',
      year: 2025,
      current: y2025,
      previous: { ...y2024, preliminary: true },
    });
    expect(text).toBe(
      'Andelen maj 2025 var 23\u202f% (medelvärde av månadsandelarna); ingen förändring mot 2024 redovisas eftersom 2024 är prel.',
    );
  });
  it('says a share hidden in a published package (NaN) cannot be shown, and why – never "var dolt"', () => {
    const hidden = { ...y2025, meanOfMonthlyShares: NaN, numerator: NaN };
    const why = 'antal som döljs för att skydda få ärenden (färre än 5)';
    expect(periodSentence({ subject: 'Andelen', span: 'maj', year: 2025, current: hidden, previous: y2024 })).toBe(
      `Andelen maj 2025 kan inte visas: den bygger på ${why}.`,
    );
    expect(
      periodSentence({
        subject: 'Andelen',
        span: 'maj',
        year: 2025,
        current: y2025,
        previous: { ...y2024, meanOfMonthlyShares: NaN },
      }),
    ).toBe(
      `Andelen maj 2025 var 23\u202f% (medelvärde av månadsandelarna); ingen förändring redovisas: andelen 2024 bygger på ${why}.`,
    );
    // Preliminary, with a hidden count so far: the count reads as the tables do.
    expect(
      periodSentence({
        subject: 'Andelen',
        span: 'maj',
        year: 2025,
        current: { ...y2025, numerator: NaN, preliminary: true },
        previous: y2024,
      }),
    ).toContain('(hittills dolt av 3\u202f365)');
  });
});

describe('countSentence', () => {
  it('states the count and the difference in words', () => {
    expect(countSentence(['utredningar', 'inleddes'], 'januari–juni', 2025, 3365, 2941)).toBe(
      '3\u202f365 utredningar inleddes januari–juni 2025, 424 fler än samma period 2024.',
    );
    expect(countSentence(['beslut', 'fattades'], 'maj', 2025, 10, 12)).toBe(
      '10 beslut fattades maj 2025, 2 färre än samma period 2024.',
    );
    expect(countSentence(['beslut', 'fattades'], 'maj', 2025, 10, null)).toBe('10 beslut fattades maj 2025.');
  });
  it('says a count hidden in a published package (NaN) cannot be shown, never "dolt" or "färre än 5" as a number', () => {
    expect(countSentence(['beslut om insats', 'fattades'], 'maj', 2025, NaN, 12)).toBe(
      'Hur många beslut om insats som fattades maj 2025 kan inte visas: det bygger på antal som döljs för att skydda få ärenden (färre än 5).',
    );
    expect(countSentence(['beslut', 'fattades'], 'maj', 2025, 10, NaN)).toBe(
      '10 beslut fattades maj 2025; ingen jämförelse redovisas: antalet 2024 bygger på antal som döljs för att skydda få ärenden (färre än 5).',
    );
  });
});

describe('extremesSentence', () => {
  it('names the highest and lowest month', () => {
    expect(
      extremesSentence([
        { label: 'januari', share: 0.2015 },
        { label: 'april', share: 0.241 },
        { label: 'maj', share: null },
      ]),
    ).toBe('Högst var andelen i april (24\u202f%), lägst i januari (20\u202f%).');
    expect(extremesSentence([{ label: 'januari', share: 0.2 }])).toBeNull();
  });
  it('leaves out a month whose share is hidden in a published package (NaN)', () => {
    expect(
      extremesSentence([
        { label: 'januari', share: NaN },
        { label: 'februari', share: 0.2015 },
        { label: 'april', share: 0.241 },
      ]),
    ).toBe('Högst var andelen i april (24\u202f%), lägst i februari (20\u202f%).');
    expect(
      extremesSentence([
        { label: 'januari', share: 0.2 },
        { label: 'februari', share: NaN },
      ]),
    ).toBeNull();
  });
});
