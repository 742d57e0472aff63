import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { nextCronRun } from '../../../src-shared/domain/cron';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { call, ContractCallError, setTransport } from '../../../src-renderer/api/client';
import { httpTransport } from '../../../src-renderer/api/http';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { startTelegramStandIn, type TelegramStandIn } from '../../support/telegram-stand-in';

// Settings, the schedule and notifications through the contract over real HTTP (the headless server
// on a fresh test database); Telegram is a STAND-IN Bot API server on loopback.
const TOKEN = '7012345678:AAH-contract-token-0123456789abcdefgh';
let db: TestDatabase;
let app: Headless | undefined;
let api: TelegramStandIn;
const logs: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-settings-contract-'));
const settingsFile = path.join(dataDir, 'settings.json');

async function start(): Promise<void> {
  app = await startHeadless({
    port: 0,
    source: db.url,
    dataDir,
    log: (l) => logs.push(l),
    telegram: { sleep: async () => {} },
  });
  setTransport(httpTransport(app.server.url.replace(/\/$/, '')));
}

async function failure(p: Promise<unknown>): Promise<ContractCallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ContractCallError) return err;
    throw err;
  }
  throw new Error('the call succeeded');
}

const issuePaths = (e: ContractCallError) => (e.details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));

// The schedule runs (cron ticks on), with the sync's cron moved to once a year so no tick lands
// during the test: the only syncs are the start-up one and those the test asks for.
const YEARLY = '0 0 1 1 *';

beforeAll(async () => {
  fs.writeFileSync(settingsFile, JSON.stringify({ settings: { schedule: { sync: { cron: YEARLY, enabled: true } } } }));
  db = await createTestDatabase('monps_settings_http');
  api = await startTelegramStandIn({ validToken: TOKEN });
  await start();
});

