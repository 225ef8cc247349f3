/**
 * A TCP relay in front of the test server whose open connections can go silent without
 * closing: the sockets stay open, nothing is forwarded either way, as on a half-open
 * connection after a network outage (field case C01, variant B). New connections work.
 */
import net from 'node:net';

export interface FreezableProxy {
  url: string;
  /** Silences every connection open now. */
  freeze(): void;
  close(): Promise<void>;
}

interface Pair {
  frozen: boolean;
  sockets: net.Socket[];
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: Pair = { frozen: false, sockets: [client, upstream] };
    pairs.add(pair);
    const relay = (from: net.Socket, to: net.Socket) => {
      from.on('data', (data) => {
        if (!pair.frozen) to.write(data);
      });
      from.on('end', () => pair.frozen || to.end());
      from.on('error', () => from.destroy());
      from.on('close', () => pairs.delete(pair));
    };
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `ws://127.0.0.1:${port}`,
    freeze: () => {
      for (const pair of pairs) pair.frozen = true;
    },
    close: () => {
      for (const pair of pairs) for (const socket of pair.sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
