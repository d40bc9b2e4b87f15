// The StreamPay API as the MCP server reads it: the operations catalogue (the one the clients are
// generated from) and the OpenAPI description itself. The package carries copies (the build puts
// them in cli/mcp/ and mock/); a checkout without a build reads the repository's src/api/.
import { existsSync, readFileSync } from 'node:fs';

const REPO = '../../../src/api/';

function read(packaged, inRepo) {
  const candidates = [new URL(packaged, import.meta.url), new URL(REPO + inRepo, import.meta.url)];
  return readFileSync(candidates.find((u) => existsSync(u)) ?? candidates[1], 'utf8');
}

let catalogue = null;
let openapiText = null;
let openapi = null;

/** `{ operations, requestSchemas, ... }` of src/api/streampay-operations.json. */
export const streampayCatalogue = () =>
  (catalogue ??= JSON.parse(read('./streampay-operations.json', 'streampay-operations.json')));

/** The OpenAPI description's text, as the resource `stream://docs/openapi` serves it. */
export const openapiDocument = () =>
  (openapiText ??= read('../../mock/streampay-openapi.json', 'streampay-openapi.json'));

/** The parsed OpenAPI description. */
export const openapiSpec = () => (openapi ??= JSON.parse(openapiDocument()));
