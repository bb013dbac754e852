export * from './schema';
export * from './operations';
