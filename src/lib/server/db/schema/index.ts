export * from './auth';
export * from './career';
export * from './opportunities';
export * from './profiles';
export * from './jobs';
export * from './usage';
export * from './idempotency';
export * from './webhooks';
