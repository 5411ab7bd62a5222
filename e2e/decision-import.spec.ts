import { expect as baseExpect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, REVIEWER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory.
// 4351 was allotted, but a dev server of the codebook work listens there this session.
const PORT = 4361;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = 'Social prescribing: moving from ASReview';

test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 20_000 });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 900 }, actionTimeout: 15_000 });

// Written for this test: three records; the team screened two of them in ASReview before moving.
const LINK_WORKERS = 'Link workers in social prescribing: a realist evaluation';
const GARDENING = 'Community gardening referrals for adults with anxiety';
const MUSEUMS = 'Museum visits on prescription for older people living alone';
const RIS = `TY  - JOUR
TI  - ${LINK_WORKERS}
AU  - Husk, Kerryn
PY  - 2020
T2  - Health and Social Care in the Community
DO  - 10.1111/hsc.12839
AB  - How link workers connect patients with community groups.
ER  - 

TY  - JOUR
TI  - ${GARDENING}
AU  - Bishop, Rhiannon
PY  - 2019
T2  - Perspectives in Public Health
AB  - General practices referred adults with anxiety to gardening groups.
ER  - 

TY  - JOUR
TI  - ${MUSEUMS}
AU  - Thomson, Linda
PY  - 2018
T2  - Arts and Health
AB  - A pilot of museum visits prescribed by general practitioners.
ER  - 
`;

// ASReview's export (v1 columns): 1 = relevant, 0 = irrelevant; the third row is no record of ours.
const ASREVIEW_CSV = [
  'record_id,title,abstract,authors,doi,year,included,exported_notes_1',
  `0,"${LINK_WORKERS}",How link workers connect patients.,"Husk, K",https://doi.org/10.1111/HSC.12839,2020,1,core programme theory paper`,
  `1,"${GARDENING}",Gardening groups.,"Bishop, R",,2019,0,`,
  '2,Dance classes for people with Parkinson disease,Dance.,"Mara, L",,2017,1,',
  '',
].join('\n');

let server: OwnServer | undefined;
let projectId = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'decision-import');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const { command, upload } = await apiSession(api, OWNER);
  ({ projectId } = await command<{ projectId: string }>('project.create', { name: PROJECT }));
  await command('user.create', { ...REVIEWER, isAdmin: false });
  await command('member.add', { username: REVIEWER.username, role: 'reviewer' }, projectId);
  const { searchId } = await command<{ searchId: string }>(
    'search.create',
    { sourceType: 'database', name: 'MEDLINE' },
    projectId,
  );
  const uploadId = await upload(`/api/projects/${projectId}/uploads`, 'medline.ris', RIS);
  await command('import.records', { searchId, uploadId }, projectId);
  await command('screening.set-up', {}, projectId);
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test("the lead imports a reviewer's ASReview decisions in the app; matched and unmatched rows are reported and the decisions appear", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, OWNER, `/projects/${projectId}/screening/title-abstract/dashboard`);
  await page.goto(`/projects/${projectId}/screening/title-abstract/dashboard`);
  const card = page.getByTestId('decision-import');
  await expect(card).toBeVisible();
  await card.locator('input[type="file"]').setInputFiles({
    name: 'asreview_result_social-prescribing.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(ASREVIEW_CSV),
  });
  await card.getByRole('combobox', { name: 'Decisions made by' }).click();
  await page.getByRole('option', { name: REVIEWER.displayName }).click();
  await card.getByRole('button', { name: 'Import decisions' }).click();

  const report = card.getByTestId('decision-import-report');
  await expect(report).toContainText(
    '2 of 3 rows matched a record: 1 include, 1 exclude, 0 maybe, 0 undecided.',
  );
  await expect(report).toContainText('1 row was not imported');
  await expect(report).toContainText('Row 3 (“Dance classes for people with Parkinson disease”)');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'fulltext-decision-import');

  // The decisions are Ben's, marked as imported, with ASReview's note; the third record waits.
  await page.getByRole('tab', { name: 'Records' }).click();
  const linkWorkers = page.getByTestId('screening-list-row').filter({ hasText: LINK_WORKERS });
  await expect(linkWorkers).toContainText(REVIEWER.displayName);
  await expect(linkWorkers).toContainText('Include');
  await expect(linkWorkers.getByTestId('screening-list-note')).toHaveText(
    `${REVIEWER.displayName}: “core programme theory paper”`,
  );
  const gardening = page.getByTestId('screening-list-row').filter({ hasText: GARDENING });
  await expect(gardening).toContainText('Exclude');
  await expect(page.getByTestId('screening-list-row').filter({ hasText: MUSEUMS })).toContainText('None yet');
  await linkWorkers.click();
  const history = page.getByTestId('decision-history');
  await expect(history).toContainText(REVIEWER.displayName);
  await expect(history).toContainText('imported');
  await expect(history).toContainText('core programme theory paper');
  await page.keyboard.press('Escape');

  // The imported decisions count on the dashboard, like decisions made here.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByText('2 of 3 records decided', { exact: false })).toBeVisible();
});
