// Identifier quoting. Values never go into SQL text: PostgreSQL COPY gets them through
// set_config()/current_setting(), everything else through bind parameters.

export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qList(names: readonly string[]): string {
  return names.map(q).join(', ');
}

/** Names a synced table or column may have: plain identifiers only, so a manifest cannot smuggle SQL. */
export const IDENT = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export function assertIdent(name: string, what: string): void {
  if (!IDENT.test(name)) throw new Error(`${what} '${name}' is not a plain SQL identifier`);
}
