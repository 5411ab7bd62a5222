import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory (see own-server.ts).
const PORT = 4345;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 900 } });

let server: OwnServer | undefined;
let projectId = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'cases');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  ({ projectId } = await owner.command<{ projectId: string }>('project.create', {
    name: 'Community gardens',
  }));
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

/*
 * A participant classification sheet made in the browser: two attributes (a number and a choice),
 * two cases, values typed with the keyboard (a bad number refused with the reason, nothing
 * saved), and the sheet exported as CSV.
 */
test('makes a classification sheet, types values with the keyboard and exports it', async ({ page }) => {
  await signIn(page, OWNER, `/projects/${projectId}/cases?classification=participant`);
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Participant/ })).toHaveAttribute('aria-selected', 'true');

  // Attributes: Age (number) and Role (choice).
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const modal = page.getByRole('dialog', { name: 'New attribute' });
  await modal.getByRole('textbox', { name: 'Name' }).fill('Age');
  await modal.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Number' }).click();
  await modal.getByRole('button', { name: 'Add attribute' }).click();
  await expect(modal).toBeHidden();
  await page.getByRole('button', { name: 'Add attribute' }).click();
  await modal.getByRole('textbox', { name: 'Name' }).fill('Role');
  await modal.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Choice' }).click();
  const options = modal.getByRole('combobox', { name: 'Options' });
  for (const option of ['Chair', 'Volunteer', 'Teacher']) {
    await options.fill(option);
    await options.press('Enter');
  }
  await modal.getByRole('button', { name: 'Add attribute' }).click();
  await expect(modal).toBeHidden();

  // Cases, added with Enter.
  const newCase = page.getByRole('textbox', { name: 'New participant case' });
  for (const name of ['Ana', 'Ben']) {
    await newCase.fill(name);
    await newCase.press('Enter');
    await expect(page.locator(`tr[data-case="${name}"]`)).toBeVisible();
  }

  // Keyboard: from Ana's name, right to Age, type 34 and Enter (moves down to Ben's Age).
  await page.getByLabel('Ana — name').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Ana — Age')).toBeFocused();
  await page.keyboard.type('34');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Ben — Age')).toBeFocused();
  await expect(page.getByLabel('Ana — Age')).toHaveText('34');

  // A bad value is refused with the reason and the cell stays empty.
  await page.keyboard.type('forty');
  await page.keyboard.press('Enter');
  await expect(page.getByText('“forty” is not a valid Age: expected a number')).toBeVisible();
  await expect(page.getByLabel('Ben — Age')).toHaveText('');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Ben — Age')).toBeFocused();
  await page.keyboard.type('41');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Ben — Age')).toHaveText('41');

  // Choice cells open as a select: Enter opens the editor, the option is picked, Enter saves.
  await page.getByLabel('Ana — Age').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Ana — Role' }).selectOption('Chair');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Ana — Role')).toHaveText('Chair');
  // Esc cancels an edit without saving.
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Ben — Role' }).selectOption('Teacher');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Ben — Role')).toHaveText('');
  await shoot(page, 'cases-sheet');

  // Sorting by a number column compares numbers; a second click reverses.
  const rows = page.getByTestId('classification-sheet').locator('tbody tr');
  await page.getByRole('button', { name: 'Age', exact: true }).click();
  await expect(rows.first()).toHaveAttribute('data-case', 'Ana');
  await page.getByRole('button', { name: 'Age', exact: true }).click();
  await expect(rows.first()).toHaveAttribute('data-case', 'Ben');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const csv = readFileSync(path, 'utf8');
  expect(csv.split('\r\n').slice(0, 3)).toEqual([
    'Participant,Description,Age,Role',
    'Ana,,34,Chair',
    'Ben,,41,',
  ]);
});

test('previews a CSV import with the bad cells listed by line and column', async ({ page }) => {
  await signIn(page, OWNER, `/projects/${projectId}/cases?classification=participant`);
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import participant sheet' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose CSV file…' }).click();
  await (await chooser).setFiles({
    name: 'participants.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Participant,Age,Role\nCleo,29,Teacher\nDev,old,Cook\n'),
  });
  const problems = dialog.getByTestId('import-problems');
  await expect(problems).toContainText('“old” is not a valid Age');
  await expect(problems).toContainText('“Cook” is not a valid Role');
  await expect(problems.getByRole('row')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await shoot(page, 'cases-import-preview');
});

