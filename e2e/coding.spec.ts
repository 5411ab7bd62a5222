import { join } from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { type Account, apiSession, OWNER, REVIEWER, shoot, signIn, VIEWER } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory, like the other specs.
const PORT = 4341;
const BASE = `http://127.0.0.1:${PORT}`;
const FIXTURE = join(import.meta.dirname, 'fixtures', 'coding-interview.txt');

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 900 } });

let server: OwnServer | undefined;
let api: APIRequestContext;
let projectId = '';
let documentId = '';

interface CodingRow {
  id: string;
  codeId: string;
  exact: string;
  coderId: string;
}

/*
 * A project with a reviewer and a viewer and two codes with shortcut keys; the transcript itself
 * is uploaded through the documents page by the first test.
 */
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'coding');
  api = await playwrightRequest.newContext({ baseURL: BASE });
  const { command } = await apiSession(api, OWNER);
  ({ projectId } = await command<{ projectId: string }>('project.create', { name: 'Community gardens' }));
  await command('user.create', { ...REVIEWER, isAdmin: false });
  await command('member.add', { username: REVIEWER.username, role: 'reviewer' }, projectId);
  await command('user.create', { ...VIEWER, isAdmin: false });
  await command('member.add', { username: VIEWER.username, role: 'viewer' }, projectId);
  await command(
    'code.create',
    {
      name: 'Resources and capabilities',
      colour: '#2f9e44',
      shortcut: '1',
      description: 'Money, time, skills, land.',
    },
    projectId,
  );
  await command(
    'code.create',
    { name: 'Relationships and cultures', colour: '#e8590c', shortcut: '2' },
    projectId,
  );
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

/** The document's codings, each with its quote (the read sends it only where the text differs). */
async function codings(): Promise<CodingRow[]> {
  const res = await api.get(`/api/projects/${projectId}/documents/${documentId}`);
  expect(res.status(), await res.text()).toBe(200);
  const doc = (await res.json()) as {
    version: { text: string };
    codings: (Omit<CodingRow, 'exact'> & { exact?: string; start: number; end: number })[];
  };
  return doc.codings.map((c) => ({ ...c, exact: c.exact ?? doc.version.text.slice(c.start, c.end) }));
}

