// Conformance of the simulator's SDK 4.20 endpoints (upscales, HDR, recipes, routed generation, routers,
// workflows) with the official Node SDK. Run through run.ps1. Names are unique per run so this file does not
// depend on, or disturb, what other files create; waiting tests run concurrently (the SDK sleeps ~6 s per poll).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import RunwayML, { BadRequestError, NotFoundError, WorkflowInvocationFailedError } from '@runwayml/sdk';
import { client, download } from './simulator.mjs';

const run = Date.now().toString(36);
const IMG = 'https://example.com/in.png';
const VID = 'https://example.com/in.mp4';

async function succeeded(pending, type, count = 1) {
  const created = await pending;
  assert.ok(created.estimatedCost.credits > 0, 'create answers estimatedCost.credits');
  const task = await pending.waitForTaskOutput({ timeout: 60_000 });
  assert.equal(task.status, 'SUCCEEDED');
  assert.equal(task.output.length, count);
  for (const url of task.output) assert.equal((await download(url)).type, type);
  return task;
}

describe('upscale, HDR and recipe tasks through the SDK (concurrently)', { concurrency: true }, () => {
  const cases = [
    ['imageUpscale', 'image/png', 1, () => client.imageUpscale.create({ model: 'magnific_precision_upscaler_v2', imageUri: IMG, scaleFactor: 2, flavor: 'sublime' })],
    ['videoUpscale creative', 'video/mp4', 1, () => client.videoUpscale.create({ model: 'magnific_video_upscaler_creative', videoUri: VID, resolution: '1k', fpsBoost: true })],
    ['videoUpscale enhance_frame_rate', 'video/mp4', 1, () => client.videoUpscale.create({ model: 'enhance_frame_rate', videoUri: VID, targetFramerate: '59_94' })],
    ['videoToHdr hdr_prores', 'video/quicktime', 1, () => client.videoToHdr.create({ model: 'ruby', videoUri: VID, outputFormat: 'hdr_prores', proresProfile: '422' })],
    ['videoToHdr hdr_exr_sequence', 'application/zip', 1, () => client.videoToHdr.create({ model: 'ruby', videoUri: VID, outputFormat: 'hdr_exr_sequence' })],
    ['recipes.adLocalization', 'image/png', 1, () => client.recipes.adLocalization({ referenceImage: { uri: IMG }, targetLanguage: 'ja', version: '2026-06' })],
    ['recipes.marketingStockImage', 'image/png', 3, () => client.recipes.marketingStockImage({ prompt: 'a bakery', version: '2026-06', outputCount: 3, quality: 'medium' })],
    ['recipes.multiShotVideo', 'video/mp4', 1, () => client.recipes.multiShotVideo({ mode: 'custom', version: 'unsafe-latest', duration: 10,
      shots: [{ duration: 3, prompt: 'a' }, { duration: 3, prompt: 'b' }, { duration: 4, prompt: 'c' }] })],
    ['recipes.productAd', 'video/mp4', 1, () => client.recipes.productAd({ productImages: [{ uri: IMG }], version: '2026-07', duration: 8, ratio: '1248:1664' })],
    ['recipes.productCampaignImage', 'image/png', 4, () => client.recipes.productCampaignImage({ image: { uri: IMG }, prompt: 'editorial', version: '2026-06' })],
    ['recipes.productSwap', 'video/mp4', 1, () => client.recipes.productSwap({ newProductImages: [{ uri: IMG, view: 'side' }], originalProductImage: { uri: IMG },
      referenceVideo: { uri: VID }, version: '2026-06', resolution: '720p', audio: true })],
    ['recipes.productUgc', 'video/mp4', 1, () => client.recipes.productUgc({ characterImage: { uri: IMG }, productImage: { uri: IMG }, version: '2026-06', userConcept: 'upbeat' })],
  ];
  for (const [name, type, count, create] of cases) test(name, () => succeeded(create(), type, count));

  test('an invalid recipe body is a BadRequestError with issues', async () => {
    await assert.rejects(client.recipes.multiShotVideo({ mode: 'auto', prompt: 'p', version: '2026-06', duration: 7 }), (err) => {
      assert.ok(err instanceof BadRequestError);
      assert.deepEqual(err.error.issues.map((i) => i.path.join('.')), ['duration']);
      return true;
    });
  });
});

