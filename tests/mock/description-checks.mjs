// The mock's own checker of the description (pkg/mock/openapi-checks.mjs) as assertions, for the
// mock's tests: one reading of the description in the repository, not two. The independent
// reading is Schemathesis's (tests/scripts/test-schemathesis.sh). `validateComplete` also requires
// every declared property, so a mock answer cannot pass by leaving fields out.
import assert from 'node:assert/strict';
import { checkValue, schemaNamed } from '../../pkg/mock/openapi-checks.mjs';

function make(complete) {
  return (name, value, what) => {
    assert.ok(schemaNamed(name), `schema ${name}`);
    const problems = [];
    checkValue({ $ref: `#/components/schemas/${name}` }, value, [], problems, complete);
    if (problems.length) {
      const text = problems.slice(0, 5).map((p) => `${p.loc.join('.') || '(root)'}: ${p.msg}`).join('; ');
      assert.fail(`${what}: not a valid ${name}${complete ? ' (every field)' : ''}: ${text}`);
    }
  };
}

export const validate = make(false);
export const validateComplete = make(true);
