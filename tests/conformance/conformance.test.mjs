// Conformance of the Runway simulator with the official Node SDK (@runwayml/sdk, pinned in package.json).
// Run through run.ps1, which starts a simulator and sets RUNWAYML_BASE_URL and RUNWAYML_API_SECRET.
// The SDK's waitForTaskOutput sleeps a fixed 6 s (±1.5 s) before each poll, so the simulator runs with a
// short RunMs (the task is done by the first poll) and the waiting tests run concurrently.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import RunwayML, {
  AuthenticationError,
  NotFoundError,
  BadRequestError,
  RateLimitError,
  TaskFailedError,
} from '@runwayml/sdk';
import { client, baseURL, sim, download } from './simulator.mjs';


// A 1x1 PNG and a 6 s, 8 kHz 8-bit mono WAV, as real files.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_URI = `data:image/png;base64,${PNG.toString('base64')}`;
function wav(seconds) {
  const samples = Math.round(seconds * 8000);
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0); b.writeUInt32LE(36 + samples, 4); b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28); b.writeUInt16LE(1, 32); b.writeUInt16LE(8, 34); b.write('data', 36); b.writeUInt32LE(samples, 40);
  return b;
}
const WAV_URI = `data:audio/wav;base64,${wav(6).toString('base64')}`;

before(async () => {
  await sim('POST', '/_sim/reset');
});

describe('generation through the SDK (create + waitForTaskOutput, concurrently)', { concurrency: true }, () => {
  const cases = [
    ['imageToVideo', 'video/mp4', () => client.imageToVideo.create({ model: 'gen4_turbo', promptImage: PNG_URI, promptText: 'waves', ratio: '1280:720', duration: 2 })],
    ['imageToVideo veo3.1 first+last', 'video/mp4', () => client.imageToVideo.create({
      model: 'veo3.1', ratio: '720:1280', duration: 4, audio: false,
      promptImage: [{ uri: 'https://example.com/a.png', position: 'first' }, { uri: 'https://example.com/b.png', position: 'last' }],
    })],
    ['textToVideo', 'video/mp4', () => client.textToVideo.create({ model: 'veo3.1_fast', promptText: 'a cat', ratio: '1920:1080', duration: 4 })],
    ['videoToVideo', 'video/mp4', () => client.videoToVideo.create({ model: 'aleph2', videoUri: 'https://example.com/v.mp4', promptText: 'noir', keyframes: [{ at: 0.5, uri: PNG_URI }] })],
    ['characterPerformance', 'video/mp4', () => client.characterPerformance.create({
      model: 'act_two', character: { type: 'image', uri: PNG_URI }, reference: { type: 'video', uri: 'https://example.com/r.mp4' }, bodyControl: true, expressionIntensity: 3,
    })],
    ['textToImage', 'image/png', () => client.textToImage.create({ model: 'gen4_image', promptText: '@pix in space', ratio: '1024:1024', referenceImages: [{ uri: PNG_URI, tag: 'pix' }] })],
    ['textToSpeech', 'audio/wav', () => client.textToSpeech.create({ model: 'eleven_multilingual_v2', promptText: 'Hello from the simulator', voice: { type: 'runway-preset', presetId: 'Leslie' } })],
    ['soundEffect', 'audio/wav', () => client.soundEffect.create({ model: 'eleven_text_to_sound_v2', promptText: 'rain', duration: 1.5, loop: false })],
    ['voiceDubbing', 'audio/wav', () => client.voiceDubbing.create({ model: 'eleven_voice_dubbing', audioUri: WAV_URI, targetLang: 'es' })],
    ['voiceIsolation', 'audio/wav', () => client.voiceIsolation.create({ model: 'eleven_voice_isolation', audioUri: WAV_URI })],
    ['speechToSpeech', 'audio/wav', () => client.speechToSpeech.create({ model: 'eleven_multilingual_sts_v2', media: { type: 'audio', uri: WAV_URI }, voice: { type: 'runway-preset', presetId: 'Maggie' }, removeBackgroundNoise: true })],
  ];

  for (const [name, type, create] of cases) {
    test(name, async () => {
      const task = await create().waitForTaskOutput({ timeout: 60_000 });
      assert.equal(task.status, 'SUCCEEDED');
      assert.equal(task.output.length, 1);
      const file = await download(task.output[0]);
      assert.equal(file.type, type);
      assert.ok(file.bytes.length > 40);
    });
  }

  test('waitForTaskOutput raises TaskFailedError with the failure code', async () => {
    const pending = client.textToImage.create({ model: 'gen4_image_turbo', promptText: 'x [fail:SAFETY.INPUT.TEXT]', ratio: '720:720', referenceImages: [{ uri: PNG_URI }] });
    await assert.rejects(pending.waitForTaskOutput({ timeout: 60_000 }), (err) => {
      assert.ok(err instanceof TaskFailedError);
      assert.equal(err.taskDetails.status, 'FAILED');
      assert.equal(err.taskDetails.failureCode, 'SAFETY.INPUT.TEXT');
      assert.ok(err.taskDetails.failure.length > 0);
      return true;
    });
  });

  test('uploads.createEphemeral stores a real PNG and its URI works in a create', async () => {
    const { uri } = await client.uploads.createEphemeral({ file: new File([PNG], 'pixel.png', { type: 'image/png' }) });
    assert.match(uri, /^runway:\/\//);
    const storage = await sim('GET', '/_sim/requests?path=/_storage/');
    assert.equal(storage.at(-1).status, 204);
    assert.equal(storage.at(-1).hasAuthorization, false, 'the SDK must not send the key to storage');
    const task = await client.imageToVideo.create({ model: 'gen4_turbo', promptImage: uri, ratio: '960:960', duration: 2 }).waitForTaskOutput({ timeout: 60_000 });
    assert.equal(task.status, 'SUCCEEDED');
  });
});

describe('tasks', () => {
  test('retrieve a task made through /_sim/tasks', async () => {
    const { id } = await sim('POST', '/_sim/tasks', { model: 'gen4_image', status: 'SUCCEEDED' });
    const task = await client.tasks.retrieve(id);
    assert.equal(task.id, id);
    assert.equal(task.status, 'SUCCEEDED');
    assert.ok(!Number.isNaN(Date.parse(task.createdAt)));
    assert.equal((await download(task.output[0])).type, 'image/png');
  });

  test('retrieve a running task shows progress', async () => {
    const { id } = await sim('POST', '/_sim/tasks', { status: 'RUNNING' });
    const task = await client.tasks.retrieve(id);
    assert.equal(task.status, 'RUNNING');
    assert.equal(typeof task.progress, 'number');
  });

  test('delete cancels an unfinished task and deletes a finished one', async () => {
    const running = await sim('POST', '/_sim/tasks', { status: 'RUNNING' });
    assert.equal(await client.tasks.delete(running.id), null, 'a 204 has no body');
    assert.equal((await client.tasks.retrieve(running.id)).status, 'CANCELLED');

    const done = await sim('POST', '/_sim/tasks', { status: 'SUCCEEDED' });
    await client.tasks.delete(done.id);
    await assert.rejects(client.tasks.retrieve(done.id), NotFoundError);
  });
});

describe('organization', () => {
  test('retrieve reports balance, tier and usage', async () => {
    const org = await client.organization.retrieve();
    assert.equal(typeof org.creditBalance, 'number');
    assert.equal(typeof org.tier.maxMonthlyCreditSpend, 'number');
    assert.equal(typeof org.tier.models.gen4_turbo.maxConcurrentGenerations, 'number');
    assert.equal(typeof org.tier.models.gen4_turbo.maxDailyGenerations, 'number');
    assert.ok(org.usage.models.gen4_turbo.dailyGenerations >= 1);
  });

  test('retrieveUsage returns daily credits per model', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const usage = await client.organization.retrieveUsage({ startDate: today, beforeDate: tomorrow });
    assert.equal(usage.results.length, 1);
    assert.equal(usage.results[0].date, today);
    const turbo = usage.results[0].usedCredits.find((u) => u.model === 'gen4_turbo');
    assert.ok(turbo && turbo.amount > 0);
    assert.ok(usage.models.includes('gen4_turbo'));
  });
});

