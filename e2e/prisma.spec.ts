import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, OWNER, shoot, signIn } from './helpers';
import { type OwnServer, startOwnServer } from './own-server';

// Its own server on its own fresh data directory, like identification.spec.ts.
const PORT = 4339;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, viewport: { width: 1440, height: 1000 } });

let server: OwnServer | undefined;
let projectId = '';
/** The report nobody has marked yet (retrieval unknown, no full-text decision). */
let unmarkedReport = '';

interface Stage {
  id: string;
  key: string;
  reasonRequired: boolean;
  reasons: Array<{ id: string; label: string }>;
}
interface Flow {
  counts: Record<string, number>;
  lists: Record<string, Array<{ name: string; count: number }>>;
  warnings: Array<{ code: string; count: number }>;
}

async function queue(api: APIRequestContext, stageId: string, count: number): Promise<string[]> {
  const res = await api.get(`/api/projects/${projectId}/screening/stages/${stageId}/next?count=${count}`);
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { records: Array<{ recordId: string }> };
  return body.records.map((r) => r.recordId);
}

/*
 * The demo project (two database exports, eight certain duplicates merged), then screened by
 * the owner through the API: at title/abstract 5 included and 3 excluded; at full text one report
 * not retrieved, 2 included and 1 excluded with a reason, one left undecided.
 */
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT, 'prisma');
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const owner = await apiSession(api, OWNER);
  ({ projectId } = await owner.command<{ projectId: string }>('demo.create', {}));

  const stagesRes = await api.get(`/api/projects/${projectId}/screening/stages`);
  const { stages } = (await stagesRes.json()) as { stages: Stage[] };
  const [titleAbstract, fullText] = stages;
  if (!titleAbstract || !fullText) throw new Error('the demo has two stages');
  const first = await queue(api, titleAbstract.id, 8);
  const excludeReason = titleAbstract.reasons[0]?.id;
  for (const [i, recordId] of first.entries()) {
    const include = i < 5;
    await owner.command(
      'screening.decide',
      {
        stageId: titleAbstract.id,
        recordId,
        decision: include ? 'include' : 'exclude',
        reasonIds: !include && titleAbstract.reasonRequired && excludeReason ? [excludeReason] : [],
      },
      projectId,
    );
  }
  const reports = await queue(api, fullText.id, 10);
  expect(reports).toHaveLength(5);
  const [lost, a, b, excluded, unmarked] = reports as [string, string, string, string, string];
  unmarkedReport = unmarked;
  await owner.command(
    'report.set-retrieval',
    { recordId: lost, retrieval: 'not-retrieved', note: '' },
    projectId,
  );
  for (const recordId of [a, b, excluded])
    await owner.command('report.set-retrieval', { recordId, retrieval: 'retrieved', note: '' }, projectId);
  for (const recordId of [a, b])
    await owner.command(
      'screening.decide',
      { stageId: fullText.id, recordId, decision: 'include' },
      projectId,
    );
  const reason = fullText.reasons[0];
  if (!reason) throw new Error('the full-text stage has exclusion reasons');
  await owner.command(
    'screening.decide',
    { stageId: fullText.id, recordId: excluded, decision: 'exclude', reasonIds: [reason.id] },
    projectId,
  );
  await api.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test('the PRISMA page shows the flow, the records behind a box, and downloads the template CSV', async ({
  page,
}) => {
  await signIn(page, OWNER, `/projects/${projectId}/prisma`);
  await expect(page.getByRole('heading', { name: 'PRISMA 2020 flow diagram' })).toBeVisible();
  const flow = (await (await page.request.get(`/api/projects/${projectId}/prisma`)).json()) as Flow;

  // The numbers scripted above, as the API and the drawn diagram give them.
  const identified = flow.counts.database_results ?? 0;
  expect(flow.counts.duplicates).toBe(8);
  expect(flow.counts.records_screened).toBe(identified - 8);
  expect(flow.counts.records_excluded).toBe(3);
  expect(flow.counts.dbr_sought_reports).toBe(5);
  expect(flow.counts.dbr_notretrieved_reports).toBe(1);
  expect(flow.counts.dbr_assessed).toBe(4);
  expect(flow.lists.dbr_excluded?.reduce((s, e) => s + e.count, 0)).toBe(1);
  expect(flow.counts.new_studies).toBe(2);
  expect(flow.warnings.find((w) => w.code === 'records-unscreened')?.count).toBe(identified - 8 - 8);
  expect(flow.warnings.find((w) => w.code === 'reports-undecided')?.count).toBe(1);

  const box = (key: string) => page.locator(`g.prisma-box[data-box="${key}"]`);
  const n = (value: number) => `(n\u00a0=\u00a0${value})`;
  await expect(box('duplicates')).toContainText(`Duplicate records removed ${n(8)}`);
  await expect(box('records_screened')).toContainText(`Records screened ${n(identified - 8)}`);
  await expect(box('records_excluded')).toContainText(n(3));
  await expect(box('dbr_sought_reports')).toContainText(n(5));
  await expect(box('dbr_notretrieved_reports')).toContainText(n(1));
  await expect(box('dbr_assessed')).toContainText(n(4));
  await expect(box('new_studies')).toContainText(`New studies included in review ${n(2)}`);
  for (const search of flow.lists.database_specific_results ?? [])
    await expect(box('database_results')).toContainText(`${search.name} ${n(search.count)}`);

  // The warnings above the diagram, each with its records.
  await expect(page.getByText(/records? have no final title\/abstract decision yet/)).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, 'prisma-diagram');

  // A box is a button: clicking it lists its records.
  await box('records_excluded').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('3 records')).toBeVisible();
  await expect(drawer.getByTestId('box-records').locator(':scope > div')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The identification box: pick one database from the list.
  await box('database_results').focus();
  await page.keyboard.press('Enter');
  await expect(drawer.getByText(`${identified} records`)).toBeVisible();
  const [firstSearch] = flow.lists.database_specific_results ?? [];
  if (!firstSearch) throw new Error('the demo has searches');
  await drawer.getByText(/^Per database/).click();
  await drawer.getByLabel('Search', { exact: true }).click();
  await page.getByRole('option', { name: `${firstSearch.name} (${firstSearch.count})` }).click();
  await expect(drawer.getByText(new RegExp(`^${firstSearch.count} records`))).toBeVisible();
  await shoot(page, 'prisma-records');
  await page.keyboard.press('Escape');

  // A warning's records.
  await page
    .getByRole('button', { name: /^Show the 1 records: 1 report has no final full-text decision/ })
    .click();
  await expect(drawer.getByText('1 record', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // The reports panel shows the retrieval marked above.
  const reportsList = page.getByTestId('reports-list');
  await expect(reportsList.getByRole('radio', { name: 'Not retrieved', checked: true })).toHaveCount(1);

  // The two included reports are linked as one study: 1 study, still 2 reports.
  const included = (await (
    await page.request.get(`/api/projects/${projectId}/prisma/records?box=new_reports`)
  ).json()) as { records: Array<{ record: { title: string } }> };
  expect(included.records).toHaveLength(2);
  for (const { record } of included.records)
    await reportsList.getByRole('checkbox', { name: `Select “${record.title}” to link` }).check();
  await page.getByRole('button', { name: 'Link as one study' }).click();
  await expect(page.getByText('2 reports linked as one study')).toBeVisible();
  await expect(box('new_studies')).toContainText(`New studies included in review ${n(1)}`);
  await expect(box('new_studies')).toContainText(`Reports of new included studies ${n(2)}`);
  // The list says which reports make the study; only they can be taken out of it.
  await expect(reportsList.getByText(/^Study named after this report \(2 reports\)$/)).toHaveCount(1);
  await expect(reportsList.getByText(/^Study: .+ \(2 reports\)$/)).toHaveCount(1);
  await expect(reportsList.getByRole('button', { name: 'More actions for this report' })).toHaveCount(2);
  await reportsList.scrollIntoViewIfNeeded();
  await shoot(page, 'prisma-reports');
  // The new studies box lists the study once, by the report it is named after, its other report under it.
  await box('new_studies').click();
  await expect(drawer.getByText('1 study', { exact: true })).toBeVisible();
  await expect(drawer.getByText('Also reported in:')).toHaveCount(1);
  await shoot(page, 'prisma-records');
  await page.keyboard.press('Escape');

  // The lead makes it an updated review and renames a box; the diagram follows.
  await page.getByRole('button', { name: 'Diagram settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Diagram settings' });
  const updated = settings.getByRole('switch', { name: /This review updates a previous one/ });
  await updated.focus();
  await page.keyboard.press('Space');
  await expect(updated).toBeChecked();
  await settings.getByLabel('Studies included in the previous version').fill('7');
  await settings.getByLabel('Reports of those studies').fill('9');
  await settings
    .getByRole('textbox', { name: 'Records screened', exact: true })
    .fill('Titles and abstracts screened');
  await shoot(page, 'prisma-settings');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect(box('records_screened')).toContainText(`Titles and abstracts screened ${n(identified - 8)}`);
  await expect(box('previous_studies')).toContainText(n(7));
  await expect(box('total_studies')).toContainText(`Total studies included in review ${n(8)}`);

  // Live: someone else marks the last report as not retrieved; the open diagram follows.
  const other = await playwrightRequest.newContext({ baseURL: BASE });
  await (await apiSession(other, OWNER)).command(
    'report.set-retrieval',
    { recordId: unmarkedReport, retrieval: 'not-retrieved', note: '' },
    projectId,
  );
  await other.dispose();
  await expect(box('dbr_notretrieved_reports')).toContainText(n(2));
  await expect(box('dbr_assessed')).toContainText(n(3));

  // The PRISMA2020 template CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const file = await download;
  const csv = readFileSync((await file.path()) as string, 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('data,node,box,description,boxtext,tooltips,url,n');
  expect(rows.find((r) => r.startsWith('duplicates,'))?.endsWith(',8')).toBe(true);
  expect(rows.find((r) => r.startsWith('dbr_assessed,'))?.endsWith(',3')).toBe(true);

  // The methods record, from the same page.
  await page.getByRole('button', { name: 'Methods record' }).click();
  const methods = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Markdown (.md)' }).click();
  const markdown = readFileSync((await (await methods).path()) as string, 'utf8');
  expect(markdown).toMatch(/^# Methods record: /);
  expect(markdown).toContain('## Study selection (PRISMA 2020 counts)');

  // A label in Chinese: the PDF's embedded font cannot draw it. The PDF still downloads, and a
  // notification names the characters the server warned of (x-weft-warning).
  await page.getByRole('button', { name: 'Diagram settings' }).click();
  await settings
    .getByRole('textbox', { name: 'Records screened', exact: true })
    .fill('Titles and abstracts screened 标题筛选');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect(box('records_screened')).toContainText('标题筛选');
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const saved = await pdf;
  expect(saved.suggestedFilename()).toMatch(/-prisma\.pdf$/);
  expect(
    readFileSync((await saved.path()) as string)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  const warning = page.getByRole('alert').filter({ hasText: 'PDF saved with missing characters' });
  await expect(warning).toContainText('has no glyph for 标 题 筛 选');
  await shoot(page, 'prisma-pdf-warning');
});

test('the review log lists what was done, filters it, and exports it', async ({ page }) => {
  await signIn(page, OWNER, `/projects/${projectId}/review-log`);
  await expect(page.getByRole('heading', { name: 'Review log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Review log' });
  await expect(table.getByText(/Ana Lima created the project/)).toBeVisible();
  await expect(table.getByText(/Ana Lima imported \d+ records/).first()).toBeVisible();
  // Each names the report it was about.
  await expect(table.getByText(/marked “[^”]+” as not retrieved/)).toHaveCount(2);
  // Twice: the updated review and box name, then the label in Chinese.
  await expect(table.getByText(/edited the PRISMA diagram settings/)).toHaveCount(2);
  await shoot(page, 'review-log');

  await page.getByRole('group', { name: 'Kinds of event' }).getByText('Searches and imports').click();
  await expect(page.getByRole('checkbox', { name: 'Searches and imports' })).toBeChecked();
  await expect(table.getByText(/created the project/)).toHaveCount(0);
  await expect(table.getByText(/imported \d+ records/)).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('seq,time,actor,group,type,description,detail');
  // The two searches and the two imports of the demo, nothing else.
  expect(lines).toHaveLength(5);
});
