// The demo's fixed ports when free (so bookmarks and notes keep working), else any free one.
import { createServer } from 'node:net';

/** `port` if nothing listens on 127.0.0.1:port, else 0 (the OS picks one). */
export function portOrEphemeral(port: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(0));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}
