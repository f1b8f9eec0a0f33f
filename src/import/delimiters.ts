/** A CSV's delimiter and its header's width, read from the header line by counting delimiters outside quotes. */

const DELIMITERS = [';', '\t', ','] as const;

/** Each delimiter's count outside quotes in `text` from `from`, up to the first line break outside quotes. */
function delimiterCounts(text: string, from = 0): number[] {
  const counts = DELIMITERS.map(() => 0);
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else {
      const d = DELIMITERS.indexOf(char as (typeof DELIMITERS)[number]);
      if (d >= 0) counts[d]++;
    }
  }
  return counts;
}

/** Picks the delimiter that splits the header line into the most fields (quotes respected; `;` on a tie). */
export function detectDelimiter(headerLine: string): string {
  const counts = delimiterCounts(headerLine);
  return DELIMITERS[counts.indexOf(Math.max(...counts))];
}

/**
 * Columns of the header line — the first non-empty line after an optional `sep=` line — counted
 * without parsing the file: one more than the most frequent delimiter outside quotes.
 * @example headerColumnCount('sep=;\r\n\r\na;b;"c;d"\n1;2;3\n') // 3
 */
export function headerColumnCount(text: string): number {
  const start = /^\uFEFF?(?:"?sep=.+"?(?:\r\n|\r|\n))?(?:[ \t]*(?:\r\n|\r|\n))*/i.exec(text)?.[0].length ?? 0;
  return 1 + Math.max(...delimiterCounts(text, start));
}
