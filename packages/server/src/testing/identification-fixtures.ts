/**
 * Small RIS exports for identification tests, written for these tests. The Medline file and the
 * Embase file share one article (same DOI in another form: a certain duplicate) and one title
 * published in two different years (a possible duplicate, for a person to decide).
 */
export const MEDLINE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial
AU  - Smith, John
AU  - Jones, Mary
PY  - 2019
T2  - Stroke
VL  - 50
IS  - 4
SP  - 1001
EP  - 1010
DO  - 10.1161/STROKEAHA.119.000001
ER  - 

TY  - JOUR
TI  - Physical activity and depression among adolescents in rural settings
AU  - Garcia, Ana
AU  - Lee, Kim
PY  - 2020
T2  - Journal of Adolescent Health
VL  - 66
SP  - 200
EP  - 210
ER  - 

TY  - JOUR
TI  - Nurse-led clinics for heart failure: a cost analysis
AU  - Brown, Peter
PY  - 2018
T2  - BMJ Open
VL  - 8
SP  - e012345
ER  - 
`;

export const EMBASE_RIS = `TY  - JOUR
TI  - Effects of aspirin on stroke recurrence in older adults: a randomised trial.
AU  - Smith, J.
AU  - Jones, M.
PY  - 2019
T2  - Stroke
VL  - 50
IS  - 4
SP  - 1001
EP  - 10
DO  - https://doi.org/10.1161/strokeaha.119.000001
ER  - 

TY  - JOUR
TI  - Physical activity and depression among adolescents in rural settings
AU  - Garcia, Ana
AU  - Lee, Kim
PY  - 2021
T2  - Journal of Adolescent Health
ER  - 
`;

/** A later update of the search: the 2021 article again (another version of the possible pair). */
export const UPDATE_RIS = `TY  - JOUR
TI  - Physical activity and depression among adolescents in rural settings
AU  - Garcia, Ana
AU  - Lee, Kim
PY  - 2021
T2  - Journal of Adolescent Health
VL  - 67
ER  - 
`;

/** Not RIS at all, though named so. */
export const BROKEN_RIS =
  'TY  - JOUR\nTI  - A fine first record\nER  - \n\nthis line is not a tag\nTY  - JOUR\nER  - \n';
