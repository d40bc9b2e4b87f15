// A cursor over a .wasm's bytes: the unsigned LEB128 numbers and length-prefixed names its
// sections are made of. Used by the name-section reader and the build's import renamer.

export class WasmReader {
  /** `bytes` a Uint8Array; reading starts after the magic number and version. */
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 8;
  }

  get done() {
    return this.at >= this.bytes.length;
  }

  byte() {
    return this.bytes[this.at++];
  }

  /** An unsigned LEB128 number. */
  leb() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }

  /** A UTF-8 name after its length. */
  name() {
    const len = this.leb();
    return new TextDecoder().decode(this.bytes.subarray(this.at, (this.at += len)));
  }
}
