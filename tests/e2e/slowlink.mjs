// One slow link shared by every connection, as an island office's line is: a TCP relay in
// front of the server that lets bytes through at `bytesPerSecond` in each direction, all
// connections together and taking turns, each byte arriving `latencyMs` after it left (half
// a round trip).
// Chromium's own network emulation throttles each request on its own, which hides what
// competes for the link; this does not.
import { createServer, connect } from 'node:net';

/**
 * One direction of the link: packets leave one at a time at the shared rate, the
 * connections taking turns (as TCP flows share a bottleneck), each arriving `latency` ms
 * after it left.
 */
class Direction {
  constructor(bytesPerSecond, latencyMs) {
    this.rate = bytesPerSecond / 1000;
    this.latency = latencyMs;
    this.queues = new Map(); // socket → packets waiting
    this.busy = false;
    this.bytes = 0;
  }

  /** Sends `chunk` to `socket` once the link has carried it. */
  carry(chunk, socket) {
    const queue = this.queues.get(socket) ?? [];
    for (let at = 0; at < chunk.length; at += 1460) queue.push(chunk.subarray(at, at + 1460));
    this.queues.set(socket, queue);
    if (!this.busy) this.next();
  }

  /** When everything queued for `socket` will have arrived (ms from now), roughly. */
  drained(socket) {
    const waiting = [...this.queues.values()].reduce((n, q) => n + q.reduce((m, p) => m + p.length, 0), 0);
    return (this.queues.has(socket) ? waiting / this.rate : 0) + this.latency + 1;
  }

  next() {
    // The first connection with something to send goes to the back of the line after it.
    for (const [socket, queue] of this.queues) {
      this.queues.delete(socket);
      if (socket.destroyed || queue.length === 0) continue;
      const piece = queue.shift();
      if (queue.length) this.queues.set(socket, queue);
      this.busy = true;
      this.bytes += piece.length;
      const sending = piece.length / this.rate;
      setTimeout(() => { if (!socket.destroyed) socket.write(piece); }, sending + this.latency);
      setTimeout(() => this.next(), sending);
      return;
    }
    this.busy = false;
  }
}

/**
 * Starts the link in front of `target` ("http://127.0.0.1:port"): `{ url, stop, cut(), bytes() }`,
 * `bytes()` being what it carried each way so far.
 */
export async function startSlowLink(target, { bytesPerSecond = 50_000 / 8, latencyMs = 150 } = {}) {
  const { hostname, port } = new URL(target);
  const up = new Direction(bytesPerSecond, latencyMs);
  const down = new Direction(bytesPerSecond, latencyMs);
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (d) => up.carry(d, upstream));
    upstream.on('data', (d) => down.carry(d, client));
    // A close is passed on after the bytes before it (the link's queue plus its latency).
    const closeAfter = (dir, socket) => () => setTimeout(() => socket.end(), dir.drained(socket));
    client.on('end', closeAfter(up, upstream));
    upstream.on('end', closeAfter(down, client));
    for (const s of [client, upstream]) {
      s.on('error', () => { client.destroy(); upstream.destroy(); });
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    bytes: () => ({ up: up.bytes, down: down.bytes }),
    /** Drops every connection at once, as a line going down does: what was on the way is lost. */
    cut() {
      for (const s of sockets) s.destroy();
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}
