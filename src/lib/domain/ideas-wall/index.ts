export * from './schema';
export * from './operations';
export * from './reveal';
