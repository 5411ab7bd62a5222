import { expect as baseExpect, request as playwrightRequest, test } from '@playwright/test';
import { makeTestPdf } from '../packages/server/src/testing/test-pdf';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory.
const PORT = 4349;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = 'Integrated care for frail older people: full texts';

test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 20_000 });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 900 }, actionTimeout: 15_000 });

// Written for this test: three records that pass title/abstract; the PDFs below are their full texts.
const HOSPITAL = 'Hospital at home for frail older adults: a randomised controlled trial';
const CASE_MANAGEMENT = 'Case management by community nurses for older people with multimorbidity';
const PHARMACIST = 'Pharmacist-led medication review in general practice for people over 75';
const RIS = `TY  - JOUR
TI  - ${HOSPITAL}
AU  - Moreau, Claire
PY  - 2022
T2  - Age and Ageing
DO  - 10.1093/ageing/afac101
AB  - Frail older adults with acute illness were randomised to hospital at home or admission.
ER  - 

TY  - JOUR
TI  - ${CASE_MANAGEMENT}
AU  - Adeyemi, Tunde
PY  - 2021
T2  - BMC Geriatrics
AB  - A cluster trial of nurse case management across 24 practices.
ER  - 

TY  - JOUR
TI  - ${PHARMACIST}
AU  - Lindqvist, Sara
PY  - 2020
T2  - British Journal of General Practice
AB  - Pharmacists reviewed the medicines of people over 75 in 18 general practices.
ER  - 
`;

// Full texts: the first carries its DOI, the second its title, the third nothing a machine can use.
const PDFS = [
  {
    name: 'moreau-trial.pdf',
    pages: [
      ['Age and Ageing 2022; 51: 1-9', 'https://doi.org/10.1093/ageing/afac101', 'Hospital at home: results'],
      ['Methods', 'Participants were aged 70 or over and frail.'],
    ],
  },
  {
    name: 'download (7).pdf',
    pages: [
      ['RESEARCH ARTICLE', 'Case management by community nurses for', 'older people with multimorbidity'],
      ['Results: case management reduced emergency admissions.'],
    ],
  },
  {
    name: 'scan_0003.pdf',
    pages: [['Medication reviews', 'Findings from eighteen practices']],
  },
].map((pdf) => ({
  name: pdf.name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(makeTestPdf({ pages: pdf.pages })),
}));

