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
    const app = await startHeadless({
      port,
      host: values.host,
      token,
      source: values.source,
      dataDir: values['data-dir'],
      log: (l) => io.err(l),
    });
    if (!rendererDir()) io.err('no renderer build found: the API works, the page needs `npm run build` first');
    io.out(
      `Mon_PS Desk serving ${app.services.source.label} on ${app.server.url}${app.server.token ? `?token=${app.server.token}` : ''} (ready in ${Date.now() - started} ms)`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.err('stopping…');
    await app.close();
    return 0;
  },
};
