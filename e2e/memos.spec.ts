import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory.
const PORT = 4347;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 1000 } });

let server: OwnServer | undefined;
let projectId = '';
let codingId = '';
const TRANSCRIPT =
  'Ana: The council gave us the land after a long campaign.\nBen: Parents came every weekend.\n';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/* A project with one memo already written (through the API), to link the new one to. */
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'memos');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  // One session for arranging everything (a second sign-in would replace its CSRF token).
  const owner = await apiSession(api, OWNER);
  ({ projectId } = await owner.command<{ projectId: string }>('project.create', {
    name: 'Community gardens',
  }));
  await owner.command(
    'memo.create',
    {
      title: 'Funding sources',
      content: doc('Parents paid for seeds; the council gave the land.'),
      targetKind: 'project',
    },
    projectId,
  );
  // A coded segment to link to, and a memo written on it.
  const uploadId = await owner.upload(
    `/api/projects/${projectId}/documents/uploads`,
    'garden-interview.txt',
    TRANSCRIPT,
  );
  const { documentId, versionId } = await owner.command<{ documentId: string; versionId: string }>(
    'document.add',
    { uploadId, name: 'Garden interview' },
    projectId,
  );
  const text = (
    (await (await api.get(`/api/projects/${projectId}/documents/${documentId}`)).json()) as {
      version: { text: string };
    }
  ).version.text;
  const { codeId } = await owner.command<{ codeId: string }>('code.create', { name: 'Land' }, projectId);
  const start = text.indexOf('the land');
  ({ codingId } = await owner.command<{ codingId: string }>(
    'coding.add',
    { documentId, versionId, codeId, start, end: start + 'the land'.length },
    projectId,
  ));
  await owner.command('annotation.add', { codingId, text: 'Which council?' }, projectId);
  await owner.command(
    'memo.create',
    {
      title: 'Whose land?',
      content: doc('Check the council minutes.'),
      targetKind: 'coding',
      targetId: codingId,
    },
    projectId,
  );
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test('writes a project memo with bold text and a link to another memo, and sees it on the memos page', async ({
  page,
}) => {
  await signIn(page, OWNER, `/projects/${projectId}/memos`);
  await expect(page.getByRole('heading', { name: 'Memos', level: 1 })).toBeVisible();
  const list = page.getByLabel('Memo list');
  await expect(list.getByText('Funding sources')).toBeVisible();

  await page.getByRole('button', { name: 'New memo' }).click();
  await page.getByLabel('Title').fill('Why gardens');
  const editor = page.getByRole('textbox', { name: 'Memo text' });
  await editor.click();
  await page.keyboard.type('Gardens began because ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('parents');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' asked for green space.');
  await shoot(page, 'memos-editor');
  await page.getByRole('button', { name: 'Add memo' }).click();

  // The new memo opens: its text with the bold word, on the project.
  const memo = page.getByLabel('Memo “Why gardens”');
  await expect(memo.getByRole('heading', { name: 'Why gardens' })).toBeVisible();
  await expect(memo.locator('strong', { hasText: 'parents' })).toBeVisible();
  await expect(memo.getByText('Gardens began because')).toBeVisible();
  await expect(list.getByText('Why gardens')).toBeVisible();

  // See also: the other memo.
  await memo.getByRole('button', { name: 'Add link' }).click();
  await page.getByRole('menuitem', { name: 'Another memo…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link another memo' });
  await dialog.getByRole('combobox', { name: 'Memo' }).click();
  await page.getByRole('option', { name: 'Funding sources' }).click();
  await dialog.getByRole('button', { name: 'Link memo' }).click();
  await expect(dialog).toBeHidden();
  const seeAlso = memo.getByLabel('See also');
  await expect(seeAlso.getByRole('link', { name: 'Funding sources' })).toBeVisible();
  await expect(list.getByText('1 link')).toBeVisible();
  await shoot(page, 'memos-page');

  // The link leads to the other memo, which shows where it is linked from.
  await seeAlso.getByRole('link', { name: 'Funding sources' }).click();
  const funding = page.getByLabel('Memo “Funding sources”');
  await expect(funding.getByText('Linked from')).toBeVisible();
  await expect(funding.getByRole('link', { name: 'Why gardens' })).toBeVisible();

  // Search finds it by a word of its text.
  await page.getByRole('textbox', { name: 'Search memos' }).fill('green space');
  await expect(list.getByText('Why gardens')).toBeVisible();
  await expect(list.getByText('Funding sources')).toBeHidden();

  // After a reload, the memo is still there with its bold word (it was saved, not just shown).
  await page.goto(`/projects/${projectId}/memos`);
  await list.getByText('Why gardens').click();
  await expect(page.getByLabel('Memo “Why gardens”').locator('strong', { hasText: 'parents' })).toBeVisible();
});

test('links a coded segment picked by its code, and lists memos written on segments', async ({ page }) => {
  await signIn(page, OWNER, `/projects/${projectId}/memos`);
  const list = page.getByLabel('Memo list');
  await list.getByText('Why gardens').click();
  const memo = page.getByLabel('Memo “Why gardens”');
  await memo.getByRole('button', { name: 'Add link' }).click();
  await page.getByRole('menuitem', { name: 'A coded segment…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link a coded segment' });
  await dialog.getByRole('combobox', { name: 'Code' }).click();
  await page.getByRole('option', { name: /Land/ }).click();
  await dialog.getByRole('button', { name: 'Link “the land” in Garden interview' }).click();
  await expect(dialog).toBeHidden();
  const seeAlso = memo.getByLabel('See also');
  await expect(seeAlso.getByRole('link', { name: '“the land”' })).toBeVisible();
  await expect(seeAlso.getByText('in Garden interview')).toBeVisible();

  // Only memos on segments: the one written on “the land”, quoted.
  await page.getByLabel('What the memos are on').getByText('Segment', { exact: true }).click();
  await expect(list.getByText('Whose land?')).toBeVisible();
  await expect(list.getByText('Why gardens')).toBeHidden();
  await expect(list.getByText('“the land”')).toBeVisible();
  await shoot(page, 'memos-segments');

  // The memo on the segment shows the segment's annotations, and takes a new one.
  await list.getByText('Whose land?').click();
  const onSegment = page.getByLabel('Memo “Whose land?”');
  await onSegment.getByRole('button', { name: 'Annotations (1)' }).click();
  const notes = page.getByLabel('Annotations');
  await expect(notes.getByText('Which council?')).toBeVisible();
  await notes.getByRole('textbox', { name: 'New annotation' }).fill('The county council, per the minutes.');
  await notes.getByRole('button', { name: 'Annotate' }).click();
  await expect(notes.getByText('The county council, per the minutes.')).toBeVisible();
  await expect(onSegment.getByRole('button', { name: 'Annotations (2)' })).toBeVisible();
  await shoot(page, 'memos-annotations');
});

test('writes a memo on a document picked by name, and sees the segment memo beside its segment', async ({
  page,
}) => {
  await signIn(page, OWNER, `/projects/${projectId}/memos`);
  await page.getByRole('button', { name: 'New memo' }).click();
  const form = page.getByLabel('New memo');
  await form.getByText('Document', { exact: true }).click();
  await form.getByRole('combobox', { name: 'The document the memo is on' }).click();
  await page.getByRole('option', { name: 'Garden interview' }).click();
  await form.getByLabel('Title').fill('Interview conditions');
  await form.getByRole('textbox', { name: 'Memo text' }).fill('Recorded in the garden shed, some noise.');
  await shoot(page, 'memos-new-on-document');
  await form.getByRole('button', { name: 'Add memo' }).click();
  const memo = page.getByLabel('Memo “Interview conditions”');
  await expect(memo).toBeVisible();
  await expect(memo.getByText('Garden interview').first()).toBeVisible();

  // The code's segments view shows the memo written on “the land” beside it.
  await page.goto(`/projects/${projectId}/codebook`);
  await page.getByRole('treeitem', { name: /Land/ }).dblclick();
  const segment = page.getByRole('list', { name: 'Segments' }).getByRole('listitem').first();
  await expect(segment.getByRole('link', { name: 'Whose land?' })).toBeVisible();
  // Its annotations are read when opened (a long list would otherwise ask for each at once).
  await segment.getByRole('button', { name: 'Annotations', exact: true }).click();
  await expect(page.getByLabel('Annotations').getByText('Which council?')).toBeVisible();
  await shoot(page, 'memos-segment-beside');
});
