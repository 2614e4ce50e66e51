export * from './envelope';
export * from './resolver';
export * from './portal';
export * from './agent';
export * from './admin';
export * from './project';
