import type { RpcResponse } from '../../src-shared/contract';
import { UPLOAD_PATH } from '../../src-shared/contract/imports';
import type { Transport } from './transport';

/** The headless server's transport: `POST /rpc/<method>`, and one shared `EventSource('/events')`
 * whose named events (`event: job.progress`) are routed to their listeners. */
export function httpTransport(base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const listen = (name: string): void => {
    source ??= new EventSource(`${base}/events`);
    source.addEventListener(name, (e) => {
      let payload: unknown;
      try {
        payload = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return; // a torn event is dropped; the next progress event carries the whole state again
      }
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  };

  return {
    kind: 'http',
    invoke: (method, input) =>
      post(`${base}/rpc/${encodeURIComponent(method)}`, { 'Content-Type': 'application/json' }, JSON.stringify(input ?? {})),
    // the file's bytes as the body, streamed by the browser: not through the RPC's 1 MiB JSON body
    upload: (name, file, replace) =>
      post(`${base}${UPLOAD_PATH}${encodeURIComponent(name)}${replace ? '?replace=1' : ''}`, { 'Content-Type': 'text/csv' }, file),
    onEvent(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        listen(name);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** One POST answered with a contract response, whatever happens on the way. */
async function post(url: string, headers: Record<string, string>, body: BodyInit): Promise<RpcResponse> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch (err) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: `the Mon_PS server is not reachable: ${(err as Error).message}` } };
  }
  const text = await res.text();
  try {
    return JSON.parse(text) as RpcResponse;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `the server answered HTTP ${res.status} without a contract response`,
        details: { body: text.slice(0, 200) },
      },
    };
  }
}
