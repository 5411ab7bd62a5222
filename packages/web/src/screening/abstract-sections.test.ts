import { describe, expect, it } from 'vitest';
import { abstractSections } from './abstract-sections';

describe('abstractSections', () => {
  it('splits a structured abstract at its upper-case headings', () => {
    expect(
      abstractSections(
        'BACKGROUND: Depression is common. METHODS: We randomised 78 homes. RESULTS: No difference.',
      ),
    ).toEqual([
      { heading: 'BACKGROUND', text: 'Depression is common.' },
      { heading: 'METHODS', text: 'We randomised 78 homes.' },
      { heading: 'RESULTS', text: 'No difference.' },
    ]);
  });

  it('splits at title-case and multi-word headings', () => {
    expect(
      abstractSections(
        'Objective: To test it. Design, Setting: skipped. Main Outcome Measures: PHQ-9. Results and Conclusions: Better.',
      ),
    ).toEqual([
      { heading: 'Objective', text: 'To test it. Design, Setting: skipped.' },
      { heading: 'Main Outcome Measures', text: 'PHQ-9.' },
      { heading: 'Results and Conclusions', text: 'Better.' },
    ]);
  });

  it('keeps text before the first heading', () => {
    expect(abstractSections('Abstract text first. Aims: one. Methods: two.')).toEqual([
      { heading: null, text: 'Abstract text first.' },
      { heading: 'Aims', text: 'one.' },
      { heading: 'Methods', text: 'two.' },
    ]);
  });

  it('leaves an unstructured abstract (or a single colon phrase) whole', () => {
    expect(abstractSections('Aged rats ran on treadmills. Note: BDNF rose.')).toEqual([
      { heading: null, text: 'Aged rats ran on treadmills. Note: BDNF rose.' },
    ]);
    expect(abstractSections('Ratio 1:2 and time 10:30 in the trial.')).toHaveLength(1);
    expect(abstractSections('   ')).toEqual([]);
  });
});
