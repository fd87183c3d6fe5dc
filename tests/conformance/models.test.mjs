// Every model of the generation endpoints, created through the official SDK against the simulator: the create
// response's estimatedCost, the unfinished task's estimatedCost, the finished task's cost and its output files.
// The request bodies (the fullest the SDK 4.20.1 declarations allow, one per model and endpoint) are shared with
// tests/Simulator.Models.Tests.ps1 through models.json. This file never resets the simulator: the other
// conformance files run at the same time against it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import RunwayML, { BadRequestError, InternalServerError, TaskFailedError } from '@runwayml/sdk';
import { client, baseURL, sim } from './simulator.mjs';

const cases = JSON.parse(readFileSync(new URL('./models.json', import.meta.url), 'utf8'));

// The SDK resource of each endpoint.
const resources = {
  image_to_video: client.imageToVideo,
  text_to_video: client.textToVideo,
  video_to_video: client.videoToVideo,
  text_to_image: client.textToImage,
  text_to_speech: client.textToSpeech,
  speech_to_speech: client.speechToSpeech,
  sound_effect: client.soundEffect,
};

const contentTypes = {
  mp4: 'video/mp4', mov: 'video/quicktime', zip: 'application/zip', png: 'image/png', jpg: 'image/jpeg',
  webp: 'image/webp', wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg',
};

// Polls with the SDK's tasks.retrieve (no 6 s waiter sleeps) until the task leaves THROTTLED/PENDING/RUNNING.
async function settle(id, estimate) {
  for (let i = 0; i < 400; i++) {
    const task = await client.tasks.retrieve(id);
    if (!['THROTTLED', 'PENDING', 'RUNNING'].includes(task.status)) return task;
    assert.equal(task.estimatedCost.credits, estimate, `${task.status} task carries the estimate`);
    assert.equal(task.cost, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`task ${id} did not finish`);
}

describe('every model of the generation endpoints through the SDK', { concurrency: 8 }, () => {
  for (const c of cases) {
    test(`${c.endpoint} ${c.model}`, async () => {
      const created = await resources[c.endpoint].create(c.body);
      assert.match(created.id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(created.estimatedCost, { credits: c.credits });

      const task = await settle(created.id, c.credits);
      assert.equal(task.status, 'SUCCEEDED');
      assert.deepEqual(task.cost, { credits: c.cost });
      assert.equal(task.estimatedCost, undefined);
      assert.equal(task.output.length, c.outputs.length);
      for (const [i, url] of task.output.entries()) {
        assert.match(new URL(url).pathname, new RegExp(`/${i}\\.${c.outputs[i]}$`));
        const head = await fetch(url, { method: 'HEAD' });
        assert.equal(head.status, 200);
        assert.equal(head.headers.get('content-type'), contentTypes[c.outputs[i]]);
        assert.ok(Number(head.headers.get('content-length')) > 0);
      }
    });
  }
});

describe('retired models and shared behaviour', () => {
  test('gen4_aleph and veo3 are unknown models now', async () => {
    await assert.rejects(
      client.videoToVideo.create({ model: 'gen4_aleph', videoUri: 'https://example.com/v.mp4', promptText: 'x' }),
      (e) => e instanceof BadRequestError && e.error.issues[0].path[0] === 'model' && /'gen4_aleph'/.test(e.error.issues[0].message),
    );
    await assert.rejects(
      client.textToVideo.create({ model: 'veo3', promptText: 'x', ratio: '1280:720' }),
      (e) => e instanceof BadRequestError && /'veo3'/.test(e.error.issues[0].message),
    );
  });

  test('a failed task reports a cost of 0 (refunded)', async () => {
    const created = await client.textToImage.create({ model: 'muse_image', promptText: 'x [fail:SAFETY.INPUT.TEXT]', ratio: 'auto' });
    assert.deepEqual(created.estimatedCost, { credits: 1 });
    const task = await settle(created.id, 1);
    assert.equal(task.status, 'FAILED');
    assert.deepEqual(task.cost, { credits: 0 });
  });

  test('the waiter ends on a CANCELLED task with TaskFailedError', async () => {
    const { id } = await sim('POST', '/_sim/tasks', { model: 'gen4.5', status: 'CANCELLED' });
    const task = await client.tasks.retrieve(id);
    assert.equal(task.status, 'CANCELLED');
    assert.deepEqual(task.cost, { credits: 0 });
    await assert.rejects(client.tasks.retrieve(id).waitForTaskOutput(), (e) => e instanceof TaskFailedError && e.message === 'Task cancelled');
  });

  test('x-should-retry: false stops the SDK retrying a 500, true makes it retry a 400', async () => {
    const { id } = await sim('POST', '/_sim/tasks', { model: 'seedance2', status: 'SUCCEEDED' });
    const path = `/v1/tasks/${id}`;
    await sim('POST', '/_sim/faults', { path, kind: 'status', status: 500, shouldRetry: false });
    await assert.rejects(client.tasks.retrieve(id), (e) => e instanceof InternalServerError);
    await sim('POST', '/_sim/faults', { path, kind: 'status', status: 400, shouldRetry: true, retryAfterMs: 10 });
    const task = await client.tasks.retrieve(id);
    assert.equal(task.status, 'SUCCEEDED');
    const log = await sim('GET', `/_sim/requests?path=${path}`);
    assert.deepEqual(log.map((e) => e.status), [500, 400, 200]);
  });
});
