// A strategy = one definition: a name, its parameters (zod, with defaults), an optional `train` run
// before each match day over the past only, and `decide`, run for each fixture of the day with what was
// known before its kick-off. The engine (engine.ts) runs it in replay; the live agents run the same
// decision functions on the cache.
import { z } from 'zod';
import { ContractError } from '../../../../src-shared/contract/errors';
import type { PastView } from './past';
import type { BookRoles, FixtureInfo, MarketKind, MarketPrices } from './types';

/** A bet a decision places. Stakes are units of a flat bankroll of 1 (no compounding). */
export interface BetIntent {
  market: MarketKind;
  line: number | null;
  selection: string;
  bookmaker: string;
  /** The price the bettor gets: net of the book's commission on winnings (`Best.odds`). */
  odds: number;
  /** The price as the book quoted it (`Best.quoted`). */
  quoted: number;
  stake: number;
  /** Probability of the selection the rule used (null when the rule has none of its own). */
  probability: number | null;
  /** What the rule expected per unit staked (its own definition, e.g. p·odds − 1). */
  edge: number;
  /** How the probability was made, said in the bet record ("sharp PS fair", "blend w=0.30", "market only: no model"). */
  basis: string;
}

export interface Decision {
  bets: BetIntent[];
  /** The 1X2 probabilities (home, draw, away) the rule used for this fixture, scored against the result
   * and the closing market; null/absent when it had none. */
  forecast?: readonly number[] | null;
  /** Why the rule passed on the fixture without looking further (counted by reason). */
  skip?: string;
  /** Remarks counted by reason (e.g. "no model for a team: market only"). */
  notes?: string[];
}

export interface DecisionContext<P, S> {
  fixture: FixtureInfo;
  /** Prices before kick-off (the decision prices). */
  decision: readonly MarketPrices[];
  /** The last prices at kick-off, for rules that bet the close (Kaunitz et al.). */
  atKickoff: readonly MarketPrices[];
  roles: BookRoles;
  past: PastView;
  params: P;
  state: S;
}

export interface TrainInput<P, S> {
  /** The match day about to be decided; `past` holds everything before it. */
  day: string;
  /** That day's fixtures (no results, no prices). */
  fixtures: readonly FixtureInfo[];
  past: PastView;
  params: P;
  roles: BookRoles;
  /** The state the previous day's train returned (warm starts), undefined on the first day. */
  previous: S | undefined;
}

export interface StrategyDef<P = unknown, S = unknown> {
  name: string;
  summary: string;
  params: z.ZodType<P>;
  train?(input: TrainInput<P, S>): S;
  decide(ctx: DecisionContext<P, S>): Decision;
  /** What the strategy chose during the run (e.g. the blend weight and its evidence), reported with the result. */
  report?(state: S | undefined): Record<string, unknown>;
  /** What the reader of the result must be told (e.g. days the model was missing), added to its warnings. */
  warnings?(state: S | undefined): string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds strategies of any parameters and state
export type AnyStrategy = StrategyDef<any, any>;

export function defineStrategy<S extends z.ZodObject, St>(def: {
  name: string;
  summary: string;
  params: S;
  train?(input: TrainInput<z.output<S>, St>): St;
  decide(ctx: DecisionContext<z.output<S>, St>): Decision;
  report?(state: St | undefined): Record<string, unknown>;
  warnings?(state: St | undefined): string[];
}): StrategyDef<z.output<S>, St> {
  return def as unknown as StrategyDef<z.output<S>, St>;
}

export interface ParamDoc {
  name: string;
  type: string;
  default: unknown;
  description: string;
}

interface JsonSchemaProp {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaProp[];
  items?: JsonSchemaProp;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

function schemaProps(s: AnyStrategy): Record<string, JsonSchemaProp> {
  const js = z.toJSONSchema(s.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchemaProp> };
  return js.properties ?? {};
}

function typeLabel(p: JsonSchemaProp): string {
  if (p.anyOf) return p.anyOf.map(typeLabel).join(' | ');
  if (p.const !== undefined) return JSON.stringify(p.const);
  if (p.enum) return p.enum.map((v) => String(v)).join(' | ');
  if (p.type === 'array') return `list of ${p.items ? typeLabel(p.items) : 'values'} (comma-separated)`;
  const max = p.maximum !== undefined && p.maximum < 1e15 ? p.maximum : undefined;
  const range =
    p.minimum !== undefined || max !== undefined ? (max === undefined ? ` >= ${p.minimum}` : ` in [${p.minimum ?? '−∞'}, ${max}]`) : '';
  return `${p.type ?? 'value'}${range}`;
}

/** Parameters of every strategy, read by the engine (not by the strategy). */
export const ENGINE_PARAMS: readonly ParamDoc[] = [
  {
    name: 'commission',
    type: "BOOK:rate list (comma-separated) | 'none'",
    default: 'BFE:0.05',
    description:
      "commission on net winnings per book, on top of the data's defaults (exchanges 5%); every price is read net of it (bets, edges, Kelly, CLV, profit); 'none' = gross prices",
  },
];

/** Every parameter of a strategy with its type, default and description (for --list and the contract). */
export function paramDocs(s: AnyStrategy): ParamDoc[] {
  return [
    ...Object.entries(schemaProps(s)).map(([name, p]) => ({
      name,
      type: typeLabel(p),
      default: p.default,
      description: p.description ?? '',
    })),
    ...ENGINE_PARAMS,
  ];
}

/** The `commission` parameter: "BFE:0.02,B365:0" (or the same as an object) adds per-book rates to the
 * data's; 'none' reads every price gross. A bad rate is a VALIDATION error. */
export function parseCommission(raw: unknown): { none: true } | { rates: Record<string, number> } {
  if (raw === 'none') return { none: true };
  let entries: [string, unknown][];
  if (typeof raw === 'string')
    entries = raw
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const i = x.lastIndexOf(':');
        return i > 0 ? [x.slice(0, i).trim(), Number(x.slice(i + 1))] : [x, NaN];
      });
  else if (raw && typeof raw === 'object' && !Array.isArray(raw)) entries = Object.entries(raw);
  else throw new ContractError('VALIDATION', `commission = ${JSON.stringify(raw)}: give BOOK:rate pairs (e.g. BFE:0.02,B365:0) or 'none'`);
  const rates: Record<string, number> = {};
  for (const [book, rate] of entries) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate >= 1)
      throw new ContractError(
        'VALIDATION',
        `commission of ${book || '(no book)'} = ${String(rate)}: a rate in [0, 1) is expected (BFE:0.05 = 5%)`,
      );
    rates[book] = rate;
  }
  return { rates };
}

