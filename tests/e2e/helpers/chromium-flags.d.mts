export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_FLAGS: readonly string[];
export declare function extensionFlags(extensionDir: string, userDataDir: string): string[];
