// Where the official StreamPay MCP server (streampayments/stream-mcp-server, src/stream_mcp/tools/)
// has a tool for an operation, the tool keeps its name and parameter names, so that agents and
// prompts written for it work here. Everything not listed is the catalogue name in snake_case.
// Its `send_invoice` and `void_invoice` call endpoints the API description does not have: absent.

/** Catalogue operation -> tool name, where snake_case of the operation's name is not the official one. */
export const TOOL_NAMES = {
  listConsumers: 'list_customers',
  getConsumer: 'get_customer',
  createConsumer: 'create_customer',
  updateConsumer: 'update_customer',
  deleteConsumer: 'delete_customer',
  deleteProduct: 'archive_product',
};

/** Tool -> { parameter: wire name }: the official server's names for fields the API names otherwise. */
export const PARAMETER_NAMES = {
  get_customer: { customer_id: 'consumer_id' },
  update_customer: { customer_id: 'consumer_id' },
  delete_customer: { customer_id: 'consumer_id' },
  create_invoice: { customer_id: 'organization_consumer_id' },
};

/**
 * Official tools that are one operation with part of its body fixed: one more tool beside the
 * operation's own (which keeps every field).
 */
export const FIXED_BODY_TOOLS = [
  {
    name: 'deactivate_payment_link',
    title: 'Deactivate Payment Link',
    operation: 'setPaymentLinkStatus',
    body: { status: 'INACTIVE' },
    description: 'Deactivate a payment link so that it can no longer be paid (its status becomes INACTIVE).',
  },
  {
    name: 'deactivate_coupon',
    title: 'Deactivate Coupon',
    operation: 'updateCoupon',
    body: { is_active: false },
    omit: ['name', 'discount_value', 'currency', 'is_percentage'],
    description: 'Deactivate a coupon so that it can no longer be redeemed (is_active becomes false).',
  },
];

/** POSTs that change or charge something that exists (the rest of the POSTs only add). */
export const DESTRUCTIVE_POSTS = new Set([
  'markPaymentAsPaid',
  'refundPayment',
  'autoChargePayment',
  'cancelSubscription',
  'freezeSubscription',
]);
