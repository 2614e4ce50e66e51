export * from './locale';
export * from './messages';
export * from './format';
export * from './formatters';
