export * from './items';
export * from './dots';
