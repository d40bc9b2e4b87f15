// main.js
import { formatUnits } from 'stream-payments';

document.querySelector('#amount').textContent =
  formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }); // '0.16638'
