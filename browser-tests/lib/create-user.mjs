// Creates the ordinary test user through the API, as an admin would: password grant with the bootstrap
// application (createapplication's JSON output, argv[2]), then POST /users/ with the admin's token.
import { readFileSync } from 'node:fs';

const { BASE_URL, ADMIN_USERNAME, ADMIN_PASSWORD, USER_USERNAME, USER_PASSWORD } = process.env;
const app = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const tokenResponse = await fetch(`${BASE_URL}/o/token/`, {
  method: 'POST',
  headers: { Authorization: 'Basic ' + Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64') },
  body: new URLSearchParams({ grant_type: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
});
if (tokenResponse.status !== 200) {
  console.error(`create-user: token endpoint answered ${tokenResponse.status}: ${await tokenResponse.text()}`);
  process.exit(1);
}
const { access_token: token } = await tokenResponse.json();

const created = await fetch(`${BASE_URL}/users/`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: USER_USERNAME, email: 'alice@example.com', password: USER_PASSWORD }),
});
if (created.status !== 201) {
  console.error(`create-user: POST /users/ answered ${created.status}: ${await created.text()}`);
  process.exit(1);
}
