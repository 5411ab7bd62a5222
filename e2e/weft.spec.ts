import { expect, test } from '@playwright/test';
import { apiSession, NEWCOMER, OWNER, REVIEWER, shoot, signIn, signOut, VIEWER } from './helpers';

// One server, one fresh data directory: these tests build on each other, in order.
test.describe.configure({ mode: 'serial' });

const PROJECT = 'Integrated care for older adults';
const RENAMED = 'Integrated care for older adults: a review of reviews';

test('first-run setup, sign in, create a project: the feed says so', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Weft' })).toBeVisible();

  // Validation messages before anything is sent.
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByText('Enter the name your team will see.')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.displayName);
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill('A');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await page.getByRole('textbox', { name: 'Repeat password', exact: true }).fill('different');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByText(/A username has 2 to 40 characters/)).toBeVisible();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await shoot(page, 'setup');

  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(OWNER.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
  await page.getByRole('textbox', { name: 'Repeat password', exact: true }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Create owner account' }).click();

  // Signed in, with nothing yet: the empty state points to the next step.
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Explore the demo project' })).toBeVisible();
  await shoot(page, 'projects-empty');

  await signOut(page);
  await shoot(page, 'login');
  await signIn(page, OWNER);

  await page.getByRole('button', { name: 'Create a project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByText('A project needs a name.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(PROJECT);
  await dialog
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('How do integrated care programmes for older adults work, for whom, and in what circumstances?');
  await shoot(page, 'create-project');
  await dialog.getByRole('button', { name: 'Create project' }).click();

  await expect(page.getByTestId('project-name')).toHaveText(PROJECT);
  await expect(page.getByTestId('header-project-name')).toHaveText(PROJECT);
  await expect(page).toHaveTitle(`${PROJECT} · Weft`);
  await expect(page.getByTestId('activity-feed')).toContainText(
    `${OWNER.displayName} created the project “${PROJECT}”`,
  );
  await expect(page.getByTestId('live-status')).toHaveText('Live');
});

test('the admin adds an account and a reviewer sees a rename live', async ({ page, browser }) => {
  await signIn(page, OWNER);

  // Accounts page: create the reviewer's account.
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(REVIEWER.displayName);
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(REVIEWER.username);
  await page.getByRole('textbox', { name: 'Initial password', exact: true }).fill(REVIEWER.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Account created')).toBeVisible();
  await expect(page.getByTestId('account-list')).toContainText(REVIEWER.displayName);
  await shoot(page, 'accounts');

  // Members page: add them as reviewer, picking the account from the autocomplete.
  await page.getByRole('link', { name: 'All projects', exact: true }).click();
  await page.getByRole('link', { name: PROJECT }).click();
  await page.getByRole('link', { name: /^Members/ }).click();
  await page.getByRole('combobox', { name: 'Account' }).fill('Ben');
  await page.getByRole('option', { name: /Ben Okafor/ }).click();
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue(REVIEWER.username);
  await page.getByRole('button', { name: 'Add member' }).click();
  const row = page.locator(`[data-testid="member-row"][data-username="${REVIEWER.username}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole('combobox', { name: `Role of ${REVIEWER.displayName}` })).toHaveValue(
    'Reviewer',
  );
  await shoot(page, 'members');

  // The reviewer, in a browser of their own, opens the project home.
  const other = await browser.newContext();
  const member = await other.newPage();
  await signIn(member, REVIEWER);
  await member.getByRole('link', { name: PROJECT }).click();
  await expect(member.getByTestId('project-name')).toHaveText(PROJECT);
  await expect(member.getByTestId('live-status')).toHaveText('Live');
  await expect(member.getByRole('button', { name: 'Rename project' })).toHaveCount(0);
  await member.evaluate(() => {
    (window as unknown as { stayedOpen: boolean }).stayedOpen = true;
  });

  // The owner renames it.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Rename project' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill(RENAMED);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('project-name')).toHaveText(RENAMED);

  // The reviewer sees it appear, without reloading.
  await expect(member.getByTestId('activity-feed')).toContainText(
    `${OWNER.displayName} renamed the project from “${PROJECT}” to “${RENAMED}”`,
  );
  await expect(member.getByTestId('project-name')).toHaveText(RENAMED);
  await expect(member.getByTestId('header-project-name')).toHaveText(RENAMED);
  expect(await member.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen)).toBe(true);
  await shoot(member, 'project-home-reviewer');
  // The same screen on a phone: navigation folds behind the burger.
  await member.setViewportSize({ width: 390, height: 844 });
  await expect(member.getByRole('button', { name: 'Toggle navigation' })).toBeVisible();
  await shoot(member, 'project-home-mobile');

  await expect(page.getByTestId('feed-item')).toHaveCount(3);
  await shoot(page, 'project-home');
  await other.close();
});

test('a viewer sees no rename or member controls; sign out; a wrong password is refused', async ({
  page,
  request,
}) => {
  const owner = await apiSession(request, OWNER);
  await owner.command('user.create', { ...VIEWER, isAdmin: false });
  const projectId = await owner.projectIdByName(RENAMED);
  await owner.command('member.add', { username: VIEWER.username, role: 'viewer' }, projectId);

  await signIn(page, VIEWER);
  await page.getByRole('link', { name: RENAMED }).click();
  await expect(page.getByTestId('project-name')).toHaveText(RENAMED);
  await expect(page.getByTestId('activity-feed')).toContainText(`added ${VIEWER.displayName} as viewer`);
  await expect(page.getByRole('button', { name: 'Rename project' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit description' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Archive project/ })).toHaveCount(0);
  await shoot(page, 'project-home-viewer');

  await page.getByRole('link', { name: /^Members/ }).click();
  await expect(page.getByTestId('members-readonly')).toContainText('Only owners and leads');
  await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Role of/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByTestId('member-row')).toHaveCount(3);
  await shoot(page, 'members-viewer');

  await signOut(page);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);

  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(VIEWER.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That username and password do not match an account.');
  await shoot(page, 'login-error');
});

test('the owner archives a project and restores it', async ({ page }) => {
  await signIn(page, OWNER);
  await page.getByRole('link', { name: RENAMED }).click();
  await page.getByRole('button', { name: 'Archive project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this project?' });
  await shoot(page, 'archive-confirm');
  await dialog.getByRole('button', { name: 'Archive project' }).click();
  await expect(page.getByText('This project is archived', { exact: true })).toBeVisible();
  await expect(page.getByTestId('activity-feed')).toContainText(`${OWNER.displayName} archived the project`);

  await page.getByRole('link', { name: 'All projects', exact: true }).click();
  await page.getByText('Archived (1)').click();
  await expect(page.getByRole('link', { name: RENAMED })).toBeVisible();
  await shoot(page, 'projects-archived');
  await page.getByRole('button', { name: `Restore ${RENAMED}` }).click();
  await page
    .getByRole('dialog', { name: 'Restore this project?' })
    .getByRole('button', { name: 'Restore project' })
    .click();
  await expect(page.getByRole('radio', { name: /Archived/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: RENAMED })).toBeVisible();
  await shoot(page, 'projects');
});

test('someone with no projects can open the demo project', async ({ page, request }) => {
  const owner = await apiSession(request, OWNER);
  await owner.command('user.create', { ...NEWCOMER, isAdmin: false });
  await signIn(page, NEWCOMER);
  await page.getByRole('button', { name: 'Explore the demo project' }).click();
  await expect(page.getByTestId('project-name')).toBeVisible();
  await expect(page.getByTestId('feed-item').first()).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  await shoot(page, 'project-home-demo');
});

test('renaming over someone else’s rename shows the conflict and lets the user retry', async ({
  page,
  request,
}) => {
  const owner = await apiSession(request, OWNER);
  const projectId = await owner.projectIdByName(RENAMED);
  await signIn(page, OWNER, `/projects/${projectId}`);
  await expect(page.getByTestId('project-name')).toHaveText(RENAMED);
  await page.getByRole('button', { name: 'Rename project' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Integrated care: what works');

  // Meanwhile, in another tab, the name changes.
  const current = (await (await request.get(`/api/projects/${projectId}`)).json()) as {
    project: { version: number };
  };
  await owner.command(
    'project.rename',
    { name: 'Integrated care (older adults)', expectedVersion: current.project.version },
    projectId,
  );

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this' });
  await expect(notice).toContainText('The project is now called “Integrated care (older adults)”');
  await shoot(page, 'rename-conflict');
  await notice.getByRole('button', { name: 'Save mine anyway' }).click();
  await expect(page.getByTestId('project-name')).toHaveText('Integrated care: what works');
  await expect(page.getByTestId('activity-feed')).toContainText(
    'renamed the project from “Integrated care (older adults)” to “Integrated care: what works”',
  );
});

test('repeated failed sign-ins are slowed down, and the form says so', async ({ page, request }) => {
  // The limit is per address and username, so hammering a throwaway name locks out no one else.
  let status = 0;
  for (let i = 0; i < 50 && status !== 429; i++) {
    const res = await request.post('/api/session', {
      data: { username: 'mallory', password: 'guess-number-x' },
    });
    status = res.status();
  }
  expect(status).toBe(429);
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill('mallory');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('one-more-guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Too many sign-in attempts');
  await shoot(page, 'login-rate-limited');
});