afterAll(async () => {
  await app?.close();
  await api?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('settings through the contract (HTTP)', () => {
  it('saves a section, refuses a bad one field by field changing nothing, and keeps them across a restart', async () => {
    const first = await call('settings.get', {});
    expect(first.settings).toEqual({
      ...DEFAULT_SETTINGS,
      schedule: { ...DEFAULT_SETTINGS.schedule, sync: { cron: YEARLY, enabled: true } },
    });
    expect(first).toMatchObject({ updatedAt: null, file: settingsFile, secrets: { storage: 'file', telegramToken: false } });
    const staking = { ...DEFAULT_SETTINGS.staking, bankroll: 5000, kellyFraction: 0.3 };
    const saved = await call('settings.update', {
      staking,
      markets: { preferredBookmakers: ['PS'], excludedBookmakers: ['WH'], leagues: ['E0', 'SP1'] },
    });
    expect(saved.settings.staking).toEqual(staking);
    expect(fs.statSync(settingsFile).mode & 0o777).toBe(0o600);
    const bytes = fs.readFileSync(settingsFile, 'utf8');

    const bad = await failure(
      call('settings.update', {
        staking: { ...staking, bankroll: 0, kellyFraction: 1.5 },
        schedule: { sync: { cron: '*/0 * * * *', enabled: true } },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(issuePaths(bad).sort()).toEqual(['schedule.sync.cron', 'staking.bankroll', 'staking.kellyFraction']);
    expect(bad.message).toContain('staking.bankroll: the bankroll must be more than 0');
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe(bytes);

    await app!.close();
    app = undefined;
    await start();
    const again = await call('settings.get', {});
    expect(again.settings.staking).toEqual(staking);
    expect(again.settings.markets.leagues).toEqual(['E0', 'SP1']);
    expect(again.updatedAt).toBe(saved.updatedAt);
  });

  it('exports without secrets and imports with the same validation', async () => {
    const out = await call('settings.export', {});
    expect(out.fileName).toMatch(/^monps-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(out.content).not.toMatch(/postgres:|sourceUrl|telegramToken/);
    const file = JSON.parse(out.content);
    file.settings.staking.bankroll = 777;
    expect((await call('settings.import', { content: JSON.stringify(file) })).settings.staking.bankroll).toBe(777);
    file.settings.staking.bankroll = -1;
    const bad = await failure(call('settings.import', { content: JSON.stringify(file) }));
    expect(bad.message).toBe('invalid settings file: staking.bankroll: the bankroll must be more than 0');
    expect((await call('settings.get', {})).settings.staking.bankroll).toBe(777);
  });

  it('drives the schedule: a new cron shows in scheduler.list with its next run; an invalid one changes nothing', async () => {
    await app!.services.scheduler.idle(); // the start-up sync of this (restarted) app
    const list = await call('scheduler.list', {});
    expect(list.slots.map((s) => s.slot)).toEqual(['sync', 'intelligence', 'closing-line', 'settlement', 'learning']);
    const sync = list.slots[0];
    expect(sync).toMatchObject({ cron: YEARLY, defaultCron: '*/5 * * * *', steps: ['sync'], enabled: true });
    expect(sync.nextRunAt).toBe(nextCronRun(YEARLY, new Date())!.toISOString());
    // the decision layer plugged in: fresh odds first, then its own step
    expect(list.slots.find((s) => s.slot === 'closing-line')).toMatchObject({ steps: ['sync', 'capture'], triggers: ['each kick-off'] });
    expect(list.slots.find((s) => s.slot === 'settlement')).toMatchObject({ steps: ['sync', 'settle'] });
    expect(list.slots.find((s) => s.slot === 'intelligence')).toMatchObject({ steps: ['agents', 'patterns', 'CONSEIL'] });
    expect(sync.lastRun).toMatchObject({ reason: 'start', status: 'ok' }); // the start-up sync of the empty test source

    // a new cron for the sync (2 January, 04:15: never during the test) and for learning
    const schedule = {
      ...DEFAULT_SETTINGS.schedule,
      sync: { cron: '15 4 2 1 *', enabled: true },
      learning: { cron: '45 3 * * 1', enabled: true },
    };
    await call('settings.update', { schedule });
    const after = await call('scheduler.list', {});
    expect(after.slots[0]).toMatchObject({
      cron: '15 4 2 1 *',
      nextRunAt: nextCronRun('15 4 2 1 *', new Date())!.toISOString(),
      nextReason: 'cron',
    });
    const learning = after.slots.find((s) => s.slot === 'learning')!;
    expect(learning).toMatchObject({
      cron: '45 3 * * 1',
      steps: ['learn'],
      nextRunAt: nextCronRun('45 3 * * 1', new Date())!.toISOString(),
    });
    const bad = await failure(call('settings.update', { schedule: { learning: { cron: '45 25 * * 1', enabled: true } } }));
    expect(bad.message).toContain('schedule.learning.cron: not a valid cron expression: Invalid value for hour: 25');
    expect((await call('scheduler.list', {})).slots.find((s) => s.slot === 'learning')!.cron).toBe('45 3 * * 1');

    const run = await call('scheduler.run', { slot: 'sync' });
    expect(run.running).toMatchObject({ reason: 'manual' });
    await app!.services.scheduler.idle();
    expect((await call('scheduler.list', {})).slots[0].lastRun).toMatchObject({ reason: 'manual', status: 'ok' });
  });

  it('stores the Telegram token only after Telegram accepted it, never answers it back, and sends a test message', async () => {
    const needToken = await failure(call('settings.update', { notifications: { ...DEFAULT_SETTINGS.notifications, telegram: true } }));
    expect(issuePaths(needToken)).toEqual(['notifications.telegram']);
    await call('settings.update', { telegram: { baseUrl: api.url, chatId: '-100200300' } });

    const wrong = await failure(call('settings.telegram.setToken', { token: '7012345678:AAH-not-the-right-token-000000000' }));
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      message: 'the token was not saved: Telegram refused the bot token (401 Unauthorized)',
    });
    const malformed = await failure(call('settings.telegram.setToken', { token: 'hello' }));
    expect(issuePaths(malformed)).toEqual(['token']);
    expect((await call('settings.get', {})).secrets.telegramToken).toBe(false);

    expect(await call('settings.telegram.setToken', { token: TOKEN })).toEqual({ telegramToken: true, bot: '@monps_test_bot' });
    const state = await call('settings.get', {});
    expect(state.secrets.telegramToken).toBe(true);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).telegramToken).toBe(TOKEN);

    await call('settings.update', { notifications: { ...DEFAULT_SETTINGS.notifications, telegram: true } });
    api.requests.length = 0;
    const test = await call('notifications.test', { channel: 'telegram' });
    expect(test).toEqual({ delivered: true, channel: 'telegram', message: 'test message delivered (telegram)' });
    expect(api.requests).toMatchObject([{ method: 'sendMessage', body: { chat_id: '-100200300', parse_mode: 'MarkdownV2' } }]);
    expect(api.requests[0].body.text).toBe('*Mon\\_PS Desk test notification*\nIf you read this, alerts reach you here\\.\n_test · low_');

    // a trap raised by the agents reaches the chat once; its update does not
    const bus = app!.services.bus;
    const trap = {
      id: 'trap:55',
      kind: 'trap',
      severity: 'high',
      title: 'Trap',
      body: 'b',
      matchId: 55,
      panel: 'ferrari',
      at: '',
    } as const;
    bus.emit('alert.raised', trap);
    bus.emit('alert.raised', { ...trap, title: 'Trap (updated)' });
    await app!.services.notifier.settled();
    expect(api.requests.filter((r) => r.method === 'sendMessage')).toHaveLength(2);
    const log = await call('notifications.log', { limit: 10 });
    expect(
      log
        .filter((d) => d.id === 'trap:55')
        .map((d) => `${d.channel}:${d.status}`)
        .sort(),
    ).toEqual(['browser:sent', 'telegram:sent']);
  });

  it('an unreachable Telegram server gets a clear message and changes nothing', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    await call('settings.update', { telegram: { baseUrl: `http://127.0.0.1:${port}`, chatId: '-100200300' } });
    // the token was checked against the old server: a new server forgets it (issue 17, item 3)
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).telegramToken).toBeUndefined();
    const e = await failure(call('settings.telegram.setToken', { token: '7012345678:AAH-another-token-0000000000000000' }));
    expect(e).toMatchObject({
      code: 'UNAVAILABLE',
      message: `the token was not saved: Telegram Bot API at http://127.0.0.1:${port} unreachable: ECONNREFUSED`,
    });
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).telegramToken).toBeUndefined();
    const test = await call('notifications.test', { channel: 'telegram' });
    expect(test).toMatchObject({ delivered: false, message: expect.stringMatching(/no Telegram bot token is set/) });
    await call('settings.update', { telegram: { baseUrl: api.url, chatId: '-100200300' } });
    await call('settings.telegram.setToken', { token: TOKEN });
  });

  it('tests a source connection with the password apart, names the failure, and never writes the password anywhere', async () => {
    const u = new URL(db.url);
    const password = decodeURIComponent(u.password);
    const state = await call('settings.source.get', {});
    expect(state.current).toMatchObject({ kind: 'configured', origin: 'flag', error: null });
    expect(state.editUrl).toBe(`postgres://${u.username}:***@${u.host}${u.pathname}`);
    expect(state.switch.state).toBe('idle');

    // the form sends the URL without its password, and the password apart
    const noPass = new URL(db.url);
    noPass.password = '';
    const ok = await call('settings.source.test', { url: noPass.toString(), password });
    expect(ok).toMatchObject({ ok: true, failure: null, schema: 'ready' });
    // *** keeps the password of the source in use
    expect(await call('settings.source.test', { url: state.editUrl })).toMatchObject({ ok: true });
    const wrong = await call('settings.source.test', { url: noPass.toString(), password: 'not-the-password' });
    expect(wrong.failure).toBe('auth');
    const otherHost = await failure(call('settings.source.test', { url: state.editUrl.replace('127.0.0.1', 'localhost') }));
    expect(issuePaths(otherHost)).toEqual(['password']);

    const refused = await failure(
      call('settings.source.save', { url: 'postgres://monps@127.0.0.1:1/monps', password: 'pw-that-must-not-leak' }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { failure: 'refused', field: 'url' } });
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).sourceUrl).toBeUndefined();

    const answers = [
      ...logs,
      JSON.stringify(await call('settings.source.get', {})),
      JSON.stringify(ok),
      JSON.stringify(await call('settings.get', {})),
    ];
    const everything = [...answers, fs.readFileSync(settingsFile, 'utf8')].join('\n');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('pw-that-must-not-leak');
    // the token is in the 0600 settings file (the headless mode's secret store), and nowhere else
    expect(answers.join('\n')).not.toContain(TOKEN);
  });
});
