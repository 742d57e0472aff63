// fast-check values from a zod 4 schema, for fuzzing the contract: each node gives either a value of its
// type within its checks (lengths, bounds, regex, enum members) or a hostile one (empty, huge, NUL,
// lone surrogates, __proto__, NaN/Infinity as JSON carries them, out-of-range dates, wrong types).
import fc from 'fast-check';
import type { z } from 'zod';

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  inclusive?: boolean;
  value?: number;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Check[] => (d.checks ?? []).map((c) => c._zod.def);

/** JSON text with an own "__proto__" key (a literal would set the prototype instead). */
const protoObject = (): unknown => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Values no schema should take for granted. */
export const HOSTILE: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(100_000),
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '__proto__',
  'constructor',
  '%ZZ',
  '../../etc/passwd',
  '/dev/zero',
  '9999-99-99',
  '2026-02-30',
  '2026-13-40',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  [],
  [null],
  {},
  protoObject(),
  deep(40),
  Array.from({ length: 2_000 }, (_, i) => i),
];

const hostile = fc.constantFrom(...HOSTILE);

const SAMPLE_FORMATS: Record<string, string[]> = {
  url: ['https://api.telegram.org', 'http://127.0.0.1:1/', 'https://[::1]:99999/'],
  datetime: ['2026-03-01T10:00:00Z', '2100-12-31T23:59:59Z', '1900-01-01T00:00:00+01:00'],
  date: ['2026-03-01', '2024-02-29'],
  email: ['a@b.example'],
  uuid: ['00000000-0000-4000-8000-000000000000'],
};

function stringArb(d: Def): fc.Arbitrary<string> {
  const cs = checksOf(d);
  const min = cs.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = cs.find((c) => c.check === 'max_length')?.maximum ?? Math.max(min, 40);
  const regex =
    cs.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern ?? (d.format === 'regex' ? d.pattern : undefined);
  const format = d.format ?? cs.find((c) => c.check === 'string_format')?.format;
  if (regex) return fc.stringMatching(regex);
  if (format && SAMPLE_FORMATS[format]) return fc.constantFrom(...SAMPLE_FORMATS[format]);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }),
    fc.constantFrom('2026-03-01', '2026-03-01T10:00:00Z', 'postgres://u:p@127.0.0.1:1/x', 'value', 'conseil', 'E0', 'PS'),
  );
}

function numberArb(s: z.ZodType): fc.Arbitrary<number> {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = Number.isFinite(n.minValue) ? (n.minValue as number) : -1e6;
  const max = Number.isFinite(n.maxValue) ? (n.maxValue as number) : 1e6;
  const bounds = fc.constantFrom(min, max, Math.min(max, Math.max(min, 0)));
  return fc.oneof(n.isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true }), bounds);
}

/** Values for one schema node: mostly of its type (so deeper fields are reached), sometimes hostile. */
export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const typed = typedArb(schema, depth);
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: hostile });
}

function typedArb(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const next = (s: z.ZodType) => (depth > 6 ? hostile : arbitraryOf(s, depth + 1));
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, next(v)]));
      const base = fc.record(fields, { requiredKeys: [] });
      return fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: base.map((o) => Object.assign(protoObject() as object, o)) });
    }
    case 'string':
      return stringArb(d);
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'array': {
      const cs = checksOf(d);
      const min = cs.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = cs.find((c) => c.check === 'max_length')?.maximum ?? 5;
      return fc.array(next(d.element as z.ZodType), { minLength: Math.min(min, 5), maxLength: Math.min(max, min + 5) });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.oneof(typedArb(d.innerType as z.ZodType, depth), fc.constant(undefined), fc.constant(null));
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => typedArb(o, depth)));
    case 'intersection':
      return fc
        .tuple(typedArb(d.left as z.ZodType, depth), typedArb(d.right as z.ZodType, depth))
        .map(([a, b]) => (typeof a === 'object' && typeof b === 'object' && a && b ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constant('__proto__')), next(d.valueType as z.ZodType), {
        maxKeys: 4,
      });
    case 'tuple':
      return fc.tuple(...(d.items ?? []).map((i) => next(i)));
    case 'pipe':
      return typedArb(d.in as z.ZodType, depth);
    case 'lazy':
      return depth > 6 ? hostile : typedArb((d.getter as () => z.ZodType)(), depth + 1);
    case 'null':
      return fc.constant(null);
    default:
      // unknown, any, transform, custom: anything JSON carries
      return fc.jsonValue({ maxDepth: 3 });
  }
}
