import { describe, expect, it } from 'vitest';
import { compactText, normalizeText, stripHtml, stripLatex } from './normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['case', 'Stroke REHABILITATION', 'stroke rehabilitation'],
    [
      'diacritics',
      'Über die Müller-Lyer Täuschung à São Paulo',
      'uber die muller lyer tauschung a sao paulo',
    ],
    ['ligatures and special letters', 'Æther, Łódź, Straße, Ørsted', 'aether lodz strasse orsted'],
    ['punctuation', 'Stroke: a (randomised) trial -- results!', 'stroke a randomised trial results'],
    ['apostrophes join', "Crohn's disease vs Crohns disease", 'crohns disease vs crohns disease'],
    ['ampersand', 'Diabetes & Metabolism', 'diabetes and metabolism'],
    [
      'HTML tags and entities',
      'Effect of <i>TNF</i>&#x2010;&alpha; &amp; IL-6',
      'effect of tnf alpha and il 6',
    ],
    [
      'LaTeX accents and commands',
      'Effects of {\\"o}strogen in \\textit{vivo} \\& $\\alpha$',
      'effects of ostrogen in vivo and alpha',
    ],
    [
      'named entities for accented letters and typographic punctuation',
      'R&eacute;sultats chez l&rsquo;enfant &ndash; &Ouml;sterreich &AElig;',
      'resultats chez lenfant osterreich ae',
    ],
    ['Greek letters spelled out', 'TNF-α and β-blockers', 'tnf alpha and beta blockers'],
    ['empty', undefined, ''],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('compacts away spaces so hyphenation and spacing differences agree', () => {
    expect(compactText('Post-stroke depression')).toBe(compactText('Poststroke depression'));
  });

  it('strips tags but keeps their text', () => {
    expect(stripHtml('<sup>1</sup>H-NMR')).toBe('1H-NMR');
  });

  it('reduces LaTeX accents to the base letter', () => {
    expect(stripLatex("Garc{\\'i}a")).toBe('Garcia');
  });
});
