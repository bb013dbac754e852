export * from './schema';
export * from './timeframe';
export * from './derive';
export * from './operations';
export * from './details';
export * from './template';
export * from './seed-000-template';
