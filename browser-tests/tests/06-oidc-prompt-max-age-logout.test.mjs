// OpenID Connect in the browser: prompt=login shows the sign-in form over a live session; max_age=1 after a wait
// forces a fresh sign-in (the new ID token's auth_time is newer); RP-initiated logout with id_token_hint goes
// straight back to the registered post-logout URI with state and ends the session; without a hint Tollgate asks
// first, then signs out. The tests in this file run in order and share the application and the user's browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN, BASE_URL, USER, authorizeUrl, launch, pkce, randomState, shot, startRedirectCatcher, submitLogin,
  tokenRequest,
} from '../lib/helpers.mjs';

let chromium;
let catcher;
let app;
let redirectUri;
let signedOutUri;
let userPage;
let idToken; // the latest ID token of the user's current session

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

before(async () => {
  chromium = await launch();
  catcher = await startRedirectCatcher();
  redirectUri = `${catcher.origin}/callback`;
  signedOutUri = `${catcher.origin}/signed-out`;
  // The admin registers the relying party through the form, with its post-logout URI and the OIDC scopes.
  const adminPage = await chromium.newPage();
  await adminPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(adminPage, ADMIN);
  await adminPage.goto(`${BASE_URL}/o/applications/register/`);
  await adminPage.getByLabel('Name', { exact: true }).fill('Travel diary');
  await adminPage.getByLabel('Confidential').check();
  await adminPage.getByLabel('Authorization code').check();
  await adminPage.getByLabel('Redirect URIs', { exact: true }).fill(redirectUri);
  await adminPage.getByLabel('Post-logout redirect URIs').fill(signedOutUri);
  await adminPage.getByLabel(/JWT \(RFC 9068\)/).check();
  await shot(adminPage, '30-application-form-oidc');
  await Promise.all([adminPage.waitForNavigation(), adminPage.getByRole('button', { name: 'Save' }).click()]);
  await adminPage.getByRole('heading', { name: 'Travel diary' }).waitFor();
  assert.ok(await adminPage.getByText(signedOutUri).isVisible());
  assert.equal((await adminPage.locator('#token-format').textContent()).trim(), 'jwt');
  await shot(adminPage, '31-application-oidc');
  app = {
    clientId: (await adminPage.locator('#client-id').textContent()).trim(),
    clientSecret: (await adminPage.locator('#client-secret').textContent()).trim(),
  };
  await adminPage.context().close();
  userPage = await chromium.newPage();
  await userPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(userPage, USER);
});
after(async () => {
  await chromium?.close();
  await catcher?.close();
});

/** Starts an OpenID Connect authorization request in the user's browser; returns what to exchange the code with. */
async function authorize(extra) {
  const { verifier, challenge } = pkce();
  const state = randomState();
  const nonce = randomState();
  const hit = catcher.nextHit();
  await userPage.goto(authorizeUrl({
    response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, scope: 'openid profile email',
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  }));
  return { verifier, state, nonce, hit };
}

