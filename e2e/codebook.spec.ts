import { readFileSync } from 'node:fs';
import {
  type APIRequestContext,
  expect as baseExpect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory.
const PORT = 4343;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = 'Community gardens codebook';

test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 20_000 });
test.use({ baseURL: BASE, viewport: { width: 1280, height: 860 } });

// Written for this test.
const TRANSCRIPT = [
  'Interviewer: How did the garden start?',
  'Ana: We started the garden because the school had no green space at all.',
  'Ben: Money was always short, so we relied on volunteers every weekend.',
  'Ana: The volunteers came back because they liked each other.',
  '',
].join('\n');

let server: OwnServer | undefined;
let api: APIRequestContext;
let csrf = '';
let projectId = '';
let documentId = '';
let versionId = '';
let text = '';

async function command<T>(type: string, payload: unknown): Promise<T> {
  const res = await api.post('/api/commands', {
    headers: { 'x-csrf-token': csrf },
    data: { id: crypto.randomUUID(), type, payload, projectId },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: T }).result;
}

async function codeIdOf(name: string): Promise<string> {
  type Node = { id: string; name: string; children: Node[] };
  const { codes } = (await (await api.get(`/api/projects/${projectId}/codebook`)).json()) as {
    codes: Node[];
  };
  const all = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...all(n.children)]);
  const found = all(codes).find((n) => n.name === name);
  if (!found) throw new Error(`no code ${name}`);
  return found.id;
}

async function code(phrase: string, codeName: string) {
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  await command('coding.add', {
    documentId,
    versionId,
    codeId: await codeIdOf(codeName),
    start,
    end: start + phrase.length,
  });
}

const row = (page: Page, name: string) =>
  page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name, exact: true });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'codebook');
  api = await playwrightRequest.newContext({ baseURL: BASE });
  const session = await api.post('/api/session', {
    data: { username: OWNER.username, password: OWNER.password },
  });
  csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const created = await api.post('/api/commands', {
    headers: { 'x-csrf-token': csrf },
    data: { id: crypto.randomUUID(), type: 'project.create', payload: { name: PROJECT } },
  });
  projectId = ((await created.json()) as { result: { projectId: string } }).result.projectId;
  const upload = await api.post(
    `/api/projects/${projectId}/documents/uploads?fileName=garden-interview.txt`,
    {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/octet-stream' },
      data: Buffer.from(TRANSCRIPT, 'utf8'),
    },
  );
  const { uploadId } = (await upload.json()) as { uploadId: string };
  ({ documentId, versionId } = await command<{ documentId: string; versionId: string }>('document.add', {
    uploadId,
    name: 'Garden interview',
  }));
  const doc = (await (await api.get(`/api/projects/${projectId}/documents/${documentId}`)).json()) as {
    version: { text: string };
  };
  text = doc.version.text;
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

