import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, REVIEWER, shoot, signIn, signOut } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory (see identification.spec.ts).
const PORT = 4373;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

let server: OwnServer | undefined;
let projectId = '';

// Written for this test: four distinct trials, no duplicates.
const RIS = ['Aspirin', 'Statins', 'Walking', 'Yoga']
  .map(
    (topic, i) =>
      `TY  - JOUR\nTI  - ${topic} for secondary prevention after stroke: trial ${i + 1}\nAU  - Author${i}, A.\nPY  - ${2015 + i}\nDO  - 10.5555/removal.${i}\nER  - \n`,
  )
  .join('\n');

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer(PORT, 'removals');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  await owner.command('user.create', { ...REVIEWER });
  ({ projectId } = await owner.command<{ projectId: string }>('project.create', { name: 'Removals' }));
  await owner.command('member.add', { username: REVIEWER.username, role: 'reviewer' }, projectId);
  const { searchId } = await owner.command<{ searchId: string }>(
    'search.create',
    { sourceType: 'database', name: 'MEDLINE' },
    projectId,
  );
  const uploadId = await owner.upload(`/api/projects/${projectId}/uploads`, 'medline.ris', RIS);
  await owner.command('import.records', { searchId, uploadId }, projectId);
  await owner.command('screening.set-up', {}, projectId);
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test('a lead removes records before screening, sees them marked and filtered, and restores one', async ({
  page,
}) => {
  await signIn(page, OWNER, `/projects/${projectId}/records`);
  await expect(page.getByTestId('records-range')).toHaveText('4 records');
  await page.getByRole('checkbox', { name: /Choose Aspirin/ }).check();
  await page.getByRole('checkbox', { name: /Choose Statins/ }).check();
  await expect(page.getByTestId('records-selection')).toContainText('2 records chosen');
  await shoot(page, 'records-selection');
  await page.getByRole('button', { name: 'Restore for screening' }).isDisabled();
  await page.getByRole('button', { name: 'Remove before screening…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Remove 2 records before screening' });
  await expect(dialog.getByTestId('removal-box')).toContainText('Records removed for other reasons');
  await dialog.getByRole('radio', { name: 'by an automation tool' }).check();
  await expect(dialog.getByTestId('removal-box')).toContainText(
    'Records marked as ineligible by automation tools',
  );
  await dialog.getByRole('button', { name: 'Remove 2 records' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('RCT classifier: not a randomised trial');
  await shoot(page, 'records-remove-before-screening');
  await dialog.getByRole('button', { name: 'Remove 2 records' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.locator('[data-testid="record-row"][data-removed]')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Duplicate status' }).click();
  await page.getByRole('option', { name: 'Removed before screening' }).click();
  await expect(page.getByTestId('records-range')).toHaveText('2 records match');
  await shoot(page, 'records-removed-filter');
  await page.getByRole('checkbox', { name: /Choose Statins/ }).check();
  await page.getByRole('button', { name: 'Restore for screening' }).click();
  await expect(page.getByTestId('records-range')).toHaveText('1 record match');

  await page.getByRole('combobox', { name: 'Duplicate status' }).click();
  await page.getByRole('option', { name: 'Remaining for screening' }).click();
  await expect(page.getByTestId('records-range')).toHaveText('3 records match');

  // The diagram counts the removal in its box.
  const prisma = await page.request.get(`/api/projects/${projectId}/prisma`);
  const { counts } = (await prisma.json()) as { counts: Record<string, number> };
  expect(counts).toMatchObject({ excluded_automatic: 1, excluded_other: 0, records_screened: 3 });

  // A reviewer sees the marks but no way to remove or restore.
  await signOut(page);
  await signIn(page, REVIEWER, `/projects/${projectId}/records`);
  await expect(page.locator('[data-testid="record-row"][data-removed]')).toHaveCount(1);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
});
