// 2. The tutorial's Step 3 and Step 4: register an application through the form (confidential, "Resource
// owner password-based"), read the client_id and the once-shown secret from the page, get a token with the
// password grant (client in HTTP Basic) and read /users/ with it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, BASE_URL, USER, api, launch, registerApplication, shot, signIn, tokenRequest } from '../lib/helpers.mjs';

let chromium;
before(async () => { chromium = await launch(); });
after(async () => { await chromium?.close(); });

test('the registration form shows its errors and keeps what was typed', async () => {
  const page = await chromium.newPage();
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'New application' }).click();
  await page.waitForURL(`${BASE_URL}/o/applications/register/`);
  await page.getByLabel('Name', { exact: true }).focus();
  await shot(page, '04-register-form');

  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByLabel('Redirect URIs', { exact: true }).fill('not a uri');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/o/applications/register/', 'stays on the form');
  assert.equal((await page.getByRole('alert').textContent()).trim(), 'Please correct the errors below.');
  assert.ok((await page.locator('#name-errors li').count()) > 0, 'the name has an error');
  assert.ok((await page.locator('#redirect-errors li').count()) > 0, 'the redirect URI has an error');
  assert.equal(await page.getByLabel('Redirect URIs', { exact: true }).inputValue(), 'not a uri', 'the input is kept');
  await shot(page, '05-register-form-errors');
});

test('Step 3 + Step 4: register through the form, password grant with HTTP Basic, GET /users/ → 200', async () => {
  const page = await chromium.newPage();
  await signIn(page, ADMIN);
  const app = await registerApplication(page, {
    name: 'Tutorial application',
    clientType: 'Confidential',
    grants: ['Resource owner password-based'],
  }, '06-application-secret');
  assert.match(app.clientId, /^[A-Za-z0-9_-]{20,}$/);
  assert.ok(app.clientSecret && app.clientSecret.length >= 32, 'the secret is shown once');
  assert.ok(await page.getByText('will not be shown again').isVisible());

  // The secret is shown once only: the application's own page has the client ID and no secret.
  await page.goto(app.url);
  assert.equal((await page.locator('#client-id').textContent()).trim(), app.clientId);
  assert.equal(await page.locator('#client-secret').count(), 0, 'the secret is not shown again');

  // The list shows the new application.
  await page.goto(`${BASE_URL}/o/applications/`);
  assert.ok(await page.getByRole('link', { name: 'Tutorial application' }).isVisible());
  assert.ok(await page.getByText(app.clientId).isVisible());
  await shot(page, '07-applications-list');

  // Step 4: curl -X POST -d "grant_type=password&username=…&password=…" -u"<client_id>:<client_secret>" …/o/token/
  const token = await tokenRequest(app, { grant_type: 'password', username: ADMIN.username, password: ADMIN.password });
  assert.equal(token.status, 200, JSON.stringify(token.body));
  assert.equal(token.body.token_type, 'Bearer');
  assert.equal(token.body.expires_in, 36000);
  assert.equal(token.body.scope, 'read write groups');
  assert.ok(token.body.access_token && token.body.refresh_token);
  assert.equal(token.headers.get('cache-control'), 'no-store');

  const users = await api('/users/', token.body.access_token);
  assert.equal(users.status, 200);
  const names = JSON.stringify(users.body);
  assert.ok(names.includes(`"username":"${ADMIN.username}"`), names);
  assert.ok(names.includes(`"username":"${USER.username}"`), names);
  assert.ok(!names.includes('password'), 'no password in the representation');

  // The wrong secret is refused.
  const refused = await tokenRequest({ clientId: app.clientId, clientSecret: `${app.clientSecret}x` },
    { grant_type: 'password', username: ADMIN.username, password: ADMIN.password });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error, 'invalid_client');
});
