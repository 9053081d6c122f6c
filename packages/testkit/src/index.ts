export * from './services.js';
export * from './cpu-hog.js';
