/**
 * How every browser test and benchmark starts Debian's Chromium here: headless, and without the
 * background services whose connections this machine's closed network refuses (many at a time).
 * Plain JavaScript so that the benchmarks, which run under node without a compile step, share it.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium with an unpacked extension loaded, as the extension tests and benchmarks need it. */
export const extensionFlags = (extensionDir, userDataDir) => [
  '--headless=new',
  ...CHROMIUM_FLAGS,
  `--load-extension=${extensionDir}`,
  `--disable-extensions-except=${extensionDir}`,
  `--user-data-dir=${userDataDir}`,
  '--remote-debugging-port=0',
];