/** The code at the client's callback, exchanged; returns the ID token's claims (and keeps the token). */
async function finish({ verifier, state, nonce, hit }) {
  const callback = await hit;
  assert.equal(callback.query.state, state);
  const response = await tokenRequest(app, {
    grant_type: 'authorization_code', code: callback.query.code, redirect_uri: redirectUri, code_verifier: verifier,
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  idToken = response.body.id_token;
  const id = claims(idToken);
  assert.equal(id.nonce, nonce);
  assert.equal(id.aud, app.clientId);
  assert.equal(claims(response.body.access_token).client_id, app.clientId, 'the JWT access token chosen on the form');
  return id;
}

let firstAuthTime;

test('prompt=login shows the sign-in form even when signed in', async () => {
  const request = await authorize({ prompt: 'login', login_hint: USER.username });
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/', 'the form, over a live session');
  assert.equal(await userPage.getByLabel('Username').inputValue(), USER.username, 'prefilled from login_hint');
  await shot(userPage, '32-prompt-login');
  await userPage.getByLabel('Password').fill(USER.password);
  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Sign in' }).click()]);

  // The consent page says what the OpenID Connect scopes mean.
  assert.equal(new URL(userPage.url()).pathname, '/o/authorize/');
  const scopes = userPage.locator('.scopes');
  assert.ok(await scopes.getByText('Sign you in and confirm your identity').isVisible());
  assert.ok(await scopes.getByText('See your name and username').isVisible());
  assert.ok(await scopes.getByText('See your email address').isVisible());
  await shot(userPage, '33-consent-openid');
  await userPage.getByRole('button', { name: 'Allow' }).click();
  const id = await finish(request);
  assert.ok(id.auth_time >= Math.floor(Date.now() / 1000) - 60);
  firstAuthTime = id.auth_time;
  assert.deepEqual(chromium.cspViolations, []);
});

test('max_age=1 after waiting forces a fresh sign-in, and the new auth_time is newer', async () => {
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const request = await authorize({ max_age: '1' });
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/', 'the session is too old for max_age=1');
  await shot(userPage, '32b-max-age-login');
  await userPage.getByLabel('Username').fill(USER.username);
  await userPage.getByLabel('Password').fill(USER.password);
  // Consent is remembered: the sign-in goes straight on to the client, so wait for its callback, not a page.
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  const id = await finish(request);
  assert.ok(id.auth_time > firstAuthTime, `auth_time ${id.auth_time} after ${firstAuthTime}`);
  assert.ok(id.sid, 'the ID token names the session');
});

test('logout with id_token_hint returns to the registered URI with state, and the session is gone', async () => {
  const state = randomState();
  const hit = catcher.nextHit();
  await userPage.goto(`${BASE_URL}/o/logout/?${new URLSearchParams({
    id_token_hint: idToken, post_logout_redirect_uri: signedOutUri, state,
  })}`);
  const back = await hit;
  assert.equal(back.path, '/signed-out');
  assert.equal(back.query.state, state);
  await userPage.goto(`${BASE_URL}/o/applications/`);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/', 'signed out');

  // A URI that is not registered is an error page on Tollgate, never a redirect.
  const before = catcher.hits.length;
  const refused = await userPage.goto(`${BASE_URL}/o/logout/?${new URLSearchParams({
    id_token_hint: idToken, post_logout_redirect_uri: `${catcher.origin}/evil`, state,
  })}`);
  assert.equal(refused.status(), 400);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Sign-out failed');
  await shot(userPage, '34-logout-refused');
  assert.equal(catcher.hits.length, before);
});

test('logout without id_token_hint asks first, then signs out', async () => {
  await userPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(userPage, USER);
  await userPage.goto(`${BASE_URL}/o/logout/`);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Sign out of Tollgate?');
  assert.ok(await userPage.getByText(`You are signed in as ${USER.username}.`).isVisible());
  await userPage.getByRole('button', { name: 'Sign out of Tollgate' }).focus();
  await shot(userPage, '35-logout-confirm');
  await Promise.all([userPage.waitForNavigation(), userPage.getByRole('button', { name: 'Sign out of Tollgate' }).click()]);
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'You are signed out');
  await shot(userPage, '36-signed-out');
  await userPage.goto(`${BASE_URL}/o/applications/`);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');

  // Named by client_id with its registered URI: asked, then sent back there with state.
  await submitLogin(userPage, USER);
  const state = randomState();
  await userPage.goto(`${BASE_URL}/o/logout/?${new URLSearchParams({
    client_id: app.clientId, post_logout_redirect_uri: signedOutUri, state,
  })}`);
  assert.ok(await userPage.getByText('Travel diary asks to sign you out of Tollgate.').isVisible());
  await shot(userPage, '37-logout-confirm-app');
  const hit = catcher.nextHit();
  await userPage.getByRole('button', { name: 'Sign out of Tollgate' }).click();
  const back = await hit;
  assert.equal(back.query.state, state);
  await userPage.goto(`${BASE_URL}/o/applications/`);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');
  assert.deepEqual(chromium.cspViolations, [], 'no Content-Security-Policy violation in the browser');
});
