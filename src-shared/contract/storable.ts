// Text the app may send on to PostgreSQL must be storable there. PostgreSQL's text and jsonb cannot
// hold the NUL character (U+0000): one bet note holding it once made the publish of its whole batch fail.
// Input holding one is refused at the contract, naming the field, rather than stripped: a note or a
// reason is the analyst's own words, which the app does not rewrite behind their back, and a NUL has no
// meaning in them (it comes from a bug or a paste of binary data).

/** Path of the first string (value or object key) holding a NUL character, or null. */
export function findNul(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return [...path, k];
    const found = findNul(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

export const NUL_MESSAGE = 'holds a NUL character (\\u0000), which PostgreSQL cannot store: remove it';
