import { colorSchemeDark, themeQuartz } from 'ag-grid-community';

/** ag-grid's Theming API with the desk's palette (keep in step with styles/tokens.css). */
export const gridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  backgroundColor: '#10151c',
  foregroundColor: '#d5dde6',
  chromeBackgroundColor: '#151c25',
  headerTextColor: '#8c9db0',
  headerFontWeight: 600,
  headerFontSize: 11,
  accentColor: '#3ea6ff',
  borderColor: '#222b37',
  oddRowBackgroundColor: '#121821',
  selectedRowBackgroundColor: 'rgba(62, 166, 255, 0.14)',
  fontFamily: 'inherit',
  fontSize: 12,
  dataFontSize: 12,
  rowHeight: 26,
  headerHeight: 30,
  spacing: 5,
  cellHorizontalPadding: 8,
  wrapperBorderRadius: 4,
  browserColorScheme: 'dark',
});
