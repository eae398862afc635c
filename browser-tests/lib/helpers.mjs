// Shared pieces of the browser tests. Environment from run.sh: BASE_URL, ISSUER, ADMIN_USERNAME/ADMIN_PASSWORD,
// USER_USERNAME/USER_PASSWORD, SCREENSHOT_DIR, CHROMIUM.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through browser-tests/run.sh`);
  return value;
}

export const BASE_URL = required('BASE_URL');
/** The configured issuer (OAUTH_ISSUER): the RFC 9207 iss of every authorization response. */
export const ISSUER = process.env.ISSUER || BASE_URL;
export const ADMIN = { username: required('ADMIN_USERNAME'), password: required('ADMIN_PASSWORD') };
export const USER = { username: required('USER_USERNAME'), password: required('USER_PASSWORD') };
const SCREENSHOT_DIR = required('SCREENSHOT_DIR');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/**
 * Headless Chromium from the system (Playwright gives it a fresh temporary profile) and a fresh context.
 * Records console messages that report a Content-Security-Policy violation.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const cspViolations = [];
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    context.setDefaultTimeout(15_000);
    context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return context;
  };
  return {
    browser,
    cspViolations,
    newContext,
    /** A page in a context of its own (its own cookies). */
    async newPage() {
      return (await newContext()).newPage();
    },
    close: () => browser.close(),
  };
}

/** A full-page screenshot under target/screenshots/. */
export async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Fills and submits the sign-in form on the current page. */
export async function submitLogin(page, { username, password }) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export async function signIn(page, who) {
  await page.goto(`${BASE_URL}/accounts/login/`);
  await submitLogin(page, who);
  assert.equal(new URL(page.url()).pathname, '/o/applications/');
}

/**
 * Registers an application through /o/applications/register/ and returns what the detail page shows once:
 * { clientId, clientSecret, url } (url: the application's own page). grants are the form's labels, e.g. 'Resource owner password-based'.
 */
export async function registerApplication(page,
  { name, clientType = 'Confidential', grants, redirectUris = [], postLogoutRedirectUris = [] }, screenshot) {
  await page.goto(`${BASE_URL}/o/applications/register/`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(clientType).check();
  for (const grant of grants) await page.getByLabel(grant).check();
  await page.getByLabel('Redirect URIs', { exact: true }).fill(redirectUris.join('\n'));
  if (postLogoutRedirectUris.length) {
    await page.getByLabel('Post-logout redirect URIs').fill(postLogoutRedirectUris.join('\n'));
  }
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  // The answer to the POST is the application's page, the only one that ever shows the secret (no redirect,
  // so the secret is never stored to be shown later).
  assert.equal(new URL(page.url()).pathname, '/o/applications/register/');
  await assert.doesNotReject(page.getByRole('heading', { name }).waitFor());
  if (screenshot) await shot(page, screenshot);
  const clientId = (await page.locator('#client-id').textContent()).trim();
  const secret = page.locator('#client-secret');
  const clientSecret = (await secret.count()) ? (await secret.textContent()).trim() : null;
  const edit = await page.getByRole('link', { name: 'Edit' }).getAttribute('href');
  const url = new URL(edit.replace(/update\/$/, ''), BASE_URL).href;
  return { clientId, clientSecret, url };
}

export function basic(clientId, clientSecret) {
  return 'Basic ' + Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)
    .toString('base64');
}

/** POST /o/token/ with the client in HTTP Basic; returns { status, body, headers }. */
export async function tokenRequest(client, params) {
  const response = await fetch(`${BASE_URL}/o/token/`, {
    method: 'POST',
    headers: { Authorization: basic(client.clientId, client.clientSecret) },
    body: new URLSearchParams(params),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** GET an API path with a bearer token; returns { status, body }. */
export async function api(path, token) {
  const response = await fetch(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** RFC 7636 S256 pair. */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  return { verifier, challenge };
}

export function randomState() {
  return randomBytes(12).toString('base64url');
}

/**
 * A stand-in OAuth client on 127.0.0.1:free port: records every request (path and query; not the
 * browser's /favicon.ico) and answers
 * with a small page. Call close() when done.
 */
export async function startRedirectCatcher() {
  const hits = [];
  const waiters = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url, `http://${request.headers.host}`);
    if (url.pathname === '/favicon.ico') { // the browser's own request after a page loads, not a redirect
      response.writeHead(404).end();
      return;
    }
    const hit = { path: url.pathname, query: Object.fromEntries(url.searchParams), method: request.method };
    hits.push(hit);
    waiters.splice(0).forEach((resolve) => resolve(hit));
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Client</title><h1>Client callback received</h1>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    hits,
    nextHit: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export function authorizeUrl(params) {
  return `${BASE_URL}/o/authorize/?${new URLSearchParams(params)}`;
}
