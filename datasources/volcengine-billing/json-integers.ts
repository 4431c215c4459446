/**
 * Account UIDs arrive as JSON integers. `JSON.parse` turns them into doubles, which is exact only up to
 * 2^53; quoting them in the text first keeps every digit. Only values of the named keys that are plain
 * integer literals are touched; everything else in the text is left byte for byte.
 */

function escapeForPattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns `json` with the integer values of `fieldNames` turned into JSON strings, e.g.
 * `"MajorAccountID": 21002501451234567890` → `"MajorAccountID": "21002501451234567890"`.
 * Text inside a string value cannot match: a literal `"` there is always preceded by a backslash,
 * which the pattern refuses, whereas a real key's opening quote never is.
 */
export function quoteIntegerFields(json: string, fieldNames: readonly string[]): string {
  if (fieldNames.length === 0) return json;
  const names = fieldNames.map(escapeForPattern).join('|');
  const pattern = new RegExp(`((?<!\\\\)"(?:${names})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');
  return json.replace(pattern, '$1"$2"');
}
