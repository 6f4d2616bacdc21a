export * from './seed-2021';
