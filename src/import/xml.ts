/**
 * XML: a tolerant scanner for the few elements a workbook needs, over the part's text decoded once
 * (as the CSV path holds its whole text). Names are matched without their namespace prefix (`x:c`
 * is `c`); no DTD is read and no entity but the five predefined ones and character references is
 * expanded.
 */

export const OPEN = 0;
export const CLOSE = 1;
export const EMPTY = 2;
const GT = 62;
const SLASH = 47;
const COLON = 58;

export class XmlScanner {
  kind = OPEN;
  private readonly xml: string;
  private pos = 0;
  /** The current tag's local name, and its attributes as [name start, name end, value start, value end]. */
  private nameStart = 0;
  private nameEnd = 0;
  private readonly attributes: number[] = [];
  private attributeCount = 0;

  constructor(bytes: Uint8Array) {
    this.xml = new TextDecoder().decode(bytes);
  }

  /** Moves to the next start, end or empty-element tag; false at the end of the text. */
  next(): boolean {
    const x = this.xml;
    for (;;) {
      const lt = x.indexOf('<', this.pos);
      if (lt < 0 || lt + 1 >= x.length) return false;
      const c = x.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.pos = this.skipSpecial(lt);
        continue;
      }
      this.kind = c === SLASH ? CLOSE : OPEN;
      let i = this.kind === CLOSE ? lt + 2 : lt + 1;
      this.nameStart = i;
      for (; i < x.length; i++) {
        const d = x.charCodeAt(i);
        if (d === COLON) this.nameStart = i + 1;
        else if (d <= 32 || d === GT || d === SLASH) break;
      }
      this.nameEnd = i;
      this.attributeCount = 0;
      this.pos = this.readAttributes(i);
      return true;
    }
  }

  /** Whether the current tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /** An attribute of the current tag by local name, entities decoded. */
  attr(name: string): string | undefined {
    const a = this.attributes;
    for (let k = 0; k < this.attributeCount; k += 4) {
      const start = a[k + 1] - name.length;
      if (start < a[k] || !this.xml.startsWith(name, start)) continue;
      if (start === a[k] || this.xml.charCodeAt(start - 1) === COLON) return this.decode(a[k + 2], a[k + 3]);
    }
    return undefined;
  }

  /** Text content of the start tag just read, up to its end tag (CDATA kept, comments and child tags dropped). */
  text(): string {
    if (this.kind !== OPEN) return '';
    const x = this.xml;
    let text = '';
    let depth = 0;
    for (;;) {
      const lt = x.indexOf('<', this.pos);
      text += this.decode(this.pos, lt < 0 ? x.length : lt);
      if (lt < 0) {
        this.pos = x.length;
        return text;
      }
      this.pos = lt;
      if (x.startsWith('<![CDATA[', lt)) {
        const end = x.indexOf(']]>', lt);
        text += x.slice(lt + 9, end < 0 ? x.length : end);
        this.pos = end < 0 ? x.length : end + 3;
        continue;
      }
      if (!this.next()) return text;
      if (this.kind === OPEN) depth++;
      else if (this.kind === CLOSE && depth-- === 0) return text;
    }
  }

  /** Past a comment, processing instruction, CDATA section or DOCTYPE starting at `lt`. */
  private skipSpecial(lt: number): number {
    const x = this.xml;
    const endOf = (close: string) => {
      const end = x.indexOf(close, lt + 2);
      return end < 0 ? x.length : end + close.length;
    };
    if (x.startsWith('<!--', lt)) return endOf('-->');
    if (x.startsWith('<![CDATA[', lt)) return endOf(']]>');
    if (x.charCodeAt(lt + 1) === 63) return endOf('?>');
    // <!DOCTYPE …>, possibly with an internal subset in brackets.
    let brackets = 0;
    let i = lt + 2;
    for (; i < x.length; i++) {
      const c = x.charCodeAt(i);
      if (c === 91) brackets++;
      else if (c === 93) brackets--;
      else if (c === GT && brackets <= 0) break;
    }
    return i + 1;
  }

  /** Reads attributes from i to the tag's end; returns the position after `>`. */
  private readAttributes(i: number): number {
    const x = this.xml;
    const n = x.length;
    for (;;) {
      while (i < n && x.charCodeAt(i) <= 32) i++;
      if (i >= n) return i;
      const c = x.charCodeAt(i);
      if (c === GT) return i + 1;
      if (c === SLASH) {
        if (this.kind === OPEN) this.kind = EMPTY;
        i++;
        continue;
      }
      const nameStart = i;
      for (; i < n; i++) {
        const d = x.charCodeAt(i);
        if (d === 61 /* = */ || d === GT || d <= 32) break;
      }
      const nameEnd = i;
      while (i < n && x.charCodeAt(i) <= 32) i++;
      if (x.charCodeAt(i) !== 61) continue; // an attribute without value: ignored
      i++;
      while (i < n && x.charCodeAt(i) <= 32) i++;
      const quote = x[i];
      if (quote !== '"' && quote !== "'") continue;
      const end = x.indexOf(quote, i + 1);
      const valueEnd = end < 0 ? n : end;
      const a = this.attributes;
      const k = this.attributeCount;
      a[k] = nameStart;
      a[k + 1] = nameEnd;
      a[k + 2] = i + 1;
      a[k + 3] = valueEnd;
      this.attributeCount += 4;
      i = valueEnd + 1;
    }
  }

  /** Text between two positions, entities decoded. */
  private decode(from: number, to: number): string {
    if (to <= from) return '';
    const text = this.xml.slice(from, to);
    return text.includes('&') ? decodeEntities(text) : text;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The five predefined XML entities and character references; anything else is left as written.
 * @example decodeEntities('A &amp; B &#x2013; &#246;') // "A & B – ö"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
