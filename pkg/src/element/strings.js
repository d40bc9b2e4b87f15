// The element's built-in text, English and Arabic. `{name}` is filled in by `text()`; amounts,
// addresses, ids and times are never translated (they are inserted as ASCII, left to right).

const en = {
  loading: 'Loading the payment…',
  pending: 'Waiting for your payment',
  pendingDetail: 'This page updates by itself.',
  completed: 'Payment received',
  completedDetail: 'The gateway has received your payment.',
  paidNote: 'Thank you. The shop confirms your order separately.',
  expired: 'Payment expired',
  expiredDetail: 'Do not send money to its address. Ask the shop for a new payment.',
  not_found: 'Payment not found',
  not_foundDetail: 'The gateway does not know this payment. Do not send money for it.',
  error: 'The payment could not be loaded',
  errorDetail: 'Check the link, then try again.',
  reconnecting: 'Reconnecting',
  reconnectingDetail: 'The connection was lost; trying again. The details shown are the last known ones.',
  retry: 'Retry',
  payWith: 'Pay with',
  sendAtLeast: 'Send at least',
  sendExactly: 'Send exactly',
  roundedUp: 'Rounded up to {digits} decimals, so it is never too little. Exact amount due:',
  smallestUnits: '{amount} in smallest units (decimals unknown)',
  copyAmount: 'Copy exact {token} amount',
  toAddress: 'to this {token} deposit address',
  copyAddress: 'Copy {token} deposit address',
  qrLabel: 'QR code of the {token} deposit address',
  copied: 'Copied',
  copyFailed: 'Copying was refused: the text is selected, copy it with your keyboard.',
  expiresIn: 'Expires in {time}',
  checking: 'Time is up: checking with the gateway…',
  minutesLeft5: '5 minutes left',
  minutesLeft1: '1 minute left',
  fiat: 'Amount',
};

const ar = {
  loading: 'جارٍ تحميل الدفعة…',
  pending: 'بانتظار دفعتك',
  pendingDetail: 'تتحدّث هذه الصفحة تلقائيًا.',
  completed: 'تم استلام الدفعة',
  completedDetail: 'استلمت البوابة دفعتك.',
  paidNote: 'شكرًا لك. يؤكّد المتجر طلبك بشكل منفصل.',
  expired: 'انتهت صلاحية الدفعة',
  expiredDetail: 'لا ترسل أموالًا إلى عنوانها. اطلب من المتجر دفعة جديدة.',
  not_found: 'لم يتم العثور على الدفعة',
  not_foundDetail: 'لا تعرف البوابة هذه الدفعة. لا ترسل أموالًا مقابلها.',
  error: 'تعذّر تحميل الدفعة',
  errorDetail: 'تحقّق من الرابط ثم أعد المحاولة.',
  reconnecting: 'جارٍ إعادة الاتصال',
  reconnectingDetail: 'انقطع الاتصال؛ نحاول مجددًا. التفاصيل المعروضة هي آخر ما عُرف.',
  retry: 'إعادة المحاولة',
  payWith: 'ادفع باستخدام',
  sendAtLeast: 'أرسل على الأقل',
  sendExactly: 'أرسل بالضبط',
  roundedUp: 'مقرّب للأعلى إلى {digits} منازل عشرية حتى لا يكون أقل من المطلوب. المبلغ المستحق بالضبط:',
  smallestUnits: '{amount} بأصغر الوحدات (المنازل العشرية غير معروفة)',
  copyAmount: 'نسخ مبلغ {token} بالضبط',
  toAddress: 'إلى عنوان إيداع {token} هذا',
  copyAddress: 'نسخ عنوان إيداع {token}',
  qrLabel: 'رمز QR لعنوان إيداع {token}',
  copied: 'تم النسخ',
  copyFailed: 'رُفض النسخ: النص محدّد، انسخه بلوحة المفاتيح.',
  expiresIn: 'تنتهي الصلاحية خلال {time}',
  checking: 'انتهى الوقت: جارٍ التحقق من البوابة…',
  minutesLeft5: 'بقيت 5 دقائق',
  minutesLeft1: 'بقيت دقيقة واحدة',
  fiat: 'المبلغ',
};

const builtIn = { en, ar };

/** The languages written right to left among the built-in ones. */
export const RTL = new Set(['ar']);

/** The built-in table for `lang` ("ar-EG" -> ar), English when there is none. */
export function table(lang) {
  return builtIn[String(lang).toLowerCase().split('-')[0]] ?? en;
}

/** `key` in `lang`, the page's `overrides` first, with `{name}` filled from `values`. */
export function text(lang, overrides, key, values) {
  const own = overrides?.[key];
  const template = typeof own === 'string' ? own : table(lang)[key] ?? en[key] ?? '';
  return values ? template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m)) : template;
}

