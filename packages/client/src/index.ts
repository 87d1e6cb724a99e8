// The package's entry: the client as the app itself uses it, bundled with its types.
export * from '../../../src/lib/client/index';
