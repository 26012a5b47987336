// The parts of untyped packages Broadsheet uses, typed at the boundary.

declare module '@11ty/eleventy-img' {
  interface ImageOptions {
    widths?: (number | 'auto' | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
  }
  function Image(src: string, options?: ImageOptions): Promise<Record<string, unknown[]>>;
  export default Image;
}

declare module '@11ty/eleventy' {
  /** The configuration API handed to `.eleventy.ts` and plugins (the parts we use). */
  export interface UserConfig {
    directories: { input: string; output: string; includes: string };
    addGlobalData(name: string, data: unknown): UserConfig;
    addFilter(name: string, filter: (...args: any[]) => unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): UserConfig;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => unknown, options?: T): void;
    setLibrary(name: string, library: unknown): void;
    setQuietMode(quiet: boolean): void;
    setWatchThrottleWaitTime(ms: number): void;
    on(event: string, listener: (...args: any[]) => unknown): void;
    emit(event: string, ...args: unknown[]): unknown;
    [key: string]: any;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: {
      configPath?: string;
      quietMode?: boolean;
      config?: (config: UserConfig) => void | Promise<void>;
      runMode?: 'build' | 'watch' | 'serve';
    });
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    stopWatch(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
  }
}

declare module 'smartypants' {
  /** SmartyPants with Unicode characters out; `attr` '1' = quotes, backticks, `--` em dash, `...` ellipsis. */
  export function smartypantsu(text: string, attr?: string | number): string;
}

declare module 'nunjucks' {
  /** A Nunjucks environment (Eleventy makes it and adds the filters, tags and globals): the parts read here. */
  export interface Environment {
    extensions: Record<string, unknown>;
    extensionsList: { __name?: string }[];
  }
  /** One template's text, compiled on its first render and reused for every later one. */
  export class Template {
    constructor(source: string, environment: Environment, path: string);
    render(context: object, callback: (error: Error | null, html: string | null) => void): void;
  }
  const nunjucks: { Template: typeof Template };
  export default nunjucks;
}
