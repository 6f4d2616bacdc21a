export * from './sentences';
export * from './render';
export * from './compile';
