import type { FramingCount, LexiconCategory } from '../shared/framing';
import { useTranslator } from './use-translator';

/** One text in the chart: a source or the page being read. */
export interface ChartSeries {
  id: string;
  label: string;
  counts: readonly FramingCount[];
  words: number;
  /** The page: drawn as a dark diamond over the sources' dots. */
  isPage?: boolean;
}

/** Colours for sources (Okabe–Ito: tell apart with the common colour-vision deficiencies). */
export const SOURCE_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00'];

const ROW = 22;
const LABEL_W = 170;
const PLOT_W = 190;
const TOP = 8;
const AXIS = 30;

const rate = (s: ChartSeries, category: string) => {
  const count = s.counts.find((c) => c.category === category)?.count ?? 0;
  return s.words > 0 ? (count * 1000) / s.words : 0;
};
/** Category labels short enough for the chart's margin: the lexicon's own `short`, else the label shortened. */
const shortLabel = (c: LexiconCategory) =>
  c.short ??
  c.label
    .replace(/^Words for (?:the )?(\w)/, (_, ch: string) => ch.toUpperCase())
    .replace(/^Quotations from /, 'Quotes from ');

/**
 * The framing categories per text as a dot plot: one row per category, each source a coloured
 * dot at its rate per 1,000 words, the page a diamond. Every mark has a title with its figure.
 */
export function FramingChart({ categories, series, title }: { categories: readonly LexiconCategory[]; series: readonly ChartSeries[]; title: string }) {
  const max = Math.max(1, ...categories.flatMap((c) => series.map((s) => rate(s, c.id))));
  const x = (r: number) => LABEL_W + (r / max) * PLOT_W;
  const height = TOP + categories.length * ROW + AXIS;
  const width = LABEL_W + PLOT_W + 12;
  const sources = series.filter((s) => !s.isPage);
  const t = useTranslator();
  const fmt = (r: number) => t.number(r, { minimumFractionDigits: r >= 10 ? 0 : 1, maximumFractionDigits: r >= 10 ? 0 : 1 });
  return (
    <figure class="framing-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="framing-chart-title" width="100%">
        <title id="framing-chart-title">{title}</title>
        {categories.map((c, row) => {
          const y = TOP + row * ROW + ROW / 2;
          return (
            <g key={c.id} data-category={c.id}>
              <text x={LABEL_W - 6} y={y + 4} text-anchor="end" class="chart-label">
                {shortLabel(c)}
              </text>
              <line x1={LABEL_W} x2={LABEL_W + PLOT_W} y1={y} y2={y} class="chart-grid" />
              {series.map((s) => {
                const r = rate(s, c.id);
                const figure = t('chartFigure', s.label, fmt(r), 1000, s.counts.find((k) => k.category === c.id)?.count ?? 0, s.words);
                return s.isPage ? (
                  <path key={s.id} d={`M ${x(r)} ${y - 6} l 6 6 l -6 6 l -6 -6 z`} class="chart-page" data-series={s.id}>
                    <title>{figure}</title>
                  </path>
                ) : (
                  <circle key={s.id} cx={x(r)} cy={y} r={4.5} fill={SOURCE_COLORS[sources.indexOf(s) % SOURCE_COLORS.length]} fill-opacity={0.85} data-series={s.id}>
                    <title>{figure}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
        <g class="chart-axis">
          {[0, max / 2, max].map((t) => (
            <text key={t} x={x(t)} y={TOP + categories.length * ROW + 12} text-anchor="middle">
              {fmt(t)}
            </text>
          ))}
          <text x={LABEL_W + PLOT_W / 2} y={TOP + categories.length * ROW + 26} text-anchor="middle">
            {t('chartAxis', 1000)}
          </text>
        </g>
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {series.map((s) => (
            <li key={s.id}>
              {s.isPage ? <span class="key page" aria-hidden="true">◆</span> : <span class="key" style={{ background: SOURCE_COLORS[sources.indexOf(s) % SOURCE_COLORS.length] }} aria-hidden="true" />} {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
