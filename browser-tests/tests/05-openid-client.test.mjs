// A standard OpenID Connect relying party against Tollgate: panva's openid-client (npm), with no Tollgate-specific
// code. It discovers everything from the issuer URL (the reference system's form, http://host/o), builds the
// authorization URL with PKCE, nonce and state, exchanges the code (validating the ID token itself against the
// JWKS), calls userinfo and refreshes, all through the library; Chromium plays the user on the sign-in and
// consent pages. Then the form_post response mode: the page posts to the client by its script file, and by its
// Continue button when scripts are off. Last, RP-initiated logout through the library. The tests in this file run
// in order and share the client and tokens.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import * as oidc from 'openid-client';
import { ADMIN, BASE_URL, ISSUER, USER, launch, registerApplication, shot, submitLogin } from '../lib/helpers.mjs';

let chromium;
let rp;          // the relying party's callback server
let app;         // { clientId, clientSecret } as registered through the form
let config;      // the library's configuration, from discovery
let userPage;    // the user's browser (own cookies)
let session;     // what the RP keeps after sign-in: { tokens, claims }

/** The RP's callback endpoint: records each request (method, URL, form body) and answers a small page. */
async function startRelyingParty() {
  const hits = [];
  const waiters = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url, `http://${request.headers.host}`);
      if (url.pathname === '/favicon.ico') {
        response.writeHead(404).end();
        return;
      }
      const hit = { method: request.method, url: url.href, body: Buffer.concat(chunks).toString('utf8'),
        contentType: request.headers['content-type'] };
      hits.push(hit);
      waiters.splice(0).forEach((resolve) => resolve(hit));
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Relying party</title><h1>Signed in at the relying party</h1>');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    callback: `http://127.0.0.1:${server.address().port}/callback`,
    signedOut: `http://127.0.0.1:${server.address().port}/signed-out`,
    hits,
    nextHit: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The RP hands the library the callback request as it arrived (a Request, so form_post bodies work too). */
function asRequest(hit) {
  return hit.method === 'POST'
    ? new Request(hit.url, { method: 'POST', body: hit.body, headers: { 'Content-Type': hit.contentType } })
    : new Request(hit.url);
}

/** A fresh authorization request as the library builds it: PKCE S256, nonce, state. */
async function authorizationRequest(extra = {}) {
  const checks = {
    pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
    expectedNonce: oidc.randomNonce(),
    expectedState: oidc.randomState(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: rp.callback,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.pkceCodeVerifier),
    code_challenge_method: 'S256',
    nonce: checks.expectedNonce,
    state: checks.expectedState,
    ...extra,
  });
  return { url, checks };
}

before(async () => {
  chromium = await launch();
  rp = await startRelyingParty();
  const adminPage = await chromium.newPage();
  await adminPage.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(adminPage, ADMIN);
  app = await registerApplication(adminPage, {
    name: 'Standard relying party',
    clientType: 'Confidential',
    grants: ['Authorization code'],
    redirectUris: [rp.callback],
    postLogoutRedirectUris: [rp.signedOut],
  });
  await adminPage.context().close();
  userPage = await chromium.newPage();
});
after(async () => {
  await chromium?.close();
  await rp?.close();
});

test('openid-client discovers Tollgate from the issuer URL alone', async () => {
  // allowInsecureRequests: the test server speaks plain HTTP on 127.0.0.1; nothing else is relaxed.
  config = await oidc.discovery(new URL(ISSUER), app.clientId, app.clientSecret, undefined,
    { execute: [oidc.allowInsecureRequests] });
  const metadata = config.serverMetadata();
  assert.equal(metadata.issuer, ISSUER, 'the issuer exactly as configured');
  assert.equal(metadata.authorization_endpoint, `${BASE_URL}/o/authorize/`);
  assert.deepEqual(metadata.response_modes_supported, ['query', 'fragment', 'form_post']);
  assert.ok(metadata.id_token_signing_alg_values_supported.length > 0);
});

