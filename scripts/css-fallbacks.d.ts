/** See css-fallbacks.js: static copies of var() declarations for Internet Explorer 11. */
export function withStaticFallbacks(css: string): string;
