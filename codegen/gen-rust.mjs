// The Rust side of the catalogue, from the description, the operations table gen-types.mjs made
// (src/api/streampay-operations.json) and catalogue.mjs (the gateway, and the rules the
// description cannot say):
//   src/models/streampay/generated.rs  the StreamPay shapes:
//     - request shapes: every field of every request schema, so required fields and type errors
//       are refused before sending and amounts go out as decimal strings (enum values are not
//       checked);
//     - answer shapes: only the fields that need a conversion (decimal amounts, amounts in
//       smallest units), the objects and arrays that lead to them, and the fields of
//       catalogue.mjs's ANSWER_RULES; every other field passes through camelCased;
//     - one page shape per list (`has_next_page` and whether `data` has items captured, so
//       `listAll*` can walk it);
//   src/api/streampay/operations.rs    one query spec per list and the operations table;
//   src/api/gateway/operations.rs      the gateway's operations table.
// An operation's id (what the JS method passes, gen-js.mjs) is its index in its table.
// Called by gen-types.mjs (same --check).

import { ANSWER_RULES, GATEWAY, STREAMPAY_RULES } from './catalogue.mjs';

const REF = '#/components/schemas/';

const DECIMAL = (s) => s?.type === 'string' && typeof s.pattern === 'string';
const screaming = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toUpperCase();
const str = (s) => JSON.stringify(s);