describe('errors map to SDK error classes', () => {
  test('401 → AuthenticationError', async () => {
    const bad = new RunwayML({ apiKey: 'key_not_valid', baseURL });
    await assert.rejects(bad.organization.retrieve(), (err) => err instanceof AuthenticationError && err.status === 401);
  });

  test('404 → NotFoundError', async () => {
    await assert.rejects(client.tasks.retrieve('00000000-0000-4000-8000-000000000000'), NotFoundError);
  });

  test('400 → BadRequestError with issues', async () => {
    await assert.rejects(
      client.textToImage.create({ model: 'gen4_image', promptText: 'x', ratio: '1:1' }),
      (err) => {
        assert.ok(err instanceof BadRequestError);
        assert.equal(err.status, 400);
        assert.equal(err.error.issues[0].path[0], 'ratio');
        return true;
      },
    );
  });

  test('429 three times → RateLimitError after the SDK retries twice', async () => {
    await sim('DELETE', '/_sim/requests');
    await sim('POST', '/_sim/faults', { path: '/v1/organization', kind: 'status', status: 429, count: 3, retryAfterMs: 20, error: 'Too many requests' });
    await assert.rejects(client.organization.retrieve(), (err) => err instanceof RateLimitError && err.status === 429);
    const log = await sim('GET', '/_sim/requests?path=/v1/organization');
    assert.equal(log.length, 3);
    assert.ok(log.every((e) => e.status === 429 && e.fault === 'status'));
  });

  test('a dropped connection is retried by the SDK', async () => {
    await sim('POST', '/_sim/faults', { path: '/v1/organization', method: 'GET', kind: 'drop' });
    const org = await client.organization.retrieve();
    assert.equal(typeof org.creditBalance, 'number');
  });

  test('the SDK sends the version header, the key and its user agent', async () => {
    const log = await sim('GET', '/_sim/requests?path=/v1/');
    assert.ok(log.length > 0);
    const sdkRequests = log.filter((e) => e.authorized);
    assert.ok(sdkRequests.length > 0);
    assert.ok(sdkRequests.every((e) => e.version === '2024-11-06'));
    assert.ok(sdkRequests.some((e) => /RunwayML\/JS/i.test(e.userAgent ?? '')), `user agents: ${[...new Set(sdkRequests.map((e) => e.userAgent))]}`);
  });
});
