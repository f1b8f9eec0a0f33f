/**
 * Codes of short texts found by a span of a longer string, without making the substring: the row
 * validator's memory of the kön and category values it has already read (a unit name per row
 * would otherwise cost a string and a Map lookup). Holds at most `LIMIT` texts; others are not
 * remembered, and the caller reads them the slow way.
 */
export class SpanCodes {
  static readonly LIMIT = 4096;
  private readonly texts: string[] = [];
  private readonly codes: number[] = [];
  /** Open addressing: index into `texts` (-1 = empty); kept under half full. */
  private slots = new Int32Array(64).fill(-1);

  /** The code remembered for `text[from, to)`, or -1. */
  get(text: string, from: number, to: number): number {
    const { slots, texts } = this;
    const mask = slots.length - 1;
    for (let slot = hashSpan(text, from, to) & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot];
      if (index < 0) return -1;
      if (sameSpan(texts[index], text, from, to)) return this.codes[index];
    }
  }

  /** Remembers a text's code (once; later calls for the same text are ignored). */
  set(text: string, code: number): void {
    if (this.texts.length >= SpanCodes.LIMIT || this.get(text, 0, text.length) >= 0) return;
    if ((this.texts.length + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.texts.forEach((known, index) => this.place(known, index));
    }
    this.texts.push(text);
    this.codes.push(code);
    this.place(text, this.texts.length - 1);
  }

  private place(text: string, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hashSpan(text, 0, text.length) & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }
}

function hashSpan(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

function sameSpan(known: string, text: string, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let i = 0; i < known.length; i++) if (known.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
