import { Blob } from './blob';
import type { Execution } from './context';
import { AppsScriptException } from './errors';

/** Compiles source text into a function of the script's own context (templates call script functions). */
export type ScriptCompiler = (source: string) => (...args: unknown[]) => unknown;

const enumOf = (...names: string[]): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `HtmlOutput`. */
export class HtmlOutput {
  #content: string;
  #title = '';
  #width = 0;
  #height = 0;
  #faviconUrl = '';
  readonly #metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly execution: Execution,
    content: string,
    private readonly compile: ScriptCompiler,
  ) {
    this.#content = content;
  }

  private check(method: string): void {
    this.execution.check('HtmlOutput', method);
  }

  append(addedContent: string): HtmlOutput {
    this.check('append');
    this.#content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.check('appendUntrusted');
    this.#content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.check('clear');
    this.#content = '';
    return this;
  }

  setContent(content: string): HtmlOutput {
    this.check('setContent');
    this.#content = String(content);
    return this;
  }

  getContent(): string {
    this.check('getContent');
    return this.#content;
  }

  setTitle(title: string): HtmlOutput {
    this.check('setTitle');
    this.#title = String(title);
    return this;
  }

  getTitle(): string {
    this.check('getTitle');
    return this.#title;
  }

  setWidth(width: number): HtmlOutput {
    this.check('setWidth');
    this.#width = Number(width);
    return this;
  }

  getWidth(): number {
    this.check('getWidth');
    return this.#width;
  }

  setHeight(height: number): HtmlOutput {
    this.check('setHeight');
    this.#height = Number(height);
    return this;
  }

  getHeight(): number {
    this.check('getHeight');
    return this.#height;
  }

  setFaviconUrl(url: string): HtmlOutput {
    this.check('setFaviconUrl');
    this.#faviconUrl = String(url);
    return this;
  }

  getFaviconUrl(): string {
    this.check('getFaviconUrl');
    return this.#faviconUrl;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.check('addMetaTag');
    this.#metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    this.check('getMetaTags');
    return this.#metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }

  /** IFRAME is the only sandbox mode left in Apps Script; the others are ignored there too. */
  setSandboxMode(_mode: string): HtmlOutput {
    this.check('setSandboxMode');
    return this;
  }

  /** Only matters for web apps embedded in other sites. */
  setXFrameOptionsMode(_mode: string): HtmlOutput {
    this.check('setXFrameOptionsMode');
    return this;
  }

  asTemplate(): HtmlTemplate {
    this.check('asTemplate');
    return new HtmlTemplate(this.execution, this.#content, this.compile);
  }

  getBlob(): Blob {
    this.check('getBlob');
    return new Blob(this.execution, Buffer.from(this.#content, 'utf8'), 'text/html', this.#title || null);
  }

  getAs(contentType: string): Blob {
    this.check('getAs');
    return this.getBlob().getAs(contentType);
  }
}

/**
 * Turns template text into JavaScript: `<? code ?>` runs, `<?= expr ?>` prints escaped, `<?!= expr ?>` prints
 * as is (developers.google.com/apps-script/guides/html/templates). Template properties are in scope.
 */
function templateCode(raw: string): string {
  const parts: string[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    if (m.index > last) parts.push(`__out.push(${JSON.stringify(raw.slice(last, m.index))});`);
    if (m[1] === '=') parts.push(`__out.push(__escape(${m[2]}));`);
    else if (m[1] === '!=') parts.push(`__out.push(__text(${m[2]}));`);
    else parts.push(m[2]);
    last = re.lastIndex;
  }
  if (last < raw.length) parts.push(`__out.push(${JSON.stringify(raw.slice(last))});`);
  return `(function (__vars, __escape, __text) { var __out = []; with (__vars) { ${parts.join('\n')} } return __out.join(''); })`;
}

/** `HtmlTemplate`: properties set by the script become variables of the scriptlets. */
export class HtmlTemplate {
  readonly #raw: string;
  readonly #execution: Execution;
  readonly #compile: ScriptCompiler;

  constructor(execution: Execution, raw: string, compile: ScriptCompiler) {
    this.#execution = execution;
    this.#raw = raw;
    this.#compile = compile;
  }

  evaluate(): HtmlOutput {
    this.#execution.check('HtmlTemplate', 'evaluate');
    const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
    const render = this.#compile(templateCode(this.#raw));
    const vars = Object.fromEntries(Object.entries(this));
    const html = String(render(vars, (v: unknown) => escapeHtml(text(v)), text));
    return new HtmlOutput(this.#execution, html, this.#compile);
  }

  getCode(): string {
    this.#execution.check('HtmlTemplate', 'getCode');
    return templateCode(this.#raw);
  }

  getCodeWithComments(): string {
    this.#execution.check('HtmlTemplate', 'getCodeWithComments');
    return templateCode(this.#raw);
  }

  getRawContent(): string {
    this.#execution.check('HtmlTemplate', 'getRawContent');
    return this.#raw;
  }
}

/** `HtmlService` for one execution; `files` are the bundle's *.html files by name without extension. */
export function createHtmlService(
  execution: Execution,
  files: ReadonlyMap<string, string>,
  compile: ScriptCompiler,
): object {
  const file = (name: string): string => {
    const key = String(name).replace(/\.html$/, '');
    const content = files.get(key);
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${key} was found.`);
    return content;
  };
  const textOf = (v: unknown): string => (v instanceof Blob ? v.getDataAsString() : String(v ?? ''));
  return {
    SandboxMode: enumOf('EMULATED', 'IFRAME', 'NATIVE'),
    XFrameOptionsMode: enumOf('ALLOWALL', 'DEFAULT'),
    createHtmlOutput(html?: unknown): HtmlOutput {
      execution.check('HtmlService', 'createHtmlOutput');
      return new HtmlOutput(execution, textOf(html), compile);
    },
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      execution.check('HtmlService', 'createHtmlOutputFromFile');
      return new HtmlOutput(execution, file(filename), compile);
    },
    createTemplate(html: unknown): HtmlTemplate {
      execution.check('HtmlService', 'createTemplate');
      return new HtmlTemplate(execution, textOf(html), compile);
    },
    createTemplateFromFile(filename: string): HtmlTemplate {
      execution.check('HtmlService', 'createTemplateFromFile');
      return new HtmlTemplate(execution, file(filename), compile);
    },
    getUserAgent(): string {
      execution.check('HtmlService', 'getUserAgent');
      return 'Mozilla/5.0 (emulated)';
    },
  };
}