let server: OwnServer | undefined;
let projectId = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'fulltext');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const { command, upload } = await apiSession(api, OWNER);
  ({ projectId } = await command<{ projectId: string }>('project.create', { name: PROJECT }));
  const { searchId } = await command<{ searchId: string }>(
    'search.create',
    { sourceType: 'database', name: 'MEDLINE' },
    projectId,
  );
  const uploadId = await upload(`/api/projects/${projectId}/uploads`, 'medline.ris', RIS);
  await command('import.records', { searchId, uploadId }, projectId);
  await command('screening.set-up', {}, projectId);
  // Every record passes title/abstract (one screener), so all three are sought as full texts.
  const stages = (await (await api.get(`/api/projects/${projectId}/screening/stages`)).json()) as {
    stages: Array<{ id: string; key: string }>;
  };
  const first = stages.stages.find((s) => s.key === 'title-abstract');
  if (!first) throw new Error('no title-abstract stage');
  const next = (await (
    await api.get(`/api/projects/${projectId}/screening/stages/${first.id}/next?count=10`)
  ).json()) as { records: Array<{ recordId: string }> };
  expect(next.records).toHaveLength(3);
  for (const { recordId } of next.records)
    await command('screening.decide', { stageId: first.id, recordId, decision: 'include' }, projectId);
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test('full texts are uploaded in bulk, matched by DOI and title, assigned by hand, read in the viewer, and a record excluded with a reason and a note', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, OWNER, `/projects/${projectId}/screening/full-text/dashboard`);
  await page.goto(`/projects/${projectId}/screening/full-text/dashboard`);
  const bulk = page.getByTestId('full-text-bulk');
  await expect(bulk.getByTestId('full-text-count')).toHaveText('0 of 3 records have a PDF');
  // A file that is not a PDF stops the upload, named, and nothing is attached.
  await bulk.locator('input[type="file"]').setInputFiles({
    name: 'reading-notes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('My reading notes, saved with the wrong extension.'),
  });
  const failed = bulk.getByTestId('full-text-bulk-error');
  await expect(failed).toContainText('Nothing was attached');
  await expect(failed).toContainText("reading-notes.pdf: not a PDF file (no '%PDF-' header)");
  await expect(bulk.getByTestId('full-text-count')).toHaveText('0 of 3 records have a PDF');
  await bulk.locator('input[type="file"]').setInputFiles(PDFS);

  const result = bulk.getByTestId('full-text-bulk-result');
  await expect(result).toContainText('2 attached · 0 ambiguous · 1 unmatched');
  const attached = result.getByTestId('full-text-attached');
  await expect(attached.getByRole('row').filter({ hasText: 'moreau-trial.pdf' })).toContainText('by DOI');
  await expect(attached.getByRole('row').filter({ hasText: 'moreau-trial.pdf' })).toContainText(HOSPITAL);
  await expect(attached.getByRole('row').filter({ hasText: 'download (7).pdf' })).toContainText('by title');
  await expect(attached.getByRole('row').filter({ hasText: 'download (7).pdf' })).toContainText(
    CASE_MANAGEMENT,
  );
  const unplaced = bulk.getByTestId('full-text-unplaced');
  await expect(unplaced.getByTestId('full-text-unplaced-name')).toHaveText('scan_0003.pdf');
  await shoot(page, 'fulltext-bulk-upload');

  // The unmatched file is assigned by searching the stage's records.
  const picker = unplaced.getByRole('combobox', { name: 'Record for scan_0003.pdf' });
  await picker.click();
  await picker.fill('Pharmacist');
  await page.getByRole('option', { name: new RegExp(PHARMACIST.slice(0, 30)) }).click();
  await unplaced.getByRole('button', { name: 'Attach' }).click();
  await expect(bulk.getByTestId('full-text-unplaced')).toHaveCount(0);
  await expect(bulk.getByTestId('full-text-count')).toHaveText('3 of 3 records have a PDF');

  // Words inside the PDFs find them; a hit opens in the viewer.
  await bulk.getByRole('textbox', { name: 'Search inside the full texts' }).fill('emergency admissions');
  const hits = bulk.getByTestId('full-text-search-hits');
  await expect(hits.getByRole('row')).toHaveCount(1);
  await expect(hits).toContainText(CASE_MANAGEMENT);
  await hits.getByRole('row').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('pdf-text-layer').nth(1)).toContainText('emergency admissions', {
    timeout: 30_000,
  });
  await shoot(page, 'fulltext-search');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Screening at full text: the record beside its PDF, in pdf.js with a selectable text layer.
  await page.goto(`/projects/${projectId}/screening/full-text`);
  const title = (await page.getByTestId('screening-title').innerText()).trim();
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer).toBeVisible();
  // The assigned scan has one page; the two matched reports have two.
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText(title === PHARMACIST ? 'of 1' : 'of 2', {
    timeout: 30_000,
  });
  const firstPage = viewer.locator('[data-page-number="1"]');
  await expect(firstPage).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
  const expectedText =
    title === HOSPITAL
      ? '10.1093/ageing/afac101'
      : title === CASE_MANAGEMENT
        ? 'Case management by community'
        : 'Medication reviews';
  await expect(firstPage.getByTestId('pdf-text-layer')).toContainText(expectedText);
  // Zoom redraws the pages at the new scale.
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(firstPage).toHaveAttribute('data-rendered', 'true');
  await shoot(page, 'fulltext-screening');
  if (title !== PHARMACIST) {
    // Page navigation: the second page is drawn when it is reached.
    await viewer.getByRole('button', { name: 'Next page' }).click();
    await expect(viewer.getByRole('textbox', { name: 'Page' })).toHaveValue('2');
    await expect(viewer.locator('[data-page-number="2"]')).toHaveAttribute('data-rendered', 'true');
    await viewer.getByRole('button', { name: 'Previous page' }).click();
    await expect(viewer.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
  }

  // Another record is a second report of the same study: linked from beside the PDF.
  const other = [HOSPITAL, CASE_MANAGEMENT, PHARMACIST].find((t) => t !== title) ?? '';
  const study = page.getByTestId('study-links');
  await expect(study).toContainText('A study of its own');
  await study.getByRole('button', { name: 'Same study as…' }).click();
  const otherPicker = page.getByRole('combobox', { name: 'Other report of this study' });
  await otherPicker.fill(other.split(' ').slice(0, 3).join(' '));
  await page.getByRole('option', { name: new RegExp(other.slice(0, 25)) }).click();
  await page.getByRole('button', { name: 'Link as one study' }).click();
  await expect(study).toContainText(`Same study as: ${other}`);
  await shoot(page, 'fulltext-study-link');

  // Exclude with a reason (required at full text) and a note written with the keyboard. The
  // screen's keys wait while a dialog is open: let the study picker's popover finish closing.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.getByTestId('decision-note')).toBeFocused();
  await page.keyboard.type('Outcomes are reported only for the whole cohort, not the frail subgroup.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('decision-note')).not.toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('e');
  await expect(page.getByTestId('screening-title')).not.toHaveText(title);
  // The next record's PDF was fetched while this one was read: it shows straight away.
  await expect(page.getByTestId('pdf-viewer').locator('[data-page-number="1"]')).toHaveAttribute(
    'data-rendered',
    'true',
    { timeout: 10_000 },
  );

  // The list shows the exclusion and its note; the history drawer too.
  await page.getByRole('tab', { name: 'Records' }).click();
  const row = page.getByTestId('screening-list-row').filter({ hasText: title });
  await expect(row.getByTestId('screening-list-note')).toHaveText(
    'You: “Outcomes are reported only for the whole cohort, not the frail subgroup.”',
  );
  await expect(row).toContainText('Exclude');
  await expect(row.getByTestId('screening-list-pdf')).toBeVisible();
  await shoot(page, 'fulltext-list-note');
  await row.click();
  await expect(page.getByTestId('decision-history')).toContainText('not the frail subgroup');
});
