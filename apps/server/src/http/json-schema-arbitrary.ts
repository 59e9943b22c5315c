import fc from "fast-check";

/** The parts of a JSON Schema (as the OpenAPI document writes them) the generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
}

/** Values no schema field should accept quietly: wrong types, extremes, hostile strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constant(1e308),
  fc.constant(-1e308),
  fc.constant(5e-324),
  fc.constant(-1),
  fc.constant(0),
  fc.constant(true),
  fc.constant("x".repeat(5001)),
  fc.constant("\u0000"),
  fc.constant("' OR 1=1 --"),
  fc.constant({ $gt: "" }),
  fc.constant([]),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const ISO_DATE = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

/**
 * Arbitrary JSON values for `schema`, mostly valid (so the request reaches the use case) and sometimes
 * hostile in any one place: a wrong type or extreme number, a missing required field, an unknown field.
 * `$ref`s resolve against `components` (`#/components/schemas/Name`).
 */
export function arbitraryFor(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, components, depth);
  return fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: hostileValue, weight: 1 });
}

/** `value` once in about ten draws, else null. */
function rarely<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: value, weight: 1 });
}

function validArbitrary(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = components[name];
    return target ? validArbitrary(target, components, depth + 1) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((alt) => arbitraryFor(alt, components, depth + 1)));
  }
  if (schema.allOf && schema.allOf.length > 0) {
    const [first] = schema.allOf;
    return first ? validArbitrary(first, components, depth + 1) : fc.constant(null);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date-time" || schema.format === "date") return ISO_DATE;
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 40),
      });
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -1e9),
        max: Math.min(schema.maximum ?? 1000, 1e9),
      });
    case "number": {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? arbitraryFor(schema.items, components, depth + 1) : hostileValue, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "object":
      return objectArbitrary(schema, components, depth);
    default:
      return hostileValue;
  }
}

function objectArbitrary(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(
    properties.map(([name, property]) => [name, arbitraryFor(property, components, depth + 1)]),
  );
  return fc
    .record({
      values: fc.record(fields, { requiredKeys: [...required] }),
      // Mostly every required field; sometimes one left out.
      drop: rarely(fc.constantFrom(...(required.size > 0 ? [...required] : ["-"]))),
      extra: rarely(fc.tuple(fc.constantFrom("isAdmin", "role2", "orgId", "id"), hostileValue)),
    })
    .map(({ values, drop, extra }) => {
      const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
      if (drop !== null) delete out[drop];
      if (extra) out[extra[0]] = extra[1];
      return out;
    });
}
