import type { AttributeView } from '@weft/protocol';

/** How a stored value reads in the sheet: booleans as Yes/No, everything else as stored. */
export function displayValue(attribute: Pick<AttributeView, 'valueType'>, value: string | undefined): string {
  if (value === undefined) return '';
  if (attribute.valueType === 'boolean') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : value;
  return value;
}

export const TYPE_LABELS: Record<AttributeView['valueType'], string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes/no',
  choice: 'Choice',
};

export const TYPE_HINTS: Record<AttributeView['valueType'], string> = {
  text: 'Any text',
  number: 'A number, e.g. 42 or 3.5',
  date: 'A date, YYYY-MM-DD',
  boolean: 'Yes or no',
  choice: 'One of the options',
};
