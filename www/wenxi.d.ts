// Types for wenxi.js — the wenxi analyzer in JavaScript.

export type Method = 'auto' | 'tfidf' | 'textrank';
export type Mode = 'default' | 'search' | 'all';

export interface AnalyzeOptions {
  /** Number of keywords (default 10). */
  topK?: number;
  /** Summary length in sentences (default 3). */
  summarySentences?: number;
  /** Summary length as a character budget; overrides summarySentences. As many sentences as
   *  fit; the best sentence is kept even when it alone is longer. */
  summaryChars?: number;
  /** Keyword method (default 'auto'). */
  method?: Method;
  /** Use the HMM for words missing from the dictionary (default true). */
  hmm?: boolean;
  /** Shortest word in `frequencies`, in characters (default 2). */
  minWordLength?: number;
  /** Longest `frequencies` list (default 200; `Infinity` for all of them — `stats.distinctWords`
   *  says how long the whole list is). */
  maxFrequencies?: number;
  /** Extra stopwords. */
  stopwords?: string[];
  /** Read the text as one article: never split at later headlines, rules or `---` lines
   *  (default false). */
  oneArticle?: boolean;
}

export interface SegmentOptions {
  mode?: Mode;
  hmm?: boolean;
}

export interface Keyword {
  word: string;
  score: number;
  count: number;
  /** [start, end] UTF-16 offsets into the article text. */
  occurrences: [number, number][];
  /** The word in simplified characters, when the text writes it in traditional ones. */
  simplified?: string;
}

export interface Frequency {
  word: string;
  count: number;
  /** The word in simplified characters, when the text writes it in traditional ones. */
  simplified?: string;
}

export interface SummarySentence {
  text: string;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  score: number;
  /**
   * The whole sentence the item was taken from (UTF-16 offsets): the item may be trimmed to
   * the part that carries the topic.
   */
  sentenceStart: number;
  sentenceEnd: number;
}

export interface Stats {
  /** Characters, not counting whitespace. */
  chars: number;
  /** Words (tokens that are not punctuation or whitespace). */
  words: number;
  /** Sentences (headings, captions and bylines not counted). */
  sentences: number;
  /** Paragraphs (non-empty lines). */
  paragraphs: number;
  /** Distinct content words: the whole frequency list's length. */
  distinctWords: number;
}

export interface Article {
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  byline: string | null;
  date: string | null;
  source: string | null;
  /** Cleaned body; every offset refers to this string. */
  text: string;
  stats: Stats;
  keywords: Keyword[];
  frequencies: Frequency[];
  summary: SummarySentence[];
}

export interface Report {
  articles: Article[];
}

export interface TaggedWord {
  word: string;
  tag: string;
  /** Present and true for words from the user dictionary. */
  user?: true;
}

export interface DictionaryResult {
  added: number;
  /** `message` in English; `reason` (the problem, in English) and `content` (the line as
   *  written) let a page word its own message. */
  errors: { line: number; message: string; reason: string; content: string }[];
}

/** An article found by ingestion, not yet analyzed. */
export interface ArticlePart {
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  byline: string | null;
  date: string | null;
  source: string | null;
  body: string;
}

export interface Analyzer {
  /** `text` may also be a file's bytes, decoded as `decode` does. */
  analyze(text: string | BufferSource, options?: AnalyzeOptions): Report;
  /** `analyze` in two steps, for per-article progress. */
  splitArticles(text: string | BufferSource, options?: { oneArticle?: boolean }): ArticlePart[];
  analyzeArticle(part: ArticlePart, options?: AnalyzeOptions): Article;
  /** File bytes (UTF-8, UTF-16 with a BOM, GBK/GB18030, Big5) → string; throws on binary data. */
  decode(bytes: BufferSource): string;
  segment(text: string, options?: SegmentOptions): Uint32Array;
  spans(text: string, options?: SegmentOptions): Uint32Array;
  cut(text: string, options?: SegmentOptions): string[];
  tag(text: string, options?: { hmm?: boolean }): TaggedWord[];
  addWord(word: string, freq?: number, tag?: string): number;
  /** Text, or a dictionary file's bytes (decoded as `decode` does). */
  loadDictionary(text: string | BufferSource): DictionaryResult;
}

/** Instantiate once; later calls resolve to the same analyzer. */
export function load(options?: { wasm?: BufferSource | WebAssembly.Module | URL | Response }): Promise<Analyzer>;
export default load;
