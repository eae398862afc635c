// 13-16. The device authorization grant (RFC 8628): the admin registers a public "Device code" application
// through the form; a device (fetch, as a TV would) asks for a code and polls; the ordinary user opens
// verification_uri_complete, signs in, confirms the code, sees the consent page and allows or denies; the
// device then gets its tokens (or access_denied). The tests in this file run in order and share the app.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import {
  ADMIN, BASE_URL, USER, api, launch, registerApplication, shot, submitLogin,
} from '../lib/helpers.mjs';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
let chromium;
let app;
let userPage;

before(async () => {
  chromium = await launch();
  const adminPage = await chromium.newPage();
  await adminPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(adminPage, ADMIN);
  app = await registerApplication(adminPage, { name: 'Living-room TV', clientType: 'Public', grants: ['Device code'] },
    '13-device-application');
  assert.equal(app.clientSecret, null, 'a public client has no secret');
  await adminPage.context().close();
  userPage = await chromium.newPage();
});
after(async () => { await chromium?.close(); });

/** What the device does first: POST /o/device-authorization/ with its client_id. */
async function deviceAuthorization(scope) {
  const response = await fetch(`${BASE_URL}/o/device-authorization/`, {
    method: 'POST', body: new URLSearchParams({ client_id: app.clientId, scope }),
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return response.json();
}

async function poll(deviceCode) {
  const response = await fetch(`${BASE_URL}/o/token/`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: DEVICE_GRANT, device_code: deviceCode, client_id: app.clientId }),
  });
  return { status: response.status, body: await response.json() };
}

/** Polls as RFC 8628 §3.5 asks: every `interval` seconds, 5 more after each slow_down, until an answer. */
async function pollUntilAnswered(device) {
  let interval = device.interval;
  for (let i = 0; i < 20; i++) {
    await sleep(interval * 1000);
    const answer = await poll(device.device_code);
    if (answer.body.error === 'slow_down') interval += 5;
    else if (answer.body.error !== 'authorization_pending') return answer;
  }
  throw new Error('no answer from the token endpoint');
}

test('the device gets a code, the user confirms it and allows, the device gets a working token', async () => {
  const device = await deviceAuthorization('read');
  assert.match(device.user_code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  assert.equal(device.verification_uri, `${BASE_URL}/o/device/`);
  assert.equal((await poll(device.device_code)).body.error, 'authorization_pending');

  // The user scans verification_uri_complete: sign-in first, then the code form, prefilled.
  await userPage.goto(device.verification_uri_complete);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');
  await submitLogin(userPage, USER);
  assert.equal(new URL(userPage.url()).pathname, '/o/device/');
  assert.equal(await userPage.getByLabel('Code').inputValue(), device.user_code);
  await userPage.getByRole('button', { name: 'Continue' }).focus();
  await shot(userPage, '14-device-code-form');

  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Continue' }).click()]);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(),
    'Authorize Living-room TV on your device?');
  assert.equal((await userPage.locator('#confirm-code').textContent()).trim(), device.user_code);
  assert.ok(await userPage.locator('.scopes').getByText('read').isVisible());
  assert.equal(await userPage.locator('.scopes li').count(), 1);
  await userPage.getByRole('button', { name: 'Allow' }).focus();
  await shot(userPage, '15-device-consent');

  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Allow' }).click()]);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Device connected');
  await shot(userPage, '16-device-connected');
  assert.deepEqual(chromium.cspViolations, [], 'no Content-Security-Policy violation in the browser');

  const answer = await pollUntilAnswered(device);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.scope, 'read');
  const users = await api('/users/', answer.body.access_token);
  assert.equal(users.status, 200);
  assert.ok(JSON.stringify(users.body).includes(`"username":"${USER.username}"`));
  assert.equal((await poll(device.device_code)).body.error, 'invalid_grant', 'the device code is single use');
});

test('a mistyped code is explained; Deny gives the device access_denied', async () => {
  const device = await deviceAuthorization('read write');
  await userPage.goto(`${BASE_URL}/o/device/`);
  await userPage.getByLabel('Code').fill('WDJB-MJH');
  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Continue' }).click()]);
  assert.match(await userPage.getByRole('alert').textContent(), /8 letters and digits/);
  await shot(userPage, '17-device-code-error');

  // Typed the way people do: lower case, no dash.
  await userPage.getByLabel('Code').fill(device.user_code.toLowerCase().replace('-', ''));
  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Continue' }).click()]);
  assert.equal((await userPage.locator('#confirm-code').textContent()).trim(), device.user_code);
  assert.ok(await userPage.locator('.scopes').getByText('write').isVisible());
  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Deny' }).click()]);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Request denied');

  const answer = await pollUntilAnswered(device);
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, 'access_denied');
});
