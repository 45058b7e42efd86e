/**
 * A 53-bit hash of a string, so that counting distinct values keeps one number per value rather
 * than the value itself: memory stays flat however long the values are. Two independent 32-bit
 * multiply-xor lanes; at sample sizes (tens of thousands of values per field) a collision is
 * vanishingly unlikely, and when one happens the count is off by one, not wrong in kind.
 */
export function hash53(text: string): number {
  let high = 0x2f6b_9d1d ^ text.length;
  let low = 0x85eb_ca6b ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    high = Math.imul(high ^ unit, 0x9e37_79b1);
    low = Math.imul(low ^ unit, 0x5bd1_e995);
  }
  high = Math.imul(high ^ (high >>> 16), 0x85eb_ca6b) ^ Math.imul(low ^ (low >>> 13), 0xc2b2_ae35);
  low = Math.imul(low ^ (low >>> 16), 0x85eb_ca6b) ^ Math.imul(high ^ (high >>> 13), 0xc2b2_ae35);
  return ((high >>> 0) % 0x20_0000) * 0x1_0000_0000 + (low >>> 0);
}
