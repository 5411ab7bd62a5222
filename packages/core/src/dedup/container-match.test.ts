import { describe, expect, it } from 'vitest';
import { containerForms, containersMatch } from './container-match.js';

const match = (a: string, b: string) => containersMatch(containerForms(a), containerForms(b));

describe('containersMatch', () => {
  it.each([
    ['Nat Rev Nephrol', 'Nature Reviews Nephrology'],
    ['J. Neurol. Neurosurg. Psychiatry', 'Journal of Neurology, Neurosurgery, and Psychiatry'],
    ['Diabetes & metabolism', 'Diabetes and Metabolism'],
    ['Stroke', 'Stroke; a journal of cerebral circulation'],
    ['JAMA', 'Journal of the American Medical Association'],
    ['Arch Phys Med Rehabil', 'Archives of Physical Medicine & Rehabilitation'],
    ['Chinese journal of lung cancer', 'Zhongguo fei ai za zhi = Chinese journal of lung cancer'],
    [
      'Journal of Thrombosis and Haemostasis',
      'Journal of Thrombosis and Haemostasis.Conference: 22nd Congress of the ISTH Boston, MA United States.',
    ],
    ["Annales d'Urologie", 'Ann Urol'],
    ['Revue de l Infirmiere', "Revue de l'infirmière"],
  ])('%s ≈ %s', (a, b) => {
    expect(match(a, b)).toBe(true);
  });

  it.each([
    ['Brain', 'Brain Research'],
    ['Stroke', 'Stroke Research and Treatment'],
    ['Journal of Neurology', 'Journal of Neurosurgery'],
  ])('%s ≠ %s', (a, b) => {
    expect(match(a, b)).toBe(false);
  });
});
