/**
 * openapi.yaml compiled with Ajv (JSON Schema 2020-12, which OpenAPI 3.1 uses) in strict
 * mode, so a misspelt keyword in the spec fails whoever loads it. Node only.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

interface Operation {
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
export const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

const ID = 'openapi.yaml';
const ajv = new Ajv2020({ strict: true, allErrors: false });
// The document's own keys are not JSON Schema keywords; what a $ref reaches is compiled strictly.
ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
ajv.addSchema({ ...spec, $id: ID });

/** A reference into the spec, from its keys (escaped as JSON Pointer wants). */
export const pointer = (...parts: string[]) => `${ID}#/${parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
export const component = (name: string) => pointer('components', 'schemas', name);

/** Whether the schema at `ref` accepts `value`; the first reason when it does not. */
export function specVerdict(ref: string, value: unknown): { ok: true } | { ok: false; error: ErrorObject | undefined } {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`No schema at ${ref}`);
  return validate(value) === true ? { ok: true } : { ok: false, error: validate.errors?.[0] };
}
export const specAccepts = (ref: string, value: unknown) => specVerdict(ref, value).ok;

/** The operation a request path (query and all) names: the spec path whose template matches. */
export function operationFor(method: string, url: string): { path: string; operation: Operation } {
  const pathname = new URL(url, 'http://x').pathname;
  for (const [path, item] of Object.entries(spec.paths)) {
    const template = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (operation && template.test(pathname)) return { path, operation };
  }
  throw new Error(`${method} ${pathname} is not in openapi.yaml`);
}

/** Whether the spec allows this request body; `undefined` is no body at all. */
export function specAcceptsBody(method: string, path: string, value: unknown): boolean {
  const { operation } = operationFor(method, path.replace(/\{[^}]+\}/g, 'x'));
  if (!operation.requestBody) throw new Error(`${method} ${path} has no request body in the spec`);
  if (value === undefined) return operation.requestBody.required !== true;
  return specAccepts(`${pointer('paths', path, method.toLowerCase(), 'requestBody')}/content/application~1json/schema`, value);
}

/**
 * Why an answer does not fit the spec (undefined when it does): its status must be one the
 * operation lists (or `4XX`, `default`), and a JSON body must match that response's schema.
 */
export function answerMismatch(method: string, url: string, status: number, text: string): string | undefined {
  const { path, operation } = operationFor(method, url);
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in operation.responses);
  if (!key) return `${method} ${path} answered ${status}, which the spec does not list`;
  const response = operation.responses[key]!;
  const ref = response.$ref
    ? `${ID}${response.$ref}/content/application~1json/schema`
    : `${pointer('paths', path, method.toLowerCase(), 'responses', key)}/content/application~1json/schema`;
  const declared = response.$ref ? true : Boolean(response.content?.['application/json']);
  if (!declared) return text ? `${method} ${path} ${status} has a body the spec does not declare` : undefined;
  const verdict = specVerdict(ref, text ? (JSON.parse(text) as unknown) : undefined);
  return verdict.ok ? undefined : `${method} ${path} ${status}: ${verdict.error?.instancePath || '(body)'} ${verdict.error?.message ?? ''}`;
}
