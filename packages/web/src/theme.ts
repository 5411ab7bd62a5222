import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep teal: calm, legible, and not the default blue of every other tool. */
const weft: MantineColorsTuple = [
  '#e9f6f8',
  '#d6e9ee',
  '#a9d2dc',
  '#79bac9',
  '#52a6b9',
  '#3a99af',
  '#2b92aa',
  '#1c7f95',
  '#0e7185',
  '#1f5f74',
];

export const theme = createTheme({
  primaryColor: 'weft',
  primaryShade: 8,
  colors: { weft },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
});
