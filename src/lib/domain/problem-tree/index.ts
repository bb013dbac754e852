export * from './schema';
export * from './derive';
export * from './operations';
export * from './layout';
export * from './tree-svg';
export * from './objective-wording';
export * from './objective-conversion';