/** The data's book roles with the run's `commission` parameter applied. */
export function rolesWithCommission(roles: BookRoles, raw: unknown): BookRoles {
  if (raw === undefined) return roles;
  const c = parseCommission(raw);
  return { ...roles, commission: 'none' in c ? {} : { ...roles.commission, ...c.rates } };
}

/** A text value (CLI `--param k=v`) as the parameter's type expects it; other values pass as they are. */
function coerce(p: JsonSchemaProp, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const v = raw.trim();
  if (p.anyOf) {
    for (const alt of p.anyOf) {
      if (alt.const !== undefined && String(alt.const) === v) return alt.const;
      if (alt.enum?.map(String).includes(v)) return v;
    }
    const numeric = p.anyOf.find((a) => a.type === 'number' || a.type === 'integer');
    return numeric && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  if (p.type === 'number' || p.type === 'integer') return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  if (p.type === 'boolean') return v === 'true' || v === '1' || v === 'yes' ? true : v === 'false' || v === '0' || v === 'no' ? false : v;
  if (p.type === 'array') return v === '' ? [] : v.split(',').map((x) => (p.items ? coerce(p.items, x) : x.trim()));
  return v;
}

/** Parameters checked against the strategy's schema, defaults filled in; an unknown name or a bad value
 * is a VALIDATION error that lists the valid parameters with their defaults. */
export function parseParams<P>(s: StrategyDef<P>, raw: Record<string, unknown>): P {
  const props = schemaProps(s as AnyStrategy);
  const docs = () =>
    paramDocs(s as AnyStrategy)
      .map((d) => `${d.name} (${d.type}, default ${JSON.stringify(d.default)})`)
      .join('; ');
  const engine = new Set(ENGINE_PARAMS.map((p) => p.name));
  const unknown = Object.keys(raw).filter((k) => !(k in props) && !engine.has(k));
  if (unknown.length)
    throw new ContractError(
      'VALIDATION',
      `strategy '${s.name}' has no parameter ${unknown.map((k) => `'${k}'`).join(', ')}: valid parameters are ${docs()}`,
    );
  const input = Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => !engine.has(k))
      .map(([k, v]) => [k, coerce(props[k], v)]),
  );
  const parsed = s.params.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new ContractError('VALIDATION', `strategy '${s.name}': ${issues} (valid parameters: ${docs()})`);
  }
  return parsed.data;
}

/** The strategy of that name, or a VALIDATION error naming every strategy there is. */
export function findStrategy(all: readonly AnyStrategy[], name: string): AnyStrategy {
  const s = all.find((x) => x.name === name);
  if (!s) throw new ContractError('VALIDATION', `unknown strategy '${name}': the strategies are ${all.map((x) => x.name).join(', ')}`);
  return s;
}
