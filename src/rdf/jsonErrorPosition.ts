/** The first syntax error in a JSON text: 0-based offset and a description. */
export interface JsonErrorPosition {
  offset: number;
  message: string;
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Finds the first JSON syntax error in `text` (which `JSON.parse` rejected), because V8's messages do not always
 * carry a position. Returns undefined when the text is valid JSON.
 */
export function jsonErrorPosition(text: string): JsonErrorPosition | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.skipBlank();
    scanner.value();
    scanner.skipBlank();
    if (scanner.pos < text.length) scanner.fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, message: error.message };
    if (error instanceof RangeError) return { offset: scanner.pos, message: 'JSON nested too deeply' };
    throw error;
  }
}

const numberPattern = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class JsonScanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new JsonScanError(offset, message);
  }

  private found(): string {
    const ch = this.text[this.pos];
    return ch === undefined ? 'end of input' : `'${ch}'`;
  }

  skipBlank(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  private expect(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected ${what} but found ${this.found()}`);
    this.pos += 1;
  }

  value(): void {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`expected a JSON value but found ${this.found()}`);
  }

  private object(): void {
    this.pos += 1;
    this.skipBlank();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"')
        this.fail(`expected a double-quoted property name but found ${this.found()}`);
      this.string();
      this.skipBlank();
      this.expect(':', "':'");
      this.skipBlank();
      this.value();
      this.skipBlank();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return;
      }
      this.expect(',', "',' or '}'");
      this.skipBlank();
    }
  }

  private array(): void {
    this.pos += 1;
    this.skipBlank();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipBlank();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return;
      }
      this.expect(',', "',' or ']'");
      this.skipBlank();
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos += 1;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('unterminated string', start);
      if (ch === '"') {
        this.pos += 1;
        return;
      }
      if (ch < ' ') this.fail('control character in string');
      if (ch === '\\') {
        const esc = this.text[this.pos + 1] ?? '';
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail('bad \\u escape');
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(esc) && esc !== '') this.pos += 2;
        else this.fail('bad escape in string');
      } else this.pos += 1;
    }
  }

  private number(): void {
    numberPattern.lastIndex = this.pos;
    const match = numberPattern.exec(this.text);
    if (match === null) this.fail('malformed number');
    this.pos += match[0].length;
  }
}