test('sign-in with the code flow: the library validates the ID token, calls userinfo and refreshes', async () => {
  const { url, checks } = await authorizationRequest();
  assert.equal(url.origin + url.pathname, `${BASE_URL}/o/authorize/`);

  await userPage.goto(url.href);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');
  await submitLogin(userPage, USER);
  assert.equal(new URL(userPage.url()).pathname, '/o/authorize/');
  assert.ok(await userPage.locator('.scopes').getByText('openid').isVisible());
  await shot(userPage, 'oidc-rp-01-consent');
  const hit = rp.nextHit();
  await userPage.getByRole('button', { name: 'Allow' }).click();
  const callback = await hit;
  await userPage.waitForURL((u) => u.href.startsWith(rp.callback));
  await shot(userPage, 'oidc-rp-02-back-at-the-rp');
  assert.equal(callback.method, 'GET', 'the default response mode of the code flow is query');
  assert.equal(new URL(callback.url).searchParams.get('iss'), ISSUER, 'RFC 9207 iss is the issuer exactly');

  // The library checks state, iss, PKCE, and the ID token: signature against jwks_uri, iss, aud, exp, nonce.
  const tokens = await oidc.authorizationCodeGrant(config, asRequest(callback), { ...checks, idTokenExpected: true });
  const claims = tokens.claims();
  assert.equal(claims.iss, ISSUER);
  assert.deepEqual([].concat(claims.aud), [app.clientId]);
  assert.equal(claims.nonce, checks.expectedNonce);
  assert.equal(claims.preferred_username, USER.username);
  assert.equal(claims.email, 'alice@example.com');
  assert.equal(claims.email_verified, false);
  assert.equal(typeof claims.auth_time, 'number');
  assert.ok(claims.sid, 'a session id for logout');
  assert.ok(tokens.refresh_token);

  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(userinfo.sub, claims.sub);
  assert.equal(userinfo.preferred_username, USER.username);
  assert.equal(userinfo.email, 'alice@example.com');

  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
  const again = refreshed.claims();
  assert.ok(again, 'a refresh of an openid grant brings a new ID token');
  assert.equal(again.sub, claims.sub);
  assert.equal(again.auth_time, claims.auth_time);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');
  assert.deepEqual(chromium.cspViolations, [], 'no Content-Security-Policy violation in the browser');
  session = { tokens: refreshed, claims };
});

test('response_mode=form_post: the page posts the code to the RP by its script, and the library takes it', async () => {
  assert.ok(session, 'signed in by the previous test');
  const { url, checks } = await authorizationRequest({ response_mode: 'form_post' });
  const pageResponse = userPage.waitForResponse((response) => new URL(response.url()).pathname === '/o/authorize/');
  const hit = rp.nextHit();
  await userPage.goto(url.href); // consent remembered: the form_post page at once
  const page = await pageResponse;
  const callback = await hit;
  assert.equal(page.status(), 200);
  const csp = page.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/, csp);
  assert.ok(csp.includes(`form-action ${rp.callback}`), csp);
  assert.equal(callback.method, 'POST');
  assert.match(callback.contentType, /application\/x-www-form-urlencoded/);
  const posted = new URLSearchParams(callback.body);
  assert.equal(posted.get('state'), checks.expectedState);
  assert.equal(posted.get('iss'), ISSUER);
  assert.equal(new URL(callback.url).search, '', 'nothing in the query');

  const tokens = await oidc.authorizationCodeGrant(config, asRequest(callback), { ...checks, idTokenExpected: true });
  assert.equal(tokens.claims().sub, session.claims.sub);
  assert.equal(tokens.claims().nonce, checks.expectedNonce);
  assert.deepEqual(chromium.cspViolations, [], 'the script file runs under the CSP; no violation');
});

test('response_mode=form_post without JavaScript: a Continue button posts the same form', async () => {
  const context = await chromium.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(page, USER);
  const { url, checks } = await authorizationRequest({ response_mode: 'form_post' });
  await page.goto(url.href);
  assert.equal(new URL(page.url()).pathname, '/o/authorize/', 'the page stays: nothing posts it by itself');
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Returning to the application');
  await shot(page, 'oidc-rp-03-form-post-without-javascript');
  const hit = rp.nextHit();
  await page.getByRole('button', { name: 'Continue' }).click();
  const callback = await hit;
  assert.equal(callback.method, 'POST');
  const tokens = await oidc.authorizationCodeGrant(config, asRequest(callback), { ...checks, idTokenExpected: true });
  assert.equal(tokens.claims().sub, session.claims.sub);
  await context.close();
});

test('RP-initiated logout through the library: end_session_endpoint from discovery, back to the RP with state', async () => {
  assert.ok(session, 'signed in by the earlier tests');
  const state = oidc.randomState();
  const url = oidc.buildEndSessionUrl(config, {
    id_token_hint: session.tokens.id_token,
    post_logout_redirect_uri: rp.signedOut,
    state,
  });
  assert.equal(url.origin + url.pathname, `${BASE_URL}/o/logout/`);
  const hit = rp.nextHit();
  await userPage.goto(url.href); // the hint names this session's user and sid: no confirmation page
  const back = await hit;
  assert.equal(new URL(back.url).pathname, '/signed-out');
  assert.equal(new URL(back.url).searchParams.get('state'), state);
  await shot(userPage, 'oidc-rp-04-signed-out-at-the-rp');

  // The Tollgate session is gone: the next authorization request asks the user to sign in again.
  const { url: again } = await authorizationRequest();
  await userPage.goto(again.href);
  assert.equal(new URL(userPage.url()).pathname, '/accounts/login/');
  assert.deepEqual(chromium.cspViolations, [], 'no Content-Security-Policy violation in the browser');
});
