// The Rust side of the StreamPay catalogue, generated from the description and the operations table
// gen-types.mjs made (src/api/streampay-operations.json): src/api/streampay/generated.rs holds
//   - request shapes: every field of every request schema, so required fields and type errors are
//     refused before sending and amounts go out as decimal strings (enum values are not checked);
//   - answer shapes: only the fields that need a conversion (decimal amounts, amounts in smallest
//     units) and the objects and arrays that lead to them; every other field passes through
//     camelCased, so the shapes stay small;
//   - one page shape per list (its `pagination` captured so `listAll*` can walk it);
//   - one query spec per list;
//   - the operations not written by hand in src/api/streampay.rs.
// Called by gen-types.mjs (same --check).

const REF = '#/components/schemas/';

// Written by hand in src/api/streampay.rs (their checks and answers predate the description).
export const HAND_WRITTEN = [
  'getPayment', 'listPayments', 'markPaymentAsPaid', 'refundPayment',
  'createPaymentLink', 'listPaymentLinks', 'getPaymentLink', 'setPaymentLinkStatus',
];

// Schemas the hand-written models already describe.
const HAND_SHAPES = {
  Pagination: 'PAGINATION',
  PaymentResponse: 'STREAMPAY_PAYMENT',
  PaymentLinkDetailed: 'STREAMPAY_PAYMENT_LINK',
};