test('create codes, move them by keyboard and by drag, merge and unmerge, see the history, export CSV, import Markdown', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, OWNER, `/projects/${projectId}/codebook`);
  await expect(page.getByRole('heading', { name: 'Codebook', level: 1 })).toBeVisible();
  await expect(page.getByText('No codes yet.')).toBeVisible();

  // Create four top-level codes with the inline field.
  for (const name of ['Motivation', 'Resources', 'Money', 'Volunteers']) {
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByRole('textbox', { name: 'Name of the new code' }).fill(name);
    await page.keyboard.press('Enter');
    await expect(row(page, name)).toBeVisible();
  }
  await expect(row(page, 'Money')).toHaveAttribute('aria-level', '1');

  // Keyboard: Alt+Right indents Money under the code above it (Resources).
  await row(page, 'Money').click();
  await row(page, 'Money').press('Alt+ArrowRight');
  await expect(row(page, 'Money')).toHaveAttribute('aria-level', '2');
  await expect(row(page, 'Money')).toBeFocused();
  // Alt+Up then puts Resources above Motivation (reordering at the top level).
  await row(page, 'Resources').click();
  await row(page, 'Resources').press('Alt+ArrowUp');
  await expect(page.getByRole('treeitem', { level: 1 }).first()).toHaveAccessibleName('Resources');

  // Drag: Volunteers onto the middle of Resources nests it there.
  await row(page, 'Volunteers').dragTo(row(page, 'Resources'));
  await expect(row(page, 'Volunteers')).toHaveAttribute('aria-level', '2');
  await expect
    .poll(() =>
      page
        .getByRole('treeitem')
        .evaluateAll((items) =>
          items.map((i) => `${i.getAttribute('aria-level')}:${i.getAttribute('aria-label')}`),
        ),
    )
    .toEqual(['1:Resources', '2:Money', '2:Volunteers', '1:Motivation']);

  // Details: guidance and a colour for Money.
  await row(page, 'Money').click();
  await page.getByRole('textbox', { name: 'Description' }).fill('Funding, costs and shortages.');
  await page.getByRole('textbox', { name: 'Colour' }).fill('#2f9e44');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

  // Code passages (as the coding screen would), then merge Volunteers into Money.
  await code('Money was always short', 'Money');
  await code('relied on volunteers every weekend', 'Volunteers');
  await code('The volunteers came back', 'Volunteers');
  await expect(row(page, 'Volunteers')).toContainText('2');
  await shoot(page, 'codebook-tree');
  await page.getByRole('button', { name: 'Merge into this…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge codes into “Money”' });
  await dialog.getByPlaceholder('Pick one or more codes').click();
  await page.getByRole('option', { name: 'Resources › Volunteers' }).click();
  await expect(dialog.getByText('2 codings will move to “Money”.')).toBeVisible();
  await shoot(page, 'codebook-merge');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged 1 code into “Money”: 2 codings moved.')).toBeVisible();
  await expect(row(page, 'Volunteers')).toHaveCount(0);
  await expect(row(page, 'Money')).toContainText('3');

  // Unmerge from the inactive list: the two codings go back.
  const inactive = page.getByRole('list', { name: 'Deleted and merged codes' });
  await expect(inactive.getByText('Volunteers')).toBeVisible();
  await inactive.getByRole('button', { name: 'Unmerge' }).click();
  await expect(page.getByText('Unmerged “Volunteers”: 2 codings back.')).toBeVisible();
  await expect(row(page, 'Volunteers')).toContainText('2');
  await expect(row(page, 'Money')).toContainText('1');

  // The open-node view lists Volunteers' segments with their document.
  await row(page, 'Volunteers').dblclick();
  await expect(page).toHaveURL(/\/codes\//);
  const segments = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
  await expect(segments).toHaveCount(2);
  await expect(segments.first().getByRole('link', { name: 'Garden interview' })).toBeVisible();
  // Context around each passage: none, its sentence, or its paragraph (the default).
  const passage = segments.first().getByTestId('segment-passage');
  const withParagraph = (await segments.first().innerText()).length;
  await page.getByText('Passage only', { exact: true }).click();
  await expect(passage).toBeVisible();
  expect((await segments.first().innerText()).length).toBeLessThan(withParagraph);
  await page.getByText('Paragraph', { exact: true }).click();
  // A segment's annotations open beside it; one written there shows on the button.
  await segments.first().getByRole('button', { name: 'Annotations', exact: true }).click();
  await page.getByRole('textbox', { name: 'New annotation' }).fill('Volunteers named by Ana');
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expect(segments.first().getByRole('button', { name: 'Annotations (1)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await shoot(page, 'codebook-segments');

  // History: every change with who; the codebook as it stood after the keyboard indent.
  await page.goto(`/projects/${projectId}/codebook/history`);
  const changes = page.getByRole('list', { name: 'Codebook changes' });
  await expect(changes.getByText('unmerged “Volunteers” from “Money” (2 codings back)')).toBeVisible();
  await expect(changes.getByText('merged “Volunteers” into “Money” (2 codings moved)')).toBeVisible();
  await expect(changes.getByText('moved “Volunteers” under “Resources”')).toBeVisible();
  await page
    .getByRole('button', { name: 'Show the codebook after: moved “Money” under “Resources”' })
    .click();
  await expect(page.getByText(/^As it stood at /)).toBeVisible();
  const past = page.getByRole('tree', { name: 'Codebook' });
  await expect
    .poll(() =>
      past
        .getByRole('treeitem')
        .evaluateAll((items) =>
          items.map((i) => `${i.getAttribute('aria-level')}:${i.getAttribute('aria-label')}`),
        ),
    )
    .toEqual(['1:Motivation', '1:Resources', '2:Money', '1:Volunteers']);
  await shoot(page, 'codebook-history');

  // Export the codebook as CSV.
  await page.goto(`/projects/${projectId}/codebook`);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'CSV (spreadsheet)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Community gardens codebook-codebook.csv');
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv).toEqual([
    'path,name,description,inclusion,exclusion,example,colour,shortcut',
    // Codes made in the tree get a palette colour no other code shows.
    'Resources,Resources,,,,,#e8590c,',
    'Resources > Money,Money,"Funding, costs and shortages.",,,,#2f9e44,',
    'Resources > Volunteers,Volunteers,,,,,#c2255c,',
    'Motivation,Motivation,,,,,#1c7ed6,',
    '',
  ]);

  // Import a Markdown codebook: the code already there is kept, the new ones are added under it.
  await page.getByRole('button', { name: 'Import' }).click();
  const importer = page.getByRole('dialog', { name: 'Import a codebook' });
  await importer.locator('input[type=file]').setInputFiles({
    name: 'more-codes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '- Motivation\n  - Shared purpose\n    Use when: partners name a goal they share.\n  - Own interest\n',
    ),
  });
  await importer.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByText('2 codes added from “more-codes.md”; 1 already in the codebook were kept as they are.'),
  ).toBeVisible();
  await expect(row(page, 'Shared purpose')).toHaveAttribute('aria-level', '2');
  await expect(row(page, 'Own interest')).toBeVisible();

  // Rename with F2 and add a child from a code's menu, in the tree.
  await row(page, 'Own interest').click();
  await row(page, 'Own interest').press('F2');
  await page.getByRole('textbox', { name: 'New name for Own interest' }).fill('Self-interest');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Self-interest')).toBeVisible();
  await page.getByRole('button', { name: 'Actions for Motivation' }).click();
  await page.getByRole('menuitem', { name: 'Add child code' }).click();
  await page.getByRole('textbox', { name: 'Name of the new child code' }).fill('Belonging');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Belonging')).toHaveAttribute('aria-level', '2');
});
