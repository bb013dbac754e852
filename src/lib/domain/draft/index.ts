export * from './model';
export * from './labels';
export * from './consolidate';
export * from './completeness';
export * from './markdown';
export * from './markdown-escape';
export * from './diff';
export * from './word-diff';
