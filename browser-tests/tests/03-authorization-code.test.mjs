// 3-7. The authorization code flow with PKCE (S256) in the browser, against a stand-in client on
// 127.0.0.1:free port: Allow → code (state, iss) → token → /users/; Deny → access_denied; a tampered
// redirect_uri → an error page on Tollgate; revoking on /o/authorized_tokens/ → the token is refused.
// The tests in this file run in order and share the application and the token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN, BASE_URL, ISSUER, USER, api, authorizeUrl, launch, pkce, randomState, registerApplication, shot,
  startRedirectCatcher, submitLogin, tokenRequest,
} from '../lib/helpers.mjs';

let chromium;
let catcher;
let app;
let redirectUri;
let userPage; // the ordinary user's browser (own cookies), signed in during the first test
let tokens;   // from the Allow test, revoked in the last one

before(async () => {
  chromium = await launch();
  catcher = await startRedirectCatcher();
  redirectUri = `${catcher.origin}/callback`;
  // The admin registers the client through the form; the ordinary user authorizes it.
  const adminPage = await chromium.newPage();
  await adminPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(adminPage, ADMIN);
  app = await registerApplication(adminPage, {
    name: 'Photo printer',
    clientType: 'Confidential',
    grants: ['Authorization code'],
    redirectUris: [redirectUri],
  });
  await adminPage.context().close();
  userPage = await chromium.newPage();
});
after(async () => {
  await chromium?.close();
  await catcher?.close();
});

test('code + PKCE S256: sign in when asked, Allow, code with state and iss, token, GET /users/', async () => {
  const { verifier, challenge } = pkce();
  const state = randomState();
  const url = authorizeUrl({
    response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, scope: 'read', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });

  // Not signed in: the authorization request waits behind the sign-in form.
  await userPage.goto(url);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');
  await shot(userPage, '08-login-before-authorize');
  const consentResponse = userPage.waitForResponse((response) =>
    new URL(response.url()).pathname === '/o/authorize/' && response.request().method() === 'GET'
    && response.status() === 200);
  await submitLogin(userPage, USER);

  // The consent page.
  const consent = await consentResponse;
  assert.equal(new URL(userPage.url()).pathname, '/o/authorize/');
  assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Authorize Photo printer?');
  assert.ok(await userPage.getByText(USER.username, { exact: true }).first().isVisible());
  assert.ok(await userPage.locator('.scopes').getByText('read').isVisible());
  assert.ok(await userPage.getByText(redirectUri).isVisible(), 'the page says where the answer goes');
  // CSP: form-action is widened to exactly the client's origin, so the redirect after the POST may go there.
  const csp = consent.headers()['content-security-policy'];
  assert.match(csp, new RegExp(`form-action 'self' ${catcher.origin.replace(/[.]/g, '\\.')}(;|$)`), csp);
  assert.match(csp, /script-src 'none'/);
  await userPage.getByRole('button', { name: 'Allow' }).focus();
  await shot(userPage, '09-consent');

  // Allow: the browser follows the 303 to the client (CSP form-action does not block it).
  const hit = catcher.nextHit();
  await userPage.getByRole('button', { name: 'Allow' }).click();
  const callback = await hit;
  await userPage.waitForURL((u) => u.origin === catcher.origin);
  assert.equal(await userPage.getByRole('heading').textContent(), 'Client callback received');
  assert.deepEqual(chromium.cspViolations, [], 'no Content-Security-Policy violation in the browser');
  assert.equal(callback.path, '/callback');
  assert.equal(callback.query.state, state);
  assert.equal(callback.query.iss, ISSUER, 'RFC 9207 iss names this server');
  assert.match(callback.query.code, /^[A-Za-z0-9_-]{20,}$/);
  assert.equal(callback.query.error, undefined);

  const response = await tokenRequest(app, {
    grant_type: 'authorization_code', code: callback.query.code, redirect_uri: redirectUri, code_verifier: verifier,
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.equal(response.body.token_type, 'Bearer');
  assert.equal(response.body.scope, 'read');
  tokens = response.body;

  const users = await api('/users/', tokens.access_token);
  assert.equal(users.status, 200);
  assert.ok(JSON.stringify(users.body).includes(`"username":"${USER.username}"`));
});

/** Asks again for `read`: consent is remembered, so Tollgate answers at once with a code. */
async function codeWithoutConsent(challenge) {
  const state = randomState();
  const hit = catcher.nextHit();
  await userPage.goto(authorizeUrl({
    response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, scope: 'read', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  }));
  const callback = await hit;
  assert.equal(callback.query.state, state);
  assert.ok(callback.query.code, 'a remembered consent is not asked again');
  return callback.query.code;
}

test('the code needs its PKCE verifier, and a replayed code revokes what it issued', async () => {
  const wrong = pkce();
  const refused = await tokenRequest(app, {
    grant_type: 'authorization_code', code: await codeWithoutConsent(wrong.challenge), redirect_uri: redirectUri,
    code_verifier: pkce().verifier,
  });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error, 'invalid_grant');

  const { verifier, challenge } = pkce();
  const code = await codeWithoutConsent(challenge);
  const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier };
  const first = await tokenRequest(app, exchange);
  assert.equal(first.status, 200);
  assert.equal((await api('/users/', first.body.access_token)).status, 200);
  const replay = await tokenRequest(app, exchange);
  assert.equal(replay.status, 400);
  assert.equal(replay.body.error, 'invalid_grant');
  assert.equal((await api('/users/', first.body.access_token)).status, 401, 'the replay revoked the token');
});

