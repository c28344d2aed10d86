/**
 * JSON text for plain data (objects, arrays, strings, finite numbers, booleans, null) that does
 * not trust the page's built-ins. `JSON.stringify` calls any `toJSON` it finds, including one a
 * legacy library puts on `Array.prototype` (Prototype.js's returns a string, so an array of
 * events was written as one string). This walks the value itself, by own keys, and calls no
 * method of the page's prototypes.
 *
 * For text that goes inside an HTML `<script>` element: `<`, `>` and `&` are written as
 * `\u003c` etc., so a title containing `</script>` or `<!--` cannot end or confuse the element,
 * and U+2028/U+2029 and lone surrogates are escaped too. `JSON.parse` gives the data back.
 */
export function scriptSafeJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? `${value}` : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      let out = '';
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (serialisable(value[i]) ? scriptSafeJson(value[i]) : 'null');
        return `[${out}]`;
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!serialisable(record[key])) continue;
        out += `${out ? ',' : ''}${quote(key)}:${scriptSafeJson(record[key])}`;
      }
      return `{${out}}`;
    }
    default:
      return 'null';
  }
}

/** What JSON leaves out of an object (and writes as null in an array). */
const serialisable = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

const SHORT: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'};

function quote(text: string): string {
  const escaped = text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|["\\\u0000-\u001f<>&\u2028\u2029\uD800-\uDFFF]/g, (ch) =>
    ch.length === 2 ? ch : (SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
  return `"${escaped}"`;
}