test('opens a case document properties and moves it to a folder', async ({ page }) => {
  // A transcript linked to Ana, arranged through the API.
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const session = await api.post('/api/session', {
    data: { username: OWNER.username, password: OWNER.password },
  });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const upload = await api.post(`/api/projects/${projectId}/documents/uploads?fileName=ana-interview.txt`, {
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/octet-stream' },
    data: Buffer.from('Ana: We started the garden because the school had no green space.\n'),
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const owner = await apiSession(api, OWNER);
  const { uploadId } = (await upload.json()) as { uploadId: string };
  const { documentId } = await owner.command<{ documentId: string }>(
    'document.add',
    { uploadId, name: 'Ana interview' },
    projectId,
  );
  const sheet = (await (await api.get(`/api/projects/${projectId}/cases`)).json()) as {
    cases: Array<{ id: string; name: string }>;
  };
  const ana = sheet.cases.find((c) => c.name === 'Ana');
  await owner.command('document.assign', { documentId, caseId: ana?.id }, projectId);

  await signIn(page, OWNER, `/projects/${projectId}/cases?classification=participant`);
  await page.getByRole('button', { name: 'Documents of Ana' }).click();
  await page.getByRole('button', { name: 'Properties' }).click();
  const drawer = page.getByRole('dialog', { name: 'Properties of “Ana interview”' });
  await expect(drawer.getByRole('combobox', { name: 'Case' })).toHaveValue('Ana');
  await drawer.getByRole('combobox', { name: 'Folder' }).fill('Interviews/Wave 1');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('“Ana interview” saved.')).toBeVisible();
  await shoot(page, 'cases-document-properties');
  const props = (await (
    await api.get(`/api/projects/${projectId}/documents/${documentId}/properties`)
  ).json()) as {
    document: { folder: string; caseId: string };
  };
  expect(props.document).toMatchObject({ folder: 'Interviews/Wave 1', caseId: ana?.id });
  await api.dispose();

  // On the documents page the subfolder sits inside its parent, which counts it; closing the parent hides it.
  await page.goto(`/projects/${projectId}/documents`);
  const folders = page.getByTestId('document-folder');
  await expect(folders.filter({ hasText: 'Interviews' }).first()).toContainText('1');
  await expect(page.getByRole('table', { name: 'Interviews/Wave 1' })).toContainText('Ana interview');
  await expect(page.getByRole('table', { name: 'Interviews', exact: true })).toHaveCount(0);
  await shoot(page, 'documents-subfolders');
  await page.getByRole('button', { name: 'Close folder Interviews', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Interviews/Wave 1' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open folder Interviews', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Interviews/Wave 1' })).toContainText('Ana interview');
});

/*
 * The whole of Ana's case coded from the cases page with one code picked in the palette, and a
 * memo written on the case; the page never asks for a document without an id (it used to ask for
 * `/documents//properties` and get a 500).
 */
test('codes a whole case from its row and writes a memo on the case', async ({ page }) => {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  await owner.command('code.create', { name: 'Garden origins' }, projectId);
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500 || response.url().includes('/documents//'))
      failures.push(`${response.status()} ${response.url()}`);
  });

  await signIn(page, OWNER, `/projects/${projectId}/cases?classification=participant`);
  await page.getByRole('button', { name: 'Code whole case Ana' }).click();
  const palette = page.getByRole('dialog', { name: 'Code the whole case “Ana”' });
  await expect(palette.getByText('1 document, each in full')).toBeVisible();
  await palette.getByRole('textbox', { name: 'Code name' }).fill('origins');
  await shoot(page, 'cases-code-whole-case');
  await palette.getByRole('textbox', { name: 'Code name' }).press('Enter');
  await expect(page.getByText('Coded 1 document of “Ana” in full with “Garden origins”.')).toBeVisible();
  const sheet = (await (await api.get(`/api/projects/${projectId}/cases`)).json()) as {
    documents: Array<{ id: string; name: string }>;
  };
  const doc = sheet.documents.find((d) => d.name === 'Ana interview');
  const read = (await (await api.get(`/api/projects/${projectId}/documents/${doc?.id}`)).json()) as {
    version: { text: string };
    codings: Array<{ start: number; end: number }>;
  };
  expect(read.codings).toEqual([expect.objectContaining({ start: 0, end: read.version.text.length })]);

  // The selected row's case has its memos below the sheet.
  await page.getByRole('cell', { name: 'Ana — name' }).click();
  const memos = page.getByTestId('case-memos');
  await expect(memos.getByText('Case “Ana” (the selected row)')).toBeVisible();
  await memos.getByRole('button', { name: 'New memo' }).click();
  await memos.getByRole('textbox', { name: 'Memo text' }).fill('Ana speaks for the founding parents.');
  await memos.getByRole('button', { name: 'Add memo' }).click();
  await expect(memos.getByText('Ana speaks for the founding parents.').first()).toBeVisible();
  await shoot(page, 'cases-case-memos');
  expect(failures).toEqual([]);
  await api.dispose();
});

test('makes study cases from the included studies of the demo project', async ({ page }) => {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  const demo = await owner.command<{ projectId: string }>('demo.create', {});
  const stagesRes = await api.get(`/api/projects/${demo.projectId}/screening/stages`);
  const { stages } = (await stagesRes.json()) as { stages: Array<{ id: string }> };
  // Three records included at title/abstract and again at full text: three included studies.
  let included: string[] = [];
  for (const [i, stage] of stages.entries()) {
    const next = await api.get(`/api/projects/${demo.projectId}/screening/stages/${stage.id}/next?count=3`);
    const { records } = (await next.json()) as { records: Array<{ recordId: string }> };
    if (i === 0) included = records.map((r) => r.recordId);
    for (const recordId of included)
      await owner.command(
        'screening.decide',
        { stageId: stage.id, recordId, decision: 'include' },
        demo.projectId,
      );
  }
  await api.dispose();

  await signIn(page, OWNER, `/projects/${demo.projectId}/cases?classification=study`);
  await expect(page.getByText('No study cases yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Sync included studies' }).click();
  await expect(page.getByText('3 new study case(s), 0 updated from the included studies.')).toBeVisible();
  const rows = page.getByTestId('classification-sheet').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const column of ['Year', 'First author', 'Journal', 'DOI'])
    await expect(page.getByRole('columnheader', { name: new RegExp(column) })).toBeVisible();
  await shoot(page, 'cases-studies');
});
