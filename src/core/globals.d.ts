/** Replaced at build time: false in release builds, so debug logging is compiled out. */
declare const __DEBUG__: boolean;
