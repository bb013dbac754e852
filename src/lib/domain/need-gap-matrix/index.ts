export * from './schema';
export * from './gap';
export * from './derive';
export * from './operations';
export * from './cell-operations';
export * from './gap-lists';
export * from './catalogue';
export * from './export';