// Bodies of hand-written operations that still take their shape from here.
const GENERATED_BODIES = ['CreatePaymentLinkDto'];

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
  const answerShapes = new Map(); // schema name -> { rust, fields } (fields null while visiting)
  const order = [];
  const handFields = new Map(); // hand-written shape -> the properties it must convert
  function answerShape(n) {
    if (HAND_SHAPES[n]) {
      if (!handFields.has(n)) {
        handFields.set(n, []);
        for (const [prop, node] of Object.entries(schemas[n].properties ?? {})) {
          if (answerKind(prop, node)) handFields.get(n).push(prop);
        }
      }
      return HAND_SHAPES[n];
    }
    if (answerShapes.has(n)) return answerShapes.get(n).rust;
    const rust = screaming(readable(n));
    const entry = { rust, fields: null };
    answerShapes.set(n, entry); // a cycle sees the name and refers to it
    const fields = [];
    for (const [prop, node] of Object.entries(schemas[n].properties ?? {})) {
      const kind = answerKind(prop, node);
      if (kind) fields.push(`Field::new(${str(prop)}, ${kind})`);
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
      const nullable = node.nullable === true || node.anyOf?.some((m) => m.type === 'null');
      // Required but nullable: sent as null when not given.
      if (required.has(prop)) f += nullable ? '.or("null")' : '.required()';
      // A required string may not be empty either (an empty id or name is a missing one).
      if (node.type === 'string' && (node.minLength >= 1 || (required.has(prop) && !node.maxLength))) f += '.check(Check::NonEmpty)';
      else if (node.type === 'string' && node.maxLength) f += `.check(Check::MaxChars(${node.maxLength}))`;
      return f;
    });
    requestOrder.push(n);
    return rust;
  }

  // --- queries, pages, operations --------------------------------------------------------------
  const queries = [];
  const pages = [];
  const operations = [];
  const queryName = (o) => `${screaming(o.name)}_PARAMS`;
  for (const o of ops) {
    if (o.queryParams.length && o.name !== 'listPayments') {
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
    let answer = '&ANY';
    if (o.response.list) {
      const item = answerShape(o.response.list);
      const rust = `${screaming(readable(o.response.list))}_PAGE`;
      if (!HAND_WRITTEN.includes(o.name) && !pages.some((p) => p.startsWith(`pub static ${rust}:`))) {
        const data = item ? `Kind::Array(&${item})` : 'Kind::Any';
        pages.push(`pub static ${rust}: Shape = Shape::new(\n    ${str(`${readable(o.response.list)} page`)},\n    &[\n        Field::new("data", ${data}).or("[]"),\n        Field::new("pagination", Kind::Object(&PAGINATION)),\n    ],\n);`);
      }
      answer = `&${rust}`;
    } else if (o.response.schema) {
      const shape = answerShape(o.response.schema);
      if (shape) answer = `&${shape}`;
    }
    if (GENERATED_BODIES.includes(o.requestBody?.schema)) requestShape(o.requestBody.schema);
    if (HAND_WRITTEN.includes(o.name)) continue;
    const args = o.pathParams.map((p) => `Arg::Id(${str(p.jsName)})`);
    if (o.requestBody) args.push(`Arg::Body(Body::Shape(&${requestShape(o.requestBody.schema)}))`);
    else if (o.queryParams.length) args.push(`Arg::Query(&${queryName(o)})`);
    const method = o.method[0] + o.method.slice(1).toLowerCase();
    operations.push(`    Operation {
        name: ${str(o.name)},
        host: Host::StreamPay,
        method: Method::${method},
        path: ${str(o.path.replace(/\{\w+\}/g, '{}'))},
        args: &[${args.join(', ')}],
        answer: ${answer},
        all: ${o.listAll ? `Some(${str(o.listAll)})` : 'None'},
    },`);
  }

  const shapeText = (name, what, fields) =>
    `pub static ${name}: Shape = Shape::new(\n    ${str(what)},\n    &[\n${fields.map((f) => `        ${f},`).join('\n')}\n    ],\n);`;
  const out = [];
  out.push(`//! Generated by tests/scripts/gen-rust.mjs (run \`node tests/scripts/gen-types.mjs\`) from
//! src/api/streampay-openapi.json. Do not edit. Request shapes list every field; answer shapes only
//! the amounts and what leads to them (everything else passes through camelCased).

#![allow(clippy::all, dead_code)]

use super::super::{Arg, Body, Host, Operation};
use crate::http::Method;
use crate::json::{Check, Field, Kind, Param, ParamKind, QuerySpec, Shape, ANY};
use crate::models::{__HAND_IMPORTS__};
use crate::query::{LIMIT, PAGE};

/// The operations of the description not written by hand (${operations.length}).
pub const OPERATIONS: [Operation; ${operations.length}] = [
${operations.join('\n')}
];

// --- answers ------------------------------------------------------------------------------
`);
  for (const n of [...order].sort()) out.push(shapeText(answerShapes.get(n).rust, readable(n), answerShapes.get(n).fields));
  out.push(`/// The fields the hand-written answer shapes must convert (checked by src/api/tests.rs).
#[cfg(test)]
pub const HAND_SHAPE_FIELDS: &[(&str, &[&str])] = &[
${[...handFields].sort().map(([n, f]) => `    (${str(HAND_SHAPES[n])}, &[${f.map(str).join(', ')}]),`).join('\n')}
];`);
  const all = [...order.map((n) => answerShapes.get(n).rust), ...pages.map((p) => /pub static (\w+):/.exec(p)[1]), ...requestOrder.map((n) => requestShapes.get(n).rust)].sort();
  out.push(`/// Every shape of this file (tests check each fits what the rewriter tracks).
#[cfg(test)]
pub static SHAPES: &[&Shape] = &[
${all.map((n) => `    &${n},`).join('\n')}
];`);
  out.push('\n// --- pages ---------------------------------------------------------------------------------\n');
  out.push(...pages);
  out.push('\n// --- request bodies ------------------------------------------------------------------------\n');
  for (const n of [...requestOrder].sort()) out.push(shapeText(requestShapes.get(n).rust, '', requestShapes.get(n).fields));
  out.push('\n// --- list queries --------------------------------------------------------------------------\n');
  out.push(...queries);
  const text = `${out.join('\n')}\n`;
  const used = ['PAGINATION', ...Object.values(HAND_SHAPES)].filter((h, i, all) => all.indexOf(h) === i && new RegExp(`&${h}\\b`).test(text));
  return text.replace('__HAND_IMPORTS__', used.sort().join(', '));
}