test('Deny: the client gets error=access_denied with its state', async () => {
  const { challenge } = pkce();
  const state = randomState();
  // Wider than what was allowed before, so the user is asked again.
  await userPage.goto(authorizeUrl({
    response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, scope: 'read write', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  }));
  assert.equal(new URL(userPage.url()).pathname, '/o/authorize/');
  assert.ok(await userPage.locator('.scopes').getByText('write').isVisible());
  const hit = catcher.nextHit();
  await userPage.getByRole('button', { name: 'Deny' }).click();
  const callback = await hit;
  await userPage.waitForURL((u) => u.origin === catcher.origin);
  assert.equal(callback.path, '/callback');
  assert.equal(callback.query.error, 'access_denied');
  assert.equal(callback.query.state, state);
  assert.equal(callback.query.iss, ISSUER);
  assert.equal(callback.query.code, undefined, 'no code after Deny');
});

test('a tampered redirect_uri gets an error page on Tollgate, never a redirect', async () => {
  const { challenge } = pkce();
  const before = catcher.hits.length;
  for (const tampered of [`${catcher.origin}/evil`, `${catcher.origin}/callback/../evil`,
    `${catcher.origin}/callback?next=evil`, `http://localhost:${new URL(catcher.origin).port}/callback`]) {
    const response = await userPage.goto(authorizeUrl({
      response_type: 'code', client_id: app.clientId, redirect_uri: tampered, scope: 'read', state: randomState(),
      code_challenge: challenge, code_challenge_method: 'S256',
    }));
    assert.equal(response.status(), 400, tampered);
    assert.equal(new URL(userPage.url()).origin, new URL(BASE_URL).origin, `stays on Tollgate: ${tampered}`);
    assert.equal((await userPage.getByRole('heading', { level: 1 }).textContent()).trim(), 'Authorization failed');
    assert.equal(await userPage.getByRole('button', { name: 'Allow' }).count(), 0, 'no consent form');
  }
  await shot(userPage, '10-authorize-error');
  // An unknown client is refused the same way.
  const unknown = await userPage.goto(authorizeUrl({
    response_type: 'code', client_id: 'no-such-client', redirect_uri: redirectUri, scope: 'read',
    code_challenge: challenge, code_challenge_method: 'S256',
  }));
  assert.equal(unknown.status(), 400);
  assert.equal(catcher.hits.length, before, 'the client (or an attacker) received nothing');
});

test('revoking the application on /o/authorized_tokens/ makes its token useless', async () => {
  assert.ok(tokens, 'the Allow test produced a token');
  assert.equal((await api('/users/', tokens.access_token)).status, 200, 'the token works before');

  await userPage.goto(`${BASE_URL}/o/authorized_tokens/`);
  const row = userPage.getByRole('row', { name: /Photo printer/ });
  assert.equal(await row.count(), 1);
  assert.ok(await row.getByText('read', { exact: true }).isVisible());
  await shot(userPage, '11-authorized-tokens');

  await Promise.all([userPage.waitForNavigation(),
    userPage.getByRole('button', { name: 'Revoke Photo printer' }).click()]);
  assert.equal(new URL(userPage.url()).pathname, '/o/authorized_tokens/');
  assert.equal(await userPage.getByRole('row', { name: /Photo printer/ }).count(), 0);
  assert.ok(await userPage.getByText('No application can act on your behalf.').isVisible());
  await shot(userPage, '12-authorized-tokens-empty');

  const refused = await api('/users/', tokens.access_token);
  assert.equal(refused.status, 401, 'the revoked access token is refused at once');
  assert.match(refused.headers.get('www-authenticate'), /error="invalid_token"/);
  const refresh = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
  assert.equal(refresh.status, 400, 'the refresh token is revoked too');
  assert.equal(refresh.body.error, 'invalid_grant');
});
