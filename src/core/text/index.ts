export * from './normalize';
export * from './decode';
export * from './invisible';
