import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory, as identification.spec.ts does, so it needs
// nothing from the other specs.
const PORT = 4333;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = 'Telehealth for older adults';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

let server: OwnServer | undefined;
let projectId = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'import-mapping', 90_000);
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  projectId = (await owner.command<{ projectId: string }>('project.create', { name: PROJECT })).projectId;
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

// Written for this test: a hand-made sheet. No header says "title" (the guess finds none);
// "Summary" is guessed as the abstract but holds the reviewer's notes.
const SHEET_CSV = `Ref,Headline,Summary,When,Included?
T1,Video consultations for heart failure in older adults: a randomised trial,check the protocol,2021,1
T2,Remote monitoring after hip fracture: a cohort study,no full text yet,2019,0
T3,Telephone coaching and loneliness in later life,,2022,
`;

test('a table import: change the guessed column mapping, see the preview follow, import with it', async ({
  page,
}) => {
  await signIn(page, OWNER);
  await page.getByRole('link', { name: PROJECT }).click();
  await page.getByRole('link', { name: 'Identification', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Identification', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Import records' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import records' });
  await dialog.getByLabel('Search export file').setInputFiles({
    name: 'hand-search.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET_CSV),
  });
  await dialog.getByRole('button', { name: 'Upload and continue' }).click();

  // The mapping step: the guess is preselected, so the preview has no titles yet.
  const mapping = dialog.getByTestId('column-mapping');
  await expect(mapping).toBeVisible();
  await expect(dialog.getByTestId('preview-format')).toHaveText('CSV');
  await expect(dialog.getByTestId('preview-count')).toHaveText('3');
  await expect(dialog.getByRole('combobox', { name: 'Abstract' })).toHaveValue('Summary (guessed)');
  await expect(dialog.getByRole('combobox', { name: 'Title', exact: true })).toHaveValue('— none —');
  await expect(dialog.getByTestId('preview-title').first()).toHaveText('untitled');

  await dialog.getByRole('combobox', { name: 'Title', exact: true }).click();
  await page.getByRole('option', { name: 'Headline' }).click();
  await expect(dialog.getByTestId('preview-title').first()).toHaveText(
    'Video consultations for heart failure in older adults: a randomised trial',
  );
  await dialog.getByRole('combobox', { name: 'Year', exact: true }).click();
  await page.getByRole('option', { name: 'When' }).click();
  await expect(dialog.getByTestId('preview-year').first()).toHaveText('2021');
  await dialog.getByRole('combobox', { name: 'Abstract' }).click();
  await page.getByRole('option', { name: '— none —' }).click();
  await expect(dialog.getByTestId('unmapped-columns')).toContainText('Summary');
  await expect(dialog.getByTestId('upload-preview')).not.toHaveAttribute('aria-busy', 'true');
  await shoot(page, 'import-column-mapping');
  await page.screenshot({ path: test.info().outputPath('import-column-mapping.png') });

  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('textbox', { name: 'Search name' }).fill('Hand search of conference programmes');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('imported-count')).toHaveText('3');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-identified')).toHaveText('3');

  // Stored as mapped, and the event says which column filled which field.
  const records = await page.request.get(`/api/projects/${projectId}/records?limit=10&sort=year`);
  const body = (await records.json()) as {
    records: Array<{ record: { title?: string; year?: number; abstract?: string; extra: object } }>;
  };
  expect(body.records.map((r) => [r.record.title, r.record.year, r.record.abstract])).toEqual([
    ['Remote monitoring after hip fracture: a cohort study', 2019, undefined],
    ['Video consultations for heart failure in older adults: a randomised trial', 2021, undefined],
    ['Telephone coaching and loneliness in later life', 2022, undefined],
  ]);
  const events = await page.request.get(`/api/projects/${projectId}/events?after=0`);
  const imported = (
    (await events.json()) as { events: Array<{ eventType: string; payload: Record<string, unknown> }> }
  ).events.find((event) => event.eventType === 'records.imported');
  expect(imported?.payload.columnMapping).toMatchObject({
    title: 'Headline',
    year: 'When',
    abstract: null,
    label: 'Included?',
    sourceId: null,
  });
});
