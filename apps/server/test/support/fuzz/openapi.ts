/**
 * The operations of the app's OpenAPI document, reduced to what the fuzzer generates requests from:
 * method, path, parameters with their JSON Schema, request body content types and schema.
 */

/** The subset of JSON Schema the app's zod schemas produce (no `$ref`: the transform inlines them). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `GET /api/pdl/{id}`: names the operation in reports. */
  id: string;
  method: string;
  /** OpenAPI path with `{name}` placeholders. */
  path: string;
  parameters: Parameter[];
  body: { required: boolean; contentTypes: string[]; schema: JsonSchema } | undefined;
  secured: boolean;
}

interface OpenApiOperation {
  parameters?: { name: string; in: Parameter['in']; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) {
        continue;
      }
      const content = operation.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      const firstType = contentTypes[0];
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? parameter.in === 'path',
          schema: parameter.schema ?? {},
        })),
        body:
          firstType === undefined
            ? undefined
            : {
                required: operation.requestBody?.required ?? false,
                contentTypes,
                schema: content[firstType]?.schema ?? {},
              },
        secured: (operation.security?.length ?? 0) > 0,
      });
    }
  }
  return operations;
}
