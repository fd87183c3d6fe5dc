// The official Node SDK side of the benchmarks (run by Invoke-Benchmark.ps1, which starts the simulator).
//   node sdk.mjs retrieve <taskId> <calls> <runs>   -> {"runsMs":[...]}  (sequential tasks.retrieve, after a warm-up)
//   node sdk.mjs batch <count> <promptImage>        -> {"wallMs":n,"tasks":[{"id","reportedAt"}]}  (Promise.all + waitForTaskOutput)
// RUNWAYML_BASE_URL and RUNWAYML_API_SECRET come from the environment. The SDK is the one tests/conformance installs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/conformance/package.json'));
const { default: RunwayML } = await import(require.resolve('@runwayml/sdk'));

const client = new RunwayML({ baseURL: process.env.RUNWAYML_BASE_URL, apiKey: process.env.RUNWAYML_API_SECRET });
const [mode, ...args] = process.argv.slice(2);

if (mode === 'retrieve') {
  const [id, calls, runs] = [args[0], Number(args[1]), Number(args[2])];
  for (let i = 0; i < 20; i++) await client.tasks.retrieve(id);
  const runsMs = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await client.tasks.retrieve(id);
    runsMs.push(performance.now() - start);
  }
  console.log(JSON.stringify({ runsMs }));
} else if (mode === 'batch') {
  const [count, promptImage] = [Number(args[0]), args[1]];
  const tasks = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, async () => {
    const task = await client.imageToVideo
      .create({ model: 'gen4_turbo', promptImage, promptText: 'bench', ratio: '1280:720', duration: 2 })
      .waitForTaskOutput();
    tasks.push({ id: task.id, reportedAt: new Date().toISOString() });
  }));
  console.log(JSON.stringify({ wallMs: performance.now() - start, tasks }));
} else {
  console.error('usage: node sdk.mjs retrieve <id> <calls> <runs> | batch <count> <promptImage>');
  process.exit(2);
}
