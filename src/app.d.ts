// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			user: { id: string; email: string; name: string } | null;
			authMethod: 'session' | 'apiKey' | null;
			/** The API key of the request, when one authenticated it. */
			apiKeyId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