describe('routers and routed generation through the SDK', { concurrency: true }, () => {
  test('CRUD, list auto-pagination and request history', async () => {
    const slugs = [1, 2, 3, 4, 5].map((i) => `conf-${run}-${i}`);
    const made = [];
    for (const slug of slugs) made.push(await client.routers.create({ slug, settings: { optimizeFor: 'cost' } }));
    const first = made[0];
    assert.equal((await client.routers.retrieve(first.id)).slug, slugs[0]);
    const updated = await client.routers.update(first.id, { name: 'First', settings: { maxCreditsPerGeneration: { image: 10 } } });
    assert.equal(updated.name, 'First');
    assert.equal(updated.version, 2);
    assert.equal(updated.settings.optimizeFor, 'cost');

    const seen = [];
    for await (const router of client.routers.list({ limit: 2 })) seen.push(router.slug);
    const mine = seen.filter((s) => s.startsWith(`conf-${run}-`));
    assert.deepEqual(mine, [...slugs].reverse(), 'auto-pagination walks every page, newest first');
    assert.equal(new Set(seen).size, seen.length, 'no router served twice');
    const page = await client.routers.list({ limit: 2 });
    assert.equal(page.data.length, 2);
    assert.ok(page.hasNextPage());

    for (let i = 0; i < 3; i++) await client.generate.image.create({ configId: slugs[0], input: { promptText: `image ${i}` } });
    const history = [];
    for await (const request of client.routers.listRequests(first.id, { limit: 1 })) history.push(request);
    assert.equal(history.length, 3);
    for (const h of history) {
      assert.equal(h.status, 'routed');
      assert.ok(h.taskId && h.model && h.provider && h.requestId);
      assert.equal(h.pipeline.at(-1).type, 'rank');
    }

    await client.routers.delete(made[4].id);
    await assert.rejects(client.routers.retrieve(made[4].id), NotFoundError);
  });

  const slug = `conf-gen-${run}`;
  const ready = client.routers.create({ slug });
  const cases = [
    ['generate.video', 'video/mp4', () => client.generate.video.create({ configId: slug, input: { promptText: 'a cat', aspectRatio: '1:1', duration: 4 } })],
    ['generate.image', 'image/png', () => client.generate.image.create({ configId: slug, input: { promptText: 'a fox', resolution: '2k', aspectRatio: '16:9' } })],
    ['generate.audio', 'audio/wav', () => client.generate.audio.create({ configId: slug, input: { type: 'speech', promptText: 'Hello', voice: { type: 'preset', presetId: 'Maya' } } })],
  ];
  for (const [name, type, create] of cases) {
    test(name, async () => {
      await ready;
      const pending = create();
      const created = await pending;
      assert.equal(created.routing.configId, slug);
      assert.ok(created.routing.model && created.routing.provider);
      assert.ok(created.routing.estimatedCost.credits > 0);
      assert.equal(created.routing.resolvedSettings.priceCeiling, null);
      const task = await pending.waitForTaskOutput({ timeout: 60_000 });
      assert.equal(task.status, 'SUCCEEDED');
      assert.equal((await download(task.output[0])).type, type);
    });
  }

  test('an unknown router is a NotFoundError', async () => {
    await assert.rejects(client.generate.video.create({ configId: `missing-${run}`, input: { promptText: 'x' } }), NotFoundError);
  });
});

describe('workflows through the SDK', { concurrency: true }, () => {
  async function latest(name) {
    const { data } = await client.workflows.list();
    const group = data.find((g) => g.name === name);
    assert.ok(group, `seeded workflow ${name}`);
    return client.workflows.retrieve(group.versions[0].id);
  }
  const node = (wf, name) => wf.graph.nodes.find((n) => n.name === name).id;

  test('run with typed inputs and wait for the invocation', async () => {
    const wf = await latest('Storyboard to video');
    const { id } = await client.workflows.run(wf.id, { nodeOutputs: {
      [node(wf, 'Script')]: { text: { type: 'primitive', value: 'a lighthouse at dusk' }, seconds: { type: 'primitive', value: 8 } },
      [node(wf, 'Style frame')]: { image: { type: 'image', uri: IMG } },
      [node(wf, 'Music')]: { audio: { type: 'audio', uri: 'https://example.com/m.mp3' } },
    } });
    const done = await client.workflowInvocations.retrieve(id).waitForTaskOutput({ timeout: 60_000 });
    assert.equal(done.status, 'SUCCEEDED');
    assert.equal(done.nodeErrors, undefined);
    assert.equal((await download(done.output[node(wf, 'Keyframe')][0])).type, 'image/png');
    assert.equal((await download(done.output[node(wf, 'Animate')][0])).type, 'video/mp4');
  });

  test('a partial run succeeds with nodeErrors; a failed invocation raises WorkflowInvocationFailedError', async () => {
    const wf = await latest('Video restyle');
    const inputs = (style) => ({ nodeOutputs: {
      [node(wf, 'Source video')]: { video: { type: 'video', uri: VID } },
      [node(wf, 'Style')]: { text: { type: 'primitive', value: style } },
    } });
    const partial = await client.workflowInvocations.retrieve((await client.workflows.run(wf.id, inputs('x [fail:SAFETY.INPUT.TEXT]'))).id)
      .waitForTaskOutput({ timeout: 60_000 });
    assert.equal(partial.status, 'SUCCEEDED');
    assert.equal(partial.nodeErrors[node(wf, 'Restyle')].failureCode, 'SAFETY.INPUT.TEXT');
    const failing = client.workflowInvocations.retrieve((await client.workflows.run(wf.id, inputs('x [fail-invocation:INTERNAL]'))).id);
    await assert.rejects(failing.waitForTaskOutput({ timeout: 60_000 }), (err) => {
      assert.ok(err instanceof WorkflowInvocationFailedError);
      assert.equal(err.invocationDetails.failureCode, 'INTERNAL');
      return true;
    });
  });

  test('a wrong input kind is a BadRequestError', async () => {
    const wf = await latest('Video restyle');
    await assert.rejects(client.workflows.run(wf.id, { nodeOutputs: { [node(wf, 'Source video')]: { video: { type: 'image', uri: IMG } } } }), BadRequestError);
  });
});
