// Conformance of the simulator with the official Node SDK for what issue 22 added: the organization's web-app
// workspaces (webapp.listUsage, webapp.auditLogs.list/retrieve), an upload's fileMetadata, and the SDK's end of a
// cursor list (an empty page stops it even with a nextCursor). Run through run.ps1.
// This file shares the simulator with the other *.test.mjs files: it never resets it and reads only the seeded
// web-app data, uploads it made and faults it queued itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestError, NotFoundError } from '@runwayml/sdk';
import { client, sim } from './simulator.mjs';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const to = new Date(Date.now() + 60_000).toISOString();
const from = new Date(Date.now() - 30 * 86_400_000).toISOString();

describe('organization.webapp', () => {
  test('listUsage pages through the window newest first, with the declared fields', async () => {
    const rows = await collect(client.organization.webapp.listUsage({ from, to, limit: 7 }));
    assert.ok(rows.length > 20);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).sort(), ['credits', 'email', 'timestamp', 'tool', 'type', 'workspaceId', 'workspaceName']);
      assert.ok(['charge', 'refund'].includes(row.type));
      assert.equal(typeof row.workspaceId, 'number');
    }
    const times = rows.map((r) => Date.parse(r.timestamp));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok(rows.some((r) => r.type === 'refund' && r.credits < 0));
    const one = rows[0].workspaceId;
    const filtered = await collect(client.organization.webapp.listUsage({ from, to, workspaceIds: String(one) }));
    assert.ok(filtered.length > 0 && filtered.every((r) => r.workspaceId === one));
  });

  test('listUsage needs its window; an unknown organization is a NotFoundError', async () => {
    await assert.rejects(client.organization.webapp.listUsage({ from }), BadRequestError);
    await assert.rejects(client.organization.webapp.listUsage({ from, to, organizationId: 'org_other' }), NotFoundError);
  });

  test('auditLogs.list filters and auditLogs.retrieve adds the details', async () => {
    const entries = await collect(client.organization.webapp.auditLogs.list({ limit: 5 }));
    assert.ok(entries.length > 20);
    assert.deepEqual(Object.keys(entries[0]).sort(),
      ['action', 'actorDeleted', 'actorEmail', 'actorUsername', 'eventId', 'timestamp', 'workspaceId', 'workspaceName']);
    const invites = await collect(client.organization.webapp.auditLogs.list({ actions: 'MemberInvited,MemberRoleChanged', from, to }));
    assert.ok(invites.length > 0 && invites.every((e) => ['MemberInvited', 'MemberRoleChanged'].includes(e.action)));
    const detail = await client.organization.webapp.auditLogs.retrieve(invites[0].eventId);
    assert.equal(detail.eventId, invites[0].eventId);
    for (const key of ['clientIpAddress', 'metadata', 'requestId', 'resourceId', 'resourceType', 'userAgent']) assert.ok(key in detail, key);
    assert.equal(typeof detail.metadata, 'object');
    await assert.rejects(client.organization.webapp.auditLogs.retrieve('ae_missing'), NotFoundError);
  });

  test('auditLogs.list refuses an undeclared action and more than 50 emails', async () => {
    await assert.rejects(collect(client.organization.webapp.auditLogs.list({ actions: 'MemberInvted' })), BadRequestError);
    const emails = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    await assert.rejects(collect(client.organization.webapp.auditLogs.list({ actorEmails: emails })), BadRequestError);
  });
});

describe('uploads fileMetadata', () => {
  test('createEphemeral sends fileMetadata as the storage form\'s metadata field', async () => {
    const { uri } = await client.uploads.createEphemeral({ file: new File([PNG], 'meta.png', { type: 'image/png' }), fileMetadata: '{"shot":"7"}' });
    const slot = (await sim('GET', '/_sim/uploads')).find((u) => uri.startsWith(`runway://ephemeral/${u.id}/`));
    assert.equal(slot.completed, true);
    assert.equal(slot.metadata, '{"shot":"7"}');
  });
});

describe('cursor pages', () => {
  test('an empty page with a nextCursor ends the SDK\'s iteration', async () => {
    await sim('POST', '/_sim/faults', { path: '/v1/organization/webapp/audit_logs', method: 'GET', kind: 'emptyPage' });
    const before = (await sim('GET', '/_sim/requests?path=/v1/organization/webapp/audit_logs')).length;
    const entries = await collect(client.organization.webapp.auditLogs.list({}));
    assert.equal(entries.length, 0);
    const after = (await sim('GET', '/_sim/requests?path=/v1/organization/webapp/audit_logs')).length;
    assert.equal(after - before, 1, 'the SDK asks for no page after an empty one');
  });

  test('the SDK sends the cursor it was given, and limit', async () => {
    const first = await client.organization.webapp.auditLogs.list({ limit: 2 });
    assert.equal(first.data.length, 2);
    assert.ok(first.nextCursor);
    const second = await client.organization.webapp.auditLogs.list({ limit: 2, cursor: first.nextCursor });
    const log = await sim('GET', '/_sim/requests?path=/v1/organization/webapp/audit_logs');
    assert.match(log.at(-1).query, /cursor=/);
    assert.notEqual(second.data[0].eventId, first.data[0].eventId);
  });
});
