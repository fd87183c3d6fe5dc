// What every conformance file shares: the SDK client pointed at the simulator (run.ps1 sets the variables),
// raw calls to the simulator's own controls, and downloads of outputs.
import assert from 'node:assert/strict';
import RunwayML from '@runwayml/sdk';

export const baseURL = process.env.RUNWAYML_BASE_URL;
export const apiKey = process.env.RUNWAYML_API_SECRET;
if (!baseURL || !apiKey) throw new Error('Set RUNWAYML_BASE_URL and RUNWAYML_API_SECRET (run.ps1 does).');

export const client = new RunwayML({ apiKey, baseURL });

/** A call that bypasses the SDK (the simulator's /_sim controls); throws on any error status. */
export async function sim(method, path, body) {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** An output URL's bytes and content type; it must answer 200. */
export async function download(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `download ${url}`);
  return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
