import { afterEach, describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from '../../../electron/simulator/json-patch';
import { parseScenario, ScenarioError } from '../../../electron/simulator/scenarios';

afterEach(() => {
  for (const key of ['polluted', 'isAdmin']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('scenario JSON patches and the prototype', () => {
  it.each([['/__proto__/polluted'], ['/constructor/prototype/polluted'], ['/apps/0/__proto__/isAdmin'], ['/a~1b/prototype']])('refuses %s and leaves Object.prototype alone', (path) => {
    for (const op of ['add', 'replace'] as const) {
      expect(() => applyJsonPatch({ apps: [{}] }, [{ op, path, value: true }])).toThrow(JsonPatchError);
      expect(() => applyJsonPatch({ apps: [{}] }, [{ op, path, value: true }])).toThrow(/may not name/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('does not walk into inherited members such as toString', () => {
    expect(() => applyJsonPatch({ a: {} }, [{ op: 'replace', path: '/a/toString', value: 1 }])).toThrow(/does not exist/);
    expect(() => applyJsonPatch({ a: {} }, [{ op: 'add', path: '/a/hasOwnProperty/x', value: 1 }])).toThrow(/does not exist/);
  });

  it('a scenario file whose patch names __proto__ is refused, with the reason', () => {
    const scenario = { base: 'healthy', name: 'hostile', description: 'hostile', patch: [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }] };
    expect(() => parseScenario(scenario, 'hostile.json', new Date('2026-11-23T10:00:00Z'))).toThrow(ScenarioError);
    expect(() => parseScenario(scenario, 'hostile.json', new Date('2026-11-23T10:00:00Z'))).toThrow(/may not name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still applies ordinary patches', () => {
    expect(applyJsonPatch({ apps: [{ name: 'a' }] }, [{ op: 'replace', path: '/apps/0/name', value: 'b' }, { op: 'add', path: '/x', value: 1 }])).toEqual({ apps: [{ name: 'b' }], x: 1 });
  });
});
