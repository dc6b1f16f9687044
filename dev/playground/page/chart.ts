/** A line chart of a tab's embedded chart (e.g. finance's spend-versus-revenue dashboard), drawn as SVG. */
import type { ChartView } from '../protocol';
import { el, svg } from './dom';

const WIDTH = 560;
const HEIGHT = 210;
const PAD = { left: 52, right: 44, top: 10, bottom: 24 };
const COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1'];
const TICKS = 4;

export function renderChart(chart: ChartView): HTMLElement {
  const card = el('figure', 'chart');
  card.append(el('h3', '', chart.title || `${chart.type.toLowerCase()} chart`));
  const plot = svg('svg', { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img' });
  plot.setAttribute('aria-label', chart.title);
  const left = chart.series.filter((s) => !s.rightAxis);
  const right = chart.series.filter((s) => s.rightAxis);
  const leftScale = scale(left);
  const rightScale = scale(right);
  const n = chart.labels.length;
  const x = (i: number): number => PAD.left + (n <= 1 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (n - 1));
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  for (let t = 0; t <= TICKS; t++) {
    const y = PAD.top + innerHeight - (t * innerHeight) / TICKS;
    plot.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, stroke: '#eee' }));
    const leftLabel = svg('text', { x: PAD.left - 6, y: y + 3, 'text-anchor': 'end' });
    leftLabel.textContent = compact(leftScale.min + (t * (leftScale.max - leftScale.min)) / TICKS);
    plot.append(leftLabel);
    if (right.length) {
      const rightLabel = svg('text', { x: WIDTH - PAD.right + 6, y: y + 3 });
      rightLabel.textContent = compact(rightScale.min + (t * (rightScale.max - rightScale.min)) / TICKS);
      plot.append(rightLabel);
    }
  }
  for (const i of n > 2 ? [0, Math.floor((n - 1) / 2), n - 1] : [...Array(n).keys()]) {
    const label = svg('text', { x: x(i), y: HEIGHT - 6, 'text-anchor': 'middle' });
    label.textContent = chart.labels[i];
    plot.append(label);
  }
  const legend = el('figcaption', 'legend');
  chart.series.forEach((series, s) => {
    const { min, max } = series.rightAxis ? rightScale : leftScale;
    const y = (v: number): number => PAD.top + innerHeight - ((v - min) / (max - min || 1)) * innerHeight;
    let d = '';
    series.points.forEach((v, i) => {
      if (v === null) return;
      d += `${d === '' || series.points[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    const color = COLORS[s % COLORS.length];
    plot.append(svg('path', { d, fill: 'none', stroke: color, 'stroke-width': 2 }));
    const key = el('span', '', `${series.name}${series.rightAxis ? ' (right axis)' : ''}`);
    key.style.setProperty('--swatch', color);
    legend.append(key);
  });
  card.append(plot, legend);
  return card;
}

function scale(series: ChartView['series']): { min: number; max: number } {
  const values = series.flatMap((s) => s.points.filter((v): v is number => v !== null));
  if (values.length === 0) return { min: 0, max: 1 };
  return { min: Math.min(0, ...values), max: Math.max(...values) || 1 };
}

function compact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
