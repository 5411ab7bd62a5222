import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory: this file needs nothing from the other
// specs, and they find the instance they expect (weft.spec.ts starts from first-run setup).
const PORT = 4331;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = 'Exercise for late-life depression';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer(PORT, 'identification');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  await owner.command('project.create', { name: PROJECT, description: 'Identification end-to-end.' });
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

// Written for this test. One article is in both files with the DOI in another form and an
// abbreviated page range (a certain duplicate, merged automatically); two titles appear in
// both with different years and details (possible duplicates, for a person to decide).
const MEDLINE_RIS = `TY  - JOUR
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
TI  - Group exercise classes for depression in care homes: a cluster trial
AU  - Okoro, Chidi
AU  - Novak, Eva
PY  - 2016
T2  - Age and Ageing
VL  - 45
SP  - 77
EP  - 84
ER  - 
`;

const EMBASE_RIS = `TY  - JOUR
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

TY  - JOUR
TI  - Group exercise classes for depression in care homes: a cluster trial
AU  - Okoro, C.
AU  - Novak, E.
PY  - 2017
T2  - Age Ageing
ER  - 
`;

const BROKEN_RIS =
  'TY  - JOUR\nTI  - A fine first record\nER  - \n\nthis line is not a tag\nTY  - JOUR\nER  - \n';

