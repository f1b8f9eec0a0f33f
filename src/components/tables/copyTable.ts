/**
 * Copies a table so that it pastes as a table into Word or Excel: HTML with plain borders, plus
 * tab-separated text for programs that take only text. Every cell goes through the same
 * `safeCellText` as the CSV files: personnummer masked, no cell that Excel would run as a formula.
 */
import { safeCellText } from '../../format/csv';
import { maskPersonnummer } from '../../format/personnummer';

const shownText = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Tab-separated text of table rows, each cell made safe.
 * @example clipboardText([['enhet', 'antal'], ['=1+1', '-4']]) // "enhet\tantal\n'=1+1\t-4"
 */
export function clipboardText(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(safeCellText).join('\t')).join('\n');
}

/** The HTML and the text of a table for the clipboard, every cell and attribute made safe. */
export function tableForClipboard(table: HTMLTableElement): { html: string; text: string } {
  const clone = table.cloneNode(true) as HTMLTableElement;
  clone.querySelectorAll('[aria-hidden="true"], .visually-hidden').forEach((e) => e.remove());
  clone.querySelectorAll('button').forEach((b) => b.replaceWith(document.createTextNode(b.textContent?.trim() ?? '')));
  // Titles and labels travel with the HTML too.
  for (const element of [clone, ...clone.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) element.setAttribute(name, maskPersonnummer(value));
  }
  clone.querySelectorAll('caption, th, td').forEach((cell) => {
    const text = shownText(cell);
    const safe = safeCellText(text);
    if (safe !== text) cell.textContent = safe;
    if (cell.tagName === 'CAPTION') return;
    (cell as HTMLElement).removeAttribute('class');
    (cell as HTMLElement).setAttribute('style', 'border:1px solid #999;padding:2px 6px');
  });
  clone.removeAttribute('data-testid');
  clone.setAttribute('style', 'border-collapse:collapse');
  const text = clipboardText([...clone.rows].map((row) => [...row.cells].map(shownText)));
  return { html: `<meta charset="utf-8">${clone.outerHTML}`, text };
}

export async function copyTable(table: HTMLTableElement): Promise<void> {
  const { html, text } = tableForClipboard(table);
  if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  // Older browsers: select a rendered copy and use the copy command.
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.style.position = 'fixed';
  holder.style.left = '-9999px';
  holder.innerHTML = html;
  document.body.append(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const ok = document.execCommand('copy');
  selection?.removeAllRanges();
  holder.remove();
  if (!ok) throw new Error('Webbläsaren tillät inte kopiering.');
}
