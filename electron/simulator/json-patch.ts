/**
 * A small RFC 6902 JSON Patch (add, remove, replace, test): how a scenario says "healthy, with this
 * one change". `test` guards a patch against the base changing under it, so a moved array element
 * fails loudly instead of silently patching the wrong app.
 */
import { z } from 'zod';

export const JsonPatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }).strict(),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }).strict(),
  z.object({ op: z.literal('test'), path: z.string(), value: z.unknown() }).strict(),
  z.object({ op: z.literal('remove'), path: z.string() }).strict(),
]);
export type JsonPatchOp = z.infer<typeof JsonPatchOpSchema>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An operation that could not be applied; `index` is its position in the patch. */
export class JsonPatchError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

/**
 * Segments that reach an object's prototype instead of its own data: a patch through them would
 * change Object.prototype in the process that runs the services. No scenario document has such keys.
 */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function parsePointer(pointer: string, index: number): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(index, `path "${pointer}" must start with "/"`);
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const bad = tokens.find((t) => FORBIDDEN_SEGMENTS.has(t));
  if (bad !== undefined) throw new JsonPatchError(index, `path "${pointer}" uses "${bad}", which a scenario patch may not name`);
  return tokens;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayIndex(arr: unknown[], token: string, index: number, allowEnd: boolean): number {
  if (allowEnd && token === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new JsonPatchError(index, `"${token}" is not an array index`);
  const i = Number(token);
  if (i > arr.length || (!allowEnd && i === arr.length)) throw new JsonPatchError(index, `index ${i} is out of range (length ${arr.length})`);
  return i;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical(v[k])]),
    );
  return v;
}

/** Apply `ops` to a deep copy of `doc` and return the copy. Throws JsonPatchError naming the failing op. */
export function applyJsonPatch(doc: unknown, ops: readonly JsonPatchOp[]): unknown {
  let root = structuredClone(doc) as Json;
  ops.forEach((op, index) => {
    const tokens = parsePointer(op.path, index);
    if (tokens.length === 0) {
      if (op.op === 'test') {
        if (!deepEqual(root, op.value)) throw new JsonPatchError(index, 'the document does not equal the tested value');
        return;
      }
      if (op.op === 'remove') throw new JsonPatchError(index, 'cannot remove the whole document');
      root = structuredClone(op.value) as Json;
      return;
    }
    let parent: unknown = root;
    for (const token of tokens.slice(0, -1)) {
      if (Array.isArray(parent)) parent = parent[arrayIndex(parent, token, index, false)];
      else if (isObject(parent) && Object.hasOwn(parent, token)) parent = parent[token];
      else throw new JsonPatchError(index, `path "${op.path}" does not exist`);
    }
    const last = tokens[tokens.length - 1] as string;
    if (Array.isArray(parent)) {
      const i = arrayIndex(parent, last, index, op.op === 'add');
      if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
      else if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'replace') parent[i] = structuredClone(op.value);
      else if (!deepEqual(parent[i], op.value)) throw new JsonPatchError(index, `test failed at "${op.path}": found ${JSON.stringify(parent[i])}, expected ${JSON.stringify(op.value)}`);
      return;
    }
    if (!isObject(parent)) throw new JsonPatchError(index, `path "${op.path}" does not exist`);
    if (op.op !== 'add' && !Object.hasOwn(parent, last)) throw new JsonPatchError(index, `path "${op.path}" does not exist`);
    if (op.op === 'add' || op.op === 'replace') parent[last] = structuredClone(op.value);
    else if (op.op === 'remove') delete parent[last];
    else if (!deepEqual(parent[last], op.value)) throw new JsonPatchError(index, `test failed at "${op.path}": found ${JSON.stringify(parent[last])}, expected ${JSON.stringify(op.value)}`);
  });
  return root;
}
