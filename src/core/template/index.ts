export * from './template';
export * from './recognize';
