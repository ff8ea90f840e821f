// jsdom ships no types and @types/jsdom lags its majors; tests use only this constructor.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; contentType?: string });
    readonly window: Window & typeof globalThis;
  }
}
