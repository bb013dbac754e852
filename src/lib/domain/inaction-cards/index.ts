export * from './schema';
export * from './cost-estimate';
export * from './operations';
export * from './derive';
