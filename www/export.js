// Export formats for one analyzed article. Pure functions returning strings.

/** The Report for one article as JSON: `{source, options, articles: [article]}` (the CLI's
 * shape plus the options used, so the result can be reproduced). */
export function reportJson(article, { source = null, options = {} } = {}) {
  const json = JSON.stringify({ source, options, articles: [article] }, null, 2);
  // Indented for reading, but a list of numbers (keyword offsets) stays on one line. Only
  // the indentation's line breaks are matched: a JSON string never holds a raw line break.
  return json.replace(/\[\n\s+(-?[\d.e+-]+(?:,\n\s+-?[\d.e+-]+)*)\n\s*\]/g, (_, list) => `[${list.split(/,\n\s+/).join(', ')}]`) + '\n';
}

/** One Report per input, one per line (JSON Lines), like `wenxi analyze`. */
export function reportsJsonl(reports) {
  return reports.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** A CSV field, quoted when needed (RFC 4180). */
export function csvField(value) {
  const s = String(value ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text from rows; starts with a BOM so spreadsheet programs read it as UTF-8. */
export function csv(rows) {
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Frequencies as CSV: word, count, and its share of all the article's words (punctuation not
 *  counted), named so in the header: the rows are content words only, so the shares do not add
 *  up to 1. */
export function frequenciesCsv(article) {
  const words = article.stats.words || 1;
  return csv([['word', 'count', 'share_of_all_words'], ...article.frequencies.map((f) => [f.word, f.count, (f.count / words).toFixed(6)])]);
}

/**
 * The parts of the sentence a summary item was trimmed from (the core may keep only the part
 * that carries the topic): what came before it ("为了…，") and after it; empty when the item
 * is the whole sentence.
 */
export const sentenceHead = (text, item) => text.slice(Math.min(item.start, item.sentenceStart ?? item.start), item.start).trimStart();
export const sentenceRest = (text, item) => text.slice(item.end, Math.max(item.end, item.sentenceEnd ?? 0)).trimEnd();

// Markdown special characters in user text are escaped so titles render as written.
const mdEscape = (s) => String(s).replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

/** "label：value · label：value" for the lines under the title (": " after an English label). */
const pairs = (list) => list
  .filter(([, v]) => v != null && v !== '')
  .map(([k, v]) => `${mdEscape(k)}${/\p{Script=Han}$/u.test(k) ? '：' : ': '}${mdEscape(v)}`)
  .join(' · ');

/**
 * Title, who and when, statistics, summary and keywords as Markdown. `meta` and `stats` are
 * `[label, value]` pairs in the page's language (byline, date, source, file; characters, …).
 * `level` is the title's heading level (2 when the article is one section of a longer file).
 */
export function summaryMarkdown(article, { title, meta = [], stats = [], labels, level = 1 }) {
  const mark = '#'.repeat(level);
  const lines = [`${mark} ${mdEscape(title)}`, ''];
  for (const line of [pairs(meta), pairs(stats)]) if (line) lines.push(line, '');
  lines.push(`${mark}# ${labels.summary}`, '');
  // A span the core trimmed to its topic clause is written out as its whole sentence, as the
  // page shows it.
  for (const s of article.summary) {
    lines.push(`- ${mdEscape((sentenceHead(article.text, s) + s.text + sentenceRest(article.text, s)).trim())}`);
  }
  lines.push('', `${mark}# ${labels.keywords}`, '');
  lines.push(article.keywords.map((k) => `${mdEscape(k.word)} (${k.count})`).join(' · '), '');
  return lines.join('\n');
}

/** Several articles' Markdown summaries (written with `level: 2`) as one file under `title`. */
export function summariesMarkdown(title, sections) {
  return [`# ${mdEscape(title)}`, '', ...sections].join('\n');
}

/** A file name from a title: no path separators or control characters, bounded length. A
 *  title cut from the text of an untitled article ("青溪市图书馆自下月起试行夜间开放，周一…")
 *  gives its first clause. */
export function fileName(title, ext) {
  let name = String(title || 'wenxi');
  if (name.endsWith('…')) name = name.slice(0, -1).split(/[，。！？；：,.!?;:]/)[0];
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, ' ').trim().slice(0, 40) || 'wenxi';
  return `${base}.${ext}`;
}
