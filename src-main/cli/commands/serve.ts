import { parse, UsageError, type Command } from '../command';
import { rendererDir, startHeadless } from '../../server/headless';
import { MIN_TOKEN_LENGTH } from '../../server/http';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the headless server: the app in a browser on 127.0.0.1, the contract over HTTP, the REST API',
  usage: 'monps serve [--port N] [--host 127.0.0.1] [--token T] [--source URL] [--data-dir DIR]',
  exits: {
    0: 'stopped by SIGINT or SIGTERM after a clean shutdown',
    1: 'could not start (port in use, bad source, …)',
    2: 'bad usage (a bad port, a token under 12 characters, a malformed --source)',
  },
  async run(argv, io) {
    const { values } = parse(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      source: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const port = values.port === undefined ? 5780 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a whole number 0..65535, got '${values.port}'`);
    // An empty token (--token '', MONPS_TOKEN=) is no token: off loopback one is generated and printed.
    const token = values.token ?? process.env.MONPS_TOKEN;
    if (token?.trim() && token.length < MIN_TOKEN_LENGTH)
      throw new UsageError(`--token must be at least ${MIN_TOKEN_LENGTH} characters (leave it out to have one generated)`);
    const started = Date.now();
    // Listening before the start: a SIGINT while PostgreSQL starts waits for it and stops it again.
    const stop = shutdownSignal(io);
    let app: Awaited<ReturnType<typeof startHeadless>>;
    try {
      app = await startHeadless({
        port,
        host: values.host,
        token,
        source: values.source,
        dataDir: values['data-dir'],
        log: (l) => io.err(l),
      });
    } catch (err) {
      stop.dispose();
      throw err;
    }
    if (!rendererDir()) io.err('no renderer build found: the API works, the page needs `npm run build` first');
    io.out(
      `Mon_PS Desk serving ${app.services.source.label} on ${app.server.url}${app.server.token ? `?token=${app.server.token}` : ''} (ready in ${Date.now() - started} ms)`,
    );
    await stop.requested;
    io.err('stopping…');
    try {
      await app.close();
    } finally {
      stop.dispose();
    }
    io.err(`stopped${stop.unhandled ? ` (${stop.unhandled} rejection(s) nobody awaited during the shutdown, logged above)` : ''}`);
    return 0;
  },
};

/** SIGINT/SIGTERM ask for a shutdown; a second signal (a terminal sends one to every process of the
 * group, a wrapper relays another) no longer kills the process halfway, with PostgreSQL still running.
 * While shutting down, a job's rejection nobody awaits is logged and counted instead of ending the
 * process before PostgreSQL is stopped. */
function shutdownSignal(io: { err(t: string): void }): { requested: Promise<string>; dispose(): void; readonly unhandled: number } {
  let asked = false;
  let unhandled = 0;
  let resolve: (signal: string) => void = () => {};
  const requested = new Promise<string>((r) => (resolve = r));
  const onSignal = (signal: string) => {
    if (asked) return io.err(`${signal} again: already stopping (waiting for the jobs and PostgreSQL to stop)`);
    asked = true;
    process.on('unhandledRejection', onRejection);
    resolve(signal);
  };
  const onRejection = (reason: unknown) => {
    unhandled++;
    io.err(`while stopping, a rejection nobody awaited: ${(reason as Error)?.message ?? String(reason)}`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested,
    get unhandled() {
      return unhandled;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('unhandledRejection', onRejection);
    },
  };
}
