import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentCalls, parseRequest } from '../shared/protocol';
import { readContentRequest } from './content-requests';

/** What a request carries: calls without params carry nothing (an empty object and none are alike). */
const carried = (request: { type: string; params?: unknown } | undefined) =>
  request && (['setMarking', 'getPageMarks'].includes(request.type) ? { type: request.type, params: request.params } : { type: request.type });

/** What the protocol's schemas make of a message: not a content call, a request, or invalid. */
function byProtocol(message: unknown): unknown {
  try {
    return carried(parseRequest(contentCalls, message));
  } catch {
    return 'invalid';
  }
}

function byHand(message: unknown): unknown {
  try {
    return carried(readContentRequest(message));
  } catch {
    return 'invalid';
  }
}

describe('content requests read by hand', () => {
  it('covers every content call of the protocol', () => {
    for (const type of Object.keys(contentCalls)) expect(byHand({ type, params: { enabled: true } }), type).not.toBeUndefined();
  });

  it('reads every message exactly as the protocol’s schemas do', () => {
    const types = fc.constantFrom(...Object.keys(contentCalls), 'listNotes', 'toString', '__proto__');
    const params = fc.oneof(
      fc.constant(undefined),
      fc.record({ enabled: fc.oneof(fc.boolean(), fc.anything()) }, { requiredKeys: [] }),
      fc.record({ root: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(''), fc.constant('x'.repeat(1_001)), fc.anything()) }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(types, params, (type, p) => {
        const message = { type, params: p };
        expect(byHand(message)).toEqual(byProtocol(message));
      }),
      { numRuns: 2_000 },
    );
    for (const odd of [null, 'getPageStats', 42, [], { type: 7 }]) expect(byHand(odd)).toEqual(byProtocol(odd));
  });
});
