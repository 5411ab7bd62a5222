import { describe, expect, it } from 'vitest';
import { formatClassificationCsv, readClassificationCsv } from './classification-csv.js';

describe('classification sheet CSV', () => {
  it('reads case names, descriptions and attribute cells with their lines', () => {
    const sheet = readClassificationCsv(
      'Participant,Age,Description,Role\r\nAna,34,"Parent, volunteer",Chair\r\n"Ben\nJones",,,\r\n',
      'people.csv',
    );
    expect(sheet.attributes).toEqual(['Age', 'Role']);
    expect(sheet.rows).toEqual([
      { line: 2, name: 'Ana', description: 'Parent, volunteer', cells: { Age: '34', Role: 'Chair' } },
      { line: 3, name: 'Ben\nJones', description: '', cells: { Age: '', Role: '' } },
    ]);
  });

  it('reads semicolon-separated sheets as Excel writes them in decimal-comma locales', () => {
    const sheet = readClassificationCsv('Site;Beds\nLeeds;12\n', 'sites.csv');
    expect(sheet.rows[0]).toMatchObject({ name: 'Leeds', description: undefined, cells: { Beds: '12' } });
  });

  it('names the file and line of a row without a case name, a repeated case or a repeated column', () => {
    expect(() => readClassificationCsv('Case,Age\nAna,3\n,4\n', 'p.csv')).toThrow(
      'p.csv, line 3: column “Case”: every row needs a case name',
    );
    expect(() => readClassificationCsv('Case,Age\nAna,3\nana,4\n', 'p.csv')).toThrow(
      'p.csv, line 3: column “Case”: the case “ana” is also on line 2',
    );
    expect(() => readClassificationCsv('Case,Age,age\nAna,3,4\n', 'p.csv')).toThrow(
      'p.csv, line 1: the column “age” appears twice',
    );
    expect(() => readClassificationCsv('', 'p.csv')).toThrow('p.csv: the file is empty');
  });

  it('reads back what it writes', () => {
    const rows = [
      { name: 'Ana', description: 'Chair, parent', cells: { Age: '34', Joined: '2021-03-14' } },
      { name: 'Ben', description: '', cells: { Age: '', Joined: '2020-01-02' } },
    ];
    const text = formatClassificationCsv('Participant', ['Age', 'Joined'], rows);
    expect(text.split('\r\n')[0]).toBe('Participant,Description,Age,Joined');
    const back = readClassificationCsv(text, 'back.csv');
    expect(back.attributes).toEqual(['Age', 'Joined']);
    expect(back.rows.map(({ name, description, cells }) => ({ name, description, cells }))).toEqual(rows);
  });
});
