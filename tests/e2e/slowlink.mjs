// One slow link shared by every connection, as an island office's line is: a TCP relay in
// front of the server that lets bytes through at `bytesPerSecond` in each direction, all
// connections together, each byte arriving `latencyMs` after it left (half a round trip).
// Chromium's own network emulation throttles each request on its own, which hides what
// competes for the link; this does not.
import { createServer, connect } from 'node:net';

/** Bytes through one direction of the link, in the order they arrive, at a shared rate. */
class Direction {
  constructor(bytesPerSecond, latencyMs) {
    this.rate = bytesPerSecond / 1000;
    this.latency = latencyMs;
    this.free = 0; // when the link has sent everything queued so far (ms, performance.now)
    this.bytes = 0;
  }

  /** Sends `chunk` to `socket` once the link has carried it. */
  carry(chunk, socket) {
    // In packets, so that connections take turns rather than one holding the link.
    for (let at = 0; at < chunk.length; at += 1460) {
      const piece = chunk.subarray(at, at + 1460);
      const now = performance.now();
      this.free = Math.max(this.free, now) + piece.length / this.rate;
      this.bytes += piece.length;
      setTimeout(() => { if (!socket.destroyed) socket.write(piece); }, this.free + this.latency - now);
    }
  }
}

/**
 * Starts the link in front of `target` ("http://127.0.0.1:port"): `{ url, stop, bytes() }`,
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
    const closeAfter = (dir, socket) => () => setTimeout(() => socket.end(),
      Math.max(0, dir.free - performance.now()) + dir.latency + 1);
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
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}
