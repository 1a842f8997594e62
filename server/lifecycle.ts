import type { Server } from 'node:http';
import type { Logger } from '../core/ports';
import type { Config } from './config';

/**
 * Listens, then on SIGTERM or SIGINT shuts down gracefully: stops accepting connections, lets in-flight requests
 * finish (up to the grace period, then cuts them), runs `release` (closing the store) and exits 0.
 * Resolves with the port it listens on (useful with PORT=0).
 */
export async function listenUntilStopped(
  server: Server,
  config: Pick<Config, 'port' | 'host' | 'shutdownGraceMs'>,
  logger: Logger,
  release: () => Promise<void>,
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets with no request in flight would hold close() open; in-flight ones finish first.
    server.closeIdleConnections();
    const deadline = setTimeout(() => {
      logger.warn('grace period over; cutting remaining connections', { graceMs: config.shutdownGraceMs });
      server.closeAllConnections();
    }, config.shutdownGraceMs);
    deadline.unref();
    closed
      .then(release)
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error('shutdown failed', { error: err });
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : config.port;
}
