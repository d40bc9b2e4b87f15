// The deposit address as a QR code, drawn by the `qr` package (pinned in www/package.json) as SVG.
import encodeQR from 'qr';

/** Replaces the contents of `box` with a QR code of `text` (medium error correction). */
export function drawQr(box, text) {
  // The SVG is built by the library from module bits only, never from the text itself.
  box.innerHTML = encodeQR(text, 'svg', { ecc: 'medium', border: 2 });
  const svg = box.querySelector('svg');
  svg?.setAttribute('aria-hidden', 'true');
  svg?.setAttribute('focusable', 'false');
}
