import { TokenParser, Tokenizer, type TokenParserOptions } from '@streamparser/json';

/**
 * A JSON integer past 2^53 as its exact digits (a BigInt): as a number, a row's `12345678901234567891` id was sent as
 * `12345678901234567000`. Other numbers are read as JSON.parse reads them.
 */
export function exactNumber(source: string): number | bigint {
  const value = Number(source);
  return Number.isSafeInteger(value) || !/^-?\d+$/.test(source) ? value : BigInt(source);
}

/** `JSON.parse` keeping large integers exact (see `exactNumber`). */
export function parseJsonExact(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined ? exactNumber(context.source) : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

class ExactTokenizer extends Tokenizer {
  protected override parseNumber(numberStr: string): number {
    // The token parser only passes the value on: a BigInt reaches the row as it is.
    return exactNumber(numberStr) as number;
  }
}

/** `JSONParser` (a tokenizer chained to a token parser) keeping large integers exact. */
export class ExactJsonParser {
  private readonly tokenizer = new ExactTokenizer();
  private readonly tokenParser: TokenParser;

  constructor(options: TokenParserOptions) {
    this.tokenParser = new TokenParser(options);
    this.tokenizer.onToken = this.tokenParser.write.bind(this.tokenParser);
    this.tokenizer.onEnd = () => {
      if (!this.tokenParser.isEnded) this.tokenParser.end();
    };
    this.tokenParser.onError = this.tokenizer.error.bind(this.tokenizer);
    this.tokenParser.onEnd = () => {
      if (!this.tokenizer.isEnded) this.tokenizer.end();
    };
  }

  get isEnded(): boolean {
    return this.tokenizer.isEnded && this.tokenParser.isEnded;
  }

  set onValue(callback: TokenParser['onValue']) {
    this.tokenParser.onValue = callback;
  }

  write(text: string): void {
    this.tokenizer.write(text);
  }

  end(): void {
    this.tokenizer.end();
  }
}
