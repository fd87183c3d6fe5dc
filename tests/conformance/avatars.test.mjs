// Conformance of the simulator's avatar-side resources with the official Node SDK: voices, documents, avatars,
// avatar usage, avatar videos, realtime sessions and avatar conversations. Run through run.ps1.
// This file shares the simulator with the other *.test.mjs files: it never resets it and only asserts on what
// it created itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import RunwayML, { BadRequestError, NotFoundError } from '@runwayml/sdk';
import { client, baseURL, sim, download } from './simulator.mjs';

const PROMPT = 'A warm, friendly voice with a slight British accent.';
const PNG_URI = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// Polls retrieve() until the status is one of `statuses`, recording every status seen.
async function until(retrieve, statuses, seen = []) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const item = await retrieve();
    if (seen.at(-1) !== item.status) seen.push(item.status);
    if (statuses.includes(item.status)) return item;
    if (Date.now() > deadline) throw new Error(`still ${item.status}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function readyVoice(name) {
  const { id } = await client.voices.create({ name, from: { type: 'text', model: 'eleven_ttv_v3', prompt: PROMPT } });
  return until(() => client.voices.retrieve(id), ['READY']);
}

async function readyAvatar(extra = {}) {
  const avatar = await client.avatars.create({
    name: 'Ava', personality: 'You are a helpful support agent.', referenceImage: PNG_URI,
    voice: { type: 'runway-live-preset', presetId: 'adrian' }, ...extra,
  });
  return until(() => client.avatars.retrieve(avatar.id), ['READY']);
}

describe('voices', () => {
  test('create, retrieve until READY, update, list page by page, delete', async () => {
    const voice = await readyVoice('SDK narrator');
    assert.match(voice.previewUrl, /^http/);
    assert.equal((await download(voice.previewUrl)).type, 'audio/mpeg');
    const updated = await client.voices.update(voice.id, { description: 'Deep' });
    assert.equal(updated.description, 'Deep');
    assert.equal(updated.name, 'SDK narrator');
    const second = await client.voices.create({ name: 'SDK second', from: { type: 'text', model: 'eleven_multilingual_ttv_v2', prompt: PROMPT } });
    const listed = await collect(client.voices.list({ limit: 1 }));
    assert.ok(listed.some((v) => v.id === voice.id) && listed.some((v) => v.id === second.id));
    await client.voices.delete(voice.id);
    await assert.rejects(client.voices.retrieve(voice.id), NotFoundError);
  });

  test('preview a design; a short prompt is a BadRequestError', async () => {
    const preview = await client.voices.preview({ model: 'eleven_ttv_v3', prompt: PROMPT });
    assert.ok(preview.durationSecs > 0);
    assert.equal((await download(preview.url)).type, 'audio/mpeg');
    await assert.rejects(client.voices.preview({ model: 'eleven_ttv_v3', prompt: 'too short' }), BadRequestError);
  });
});

describe('documents and avatars', () => {
  test('documents: create, list (order/sort) page by page, update, retrieve, delete', async () => {
    const doc = await client.documents.create({ name: 'SDK FAQ', content: '# FAQ\n\n30-day returns' });
    assert.equal(doc.type, 'text');
    assert.deepEqual(doc.usedBy, []);
    const listed = await collect(client.documents.list({ limit: 1, order: 'desc', sort: 'createdAt' }));
    const mine = listed.find((d) => d.id === doc.id);
    assert.ok(mine);
    assert.equal('content' in mine, false);
    assert.equal(await client.documents.update(doc.id, { name: 'SDK FAQ 2' }) ?? null, null); // 204, no body
    assert.equal((await client.documents.retrieve(doc.id)).name, 'SDK FAQ 2');
    await assert.rejects(client.documents.update(doc.id, {}), BadRequestError);
    await client.documents.delete(doc.id);
    await assert.rejects(client.documents.retrieve(doc.id), NotFoundError);
  });

  test('avatars: create with a custom voice and a document, update, list, usage, delete', async () => {
    const voice = await readyVoice('SDK avatar voice');
    const doc = await client.documents.create({ name: 'SDK knowledge', content: 'Opening hours: 9-5.' });
    const avatar = await readyAvatar({ voice: { type: 'custom', id: voice.id }, documentIds: [doc.id], startScript: 'Hello!' });
    assert.deepEqual(avatar.voice, { id: voice.id, deleted: false, type: 'custom', description: null, name: 'SDK avatar voice' });
    assert.deepEqual(avatar.documentIds, [doc.id]);
    assert.equal((await download(avatar.processedImageUri)).type, 'image/png');
    assert.equal((await client.documents.retrieve(doc.id)).usedBy[0].id, avatar.id);

    const updated = await client.avatars.update(avatar.id, { startScript: null, voice: { type: 'runway-live-preset', presetId: 'luna' } });
    assert.equal(updated.startScript, null);
    assert.equal(updated.voice.presetId, 'luna');
    await assert.rejects(client.avatars.update(avatar.id, {}), BadRequestError);
    await assert.rejects(client.avatars.create({ name: 'x', personality: 'y', referenceImage: PNG_URI, voice: { type: 'custom', id: 'no-such-voice' } }), BadRequestError);

    const listed = await collect(client.avatars.list({ limit: 1 }));
    assert.ok(listed.some((a) => a.id === avatar.id));

    const day = new Date(); day.setUTCHours(0, 0, 0, 0);
    const usage = await client.avatars.getUsage({ startDate: day.toISOString(), endDate: new Date(day.getTime() + 86_400_000).toISOString() });
    assert.equal(usage.byDay.length, 1);
    assert.equal(typeof usage.totalSessions, 'number');

    await client.avatars.delete(avatar.id);
    await assert.rejects(client.avatars.retrieve(avatar.id), NotFoundError);
  });
});

describe('avatar videos, realtime sessions and conversations', { concurrency: true }, () => {
  test('avatarVideos.create(...).waitForTaskOutput() gives an MP4', async () => {
    const task = await client.avatarVideos
      .create({ model: 'gwm1_avatars', avatar: { type: 'runway-preset', presetId: 'influencer' }, speech: { type: 'text', text: 'Welcome to the show.', voice: { type: 'preset', presetId: 'mia' } } })
      .waitForTaskOutput({ timeout: 60_000 });
    assert.equal(task.status, 'SUCCEEDED');
    const file = await download(task.output[0]);
    assert.equal(file.type, 'video/mp4');
    assert.equal(file.bytes.subarray(4, 8).toString('ascii'), 'ftyp');
  });

  test('a realtime session goes NOT_READY, READY (with a session key), RUNNING, COMPLETED; another is cancelled', async () => {
    const avatar = await readyAvatar();
    // Wide READY windows, so a slow poll on a loaded machine still sees every status (only sessions use these).
    await sim('POST', '/_sim/config', { sessionReadyMs: 1000, sessionConnectMs: 1500, sessionRunMs: 1000 });
    const { id } = await client.realtimeSessions.create({
      model: 'gwm1_avatars', avatar: { type: 'custom', avatarId: avatar.id }, maxDuration: 120,
      tools: [{ type: 'client_event', name: 'show_card', description: 'Show a product card', parameters: [{ type: 'string', name: 'sku', description: 'The SKU' }] }],
    });
    const seen = [];
    const ready = await until(() => client.realtimeSessions.retrieve(id), ['READY'], seen);
    assert.match(ready.sessionKey, /^rtsk_[0-9a-f]{64}$/);
    const done = await until(() => client.realtimeSessions.retrieve(id), ['COMPLETED'], seen);
    assert.deepEqual(seen, ['NOT_READY', 'READY', 'RUNNING', 'COMPLETED']);
    assert.ok(done.duration > 0);

    const conversation = await client.avatarConversations.retrieve(id);
    assert.equal(conversation.status, 'ended');
    assert.equal(conversation.tools[0].name, 'show_card');
    assert.equal(conversation.avatar.id, avatar.id);

    const other = await client.realtimeSessions.create({ model: 'gwm1_avatars', avatar: { type: 'runway-preset', presetId: 'cooking-teacher' } });
    await client.realtimeSessions.delete(other.id);
    assert.equal((await client.realtimeSessions.retrieve(other.id)).status, 'CANCELLED');
    await assert.rejects(client.realtimeSessions.create({ model: 'gwm1_avatars', avatar: { type: 'runway-preset', presetId: 'nobody' } }), BadRequestError);
  });

  test('seeded conversations list page by page for one avatar, with transcripts', async () => {
    const avatar = await readyAvatar();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await sim('POST', '/_sim/avatar_conversations', {
        avatarId: avatar.id, duration: 10 + i,
        transcript: [{ role: 'user', content: `question ${i}`, timestamp: new Date().toISOString() }, { role: 'assistant', content: `answer ${i}`, timestamp: null }],
      });
      ids.push(id);
    }
    const listed = await collect(client.avatarConversations.list({ avatar: avatar.id, limit: 1 }));
    assert.deepEqual(listed.map((c) => c.id).sort(), [...ids].sort());
    assert.ok(listed.every((c) => c.status === 'ended' && c.avatar.id === avatar.id && c.hasTools === false));
    const one = await client.avatarConversations.retrieve(ids[0]);
    assert.deepEqual(one.transcript.map((t) => t.role), ['user', 'assistant']);
    assert.equal(one.duration, 10);
    await client.avatarConversations.delete(ids[0]);
    await assert.rejects(client.avatarConversations.retrieve(ids[0]), NotFoundError);
  });
});
