/**
 * Copies a table so that it pastes as a table into Word or Excel: HTML with plain borders, plus
 * tab-separated text for programs that take only text.
 */
export function tableForClipboard(table: HTMLTableElement): { html: string; text: string } {
  const clone = table.cloneNode(true) as HTMLTableElement;
  clone.querySelectorAll('[aria-hidden="true"], .visually-hidden').forEach((e) => e.remove());
  clone.querySelectorAll('button').forEach((b) => b.replaceWith(document.createTextNode(b.textContent?.trim() ?? '')));
  clone.querySelectorAll('th, td').forEach((cell) => {
    (cell as HTMLElement).removeAttribute('class');
    (cell as HTMLElement).setAttribute('style', 'border:1px solid #999;padding:2px 6px');
  });
  clone.removeAttribute('data-testid');
  clone.setAttribute('style', 'border-collapse:collapse');
  const text = [...clone.rows]
    .map((row) => [...row.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join('\t'))
    .join('\n');
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
