export * from './key-chord';
export * from './action-table';
export * from './action-lookup';
