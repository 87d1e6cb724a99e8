// A TAILOR_ENGINE_WRAPPER module for tests/unit/engines/engine-wrapper.test.ts.

/** @param {import('../../../src/lib/server/engines/engine').TailorEngine} engine */
export default (engine) => ({ ...engine, model: `wrapped ${engine.model}` });