/** Select a phrase with the mouse: press before its first character, release after its last. */
async function selectText(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((phrase) => {
    for (const el of document.querySelectorAll('[data-testid="coding-text"] [data-o]')) {
      const node = el.firstChild;
      const at = node?.textContent?.indexOf(phrase) ?? -1;
      if (!node || at < 0) continue;
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + phrase.length - 1);
      range.setEnd(node, at + phrase.length);
      const last = range.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not on screen as uncoded text`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

async function openDocument(page: Page): Promise<void> {
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await expect(page.getByTestId('coding-text')).toContainText('We started the garden');
}

async function signedInPage(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

const legend = (page: Page) => page.getByTestId('document-codes');

test('a reviewer uploads a transcript on the documents page and it lists by folder', async ({ page }) => {
  await signIn(page, OWNER);
  await page.goto(`/projects/${projectId}/documents`);
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  await page.getByLabel('Folder').fill('Interviews');
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await expect(page.getByTestId('document-upload-outcome')).toContainText('added as transcript');
  const link = page.getByRole('link', { name: 'coding-interview.txt' });
  await expect(link).toBeVisible();
  await expect(page.getByTestId('document-folder')).toContainText('Interviews');
  await shoot(page, 'coding-documents');
  // The document's properties (folder, case, study) open in a drawer.
  await page.getByRole('button', { name: 'Properties of coding-interview.txt' }).click();
  await expect(page.getByRole('dialog', { name: 'Properties of “coding-interview.txt”' })).toBeVisible();
  await page.keyboard.press('Escape');
  await link.click();
  await expect(page.getByRole('heading', { name: 'coding-interview.txt' })).toBeVisible();
  documentId = page.url().split('/').pop() ?? '';
  // Speakers are structure: each turn starts with its speaker in bold.
  await expect(page.locator('.weft-coding-speaker').first()).toHaveText('Interviewer:');
});

test('codes with the mouse and palette, by shortcut key and in vivo; uncode, undo and recode', async ({
  page,
}) => {
  await signIn(page, OWNER);
  await openDocument(page);

  // Mouse: select, the action bar offers the palette; a new code is created on the fly.
  await selectText(page, 'The council gave us the land');
  await page.getByTestId('selection-bar').getByRole('button', { name: /Code/ }).click();
  const palette = page.getByRole('dialog', { name: 'Apply a code' });
  await palette.getByLabel('Code name').fill('External factors');
  await expect(palette.getByRole('option', { name: /Create “External factors”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(legend(page)).toContainText('External factors');

  // Keyboard: the code's own shortcut applies it to the selection.
  await selectText(page, 'we relied on volunteers every weekend');
  await page.keyboard.press('1');
  await expect(legend(page)).toContainText('Resources and capabilities');

  // The palette again, by its key and fuzzy search.
  await selectText(page, 'backed us from the first meeting');
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('rel cul');
  await expect(page.getByRole('option').first()).toContainText('Relationships and cultures');
  await page.keyboard.press('Enter');
  // A drag started while the palette is still closing (and its new coding redraws the rows) is lost.
  await expect(page.getByRole('dialog', { name: 'Apply a code' })).toBeHidden();
  await expect(page.getByTestId('coding-count')).toHaveText('3 codings');

  // In vivo: a new code named after the words themselves.
  await selectText(page, 'Trust, mostly');
  // The key acts on the selection the screen holds: wait for it (the bar shows it) before pressing.
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await page.keyboard.press('v');
  await expect(legend(page)).toContainText('Trust, mostly');
  await expect(page.getByTestId('coding-count')).toHaveText('4 codings');

  await expect
    .poll(async () => (await codings()).map((c) => c.exact).sort())
    .toEqual([
      'The council gave us the land',
      'Trust, mostly',
      'backed us from the first meeting',
      'we relied on volunteers every weekend',
    ]);
  await shoot(page, 'coding-document');

  // A stripe selects its coding; Delete uncodes, Ctrl+Z brings it back.
  await page
    .getByRole('button', { name: /^Resources and capabilities — Ana Lima: select this coding/ })
    .click();
  await expect(page.getByTestId('selected-coding')).toContainText('we relied on volunteers every weekend');
  await shoot(page, 'coding-selected');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('coding-count')).toHaveText('3 codings');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('coding-count')).toHaveText('4 codings');

  // Recode: select the coding by clicking its text, r, choose another code.
  await page.getByTestId('coding-text').getByText('Trust, mostly', { exact: true }).click();
  await expect(page.getByTestId('selected-coding')).toContainText('Trust, mostly');
  await page.keyboard.press('r');
  await page.getByLabel('Code name').fill('Relationships');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await codings()).find((c) => c.exact === 'Trust, mostly')?.codeId)
    .not.toBeUndefined();
  await expect(page.getByTestId('selected-coding')).toContainText('Relationships and cultures');

  // Shift+→ extends the selected coding by a word (once the palette has closed and given the keys back).
  await expect(page.getByLabel('Code name')).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('selected-coding')).toContainText('Trust, mostly. People');
  await expect
    .poll(async () => (await codings()).some((c) => c.exact === 'Trust, mostly. People'))
    .toBe(true);

  // The keyboard help.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toContainText('In vivo');
  await shoot(page, 'coding-keys');
  await page.keyboard.press('Escape');
});

test('opens a code’s segments from the document and writes a memo on the document', async ({ page }) => {
  await signIn(page, OWNER);
  await openDocument(page);
  await legend(page)
    .getByRole('button', { name: /Resources and capabilities/ })
    .click();
  await expect(page).toHaveURL(/\/codes\//);
  await expect(page.getByRole('heading', { name: 'Resources and capabilities' })).toBeVisible();
  await expect(page.getByText('we relied on volunteers every weekend')).toBeVisible();
  await shoot(page, 'coding-segments');
  // A segment's document link opens the document with that coding selected.
  await page
    .getByRole('link', { name: /coding-interview/ })
    .first()
    .click();
  await expect(page.getByTestId('selected-coding')).toContainText('we relied on volunteers every weekend');

  await openDocument(page);
  const memos = page.getByTestId('memo-panel').last();
  await memos.getByRole('button', { name: 'New memo' }).click();
  await memos.getByLabel('Title').fill('Volunteers carry it');
  const editor = memos.getByRole('textbox', { name: 'Memo text' });
  await editor.click();
  await page.keyboard.type('Every turn about money comes back to volunteers: ask about burnout.');
  await memos.getByRole('button', { name: 'Add memo' }).click();
  await expect(memos.getByText('Volunteers carry it')).toBeVisible();
  await expect(page.getByTestId('coding-count')).toHaveText('4 codings');
});

test('editing the text re-anchors the codings and reports it', async ({ page }) => {
  await signIn(page, OWNER);
  await openDocument(page);
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByLabel('Document text');
  const text = await box.inputValue();
  await box.fill(text.replace('Mr Jones, the head teacher,', 'The head teacher'));
  await page.getByRole('button', { name: 'Save version 2' }).click();
  await expect(page.getByTestId('reanchor-result')).toContainText('Saved as version 2');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('version 2', { exact: true })).toBeVisible();
  await expect(page.getByTestId('coding-text')).toContainText('The head teacher backed us');
  await expect(page.getByTestId('coding-count')).toHaveText('4 codings');
});

test('two browsers on one document see each other’s codings appear', async ({ browser }) => {
  const ana = await signedInPage(browser, OWNER);
  const ben = await signedInPage(browser, REVIEWER);
  await openDocument(ana);
  await openDocument(ben);
  await expect(ben.getByTestId('coding-count')).toHaveText('4 codings');

  await selectText(ana, 'The insurance');
  await ana.keyboard.press('2');
  await expect(ben.getByTestId('coding-count')).toHaveText('5 codings');
  await expect(ben.locator('[data-coded]', { hasText: 'The insurance' })).toBeVisible();

  await selectText(ben, 'We found a charity that covered it');
  await ben.keyboard.press('1');
  await expect(ana.getByTestId('coding-count')).toHaveText('6 codings');
  await ana.getByRole('switch', { name: 'Stripes per coder' }).check();
  await expect(legend(ana)).toContainText('Ben Okafor');
  await shoot(ana, 'coding-live');
  await ana.context().close();
  await ben.context().close();
});

test('a viewer reads the codings but cannot code or edit', async ({ page }) => {
  await signIn(page, VIEWER);
  await openDocument(page);
  await expect(page.getByTestId('coding-count')).toHaveText('6 codings');
  await expect(page.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
  await selectText(page, 'playing on tarmac');
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Apply a code' })).toHaveCount(0);
});

test('a coding whose words an edit removed is not drawn on other text, and is counted as lost', async ({
  page,
}) => {
  const { command } = await apiSession(api, OWNER);
  const res = await api.get(`/api/projects/${projectId}/documents/${documentId}`);
  const doc = (await res.json()) as { version: { id: string; version: number; text: string } };
  // An interviewer's question nobody coded, so the edit orphans exactly this coding.
  const line = 'Interviewer: And what nearly stopped it?';
  const start = doc.version.text.indexOf('what nearly stopped it');
  const codeId = (await codings())[0]?.codeId ?? '';
  await command(
    'coding.add',
    { documentId, versionId: doc.version.id, codeId, start, end: start + 'what nearly stopped it'.length },
    projectId,
  );
  const lineEnd = doc.version.text.indexOf('\n', doc.version.text.indexOf(line)) + 1;
  await command(
    'document.edit',
    {
      documentId,
      expectedVersion: doc.version.version,
      text: doc.version.text.slice(0, doc.version.text.indexOf(line)) + doc.version.text.slice(lineEnd),
    },
    projectId,
  );

  await signIn(page, OWNER);
  await openDocument(page);
  // Six codings still have their words; the seventh lost them and waits in the review queue.
  await expect(page.getByTestId('coding-count')).toHaveText('6 codings');
  await expect(page.getByTestId('orphan-count')).toHaveText('1 lost');
  await expect(page.getByTestId('coding-text')).not.toContainText('what nearly stopped it');
  await page.getByTestId('orphan-count').click();
  await expect(page).toHaveURL(/\/codebook\/orphans$/);
  await expect(page.getByText('what nearly stopped it').first()).toBeVisible();
});

test('a coding an edit placed by approximate match shows what was coded and what changed, and is confirmed', async ({
  page,
}) => {
  // The reviewer's own coding (the coder confirms it); the owner's sign-ins are near their limit.
  const { command } = await apiSession(api, REVIEWER);
  const doc = (await (await api.get(`/api/projects/${projectId}/documents/${documentId}`)).json()) as {
    version: { id: string; version: number; text: string };
  };
  const phrase = 'asking for help felt normal rather than awkward';
  const start = doc.version.text.indexOf(phrase);
  const codeId = (await codings())[0]?.codeId ?? '';
  await command(
    'coding.add',
    { documentId, versionId: doc.version.id, codeId, start, end: start + phrase.length },
    projectId,
  );
  // A typo fixed inside the coded words: the coding is placed by approximate match.
  await command(
    'document.edit',
    {
      documentId,
      expectedVersion: doc.version.version,
      text: doc.version.text.replace(phrase, 'asking for help felt natural rather than awkward'),
    },
    projectId,
  );

  await signIn(page, REVIEWER, `/projects/${projectId}/codebook/orphans`);
  const list = page.getByRole('list', { name: 'Codings to confirm' });
  const card = list.getByRole('listitem').filter({ hasText: 'natural rather than' });
  const coded = card.getByLabel('Coded on');
  await expect(coded).toContainText('asking for help felt n');
  await expect(coded.locator('del')).toHaveText('normal');
  await expect(coded.locator('ins')).toHaveText('natural');
  await expect(card.getByTestId('segment-passage')).toHaveText(
    'asking for help felt natural rather than awkward',
  );
  await shoot(page, 'coding-fuzzy-to-confirm');
  await card.getByRole('button', { name: 'Confirm' }).click();
  await expect(card).toHaveCount(0);
});

test('selects and codes text with the keyboard alone: a turn, its ends moved by a word, a shortcut key', async ({
  page,
}) => {
  await signIn(page, REVIEWER);
  await openDocument(page);
  const before = await codings();
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');

  // Alt+↓ selects the next speaker turn, without its speaker's name.
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(selected)
    .toBe('Thank you for agreeing to talk about the community garden. How did it start?');
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(selected).toMatch(/^We started the garden because .* that had to change\.$/);
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  // Shift+← takes the end back a word at a time; Alt+Shift+→ moves the start on by one.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(selected).toMatch(/^started the garden because .* that had to$/);
  await shoot(page, 'coding-keyboard-selection');

  // The code's shortcut key codes exactly that.
  await page.keyboard.press('1');
  await expect.poll(async () => (await codings()).length).toBe(before.length + 1);
  const added = (await codings()).find((c) => !before.some((b) => b.id === c.id));
  expect(added?.exact).toMatch(/^started the garden because .* that had to$/);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await codings()).length).toBe(before.length);
});
