/** The add-in pages' Content-Security-Policy (csp.js, shared with webpack.config.js). */
export declare const CSP: string;
