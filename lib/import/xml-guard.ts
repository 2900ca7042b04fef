/**
 * A byte-level scanner for the XML parts of an uploaded .docx or .xlsx, fed chunk by chunk as the part is inflated,
 * so that a crafted part is refused before mammoth or exceljs builds anything from it:
 * - any `<!DOCTYPE` / `<!ENTITY` (or other `<!` declaration): Office never writes one, and a DTD is what external
 *   entities and "billion laughs" expansions need;
 * - elements nested deeper than a limit: recursive readers overflow their stack or build huge trees on them;
 * - UTF-16/32 parts: Office writes UTF-8, and a scanner of bytes cannot see a declaration hidden in another encoding.
 *
 * It is not a validating parser: it only tracks what it needs (tags, quoted attribute values, comments, CDATA and
 * processing instructions), which keeps it at native speed on the ~hundreds of MB a full UHRI export inflates to.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const RBRACKET = 0x5d;

const enum State {
  Text,
  Lt,
  Tag,
  DoubleQuoted,
  SingleQuoted,
  CloseTag,
  Pi,
  Bang,
  Comment,
  Cdata,
}

const CDATA_OPEN = "[CDATA[";

export class XmlGuard {
  private state = State.Text;
  private depth = 0;
  private previous = 0;
  /** The last two bytes seen in a comment, CDATA or PI, to find their terminator across chunks. */
  private tail = 0;
  private bang = "";
  private started = false;
  /** Why the part is refused; once set, further chunks are ignored. */
  problem: string | null = null;

  constructor(private readonly maxDepth: number) {}

  /** Scans the next chunk; returns the refusal, if any, as soon as it is known. */
  push(chunk: Buffer): string | null {
    if (this.problem) return this.problem;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (otherEncoding(chunk)) return (this.problem = "is not encoded in UTF-8 (Office XML is; UTF-16 is refused)");
    }
    let i = 0;
    const n = chunk.length;
    while (i < n && !this.problem) {
      if (this.state === State.Text) {
        const lt = chunk.indexOf(LT, i);
        if (lt < 0) return null;
        this.state = State.Lt;
        i = lt + 1;
        continue;
      }
      this.step(chunk[i]!);
      i++;
    }
    return this.problem;
  }

  private step(byte: number): void {
    switch (this.state) {
      case State.Lt:
        if (byte === SLASH) this.state = State.CloseTag;
        else if (byte === QUESTION) this.enter(State.Pi);
        else if (byte === BANG) {
          this.state = State.Bang;
          this.bang = "";
        } else if (byte === 0) this.problem = "is not encoded in UTF-8 (Office XML is; UTF-16 is refused)";
        else {
          this.depth++;
          if (this.depth > this.maxDepth) this.problem = `nests elements more than ${this.maxDepth} levels deep`;
          this.state = State.Tag;
          this.previous = byte;
        }
        return;
      case State.Tag:
        if (byte === DQUOTE) this.state = State.DoubleQuoted;
        else if (byte === SQUOTE) this.state = State.SingleQuoted;
        else if (byte === GT) {
          if (this.previous === SLASH) this.depth--;
          this.state = State.Text;
        }
        this.previous = byte;
        return;
      case State.DoubleQuoted:
        if (byte === DQUOTE) this.state = State.Tag;
        return;
      case State.SingleQuoted:
        if (byte === SQUOTE) this.state = State.Tag;
        return;
      case State.CloseTag:
        if (byte === GT) {
          this.depth = Math.max(0, this.depth - 1);
          this.state = State.Text;
        }
        return;
      case State.Bang:
        this.readBang(byte);
        return;
      case State.Pi:
        this.until(byte, QUESTION, QUESTION, true);
        return;
      case State.Comment:
        this.until(byte, DASH, DASH, false);
        return;
      case State.Cdata:
        this.until(byte, RBRACKET, RBRACKET, false);
        return;
      default:
        return;
    }
  }

  private enter(state: State): void {
    this.state = state;
    this.tail = 0;
  }

  /** Leaves a comment ("-->"), CDATA ("]]>") or PI ("?>") at `>` after the terminator's bytes. */
  private until(byte: number, first: number, second: number, single: boolean): void {
    if (byte === GT && (single ? (this.tail & 0xff) === second : this.tail === ((first << 8) | second))) {
      this.state = State.Text;
      return;
    }
    this.tail = ((this.tail << 8) | byte) & 0xffff;
  }

  /** After `<!`: a comment or CDATA goes on; anything else is a declaration, refused once its keyword is read. */
  private readBang(byte: number): void {
    this.bang += String.fromCharCode(byte);
    if (this.bang === "--") return this.enter(State.Comment);
    if (this.bang === CDATA_OPEN) return this.enter(State.Cdata);
    if ("--".startsWith(this.bang) || CDATA_OPEN.startsWith(this.bang)) return;
    // Keep reading while the keyword may go on ("DOCTYPE" is the longest), for the message's sake.
    if (/^[A-Za-z]{1,7}$/.test(this.bang)) return;
    const word = /^[A-Za-z]*/.exec(this.bang)?.[0] ?? "";
    const what = /^doctype$/i.test(word) ? "a DOCTYPE" : /^entity$/i.test(word) ? "an ENTITY declaration" : `a declaration (<!${word}…)`;
    this.problem = `holds ${what}: XML with DOCTYPE or ENTITY declarations is refused (entities can expand without limit or reach outside the file)`;
  }
}

/** A UTF-16 byte-order mark, or `<` as UTF-16 or UTF-32 writes it. Binary parts starting with other bytes pass. */
function otherEncoding(chunk: Buffer): boolean {
  const [a = -1, b = -1, c = -1, d = -1] = chunk;
  const bom = (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
  return bom || (a === 0 && b === LT) || (a === LT && b === 0) || (a === 0 && b === 0 && c === 0 && d === LT);
}

/** Whether an inflated part is XML (and so must be scanned): after an optional BOM and spaces, it starts with `<`. */
export function looksLikeXml(start: Buffer): boolean {
  let i = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
  while (i < start.length && (start[i] === 0x20 || start[i] === 0x0a || start[i] === 0x0d || start[i] === 0x09)) i++;
  if (i < start.length && start[i] === LT) return true;
  return otherEncoding(start);
}
