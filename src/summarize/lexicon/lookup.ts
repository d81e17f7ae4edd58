/**
 * A word-keyed table without a prototype, so that article words such as "constructor" or
 * "toString" never look like entries.
 */
export function lookupTable<V>(entries: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}
