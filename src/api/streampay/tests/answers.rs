//! Answers decoded for JS: amounts exact (strings) at every depth, in the generated shapes
//! and the hand-written ones alike.

use super::*;

/// An invoice as the API answers one: amounts as strings and as numbers, nested items, coupons,
/// payments and a subscription, and fields this version does not know.
const INVOICE: &str = r#"{
  "id": "inv-1", "status": "SENT", "total_amount": 115.5, "original_amount": "130.00",
  "paid_amount": "0", "total_amount_in_smallest_unit": 11550,
  "remaining_amount_in_smallest_unit": 90071992547409931234,
  "coupon_calculation_metadata": {"total_discount": 1, "coupons": [
    {"coupon_id": "c1", "discount_value": 10, "amount_before_discount": "130.00",
     "discount_amount": 14.5, "amount_after_discount": "115.50", "brand_new_field": {"deep_key": 1}}]},
  "items": [{"product": {"id": "p1", "price": 65, "prices": [{"amount": 65.25, "currency": "SAR"}]},
             "unit_price": "65.00", "original_amount": 130, "discounted_amount_in_smallest_unit": 11550}],
  "payments": [{"id": "pay-1", "amount": 57.75, "amount_in_smallest_unit": 5775, "current_status": "FUTURE_STATUS"}],
  "subscription": {"id": "s1", "amount": 1.5, "latest_invoice": {"total_amount": 2.25},
                   "items": [{"original_amount": 3, "product": {"vat_amount": 0.15}}]},
  "organization_consumer": {"consumer": {"phone_number": "+966500000000"}},
  "payment_methods": {"bank_transfer": true},
  "unknown_top_level": [{"snake_key": 12345678901234567890}]
}"#;

#[test]
fn an_invoice_decodes_amounts_as_strings_at_every_depth() {
    let op = find(Api::StreamPay, "getInvoice").unwrap();
    let v = js(INVOICE, op.answer);
    assert_eq!(v["totalAmount"], "115.5");
    assert_eq!(v["originalAmount"], "130.00");
    assert_eq!(v["totalAmountInSmallestUnit"], "11550");
    assert_eq!(v["remainingAmountInSmallestUnit"], "90071992547409931234");
    let coupon = &v["couponCalculationMetadata"]["coupons"][0];
    assert_eq!(coupon["discountValue"], "10");
    assert_eq!(coupon["discountAmount"], "14.5");
    assert_eq!(
        coupon["brandNewField"]["deepKey"], 1,
        "unknown fields kept, camelCased"
    );
    assert_eq!(v["couponCalculationMetadata"]["totalDiscount"], 1);
    assert_eq!(v["items"][0]["product"]["price"], "65");
    assert_eq!(v["items"][0]["product"]["prices"][0]["amount"], "65.25");
    assert_eq!(v["items"][0]["originalAmount"], "130");
    assert_eq!(v["items"][0]["discountedAmountInSmallestUnit"], "11550");
    assert_eq!(v["payments"][0]["amount"], "57.75");
    assert_eq!(v["payments"][0]["amountInSmallestUnit"], "5775");
    assert_eq!(v["payments"][0]["currentStatus"], "FUTURE_STATUS");
    assert_eq!(v["subscription"]["amount"], "1.5");
    assert_eq!(v["subscription"]["latestInvoice"]["totalAmount"], "2.25");
    assert_eq!(
        v["subscription"]["items"][0]["product"]["vatAmount"],
        "0.15"
    );
    assert_eq!(
        v["organizationConsumer"]["consumer"]["phoneNumber"],
        "+966500000000"
    );
    assert_eq!(v["paymentMethods"]["bankTransfer"], true);
    assert_eq!(v["unknownTopLevel"][0]["snakeKey"], "12345678901234567890");
    // The list of invoices reads the same items, and its pagination.
    let list = find(Api::StreamPay, "listInvoices").unwrap();
    let page = format!(
        r#"{{"data":[{INVOICE}],"pagination":{{"total_count":1,"max_page":1,"current_page":1,"limit":10,"has_next_page":false,"has_previous_page":false}}}}"#
    );
    let v = js(&page, list.answer);
    assert_eq!(v["data"][0]["totalAmount"], "115.5");
    assert_eq!(v["pagination"]["hasNextPage"], false);
    // A wrong kind where an amount must be is a DECODE error naming the field.
    let err = decode(r#"{"total_amount": {"v": 1}}"#, op.answer).unwrap_err();
    assert_eq!(err.code, ErrorCode::Decode);
    assert!(err.message.contains("total_amount"), "{}", err.message);
}

#[test]
fn other_answers_keep_amounts_exact() {
    /// (operation, answer, [(JSON pointer, the string expected there)])
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );
    let cases: [Case; 6] = [
        (
            "addProductPrice",
            r#"{"id":"x","amount":10.10,"vat_amount":"1.515","amount_in_smallest_unit":1010}"#,
            &[
                ("/amount", "10.10"),
                ("/vatAmount", "1.515"),
                ("/amountInSmallestUnit", "1010"),
            ],
        ),
        (
            "createCoupon",
            r#"{"id":"c","discount_value":12.5,"is_percentage":true}"#,
            &[("/discountValue", "12.5")],
        ),
        (
            "listCoupons",
            r#"{"data":[{"discount_value":0.10}]}"#,
            &[("/data/0/discountValue", "0.10")],
        ),
        (
            "getProduct",
            r#"{"price":1,"price_excluding_vat":0.87,"prices":[{"price_excluding_vat":0.870}]}"#,
            &[
                ("/price", "1"),
                ("/priceExcludingVat", "0.87"),
                ("/prices/0/priceExcludingVat", "0.870"),
            ],
        ),
        (
            "createSubscription",
            r#"{"amount":"00100.10","original_amount_in_smallest_unit":10010}"#,
            &[
                ("/amount", "00100.10"),
                ("/originalAmountInSmallestUnit", "10010"),
            ],
        ),
        (
            "getPaymentLink",
            r#"{"id":"l","url":"u","status":"ACTIVE","amount_collected":7.5,"coupons":[{"discount_value":5}],"items":[{"product":{"price":2}}]}"#,
            &[
                ("/amountCollected", "7.5"),
                ("/coupons/0/discountValue", "5"),
                ("/items/0/product/price", "2"),
            ],
        ),
    ];
    for (name, body, expect) in cases {
        let op = find(Api::StreamPay, name).unwrap();
        let v = js(body, op.answer);
        for (pointer, value) in expect {
            assert_eq!(v.pointer(pointer).unwrap(), value, "{name} {pointer}");
        }
    }
    // Answers the description leaves open (`{}` of a DELETE) are read as they are.
    for name in [
        "deleteConsumer",
        "deleteProduct",
        "deleteProductPrice",
        "deleteCoupon",
        "deleteSubscriptionFreeze",
    ] {
        let op = find(Api::StreamPay, name).unwrap();
        assert_eq!(js("{}", op.answer), json!({}), "{name}");
        assert_eq!(
            js(r#"{"deleted_at":"x"}"#, op.answer),
            json!({"deletedAt": "x"}),
            "{name}"
        );
    }
}
