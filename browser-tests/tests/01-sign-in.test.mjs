// 1. Sign in: a wrong password shows the error and keeps the user on the form; the right one lands on the
// applications page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, BASE_URL, launch, shot, submitLogin } from '../lib/helpers.mjs';

let chromium;
before(async () => { chromium = await launch(); });
after(async () => { await chromium?.close(); });

test('sign in: wrong password shows the error, the right one lands on the applications page', async () => {
  const page = await chromium.newPage();
  const response = await page.goto(`${BASE_URL}/accounts/login/`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'none'/);
  assert.equal(await page.title(), 'Sign in · Tollgate');
  await page.getByLabel('Username').focus();
  await shot(page, '01-login');

  await submitLogin(page, { username: ADMIN.username, password: `${ADMIN.password}-wrong` });
  assert.equal(new URL(page.url()).pathname, '/accounts/login/');
  const error = page.getByRole('alert');
  assert.equal((await error.textContent()).trim(),
    'Please enter a correct username and password. Both fields may be case-sensitive.');
  assert.equal(await page.getByLabel('Username').inputValue(), ADMIN.username, 'the username is kept');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not echoed back');
  await shot(page, '02-login-error');

  await submitLogin(page, ADMIN);
  assert.equal(new URL(page.url()).pathname, '/o/applications/');
  assert.ok(await page.getByRole('link', { name: 'New application' }).isVisible());
  assert.match(await page.locator('header .who').textContent(), new RegExp(`^${ADMIN.username}\\b`),
    'the header names the user');
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === 'tollgate_session');
  assert.ok(session, 'a session cookie is set');
  assert.equal(session.httpOnly, true);
  await shot(page, '03-applications-after-sign-in');

  // Signing out ends the session: the applications page sends the browser back to the sign-in form.
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/accounts/login/');
  await page.goto(`${BASE_URL}/o/applications/`);
  assert.equal(new URL(page.url()).pathname, '/accounts/login/');
});
