import { z, type ZodType } from 'zod';

/**
 * zod schemas for single environment variables. Each refusal's message quotes the value that was read,
 * and `parseEnv` prefixes it with the variable's name, so start-up names the culprit and what is wrong.
 */

/** An `http:` or `https:` URL. */
export function httpUrl(): ZodType<string, string> {
  return z.string().refine((raw) => URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol), {
    error: (issue) => `"${String(issue.input)}" is not an http(s) URL`,
  });
}

/** A whole number from `min` to `max`, written as decimal digits. */
export function wholeNumber(min: number, max: number): ZodType<number, string> {
  return z
    .string()
    .refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, {
      error: (issue) => `"${String(issue.input)}" is not a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

/** `true` or `false`, nothing else (a typo must not silently mean false). */
export function booleanFlag(): ZodType<boolean, string> {
  return z
    .string()
    .refine((raw) => raw === 'true' || raw === 'false', { error: (issue) => `"${String(issue.input)}" must be true or false` })
    .transform((raw) => raw === 'true');
}

/** One of `values`. */
export function oneOf<const T extends string>(values: readonly [T, ...T[]]): ZodType<T, string> {
  return z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}` });
}

/** The environment with values trimmed and blank ones removed: a blank variable counts as unset. */
export function cleanEnv(env: Readonly<Record<string, string | undefined>>): Readonly<Partial<Record<string, string>>> {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed !== undefined && trimmed !== '') cleaned[name] = trimmed;
  }
  return cleaned;
}

/** Parses `env` with `schema`; each problem reads `VARIABLE: what is wrong`. */
export function parseEnv<T>(
  schema: ZodType<T>,
  env: Readonly<Partial<Record<string, string>>>,
): { readonly value: T; readonly problems: readonly [] } | { readonly value: undefined; readonly problems: readonly string[] } {
  const result = schema.safeParse(env);
  if (result.success) return { value: result.data, problems: [] };
  return {
    value: undefined,
    problems: result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  };
}