export function generateRust(spec, ops, renames, amounts) {
  const schemas = spec.components.schemas;
  const refName = (ref) => ref.slice(REF.length);
  const readable = (n) => renames[n] ?? n;

  // --- answers ------------------------------------------------------------------------------
  /** What one response property needs: a kind text, or null when it passes through as it is. */
  const answerKind = (prop, node) => {
    // The amount rule (gen-amounts.mjs) decides by name and type, as the rewriter does at run time.
    const amount = amounts.kindOf(prop, node);
    if (amount) return amount === 'units' ? 'Kind::Units' : 'Kind::Amount';
    if (node.anyOf) {
      const alts = node.anyOf.filter((m) => m.type !== 'null');
      return alts.length === 1 ? answerKind(prop, alts[0]) : null;
    }
    if (node.$ref) {
      const n = refName(node.$ref);
      return answerShape(n) ? `Kind::Object(&${answerShape(n)})` : null;
    }
    if (node.type === 'array' && node.items?.$ref) {
      const n = refName(node.items.$ref);
      return answerShape(n) ? `Kind::Array(&${answerShape(n)})` : null;
    }
    return null;
  };
  const answerShapes = new Map(); // schema name -> { rust, what, fields } (fields null while visiting)
  const order = [];
  function answerShape(n) {
    if (answerShapes.has(n)) return answerShapes.get(n).rust;
    const rule = ANSWER_RULES[n];
    const rust = rule?.rust ?? screaming(readable(n));
    const entry = { rust, what: rule?.what ?? readable(n), fields: null };
    answerShapes.set(n, entry); // a cycle sees the name and refers to it
    const properties = schemas[n].properties ?? {};
    for (const prop of Object.keys(rule?.fields ?? {})) if (!(prop in properties)) throw new Error(`ANSWER_RULES: ${n} has no ${prop}`);
    const fields = [];
    for (const [prop, node] of Object.entries(properties)) {
      const kind = answerKind(prop, node);
      const ruled = rule?.fields[prop];
      if (ruled) fields.push(ruled);
      else if (kind) fields.push(`Field::new(${str(prop)}, ${kind})`);
    }
    entry.fields = fields;
    if (!fields.length) {
      answerShapes.delete(n);
      return null;
    }
    order.push(n);
    return rust;
  }

  // --- requests -----------------------------------------------------------------------------
  const requestShapes = new Map();
  const requestOrder = [];
  const requestKind = (node) => {
    if (node.anyOf) return node.anyOf.some(DECIMAL) ? 'Kind::Amount' : 'Kind::Any';
    if (node.$ref) {
      const s = schemas[refName(node.$ref)];
      return s.enum ? 'Kind::Str' : `Kind::Object(&${requestShape(refName(node.$ref))})`;
    }
    switch (node.type) {
      case 'string':
        return 'Kind::Str';
      case 'boolean':
        return 'Kind::Bool';
      case 'integer':
        return 'Kind::Count';
      case 'array':
        return node.items?.$ref && !schemas[refName(node.items.$ref)].enum ? `Kind::Array(&${requestShape(refName(node.items.$ref))})` : 'Kind::Any';
      default:
        return 'Kind::Any';
    }
  };
  function requestShape(n) {
    if (requestShapes.has(n)) return requestShapes.get(n).rust;
    const base = screaming(readable(n));
    const rust = base.endsWith('_REQUEST') ? base : `${base}_REQUEST`;
    const entry = { rust, fields: null };
    requestShapes.set(n, entry);
    const required = new Set(schemas[n].required ?? []);
    entry.fields = Object.entries(schemas[n].properties ?? {}).map(([prop, node]) => {
      let f = `Field::new(${str(prop)}, ${requestKind(node)})`;
      let extra = ''; // the rare parts, behind one pointer (src/json/shape.rs)
      const nullable = node.nullable === true || node.anyOf?.some((m) => m.type === 'null');
      // Required but nullable: sent as null when not given.
      if (required.has(prop) && nullable) extra += '.or("null")';
      else if (required.has(prop)) f += '.required()';
      // A required string may not be empty either (an empty id or name is a missing one).
      if (node.type === 'string' && (node.minLength >= 1 || (required.has(prop) && !node.maxLength))) extra += '.check(Check::NonEmpty)';
      else if (node.type === 'string' && node.maxLength) extra += `.check(Check::MaxChars(${node.maxLength}))`;
      return extra ? `${f}.with(&Extra::new()${extra})` : f;
    });
    requestOrder.push(n);
    return rust;
  }

  // --- queries, pages, operations --------------------------------------------------------------
  const queries = [];
  const pages = new Map(); // rust name -> text
  const operations = [];
  const queryName = (o) => `${screaming(o.name)}_PARAMS`;
  for (const o of ops) {
    const rule = STREAMPAY_RULES[o.name] ?? {};
    if (o.queryParams.length && !rule.query) {
      const params = o.queryParams.map((q) => {
        if (q.name === 'page') return 'PAGE';
        if (q.name === 'limit') return 'LIMIT';
        const kind = q.encoding === 'repeat' ? 'Repeated' : q.encoding === 'comma' ? 'Comma'
          : q.type === 'boolean' ? 'Bool' : q.type === 'integer' ? 'Integer { min: 0, max: u64::MAX }' : 'Str';
        const check = q.name === 'sort_direction' ? '.check(Check::OneOf(&["asc", "desc"]))' : '';
        return `Param::new(${str(q.jsName)}, ${str(q.name)}, ParamKind::${kind})${check}`;
      });
      queries.push(`pub static ${queryName(o)}: QuerySpec = QuerySpec {\n    what: ${str(`${o.name} params`)},\n    params: &[\n${params.map((p) => `        ${p},`).join('\n')}\n    ],\n};`);
    }
    // No named schema (the description's `{}`): any JSON value, an empty body read as `null`.
    let answer = o.response.schema || o.response.list ? 'ANY' : 'ANY_VALUE';
    if (o.response.list) {
      const item = answerShape(o.response.list);
      const [rust, what] = ANSWER_RULES[o.response.list]?.page ?? [`${screaming(readable(o.response.list))}_PAGE`, `${readable(o.response.list)} page`];
      if (!pages.has(rust)) {
        const data = item ? `Kind::Array(&${item})` : 'Kind::Any';
        pages.set(rust, `pub static ${rust}: Shape = Shape::new(\n    ${str(what)},\n    &[\n        Field::new("data", ${data}).capture(Slot::Items).with(&Extra::new().or("[]")),\n        Field::new("pagination", Kind::Object(&PAGINATION)),\n    ],\n);`);
        answerShape('Pagination');
      }
      answer = rust;
    } else if (o.response.schema) {
      answer = answerShape(o.response.schema) ?? 'ANY';
    }
    const args = o.pathParams.map((p) => `Arg::Id(${str(rule.idName ?? p.jsName)})`);
    if (rule.body) args.push(`Arg::Body(${rule.body})`);
    else if (o.requestBody) args.push(`Arg::Body(Body::Shape(&${requestShape(o.requestBody.schema)}))`);
    else if (o.queryParams.length) args.push(`Arg::Query(&${rule.query ?? queryName(o)})`);
    operations.push({ name: o.name, summary: o.summary, text: operation(o.name, 'StreamPay', o.method, o.path, args, answer, o.listAll) });
  }

  const shapeText = (name, what, fields) =>
    `pub static ${name}: Shape = Shape::new(\n    ${str(what)},\n    &[\n${fields.map((f) => `        ${f},`).join('\n')}\n    ],\n);`;
  const shapes = [];
  shapes.push(`//! Generated by codegen/gen-rust.mjs (run \`make types\`) from src/api/streampay-openapi.json
//! and codegen/catalogue.mjs. Do not edit. Request shapes list every field; answer shapes the
//! amounts, what leads to them and the fields a rule needs (ANSWER_RULES); everything else passes
//! through camelCased.

#![allow(clippy::all, dead_code)]

use crate::json::{Check, Extra, Field, Kind, Shape, Slot};

// --- answers ------------------------------------------------------------------------------
`);
  for (const n of [...order].sort()) shapes.push(shapeText(answerShapes.get(n).rust, answerShapes.get(n).what, answerShapes.get(n).fields));
  const all = [...order.map((n) => answerShapes.get(n).rust), ...pages.keys(), ...requestOrder.map((n) => requestShapes.get(n).rust)].sort();
  shapes.push(`/// Every shape of this file (tests check each fits what the rewriter tracks).
#[cfg(test)]
pub static SHAPES: &[&Shape] = &[
${all.map((n) => `    &${n},`).join('\n')}
];`);
  shapes.push('\n// --- pages ---------------------------------------------------------------------------------\n');
  shapes.push(...[...pages.keys()].sort().map((k) => pages.get(k)));
  shapes.push('\n// --- request bodies ------------------------------------------------------------------------\n');
  for (const n of [...requestOrder].sort()) shapes.push(shapeText(requestShapes.get(n).rust, '', requestShapes.get(n).fields));
  const shapesText = `${shapes.join('\n')}\n`;

  const streampay = table('StreamPay', operations, {
    doc: 'src/api/streampay-openapi.json and codegen/catalogue.mjs',
    imports: [
      'use super::super::{Arg, Body, Host, Operation};',
      'use crate::api::list_params::{LIMIT, PAGE};',
      'use crate::http::Method;',
      'use crate::json::{Check, Param, ParamKind, QuerySpec, ANY, ANY_VALUE};',
      'use crate::models::*;',
    ],
    merchantOnly: operations.length,
    before: `// --- list queries --------------------------------------------------------------------------

${queries.join('\n\n')}
`,
  });
  const gatewayOps = GATEWAY.map((g) => {
    const args = g.args.map((a) => (a.id ? `Arg::Id(${str(a.id)})` : `Arg::Body(${g.rust.body})`));
    return { name: g.name, summary: g.doc, text: operation(g.name, g.rust.host, g.method, g.path, args, g.rust.answer, null) };
  });
  const checkout = GATEWAY.filter((g) => g.checkout).length;
  if (GATEWAY.slice(0, checkout).some((g) => !g.checkout)) throw new Error('catalogue: the checkout build\'s gateway operations come first (their ids are the same in both builds)');
  const gateway = table('Gateway', gatewayOps, {
    doc: 'codegen/catalogue.mjs',
    imports: [
      'use super::super::{Arg, Body, Host, Operation};',
      'use crate::http::Method;',
      'use crate::models::*;',
    ],
    merchantOnly: gatewayOps.length - checkout,
    before: '',
  });
  return { shapes: shapesText, streampay, gateway };
}

