// 4. The operator console: a staff user creates a group and a user through /admin/, revokes the user's tokens,
// and finds each action in the audit log; an ordinary user is refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, BASE_URL, USER, api, launch, registerApplication, shot, signIn, tokenRequest }
  from '../lib/helpers.mjs';

let chromium;
before(async () => { chromium = await launch(); });
after(async () => { await chromium?.close(); });

const suffix = Date.now().toString(36);
const group = `editors-${suffix}`;
const username = `carol-${suffix}`;
const password = `Carol-pass-${suffix}`;

test('admin console: create a group and a user, revoke tokens, see it in the audit log', async () => {
  const page = await chromium.newPage();
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Admin' }).click();
  assert.equal(new URL(page.url()).pathname, '/admin/users/');
  assert.equal(await page.title(), 'Users · Tollgate');
  await shot(page, '40-admin-users');

  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByLabel('New group name').fill(group);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create group' }).click()]);
  assert.equal((await page.getByRole('status').textContent()).trim(), 'Group created.');
  await shot(page, '41-admin-group-created');

  await page.goto(`${BASE_URL}/admin/users/new/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(`${password}-typo`);
  await page.getByLabel(group).check();
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create user' }).click()]);
  assert.match(await page.locator('#password-errors').textContent(), /didn.t match/);
  assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'passwords are not echoed');
  await shot(page, '42-admin-user-password-mismatch');

  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create user' }).click()]);
  assert.equal((await page.getByRole('status').textContent()).trim(), 'User created.');
  assert.ok(await page.getByLabel(group).isChecked(), 'the new user is in the group');
  await shot(page, '43-admin-user-created');

  // The new user signs in and gets a token from the user's page flow; then the operator revokes everything.
  const userPath = new URL(page.url()).pathname;
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Revoke all tokens' }).click()]);
  assert.match((await page.getByRole('status').textContent()).trim(), /^Revoked \d+ tokens\.$/);
  assert.equal(new URL(page.url()).pathname, userPath);

  // The audit log shows the console's actions, newest first, linking to the user.
  let rows = 0;
  for (let i = 0; i < 50 && rows < 3; i++) {
    await page.goto(`${BASE_URL}/admin/audit/?type=admin.&user=${ADMIN.username}`);
    rows = await page.locator('tbody tr', { hasText: 'admin.' }).count();
    if (rows < 3) await page.waitForTimeout(100);
  }
  const created = page.locator('tbody tr', { hasText: 'admin.user.created' });
  await created.first().waitFor();
  await assert.doesNotReject(created.getByRole('link', { name: `user ${username}` }).first().waitFor());
  assert.ok(await page.locator('tbody tr', { hasText: 'admin.group.created' }).count() >= 1);
  assert.ok(await page.locator('tbody tr', { hasText: 'admin.token.revoked' }).count() >= 1);
  assert.equal(await page.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current'), 'page');
  await shot(page, '44-admin-audit-log');

  await created.getByRole('link', { name: `user ${username}` }).first().click();
  assert.equal(new URL(page.url()).pathname, userPath);
  await page.close();
});

test('admin console: an ordinary user is refused', async () => {
  const page = await chromium.newPage();
  await signIn(page, USER);
  assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'no Admin link for non-staff');
  const response = await page.goto(`${BASE_URL}/admin/users/`);
  assert.equal(response.status(), 403);
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Staff only');
  await shot(page, '45-admin-refused');
  await page.close();
});

test('admin console: the status page charts live figures with no CSP violation', async () => {
  const page = await chromium.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, ADMIN);
  const app = await registerApplication(page, { name: `Status ${suffix}`, grants: ['Resource owner password-based'] });
  await page.goto(`${BASE_URL}/admin/status/`);
  assert.equal(await page.getByRole('link', { name: 'Status' }).getAttribute('aria-current'), 'page');
  // Traffic between polls, so the per-minute charts have something to draw: tokens, a refusal, API calls.
  for (let i = 0; i < 3; i++) {
    const ok = await tokenRequest(app, { grant_type: 'password', username: ADMIN.username, password: ADMIN.password });
    assert.equal(ok.status, 200);
    assert.equal((await api('/users/', ok.body.access_token)).status, 200);
    assert.equal((await tokenRequest(app, { grant_type: 'password', username: ADMIN.username, password: 'wrong' }))
      .status, 400);
  }
  await page.waitForFunction(() => document.querySelectorAll('#status-charts canvas').length >= 5,
    null, { timeout: 20_000 });
  await page.waitForFunction(() => /Updated/.test(document.getElementById('status-state').textContent));
  await page.waitForTimeout(5_500); // one more poll: the rate charts need two
  const issued = await page.locator('#chart-issued .u-legend').textContent();
  assert.match(issued, /password/, 'the grant types are in the legend');
  assert.match(await page.locator('#status-now').textContent(), /Tokens issued since start\s*[1-9]/);
  assert.deepEqual(errors, [], 'no script errors');
  assert.deepEqual(chromium.cspViolations, [], 'no CSP violations');
  await shot(page, '46-admin-status');
  await page.close();
});
