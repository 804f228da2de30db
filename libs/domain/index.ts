export * from './roles';
export * from './actor';
export * from './reform-task';
export * from './deadline';
export * from './tthc-dossier';
export * from './audit';
export * from './inspection';
export * from './periodic-report';
