// The deposit address as a QR code, drawn as SVG by the element itself (no image, no data: URL,
// so it works under a strict CSP). The encoding is the `uqr` package's, bundled at build time.
import { encode } from 'uqr';

const SVG = 'http://www.w3.org/2000/svg';
/** The quiet zone the QR standard asks for, in modules. */
const QUIET_ZONE = 4;

/** An `<svg>` of `text`: black modules on white, whatever the theme, with its quiet zone. */
export function qrSvg(text) {
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  let path = '';
  // One horizontal run of dark modules per path segment keeps the markup small.
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1H${start}z`;
    }
  });
  const svg = node('svg', { viewBox: `0 0 ${size} ${size}`, 'shape-rendering': 'crispEdges', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(node('rect', { width: size, height: size, fill: '#fff' }), node('path', { d: path, fill: '#000' }));
  return svg;
}

function node(name, attributes) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}
