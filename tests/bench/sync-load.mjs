// Sync benchmarks against the real release binary on loopback. Prints figures; asserts
// nothing. Usage: make server && node tests/bench/sync-load.mjs
//  1. bytes on the wire for one single-field edit (push + acknowledgement, headers included),
//     sent by a minimal HTTP/1.1 client over a raw socket;
//  2. push throughput on SQLite, batches of 1, 50 and 200 mutations, 4 devices in parallel;
//  3. pull latency with nothing new under 200 concurrent clients (keep-alive).
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Agent, request } from 'node:http';
import { startServer } from '../e2e/harness.mjs';

const server = await startServer({ dist: '/nonexistent' });
const { hostname, port } = new URL(server.url);

function post(path, body, agent) {
  return new Promise((ok, fail) => {
    const data = JSON.stringify(body);
    const req = request({ host: hostname, port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let out = '';
      res.on('data', (d) => { out += d; });
      res.on('end', () => (res.statusCode < 300 ? ok(JSON.parse(out)) : fail(new Error(`${res.statusCode} ${out}`))));
    });
    req.on('error', fail);
    req.end(data);
  });
}

function get(path, agent) {
  return new Promise((ok, fail) => {
    request({ host: hostname, port, path, agent }, (res) => {
      let out = '';
      res.on('data', (d) => { out += d; });
      res.on('end', () => ok(out));
    }).on('error', fail).end();
  });
}

const create = (n, id) => ({ n, kind: 'organisation', id, at: Date.now(), set: { name: `Benchmark organisation ${n}` } });

try {
  // 1. One single-field edit of an existing record, as the app sends it (with its context).
  const device = randomUUID();
  const id = randomUUID();
  await post('/api/v1/sync/push', { device, mutations: [create(1, id)] });
  const edit = { n: 2, kind: 'organisation', id, at: Date.now(), set: { acronym: 'BMO' }, ctx: {} };
  const body = JSON.stringify({ device, mutations: [edit] });
  const raw = `POST /api/v1/sync/push HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
  const received = await new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    let n = 0; let text = '';
    socket.on('data', (d) => { n += d.length; text += d; });
    socket.on('end', () => ok({ n, text }));
    socket.on('error', fail);
  });
  const sent = Buffer.byteLength(raw);
  console.log(`single-field edit: request ${sent} B + response ${received.n} B = ${sent + received.n} B (goal ≤ 400 B)`);
  console.log(`  response: ${JSON.stringify(received.text.split('\r\n\r\n')[0].split('\r\n'))}`);

  // 2. Push throughput.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  for (const batch of [1, 50, 200]) {
    const devices = 4;
    const perDevice = batch === 1 ? 500 : 20000 / devices;
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: devices }, async () => {
      const d = randomUUID();
      for (let n = 1; n <= perDevice; n += batch) {
        const mutations = [];
        for (let k = n; k < n + batch && k <= perDevice; k++) mutations.push(create(k, randomUUID()));
        await post('/api/v1/sync/push', { device: d, mutations }, agent);
      }
    }));
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    const total = devices * perDevice;
    console.log(`push, batches of ${batch}: ${total} mutations in ${secs.toFixed(2)} s = ${Math.round(total / secs)} mutations/s`);
  }

  // 3. Pull latency with nothing new, 200 concurrent clients for 10 s.
  const snapshot = JSON.parse(await get('/api/v1/sync/snapshot', agent));
  const path = `/api/v1/sync/pull?cursor=${encodeURIComponent(snapshot.cursor)}`;
  const pullAgent = new Agent({ keepAlive: true, maxSockets: 200 });
  const times = [];
  const until = Date.now() + 10000;
  await Promise.all(Array.from({ length: 200 }, async () => {
    while (Date.now() < until) {
      const t = process.hrtime.bigint();
      await get(path, pullAgent);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(`pull, nothing new, 200 clients: ${times.length} requests in 10 s, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (client and server share the 2 cores)`);
} finally {
  await server.stop();
  server.cleanup();
}
