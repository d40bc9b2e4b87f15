// The element's styles: one constructable stylesheet shared by every instance and adopted by its
// shadow root, so a page whose CSP forbids inline styles needs no exception. Every colour, radius
// and font comes from the documented custom properties, with defaults of at least 4.5:1 contrast.

const LIGHT = '--_text:var(--stream-color-text,#1b1f24);--_bg:var(--stream-color-background,#fff);'
  + '--_accent:var(--stream-color-accent,#0b57d0);--_border:var(--stream-color-border,#6b7280);'
  + '--_ok:var(--stream-color-success,#146c2e);--_bad:var(--stream-color-danger,#b3261e);';
const DARK = '--_text:var(--stream-color-text,#eef0f3);--_bg:var(--stream-color-background,#16181d);'
  + '--_accent:var(--stream-color-accent,#8ab4f8);--_border:var(--stream-color-border,#9aa3b2);'
  + '--_ok:var(--stream-color-success,#6dd58c);--_bad:var(--stream-color-danger,#ffb4ab);';

const CSS = `
:host{display:block;${LIGHT}color:var(--_text);font-family:var(--stream-font,system-ui,sans-serif);line-height:1.5}
:host([hidden]){display:none}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light]):not([theme=dark])){${DARK}}}
[hidden]{display:none!important}
.base{background:var(--_bg);color:var(--_text);border:1px solid var(--_border);border-radius:var(--stream-radius,12px);padding:1rem 1.25rem;max-inline-size:40rem}
h2{font-size:1.2rem;margin:0}
p{margin:.25rem 0}
.status{border-inline-start:4px solid var(--_accent);padding-inline-start:.75rem;margin-block:.5rem 1rem}
.status:focus{outline:2px solid var(--_accent);outline-offset:2px}
.status[data-state=completed]{border-color:var(--_ok)}
.status[data-state=completed] h2{color:var(--_ok)}
.status[data-state=expired],.status[data-state=not_found],.status[data-state=error]{border-color:var(--_bad)}
.status[data-state=expired] h2,.status[data-state=not_found] h2,.status[data-state=error] h2{color:var(--_bad)}
.note{font-weight:600}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.fiat{font-size:1.1rem}
.timer{font-variant-numeric:tabular-nums}
.coins{border:1px solid var(--_border);border-radius:var(--stream-radius,12px);display:flex;flex-wrap:wrap;gap:.5rem;padding:.5rem .75rem;margin:1rem 0}
.coins label{display:flex;align-items:center;gap:.35rem;cursor:pointer}
.deposit{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.qr{inline-size:var(--stream-qr-size,180px);block-size:var(--stream-qr-size,180px);background:#fff;flex:none}
.qr svg{display:block;inline-size:100%;block-size:100%}
.pay{flex:1 1 14rem;min-inline-size:0}
.label{font-size:.9rem}
.amount{font-size:1.4rem;font-weight:700}
.mono,.amount,.address,.exact bdi{font-family:var(--stream-font-mono,ui-monospace,monospace)}
.address{overflow-wrap:anywhere;word-break:break-all;user-select:all}
.exact{font-size:.9rem}
button{font:inherit;color:var(--_bg);background:var(--_accent);border:1px solid var(--_accent);border-radius:var(--stream-radius,12px);padding:.35rem .9rem;margin-block:.25rem .75rem;cursor:pointer}
button:focus-visible,input:focus-visible{outline:2px solid var(--_text);outline-offset:2px}
.error{border:1px solid var(--_bad);border-radius:var(--stream-radius,12px);padding:.5rem .75rem;margin:1rem 0}
@media (prefers-reduced-motion:no-preference){.status{transition:border-color .2s}}
`;

let sheet;

/** The shared sheet, made on first use (there is no `document` when the module is only parsed). */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
