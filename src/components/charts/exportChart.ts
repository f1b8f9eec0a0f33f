/**
 * Chart downloads: the drawn Recharts SVG with its title and legend composed into one standalone
 * SVG, or rasterised to PNG in the browser (no server, no network).
 */
import { maskPersonnummer } from '../../format/personnummer';
import { downloadBlob } from '../ui/download';

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn striped (preliminary), as in the chart. */
  striped?: boolean;
  /** Line dash of a line series. */
  dash?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/** Text written into the file: personnummer masked (a title or legend may quote a typed unit name), XML escaped. */
const escapeXml = (text: string) =>
  maskPersonnummer(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

/** A standalone SVG document of the chart inside `figure`, with title on top and legend below. */
export function chartSvg(
  figure: HTMLElement,
  title: string,
  legend: readonly LegendItem[],
): { svg: string; width: number; height: number } {
  const chart = figure.querySelector('svg.recharts-surface');
  if (!chart) throw new Error('Diagrammet är inte ritat ännu.');
  const width = Math.round(chart.getBoundingClientRect().width) || Number(chart.getAttribute('width')) || 800;
  const chartHeight = Math.round(chart.getBoundingClientRect().height) || Number(chart.getAttribute('height')) || 300;
  const titleHeight = 32;
  const perRow = Math.max(1, Math.floor(width / 260));
  const legendHeight = Math.ceil(legend.length / perRow) * 22 + 12;
  const height = titleHeight + chartHeight + legendHeight;
  const inner = new XMLSerializer().serializeToString(chart);
  const items = legend
    .map((item, i) => {
      const x = 8 + (i % perRow) * 260;
      const y = titleHeight + chartHeight + 8 + Math.floor(i / perRow) * 22;
      const swatch =
        item.dash !== undefined
          ? `<line x1="${x}" y1="${y + 7}" x2="${x + 22}" y2="${y + 7}" stroke="${item.color}" stroke-width="3" stroke-dasharray="${item.dash}"/>`
          : `<rect x="${x}" y="${y}" width="14" height="14" fill="${item.striped ? 'url(#export-stripes)' : item.color}" stroke="${item.color}"/>`;
      return `${swatch}<text x="${x + 28}" y="${y + 12}" font-size="13" fill="#1f2328">${escapeXml(item.label)}</text>`;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<defs><pattern id="export-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#1d4e89"/></pattern></defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="8" y="22" font-size="15" font-weight="700" fill="#1f2328">${escapeXml(title)}</text>` +
    `<g transform="translate(0 ${titleHeight})">${inner}</g>${items}</svg>`;
  return { svg, width, height };
}

export function downloadChartSvg(
  figure: HTMLElement,
  title: string,
  legend: readonly LegendItem[],
  fileName: string,
): void {
  const { svg } = chartSvg(figure, title, legend);
  downloadBlob(`${fileName}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
}

/** Rasterises the composed SVG at twice the screen size. */
export async function downloadChartPng(
  figure: HTMLElement,
  title: string,
  legend: readonly LegendItem[],
  fileName: string,
): Promise<void> {
  const { svg, width, height } = chartSvg(figure, title, legend);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('Diagrammet kunde inte göras om till PNG.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Webbläsaren kan inte rita PNG.');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('Diagrammet kunde inte göras om till PNG.');
    downloadBlob(`${fileName}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