/** One `Operation` constant. */
function operation(name, host, method, path, args, answer, all) {
  const m = method[0] + method.slice(1).toLowerCase();
  return `pub const ${screaming(name)}: Operation = Operation {
    name: ${str(name)},
    host: Host::${host},
    method: Method::${m},
    path: ${str(path.replace(/\{\w+\}/g, '{}'))},
    args: &[${args.join(', ')}],
    answer: &${answer},
    all: ${all ? `Some(${str(all)})` : 'None'},
};`;
}

/** A client's operations file: its constants and `OPERATIONS`, whose index is the id the JS
 *  methods pass; the last `merchantOnly` are left out of the checkout build. */
function table(client, ops, { doc, imports, merchantOnly, before }) {
  const names = ops.map((o) => `    ${screaming(o.name)},`);
  const kept = names.slice(0, names.length - merchantOnly);
  return `//! Generated by codegen/gen-rust.mjs (run \`make types\`) from ${doc}. Do not edit.
//! The ${client} operations; an operation's id (what its JS method in pkg/src/operations/ passes)
//! is its index in [\`OPERATIONS\`].

#![allow(clippy::all, dead_code, unused_imports)]

${imports.join('\n')}

${before}
// --- operations ----------------------------------------------------------------------------

${ops.map((o) => `/// ${o.summary ?? o.name}\n${o.text}`).join('\n\n')}

/// Every operation of the full build, by id.
#[cfg(feature = "merchant")]
pub static OPERATIONS: &[Operation] = &[
${names.join('\n')}
];

/// The checkout build's: a prefix of the full build's, so ids are the same in both.
#[cfg(not(feature = "merchant"))]
pub static OPERATIONS: &[Operation] = &[${kept.length ? `\n${kept.join('\n')}\n` : ''}];
`;
}
