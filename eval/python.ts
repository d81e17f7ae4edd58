/**
 * The few Python behaviours that the corpus's score.py relies on and that JavaScript does
 * differently: whitespace, rounding, and the order of `sorted(..., key=str)` over
 * (kind, frozenset) tuples. The TypeScript scorer must give exactly score.py's figures, so these
 * are ported rather than approximated.
 */

/** Characters Python's str.isspace() accepts (also `\s` in a Python str pattern). JavaScript's
 * `\s` differs: it adds U+FEFF and lacks U+001C–U+001F and U+0085. For use inside `[...]`. */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(STRIP, '');
}

/** Lines as Python's text-mode file iteration yields them (universal newlines), without the ends. */
export function pyLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Text as Python's `open(path, encoding="utf-8").read()` returns it (universal newlines). */
export function pyUniversalNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Python's `os.path.basename` (POSIX). */
export function pyBasename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Python's `round(x, digits)`: the correctly rounded decimal, ties to even. `toFixed` is also
 * correctly rounded but breaks exact ties away from zero; an exact tie at `digits` places happens
 * only when x·2^(digits+1) is an odd integer (x = 1/32 at 4 places, for instance).
 */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 || Object.is(x, -0) ? -1 : 1;
  const a = Math.abs(x);
  const j = a * 2 ** (digits + 1);
  const scaled = j * 5 ** digits; // = 2·a·10^digits, exact while below 2^53
  if (Number.isInteger(j) && j % 2 === 1 && scaled < 2 ** 53) {
    const below = (scaled - 1) / 2;
    const even = below % 2 === 0 ? below : below + 1;
    return sign * Number(`${even}e-${digits}`);
  }
  return sign * Number(a.toFixed(digits));
}

/** A number as Python's json module would have parsed it, for repr and hash: JSON integers
 * become int, booleans are ints too (True == 1). JSON.parse cannot tell `70.0` from `70`; both are
 * taken as int here, which only matters for a file that writes whole numbers with a fraction. */
export type PyNumber = number | boolean;

const P61 = (1n << 61n) - 1n;

/** Python's hash() of an int, bool or float (the documented numeric hash modulo 2^61 − 1). */
export function pyHash(value: PyNumber): bigint {
  const v = typeof value === 'boolean' ? Number(value) : value;
  if (v === Infinity) return 314159n;
  if (v === -Infinity) return -314159n;
  if (Number.isNaN(v)) throw new Error('NaN cannot be hashed reproducibly');
  let h: bigint;
  if (Number.isInteger(v)) {
    h = pyInt(Math.abs(v)) % P61;
  } else {
    // |v| = mantissa · 2^exponent exactly, with an integer mantissa.
    let m = Math.abs(v);
    let e = 0;
    while (!Number.isInteger(m)) {
      m *= 2;
      e -= 1;
    }
    const shift = BigInt(((e % 61) + 61) % 61);
    h = ((BigInt(m) % P61) << shift) % P61;
  }
  if (v < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** Python's repr() of a JSON scalar (int, float, bool, None, str). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumberRepr(value);
  if (typeof value === 'string') return pyStrRepr(value);
  return JSON.stringify(value);
}

/**
 * The int Python reads where JSON holds a whole number. Beyond 2^53 a double stands for many
 * integers; JSON.stringify writes its shortest digits ("2305843009213694000"), and that is the int
 * Python then parses, so the same digits are used here.
 */
export function pyInt(v: number): bigint {
  if (Number.isSafeInteger(v)) return BigInt(v);
  const [mantissa = '', exp = '0'] = v.toExponential().split('e');
  const digits = mantissa.replace('.', '').replace('-', '');
  const zeros = Number(exp) - (digits.length - 1);
  const abs = zeros >= 0 ? BigInt(digits + '0'.repeat(zeros)) : BigInt(Math.trunc(Math.abs(v)));
  return v < 0 ? -abs : abs;
}

function pyNumberRepr(v: number): string {
  if (Number.isInteger(v)) return pyInt(v).toString();
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  // Shortest round-trip digits, laid out as Python's float repr does.
  const [mantissa = '', exp = '0'] = v.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const decpt = Number(exp) + 1;
  let out: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = `0.${'0'.repeat(-decpt)}${digits}`;
    else if (decpt >= digits.length) out = `${digits}${'0'.repeat(decpt - digits.length)}.0`;
    else out = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  } else {
    const e = decpt - 1;
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${body}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return negative ? `-${out}` : out;
}

function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * Python's repr() of `frozenset(s)` where `s` was built by adding `values` in order to an empty
 * set: elements appear in hash-table slot order. Sets of up to four elements live in the initial
 * 8-slot table; the probe sequence is CPython's (3.x, setobject.c).
 */
export function pyFrozensetRepr(values: readonly PyNumber[]): string {
  const members = pySetMembers(values);
  if (members.length === 0) return 'frozenset()';
  if (members.length > 4) throw new Error('pyFrozensetRepr: more than four elements would resize the table');
  const table: (PyNumber | undefined)[] = new Array(8).fill(undefined);
  for (const v of members) {
    const h = BigInt.asUintN(64, pyHash(v));
    let perturb = h;
    let i = Number(h & 7n);
    while (table[i] !== undefined) {
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & 7n);
    }
    table[i] = v;
  }
  return `frozenset({${table
    .filter((v) => v !== undefined)
    .map(pyRepr)
    .join(', ')}})`;
}

/** The members of a Python set built by adding `values` in order: the first of equal values stays. */
export function pySetMembers(values: readonly PyNumber[]): PyNumber[] {
  const seen = new Set<number>();
  const out: PyNumber[] = [];
  for (const v of values) {
    const n = Number(v);
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(v);
  }
  return out;
}

/** Compares strings by code point, as Python does (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx - cy;
  }
}

/** Python's `sorted(items, key=key)`: stable, code-point order. */
export function pySortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => compareCodePoints(a.k, b.k))
    .map((x) => x.item);
}
