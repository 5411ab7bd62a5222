import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const OWNER = { username: 'ana', displayName: 'Ana Lima', password: 'warp-and-weft-2024' };
export const REVIEWER = { username: 'ben', displayName: 'Ben Okafor', password: 'screening-first' };
export const VIEWER = { username: 'cleo', displayName: 'Cleo Marsh', password: 'read-only-please' };
export const NEWCOMER = { username: 'dan', displayName: 'Dan Ruiz', password: 'nothing-here-yet' };

export interface Account {
  username: string;
  displayName: string;
  password: string;
}

/** Sign in through the login form and wait for the projects page. */
export async function signIn(page: Page, account: Account, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(account.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${account.displayName}` })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/**
 * Save a screenshot of the page to docs/screenshots (viewport only), when WEFT_SCREENSHOTS=1:
 * `WEFT_SCREENSHOTS=1 npx playwright test`. Off by default so a test run leaves the tree clean.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.WEFT_SCREENSHOTS) return;
  // Let transitions settle and relative times render before capturing.
  await page.waitForTimeout(350);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled', caret: 'hide' });
}

/** A signed-in API session (cookie + CSRF token) for arranging state quickly. */
export async function apiSession(request: APIRequestContext, account: Account) {
  const response = await request.post('/api/session', {
    data: { username: account.username, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    async command<T = unknown>(type: string, payload: unknown, projectId?: string): Promise<T> {
      const res = await request.post('/api/commands', {
        headers: { 'x-csrf-token': csrfToken },
        data: { id: crypto.randomUUID(), type, payload, ...(projectId ? { projectId } : {}) },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return ((await res.json()) as { result: T }).result;
    },
    /** Uploads bytes to an upload route (`/api/projects/ID/uploads` or `…/documents/uploads`); the upload id. */
    async upload(path: string, fileName: string, data: Buffer | string): Promise<string> {
      const res = await request.post(`${path}?fileName=${encodeURIComponent(fileName)}`, {
        headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
        data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
      });
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { uploadId: string }).uploadId;
    },
    async projectIdByName(name: string): Promise<string> {
      const res = await request.get('/api/projects');
      const { projects } = (await res.json()) as { projects: Array<{ id: string; name: string }> };
      const found = projects.find((p) => p.name === name);
      if (!found) throw new Error(`no project named ${name}`);
      return found.id;
    },
  };
}
