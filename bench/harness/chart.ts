/**
 * The build figures of one bench run as an SVG chart: wall time against the
 * number of articles, one line per tool. Written next to the JSON report;
 * docs/performance.md shows a copy.
 */
import type { BuildComparison } from './builds.ts';

interface Series {
  label: string;
  colour: string;
  dash: string;
  points: [n: number, ms: number][];
}

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { left: 56, right: 170, top: 20, bottom: 44 };

/**
 * @example
 * buildChart(report.builds) // => '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function buildChart(builds: readonly BuildComparison[]): string {
  const sorted = [...builds].sort((a, b) => a.n - b.n);
  const series: Series[] = [
    { label: 'Broadsheet (with search)', colour: '#b3261e', dash: '', points: sorted.map((b): [number, number] => [b.n, b.broadsheet.medianMs]) },
    { label: 'Broadsheet --no-search', colour: '#b3261e', dash: '6 4', points: sorted.map((b): [number, number] => [b.n, b.withoutSearch.medianMs]) },
    { label: 'Hugo + Pagefind CLI', colour: '#1d4ed8', dash: '', points: sorted.flatMap((b): [number, number][] => ('medianMs' in b.peer ? [[b.n, b.peer.medianMs]] : [])) },
    { label: 'bare Eleventy (floor)', colour: '#4b5563', dash: '2 3', points: sorted.map((b): [number, number] => [b.n, b.floor.medianMs]) },
  ].filter((s) => s.points.length > 0);
  const ns = sorted.map((b) => b.n);
  const maxMs = Math.max(1, ...series.flatMap((s) => s.points.map(([, ms]) => ms)));
  const top = niceCeiling(maxMs / 1000);
  const [minN, maxN] = [Math.min(...ns), Math.max(...ns)];
  // A log scale when the sizes span more than a factor of ten.
  const logScale = maxN / Math.max(1, minN) > 10;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (n: number) => {
    if (minN === maxN) return PAD.left + plotW / 2;
    const t = logScale ? (Math.log(n) - Math.log(minN)) / (Math.log(maxN) - Math.log(minN)) : (n - minN) / (maxN - minN);
    return PAD.left + t * plotW;
  };
  const y = (seconds: number) => PAD.top + plotH - (seconds / top) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="title">`);
  parts.push(`<title id="title">Cold build wall time against articles</title>`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  for (let i = 0; i <= 4; i++) {
    const seconds = (top * i) / 4;
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${fmt(y(seconds))}" y2="${fmt(y(seconds))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${fmt(y(seconds) + 4)}" text-anchor="end">${fmt(seconds)} s</text>`);
  }
  for (const n of ns) parts.push(`<text x="${fmt(x(n))}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${n.toLocaleString('en-US')}</text>`);
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">articles${logScale ? ' (log scale)' : ''}</text>`);
  series.forEach((s, i) => {
    const points = s.points.map(([n, ms]) => `${fmt(x(n))},${fmt(y(ms / 1000))}`).join(' ');
    parts.push(`<polyline data-series="${escapeXml(s.label)}" points="${points}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [n, ms] of s.points) parts.push(`<circle cx="${fmt(x(n))}" cy="${fmt(y(ms / 1000))}" r="3" fill="${s.colour}"/>`);
    const ly = PAD.top + 14 + i * 20;
    parts.push(`<line x1="${WIDTH - PAD.right + 12}" x2="${WIDTH - PAD.right + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${WIDTH - PAD.right + 42}" y="${ly}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= value) ?? 10 * power;
}

const fmt = (value: number) => String(Math.round(value * 10) / 10);

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
