// The charts' colours in one place (ECharts options take no CSS variables): the values of
// styles/tokens.css where a token exists, and the few chart-only shades beside them.
export const CHART = {
  bg: '#0a0e13', // --bg
  surface: '#10151c', // --surface
  surface2: '#151c25', // --surface-2: tooltip of the odds and matrix charts
  surface3: '#1b2430', // --surface-3: split lines of the odds charts
  borderStrong: '#2e3a49', // --border-strong
  text: '#d5dde6', // --text
  textStrong: '#f1f5f9', // --text-strong
  muted: '#8c9db0', // --muted: axis names and labels
  faint: '#5d6d80', // --faint
  label: '#c3cdd8', // legends and category labels
  tick: '#6b7c8f', // value-axis ticks
  grid: '#1d2530', // split lines of the analysis charts
  axis: '#2b3644', // axis lines of the analysis charts
  tooltip: '#1a222d', // tooltip of the analysis charts
  accent: '#3ea6ff', // --accent
  good: '#2fbf71', // --active
  bad: '#ef5b5b', // --empty
  warn: '#f0b429', // --under-used
  violet: '#b48cff', // --cache
  accentFill: 'rgba(62,166,255,0.15)', // a zoom window
  accentArea: 'rgba(62,166,255,0.1)', // the zoom's data shadow
  badSpan: 'rgba(239, 91, 91, 0.08)', // the span a trap held
} as const;

/** One line per book (odds moves, trap evidence): the first ten are the trap chart's. */
export const SERIES_PALETTE = [
  CHART.accent,
  CHART.warn,
  CHART.violet,
  CHART.good,
  CHART.bad,
  '#5ad8e6',
  '#ff9f5a',
  '#e86fb3',
  '#9bd35a',
  '#c9d1d9',
  '#7f8cff',
  '#ffd166',
] as const;

/** Categories of the Historique's learning charts. */
export const CATEGORY_PALETTE = [
  CHART.accent,
  CHART.good,
  CHART.warn,
  CHART.bad,
  CHART.violet,
  '#67e8f9',
  '#f472b6',
  '#a3e635',
  '#fb923c',
  '#94a3b8',
] as const;

/** The score matrix's heat scale, cold to hot. */
export const HEAT_SCALE = [CHART.surface, '#12385c', '#1e6fd9', CHART.accent, CHART.warn] as const;
