import { describe, expect, it } from 'vitest';
import { choiceOptionsProblem, compareAttributeValues, parseAttributeValue } from './attribute-value.js';
import { classificationNameProblem, normaliseClassificationName } from './classification.js';

const attr = (valueType: 'text' | 'number' | 'date' | 'boolean' | 'choice', options: string[] = []) => ({
  name: 'Age',
  valueType,
  options,
});

describe('parseAttributeValue', () => {
  it('reads an empty cell or null as clearing the value, whatever the type', () => {
    for (const type of ['text', 'number', 'date', 'boolean', 'choice'] as const) {
      expect(parseAttributeValue(attr(type), '  ')).toEqual({ ok: true, value: null });
      expect(parseAttributeValue(attr(type), null)).toEqual({ ok: true, value: null });
    }
  });

  it('keeps text trimmed', () => {
    expect(parseAttributeValue(attr('text'), '  Leeds ')).toEqual({ ok: true, value: 'Leeds' });
  });

  it('reads numbers to canonical text and refuses decimal commas and words with a hint', () => {
    expect(parseAttributeValue(attr('number'), '42')).toEqual({ ok: true, value: '42' });
    expect(parseAttributeValue(attr('number'), '3.50')).toEqual({ ok: true, value: '3.5' });
    expect(parseAttributeValue(attr('number'), '-1e3')).toEqual({ ok: true, value: '-1000' });
    expect(parseAttributeValue(attr('number'), 7)).toEqual({ ok: true, value: '7' });
    expect(parseAttributeValue(attr('number'), '3,5')).toEqual({
      ok: false,
      message: '“3,5” is not a valid Age: write decimals with a point, e.g. 3.5',
    });
    expect(parseAttributeValue(attr('number'), 'forty')).toEqual({
      ok: false,
      message: '“forty” is not a valid Age: expected a number, e.g. 42 or 3.5',
    });
  });

  it('reads ISO dates and refuses other layouts and days that do not exist', () => {
    expect(parseAttributeValue(attr('date'), '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    const notLeap = parseAttributeValue(attr('date'), '2023-02-29');
    expect(notLeap).toEqual({ ok: false, message: '“2023-02-29” is not a valid Age: no such day' });
    const layout = parseAttributeValue(attr('date'), '14/03/2021');
    expect(layout.ok).toBe(false);
    if (!layout.ok) expect(layout.message).toContain('YYYY-MM-DD');
  });

  it('reads yes/no words as booleans', () => {
    expect(parseAttributeValue(attr('boolean'), 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(parseAttributeValue(attr('boolean'), 'false')).toEqual({ ok: true, value: 'false' });
    expect(parseAttributeValue(attr('boolean'), true)).toEqual({ ok: true, value: 'true' });
    expect(parseAttributeValue(attr('boolean'), 'maybe').ok).toBe(false);
  });

  it('accepts a choice option in any case, stored as the option is written, and lists the options when wrong', () => {
    const sex = attr('choice', ['Female', 'Male', 'Other']);
    expect(parseAttributeValue(sex, 'female')).toEqual({ ok: true, value: 'Female' });
    expect(parseAttributeValue(sex, 'F')).toEqual({
      ok: false,
      message: '“F” is not a valid Age: expected one of “Female”, “Male”, “Other”',
    });
  });
});

describe('choice options and classification names', () => {
  it('refuses empty and repeated options', () => {
    expect(choiceOptionsProblem(['a', 'b'])).toBeUndefined();
    expect(choiceOptionsProblem(['a', ' '])).toBe('A choice option cannot be empty.');
    expect(choiceOptionsProblem(['Urban', 'urban'])).toBe('The option “urban” is listed twice.');
  });

  it('normalises classification names and refuses empty ones', () => {
    expect(normaliseClassificationName(' Focus Group ')).toBe('focus-group');
    expect(classificationNameProblem('--')).toBe('A classification needs a name made of letters or digits.');
    expect(classificationNameProblem('School')).toBeUndefined();
  });

  it('sorts numbers numerically and empty values last', () => {
    const values = ['10', null, '9', '100'];
    expect([...values].sort((a, b) => compareAttributeValues('number', a, b))).toEqual([
      '9',
      '10',
      '100',
      null,
    ]);
  });
});
