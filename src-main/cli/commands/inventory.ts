import type { Inventory } from '../../../src-shared/contract/inventory';
import { EXIT, parse, printJson, type Command } from '../command';
import { resolveConfig } from '../../app/config';
import { createServices } from '../../app/services';
import { inventoryJob, inventorySourceOf } from '../../features/inventory';

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'Every table of the source and the cache: rows, last update, status (active / under-used / empty)',
  usage: 'monps inventory [--source URL] [--cache FILE] [--stale-days N] [--json]',
  exits: {
    0: 'listed every table of the source and the cache',
    1: 'failed (the error is printed)',
    3: 'the source is unreachable: the cache is still listed',
  },
  async run(argv, io) {
    const { values } = parse(argv, {
      source: { type: 'string' },
      cache: { type: 'string' },
      'stale-days': { type: 'string', default: '30' },
      json: { type: 'boolean', default: false },
    });
    const services = await createServices(resolveConfig({ sourceFlag: values.source, cacheFile: values.cache }), { log: (l) => io.err(l) });
    try {
      const inv = await services.jobs.run(inventoryJob, {
        staleAfterDays: Number(values['stale-days']),
        source: inventorySourceOf(services.source),
      }).done;
      if (values.json) printJson(io, inv);
      else io.out(formatInventory(inv));
      return services.source.error ? EXIT.UNAVAILABLE : EXIT.OK;
    } finally {
      await services.close();
    }
  },
};

export function formatInventory(inv: Inventory): string {
  const lines = [
    `source: ${inv.source.label}${inv.source.reachable ? '' : ` (unreachable: ${inv.source.error})`}${inv.source.timescale ? ' [TimescaleDB]' : ''}`,
    `cache:  ${inv.cacheFile}`,
    `active tables: ${inv.kpi.activeTables} / ${inv.kpi.totalTables}`,
    '',
    `${'store'.padEnd(7)}${'category'.padEnd(14)}${'table'.padEnd(28)}${'rows'.padStart(10)}  ${'last update'.padEnd(25)}status`,
  ];
  for (const t of inv.tables) {
    lines.push(
      `${t.store.padEnd(7)}${t.category.padEnd(14)}${t.name.padEnd(28)}${String(t.rows).padStart(10)}  ${(t.lastUpdate ?? '-').padEnd(25)}${t.status}${t.quarantined ? ` (${t.quarantined} quarantined)` : ''}`,
    );
  }
  return lines.join('\n');
}