async function closeNotifications(page: import('@playwright/test').Page) {
  const close = page.locator('.mantine-Notification-root button');
  // Only for tidy screenshots: a notification may close itself meanwhile.
  for (let i = 0; i < 10 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
}

async function openIdentification(page: import('@playwright/test').Page) {
  await signIn(page, OWNER);
  await page.getByRole('link', { name: PROJECT }).click();
  await page.getByRole('link', { name: 'Identification', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Identification', level: 1 })).toBeVisible();
}

async function uploadFile(page: import('@playwright/test').Page, file: { name: string; text: string }) {
  await page.getByRole('button', { name: 'Import records' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import records' });
  await dialog.getByLabel('Search export file').setInputFiles({
    name: file.name,
    mimeType: 'application/x-research-info-systems',
    buffer: Buffer.from(file.text),
  });
  await expect(dialog.getByTestId('chosen-file')).toContainText(file.name);
  await dialog.getByRole('button', { name: 'Upload and continue' }).click();
  return dialog;
}

async function importFile(
  page: import('@playwright/test').Page,
  file: { name: string; text: string },
  search: { name: string; platform: string; reported?: number },
) {
  const dialog = await uploadFile(page, file);
  // The parse-only preview: format and first records before anything is imported.
  await expect(dialog.getByTestId('preview-format')).toHaveText('RIS');
  await expect(dialog.getByTestId('preview-count')).toHaveText('3');
  await expect(dialog.getByTestId('upload-preview')).toContainText('Effects of aspirin on stroke recurrence');
  await dialog.getByRole('textbox', { name: 'Search name' }).fill(search.name);
  await dialog.getByRole('textbox', { name: 'Platform' }).fill(search.platform);
  await dialog.getByLabel('Date run').fill('2024-03-01');
  await dialog.getByRole('textbox', { name: 'Query' }).fill('(exercise OR "physical activity") AND depress*');
  if (search.reported !== undefined)
    await dialog
      .getByRole('textbox', { name: 'Records the database reported' })
      .fill(String(search.reported));
  await shoot(page, `identification-import-${search.name.toLowerCase()}`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  return dialog;
}

test('import two searches, find duplicates, review the possible ones with the keyboard', async ({ page }) => {
  await openIdentification(page);
  await expect(page.getByTestId('no-searches')).toBeVisible();
  await expect(page.getByTestId('count-identified')).toHaveText('0');

  // First file: the database said 4, the file holds 3; the result says so.
  let dialog = await importFile(
    page,
    { name: 'medline.ris', text: MEDLINE_RIS },
    { name: 'MEDLINE', platform: 'Ovid', reported: 4 },
  );
  await expect(dialog.getByTestId('imported-count')).toHaveText('3');
  await expect(dialog.getByTestId('imported-format')).toHaveText('RIS');
  await expect(
    dialog.getByText(/The database reported 4 records for this search; 3 have been imported/),
  ).toBeVisible();
  // The mismatch is said once, not repeated in the warnings.
  await expect(dialog.getByTestId('import-warnings')).toHaveCount(0);
  await shoot(page, 'identification-import-result');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-identified')).toHaveText('3');
  await expect(page.getByTestId('count-mismatch')).toBeVisible();

  dialog = await importFile(
    page,
    { name: 'embase.ris', text: EMBASE_RIS },
    { name: 'Embase', platform: 'Elsevier', reported: 3 },
  );
  await expect(dialog.getByTestId('imported-count')).toHaveText('3');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-identified')).toHaveText('6');
  await expect(page.getByTestId('search-row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Find duplicates' }).click();
  await expect(page.getByTestId('count-removed-auto')).toHaveText('1');
  await expect(page.getByTestId('count-pending')).toHaveText('2');
  await expect(page.getByTestId('count-remaining')).toHaveText('5');
  await shoot(page, 'identification-overview');

  await closeNotifications(page);
  await page.getByRole('link', { name: 'Review duplicates' }).click();
  await expect(page.getByRole('heading', { name: 'Duplicates', level: 1 })).toBeVisible();
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('2 pairs left');
  await expect(page.getByTestId('duplicates-position')).toHaveText('Pair 1 of 2');
  await expect(page.getByTestId('duplicate-reasons')).toContainText('different years');
  await expect(page.locator('[data-field="Year"]')).toHaveAttribute('data-outcome', /disagree|similar/);
  await shoot(page, 'identification-duplicates');

  await page.keyboard.press('?');
  await expect(page.getByTestId('duplicate-keys')).toBeVisible();
  await shoot(page, 'identification-keys');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('duplicate-keys')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('duplicates-position')).toHaveText('Pair 2 of 2');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('duplicates-position')).toHaveText('Pair 1 of 2');

  // d merges; u takes the merge back and the pair returns; d again; n keeps the other pair apart.
  const firstTitle = await page.locator('[data-field="Title"] td').nth(1).innerText();
  await page.keyboard.press('d');
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('1 pair left');
  await page.keyboard.press('u');
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('2 pairs left');
  await expect(page.locator('[data-field="Title"] td').nth(1)).toHaveText(firstTitle);
  // n keeps a pair apart; u takes that answer back and the same pair is on screen again.
  await page.keyboard.press('n');
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('1 pair left');
  await closeNotifications(page);
  await page.keyboard.press('u');
  await expect(page.getByText('Answer taken back: the pair is back in the queue.')).toBeVisible();
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('2 pairs left');
  await expect(page.locator('[data-field="Title"] td').nth(1)).toHaveText(firstTitle);

  // Bulk accept: the threshold of the weaker pair takes both; the dialog says how many first.
  const scores = [await page.getByTestId('duplicate-score').innerText()];
  await page.keyboard.press('ArrowRight');
  scores.push(await page.getByTestId('duplicate-score').innerText());
  await page.keyboard.press('ArrowLeft');
  // Badges are rounded: one point under the weaker pair's badge is at or under its score.
  const low = Math.min(...scores.map((text) => Number(/(\d+)%/.exec(text)?.[1]))) - 1;
  const bulk = page.getByTestId('bulk-accept');
  const threshold = bulk.getByRole('textbox', { name: 'Minimum score' });
  await threshold.fill('100');
  await expect(bulk.getByRole('button', { name: 'Accept 0 pairs' })).toBeDisabled();
  await threshold.fill(String(low));
  await expect(bulk.getByRole('button', { name: 'Accept 2 pairs' })).toBeVisible();
  await closeNotifications(page);
  await shoot(page, 'identification-duplicates');
  await bulk.getByRole('button', { name: 'Accept 2 pairs' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept pairs as duplicates' });
  await expect(confirm.getByTestId('bulk-accept-summary')).toContainText('Merge 2 pairs');
  await shoot(page, 'identification-bulk-accept');
  await confirm.getByRole('button', { name: 'Merge 2 pairs' }).click();
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();
  await closeNotifications(page);
  // One u takes the whole batch back.
  await page.keyboard.press('u');
  await expect(page.getByText(/Bulk merge undone: 2 pairs are back in the queue/)).toBeVisible();
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('2 pairs left');
  await closeNotifications(page);

  await page.keyboard.press('d');
  await expect(page.getByTestId('duplicates-remaining')).toHaveText('1 pair left');
  await page.keyboard.press('n');
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();
  await closeNotifications(page);
  await shoot(page, 'identification-duplicates-done');

  await page.getByRole('link', { name: 'Identification', exact: true }).click();
  await expect(page.getByTestId('count-removed-auto')).toHaveText('1');
  await expect(page.getByTestId('count-removed-manual')).toHaveText('1');
  await expect(page.getByTestId('count-pending')).toHaveText('0');
  await expect(page.getByTestId('count-remaining')).toHaveText('4');

  // The records table: merged records are marked, filters and search narrow it.
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await expect(page.getByTestId('records-range')).toHaveText('6 records');
  await expect(page.locator('[data-testid="record-row"][data-merged]')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Duplicate status' }).click();
  await page.getByRole('option', { name: 'Remaining for screening' }).click();
  await expect(page.getByTestId('records-range')).toHaveText('4 records match');
  await page.getByRole('combobox', { name: 'Duplicate status' }).click();
  await page.getByRole('option', { name: 'All records' }).click();
  await page.getByRole('button', { name: 'Year' }).click();
  await expect(page.getByTestId('record-row').first()).toContainText('2016');
  await page.getByRole('textbox', { name: 'Year from' }).pressSequentially('2020');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('records-range')).toHaveText('2 records match');
  await page.getByRole('textbox', { name: 'Year from' }).fill('');
  await page.getByRole('textbox', { name: 'Search records' }).fill('aspirin');
  await expect(page.getByTestId('records-range')).toHaveText('2 records match');
  await page.getByRole('textbox', { name: 'Search records' }).fill('');
  await expect(page.getByTestId('records-range')).toHaveText('6 records');
  // Column choice is kept in this browser: hide the DOI column, reload, it stays hidden.
  await expect(page.getByRole('columnheader', { name: 'DOI' })).toBeVisible();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'DOI' }).uncheck();
  await page.getByRole('checkbox', { name: 'PMID' }).check();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('records-range')).toHaveText('6 records');
  await expect(page.getByRole('columnheader', { name: 'DOI' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'PMID' })).toBeVisible();
  await closeNotifications(page);
  await shoot(page, 'identification-records');
});

test('a malformed file is refused with its line, a table shows its columns, and an import by someone else appears live', async ({
  page,
  request,
}) => {
  await openIdentification(page);
  await expect(page.getByTestId('count-identified')).toHaveText('6');
  const dialog = await uploadFile(page, { name: 'broken.ris', text: BROKEN_RIS });
  const error = dialog.getByTestId('import-error');
  await expect(error).toContainText('Nothing was imported');
  await expect(error).toContainText('broken.ris, line 5');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await shoot(page, 'identification-import-error');
  await dialog.getByRole('button', { name: 'Choose another file' }).click();
  await expect(dialog.getByTestId('chosen-file')).toContainText('broken.ris');
  await page.keyboard.press('Escape');

  // A table shows where each column goes before the import; cancelling leaves the project as it was.
  const table = await uploadFile(page, {
    name: 'asreview.csv',
    text: 'title,abstract,authors,doi,label_included\nA walking trial,Walking helps.,"Smith, J",10.1/walk,1\n',
  });
  await expect(table.getByTestId('preview-format')).toHaveText('CSV');
  await expect(table.getByRole('combobox', { name: 'Title', exact: true })).toHaveValue('title (guessed)');
  await expect(table.getByRole('combobox', { name: 'Screening label' })).toHaveValue(
    'label_included (guessed)',
  );
  await shoot(page, 'identification-import-table');
  await table.getByRole('button', { name: 'Back' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('count-identified')).toHaveText('6');

  // Someone else imports meanwhile (here through the API): the open page follows, live.
  const session = await request.post('/api/session', {
    data: { username: OWNER.username, password: OWNER.password },
  });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const projects = (await (await request.get('/api/projects')).json()) as {
    projects: Array<{ id: string; name: string }>;
  };
  const projectId = projects.projects.find((p) => p.name === PROJECT)?.id ?? '';
  const command = async <T>(type: string, payload: unknown): Promise<T> => {
    const response = await request.post('/api/commands', {
      headers: { 'x-csrf-token': csrfToken },
      data: { id: crypto.randomUUID(), type, projectId, payload },
    });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { result: T }).result;
  };
  const { searchId } = await command<{ searchId: string }>('search.create', {
    sourceType: 'register',
    name: 'ClinicalTrials.gov',
  });
  const upload = await request.post(`/api/projects/${projectId}/uploads?fileName=trials.ris`, {
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
    data: Buffer.from(
      'TY  - JOUR\nTI  - Tai chi for depressive symptoms in older adults\nPY  - 2022\nER  - \n',
    ),
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const { uploadId } = (await upload.json()) as { uploadId: string };
  await command('import.records', { searchId, uploadId });
  await expect(page.getByTestId('count-identified')).toHaveText('7');
  await expect(page.getByTestId('search-row')).toHaveCount(3);
});

/** A generated export: enough records that only a window of them can be on screen. */
function manyRecords(n: number): string {
  const topics = ['exercise', 'walking', 'yoga', 'tai chi', 'dance', 'gardening', 'swimming', 'cycling'];
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const topic = topics[i % topics.length];
    out.push(
      `TY  - JOUR\nTI  - ${topic} programme for mood in later life: cohort ${i}\nAU  - Author${i % 97}, A\nPY  - ${1995 + (i % 30)}\nT2  - Journal of Ageing ${i % 13}\nER  - \n`,
    );
  }
  return out.join('\n');
}

test('edit a search (and settle a conflict), then scroll a table of 3,000 records', async ({
  page,
  request,
}) => {
  await openIdentification(page);
  const session = await request.post('/api/session', {
    data: { username: OWNER.username, password: OWNER.password },
  });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const projects = (await (await request.get('/api/projects')).json()) as {
    projects: Array<{ id: string; name: string }>;
  };
  const projectId = projects.projects.find((p) => p.name === PROJECT)?.id ?? '';
  const command = async <T>(type: string, payload: unknown): Promise<T> => {
    const response = await request.post('/api/commands', {
      headers: { 'x-csrf-token': csrfToken },
      data: { id: crypto.randomUUID(), type, projectId, payload },
    });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { result: T }).result;
  };

  // Edit the MEDLINE search's details.
  await page.getByRole('button', { name: 'Edit search MEDLINE' }).click();
  let dialog = page.getByRole('dialog', { name: 'Edit search' });
  await expect(dialog.getByRole('textbox', { name: 'Platform' })).toHaveValue('Ovid');
  await dialog.getByRole('textbox', { name: 'Platform' }).fill('Ovid MEDLINE(R) ALL');
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('English only; 1990 onwards.');
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await expect(dialog).toBeHidden();
  const medline = page.getByTestId('search-row').filter({ hasText: 'MEDLINE' });
  await expect(medline).toContainText('Ovid MEDLINE(R) ALL');

  // Someone else saves Embase while this person edits it: a 409, their version shown, mine saved on request.
  await page.getByRole('button', { name: 'Edit search Embase' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit search' });
  await dialog.getByRole('textbox', { name: 'Query' }).fill("'physical activity'/exp AND depress*");
  const searches = (await (await request.get(`/api/projects/${projectId}/searches`)).json()) as {
    searches: Array<{ id: string; name: string; version: number }>;
  };
  const embase = searches.searches.find((s) => s.name === 'Embase');
  await command('search.update', {
    searchId: embase?.id,
    expectedVersion: embase?.version,
    sourceType: 'database',
    name: 'Embase',
    platform: 'Embase.com',
  });
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone else changed this while you were editing');
  await expect(dialog.getByRole('alert')).toContainText('Embase, on Embase.com');
  await shoot(page, 'identification-search-conflict');
  await dialog.getByRole('button', { name: 'Save mine anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('search-row').filter({ hasText: 'Embase' })).toContainText('Elsevier');

  // 3,000 more records: the table keeps a few dozen rows in the page and fetches the rest as they scroll in.
  const before = (await (await request.get(`/api/projects/${projectId}/records?limit=1`)).json()) as {
    total: number;
  };
  const total = before.total + 3000;
  const { searchId } = await command<{ searchId: string }>('search.create', {
    sourceType: 'database',
    name: 'PsycINFO',
  });
  const upload = await request.post(`/api/projects/${projectId}/uploads?fileName=psycinfo.ris`, {
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
    data: Buffer.from(manyRecords(3000)),
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const { uploadId } = (await upload.json()) as { uploadId: string };
  await command('import.records', { searchId, uploadId });

  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await expect(page.getByTestId('records-range')).toHaveText(`${total.toLocaleString('en-US')} records`);
  const rows = page.getByTestId('record-row');
  await expect(rows.first()).toBeVisible();
  expect(await page.locator('[data-testid="records-table"] tbody tr').count()).toBeLessThan(60);
  const scroller = page.getByTestId('records-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  // The last row arrives once its range is fetched (one import's records share a time: within
  // it they come in id order, not the file's).
  await expect(page.locator(`[data-index="${total - 1}"]`)).toContainText('programme for mood in later life');
  expect(await page.locator('[data-testid="records-table"] tbody tr').count()).toBeLessThan(60);
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await expect(page.getByTestId('record-row-loading')).toHaveCount(0);
  const middle = Number(await rows.first().getAttribute('data-index'));
  expect(middle).toBeGreaterThan(1400);
  expect(middle).toBeLessThan(1600);
  await scroller.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(page.locator('[data-index="0"][data-testid="record-row"]')).toBeVisible();
  await shoot(page, 'identification-records');
  // Sorting starts again at the top of the new order.
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page.locator('[data-index="0"][data-testid="record-row"]')).toContainText('cycling programme');
});
