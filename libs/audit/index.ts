export * from './canonical';
export * from './merkle';
export * from './signing';
export * from './verify';
export * from './bundle';
