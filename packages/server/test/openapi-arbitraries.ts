import fc from 'fast-check';

/**
 * fast-check arbitraries for requests, generated from the OpenAPI document the
 * server publishes (`app.swagger()`). The JSON Schemas there are OpenAPI 3.0
 * as fastify-type-provider-zod writes them: no $ref; type, properties,
 * required, enum, min/max(Length|Items), pattern, format, nullable, anyOf.
 * Values are mostly what the schema allows, with junk mixed in at every level
 * (wrong types, NUL, huge strings, Cyrillic, SQL and HTML metacharacters,
 * numbers no parser should accept), so both the happy path and the checks in
 * front of it are exercised.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  /** OpenAPI path, `/api/organisations/{id}`. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApiDocument).paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** Strings a careless server mishandles. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    "' OR 1=1 --",
    "'; DROP TABLE organisation; --",
    '"',
    '\\',
    '%',
    '_',
    '%00',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x","y")',
    '!!!:*&|()',
    'Липецк:* & !',
    'ОАО «Энергия»',
    'Ёжик ёлка',
    '😀',
    '\uD800',
    '\uFFFD',
    '\u202E',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x10',
    '99999999999999999999',
    '-1',
    '1.5',
    '00',
    'null',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    'javascript:alert(1)',
    'http://',
    '2024-02-30',
    '9999-12-31',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.stringMatching(/^[а-яёА-ЯЁ ]{1,40}$/),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // Huge: past every maxLength, and near the body limit.
  fc.constantFrom(10_000, 100_000, 600_000).map((n) => 'я'.repeat(n)),
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 0.5, 1e-320),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, shallow: the wrong type in any place. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // A pattern fast-check cannot invert: plain strings then.
    }
  }
  switch (schema.format) {
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl();
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.stringMatching(/^[а-яёА-ЯЁ0-9 «»-]+$/).filter((s) => s.length >= minLength),
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof schema.exclusiveMinimum === 'number' || schema.exclusiveMinimum === true;
  const exMax = typeof schema.exclusiveMaximum === 'number' || schema.exclusiveMaximum === true;
  const min =
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum;
  const max =
    typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.maximum;
  if (integer) {
    const lo = Math.max((min ?? -1_000_000) + (exMin ? 1 : 0), Number.MIN_SAFE_INTEGER);
    const hi = Math.min((max ?? 1_000_000) - (exMax ? 1 : 0), Number.MAX_SAFE_INTEGER);
    if (hi < lo) return fc.constant(lo);
    const any = fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number);
    // Small values are the ones that hit real rows and real code paths.
    const smallLo = Math.max(lo, -5);
    const smallHi = Math.min(hi, 50);
    return smallLo <= smallHi
      ? fc.oneof(fc.integer({ min: smallLo, max: smallHi }), fc.constantFrom(lo, hi), any)
      : fc.oneof(fc.constantFrom(lo, hi), any);
  }
  return fc.double({
    min: min ?? -1e6,
    max: max ?? 1e6,
    noNaN: true,
    noDefaultInfinity: true,
    minExcluded: exMin,
    maxExcluded: exMax,
  });
}

/**
 * A value for a schema: valid most of the time, junk at `junkRate` at every
 * level, and optional properties sometimes left out.
 */
export function valueFor(schema: JsonSchema, junkRate = 0.1, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFor(schema, junkRate, depth);
  if (junkRate <= 0) return valid;
  const weight = Math.round(junkRate * 100);
  return fc.oneof({ arbitrary: valid, weight: 100 - weight }, { arbitrary: junk, weight });
}

function validFor(schema: JsonSchema, junkRate: number, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  let arb: fc.Arbitrary<unknown>;
  if (alternatives && alternatives.length > 0) {
    arb = fc.oneof(...alternatives.map((s) => valueFor(s, junkRate, depth + 1)));
  } else if (schema.allOf && schema.allOf.length > 0) {
    arb = valueFor(Object.assign({}, ...schema.allOf) as JsonSchema, junkRate, depth + 1);
  } else if (schema.const !== undefined) {
    arb = fc.constant(schema.const);
  } else if (schema.enum) {
    arb = fc.constantFrom(...schema.enum);
  } else {
    const types = typesOf(schema);
    if (types.length === 0) arb = junk;
    else arb = fc.oneof(...types.map((type) => forType(type, schema, junkRate, depth)));
  }
  return schema.nullable
    ? fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 })
    : arb;
}

function forType(
  type: string,
  schema: JsonSchema,
  junkRate: number,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(valueFor(schema.items ?? {}, junkRate, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties).map(([key, s]) => {
        const value = valueFor(s, junkRate, depth + 1);
        // Required properties are present 9 times in 10; optional ones half the time.
        const presence = required.has(key) ? 0.9 : 0.5;
        return fc
          .tuple(fc.double({ min: 0, max: 1, noNaN: true }), value)
          .map(([p, v]) => (p < presence ? ([key, v] as const) : null));
      });
      const extra =
        junkRate > 0
          ? fc.option(
              fc.tuple(
                nastyString.filter((s) => s.length < 40),
                junk,
              ),
              { freq: 10 },
            )
          : fc.constant(null);
      return fc.tuple(fc.tuple(...entries), extra).map(([pairs, more]) => {
        const object: Record<string, unknown> = {};
        for (const pair of pairs) if (pair) object[pair[0]] = pair[1];
        if (more) object[more[0]] = more[1];
        return object;
      });
    }
    default:
      return junk;
  }
}

/** A query-string or path value: what a browser would send for the schema's value. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A valid JSON text of a request body, or a broken one now and then. */
export const brokenJson = fc.constantFrom(
  '{"a":',
  '[',
  'nul',
  '{"a":"\\u0000"}',
  '"text"',
  '1e999',
  '{"__proto__":{"x":1}}',
);
